import { describeEachEngine, freshDatabase } from '@sledopyt/store/testing';
import { describe, expect, it } from 'vitest';
import { checkpointSource, readCursor } from './checkpoint.js';
import { sourceIdOf } from './config.js';
import { runOneCSync, runOneCSyncLocked } from './sync.js';
import { COMPANY_INN, ONEC_PASSWORD, configFor, emulator, syncContext } from './test-support/harness.js';
import { countRows, expectedBalances, expectedMovementsByKind, storeBalances, storeContent } from './test-support/expectations.js';
import { rejected as failure } from '@sledopyt/core/testing';

const SALES = 'Document_РеализацияТоваровУслуг';
const PURCHASES = { bp30: 'Document_ПоступлениеТоваровУслуг', ut115: 'Document_ПриобретениеТоваровУслуг' } as const;

/** How many objects were read in full by key (`Ref_Key eq guid'…' or …`) from a set. */
const readByKey = (onec: Awaited<ReturnType<typeof emulator>>, set: string): number =>
  onec.stats.requests.filter((r) => r.entitySet === set && r.query['$filter']?.startsWith('Ref_Key eq') === true).reduce((n, r) => n + (r.query['$filter']?.split(' or ').length ?? 0), 0);

describeEachEngine('1C sync into the store', (engine) => {
  for (const profile of ['bp30', 'ut115'] as const) {
    describe(profile, () => {
      it('loads the period: every RNPT share becomes a movement, balances equal 1C’s register and the records', async () => {
        const onec = await emulator({ profile });
        const { store } = await freshDatabase(engine);
        const context = syncContext(configFor(onec), { store, now: () => new Date('2026-03-31T21:30:00Z') });
        const summary = await runOneCSync(context);

        expect(summary.profile).toBe(profile);
        // The base's clock (Europe/Moscow) next to UTC, for matching 1C's event log.
        expect([summary.startedAt, summary.startedAtBaseTime]).toEqual(['2026-03-31T21:30:00.000Z', '2026-04-01T00:30:00']);
        expect(summary.movements.byKind).toEqual(expectedMovementsByKind(onec));
        expect(summary.skipped).toEqual([]);
        expect(await storeBalances(store, COMPANY_INN)).toEqual(expectedBalances(onec));
        expect(summary.crossCheck).toMatchObject({ differing: 0 });
        expect(summary.crossCheck?.compared).toBe(expectedBalances(onec).size);
        const sales = summary.entitySets[SALES];
        expect(sales?.read).toBe(onec.base.documentsIn(SALES).length);
        expect(sales?.notEffective).toBe(onec.base.documentsIn(SALES).filter((d) => !d.posted || d.deletionMark).length);
        expect(summary.entitySets[PURCHASES[profile]]?.imported).toBe(onec.base.documentsIn(PURCHASES[profile]).length);
        // One progress task per entity set, finished, with the total from `/$count`.
        const salesTask = context.progress.tasks.find((t) => t.label === SALES);
        expect(salesTask).toMatchObject({ total: sales?.read, done: sales?.read, finished: true });
        // Every set's pass is complete and recorded with the period it covered.
        const cursor = readCursor(await store.getCheckpoint({ source: checkpointSource(sourceIdOf(context.config)), entitySet: SALES }));
        expect(cursor).toMatchObject({ complete: true, since: '2021-07-01', position: sales?.read });
        // Import notifications are dated by the purchase they are filed for.
        const notice = onec.base.data.documents.find((d) => d.kind === 'import-notice');
        const purchase = onec.base.data.documents.find((d) => d.ref === notice?.baseDocumentRef);
        const stored = await store.db.selectFrom('documents').select(['event_date', 'kind']).where('source_ref', 'like', `%(${notice?.ref ?? ''})`).executeTakeFirst();
        expect(stored).toEqual({ kind: 'eaeu_import_notification', event_date: purchase?.date.slice(0, 10) });
      });

      it('later runs read only what changed and withdraw unposted, deleted and deletion-marked documents', async () => {
        const onec = await emulator({ profile });
        const { store } = await freshDatabase(engine);
        await runOneCSync(syncContext(configFor(onec), { store }));

        const effectiveBefore = onec.base.documentsIn(SALES).filter((d) => d.posted && !d.deletionMark).length;
        const posted = onec.base.documentsIn(SALES).filter((d) => d.posted && !d.deletionMark && d.lines.some((l) => l.shares.length > 0));
        const [changed, unposted, marked, deleted] = posted;
        onec.base.changeDocument(changed?.ref ?? '', { comment: 'Исправлен номер договора' });
        onec.base.unpost(unposted?.ref ?? '');
        onec.base.markDeleted(marked?.ref ?? '');
        onec.base.deleteDocument(deleted?.ref ?? '');
        const appended = onec.base.appendDocuments(12);
        onec.stats.reset();

        const second = await runOneCSync(syncContext(configFor(onec), { store }));
        const newSales = appended.filter((d) => d.kind === 'sale' && d.posted && !d.deletionMark).length;
        const sales = second.entitySets[SALES];
        expect(sales).toMatchObject({ fetched: 1 + newSales, superseded: 1, retracted: 3 });
        expect(sales?.unchanged).toBe(effectiveBefore - 4);
        // Listing pages carry versions only; full objects were read by key, just the changed and new ones.
        expect(readByKey(onec, SALES)).toBe(1 + newSales + 1 /* the deleted one, looked up before it is withdrawn */);
        const selects = (paged: boolean) => onec.stats.requests.filter((r) => r.entitySet === SALES && (r.query['$top'] !== undefined) === paged).map((r) => r.query['$select'] ?? '');
        expect(selects(true).filter((select) => select.includes('Товары/'))).toEqual([]);
        expect(selects(false).filter((select) => select.includes('Товары/')).length).toBeGreaterThan(0);
        expect(await storeBalances(store, COMPANY_INN)).toEqual(expectedBalances(onec));
        expect(second.crossCheck).toMatchObject({ differing: 0 });
        const withdrawn = await store.db.selectFrom('documents').select(['status']).where('source_ref', 'like', `%(${deleted?.ref ?? ''})`).execute();
        expect(withdrawn.map((d) => d.status)).toEqual(['retracted']);

        // Nothing changed since: nothing is read beyond the listings, nothing is written.
        onec.stats.reset();
        const third = await runOneCSync(syncContext(configFor(onec), { store }));
        expect(third.documents).toMatchObject({ fetched: 0, imported: 0, retracted: 0, superseded: 0 });
        expect(onec.stats.requests.filter((r) => r.query['$filter']?.startsWith('Ref_Key eq') === true)).toEqual([]);
      });

      it('resumes after a crash mid-run without duplicates: same store content as an uninterrupted run', async () => {
        const onec = await emulator({ profile });
        const reference = await freshDatabase(engine);
        await runOneCSync(syncContext(configFor(onec), { store: reference.store }));

        const { store } = await freshDatabase(engine);
        // The connection drops on the second page of sales (after `/$count` and page 1), beyond what retries absorb.
        onec.faults.add({ kind: 'drop-connection', entitySet: SALES, skip: 2, times: 10 });
        const crash = await failure(runOneCSync(syncContext(configFor(onec), { store })));
        expect(crash.code).toBe('ONEC_UNREACHABLE');
        // What was committed before the failure is there: all purchases and the first page of sales.
        const committed = await store.db.selectFrom('documents').select((eb) => eb.fn.countAll<bigint>().as('n')).where('source_ref', 'like', `%/${SALES}(%`).executeTakeFirstOrThrow();
        expect(Number(committed.n)).toBeGreaterThan(0);
        const cursor = readCursor(await store.getCheckpoint({ source: checkpointSource(sourceIdOf(configFor(onec))), entitySet: SALES }));
        expect(cursor).toMatchObject({ complete: false, position: 40 });

        onec.faults.clear();
        onec.stats.reset();
        // With few keys per request, the pages the crash left unread are read again whole rather than by key.
        const rerun = await runOneCSync(syncContext(configFor(onec, { keysPerRequest: 10 }), { store }));
        const refetched = onec.stats.requests.filter((r) => r.entitySet === SALES && r.query['$top'] !== undefined && (r.query['$select'] ?? '').includes('Товары/'));
        expect(refetched.length).toBeGreaterThan(0);
        expect(rerun.documents.duplicates).toBe(0);
        expect(await storeContent(store)).toEqual(await storeContent(reference.store));
        expect(rerun.crossCheck).toMatchObject({ differing: 0 });
      });
    });
  }

  it('records the run and holds the job lock; a dry run writes nothing', async () => {
    const onec = await emulator({ profile: 'ut115' });
    const { store } = await freshDatabase(engine);
    const dry = await runOneCSyncLocked(syncContext(configFor(onec), { store, dryRun: true }));
    expect(dry.dryRun).toBe(true);
    expect(dry.documents.imported).toBeGreaterThan(0);
    expect(await countRows(store, 'documents')).toBe(0);
    expect(await countRows(store, 'sync_checkpoints')).toBe(0);

    const real = await runOneCSyncLocked(syncContext(configFor(onec), { store }));
    expect(real.movements.byKind).toEqual(dry.movements.byKind);
    const runs = await store.db.selectFrom('runs').select(['job', 'outcome', 'counts']).execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]?.job).toMatch(/^onec-sync:[0-9a-f]{16}$/);
    expect(runs[0]?.outcome).toBe('succeeded');
  });

  it('refuses to start when a required object is not published, naming it', async () => {
    const onec = await emulator({ profile: 'bp30', omitEntitySets: ['Document_РеализацияТоваровУслуг'] });
    const { store } = await freshDatabase(engine);
    const error = await failure(runOneCSync(syncContext(configFor(onec), { store })));
    expect(error.code).toBe('ONEC_COMPOSITION_INCOMPLETE');
    expect(error.actor).toBe('admin');
    expect(error.messageRu).toContain('Document_РеализацияТоваровУслуг');
    expect(await countRows(store, 'documents')).toBe(0);
  });

  it('never writes the password to a log, the summary or an error, also while retrying', async () => {
    const onec = await emulator({ profile: 'bp30' });
    const { store } = await freshDatabase(engine);
    onec.faults.add({ kind: 'http-500', entitySet: SALES, times: 2 });
    const context = syncContext(configFor(onec), { store });
    const summary = await runOneCSync(context);
    expect(summary.requests.retries).toBe(2);
    const base64 = Buffer.from(`Администратор:${ONEC_PASSWORD}`, 'utf8').toString('base64');
    const written = JSON.stringify({ logs: context.logger.lines, summary, config: context.config });
    expect(written).not.toContain(ONEC_PASSWORD);
    expect(written).not.toContain(base64);
    const wrong = await failure(runOneCSync(syncContext(configFor(onec), { store, secrets: { env: { SLEDOPYT_TEST_ONEC_PASSWORD: 'не-тот-пароль' } } })));
    expect(wrong.code).toBe('ONEC_AUTH_FAILED');
    expect(JSON.stringify({ ...wrong.toJSON(), stack: wrong.stack })).not.toContain('не-тот-пароль');
  });
});
