import { SledopytError, isSledopytError, parseCalendarDate } from '@sledopyt/core';
import { expect, it } from 'vitest';
import type { Store } from '../store.js';
import { describeEachEngine, freshDatabase } from '../testing/engines.js';
import { BUYER_INN, TAXPAYER_INN, rnpt, sha256 } from '../test-support/fixtures.js';
import type { DiscrepancyInput, StoredDiscrepancy } from './discrepancies.js';

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const CLOCK = new Date('2026-04-25T07:00:00.000Z');

/** Quantity mismatches on invoices РН-1…: what a reconcile of 2026-Q1 would write. */
function quantityMismatch(n: number, declarationId = 1n): DiscrepancyInput {
  return {
    code: 'QUANTITY_MISMATCH',
    severity: 'error',
    taxpayerInn: TAXPAYER_INN,
    period: { year: 2026, quarter: 1 },
    rnpt: rnpt((n % 999) + 1),
    document: { number: `РН-${n + 1}`, date: '2026-02-03', counterpartyInn: BUYER_INN },
    declarationLine: { declarationId, lineIndex: BigInt(n) },
    section: '9',
    expected: '12',
    actual: '10',
    fineRub: 1_000,
    messageRu: `В декларации по счёту-фактуре РН-${n + 1} количество 10 шт, а в УПД — 12 шт. Исправьте декларацию (уточнённая) или УПД`,
    details: { unit: '796', differenceUnits: '2' },
  };
}

async function* generated(count: number, declarationId: bigint): AsyncGenerator<DiscrepancyInput> {
  for (let n = 0; n < count; n += 1) yield quantityMismatch(n, declarationId);
}

/** The section the discrepancies point into (stored empty: only its id matters here). */
async function declarationOf(store: Store): Promise<bigint> {
  const result = await store.importDeclaration(
    {
      taxpayerInn: TAXPAYER_INN,
      year: 2026,
      quarter: 1,
      correctionNumber: 0,
      section: '9',
      fileName: 'NO_NDS.9_7728_7728_7728012345772801001_20260424_0b9c2d4e',
      contentHash: sha256('section 9'),
      source: 'file',
      sourceRef: '/srv/nds/NO_NDS.9.xml',
    },
    [],
  );
  return result.declarationId;
}

async function discrepancyCount(store: Store): Promise<bigint> {
  const row = await store.db.selectFrom('discrepancies').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

describeEachEngine('runs and discrepancies', (engine) => {
  it('records a run from start to finish with its counts', async () => {
    const { store } = await freshDatabase(engine, { now: () => CLOCK });
    const runId = await store.startRun({ job: 'reconcile' });
    expect(await store.getRun(runId)).toMatchObject({ job: 'reconcile', outcome: 'running', startedAt: CLOCK.toISOString(), finishedAt: null });
    await store.finishRun(runId, { outcome: 'succeeded', counts: { declarationLines: 48_211, movements: 51_007, errors: 14, warnings: 3 } });
    expect(await store.getRun(runId)).toMatchObject({
      outcome: 'succeeded',
      finishedAt: CLOCK.toISOString(),
      counts: { declarationLines: 48_211, movements: 51_007, errors: 14, warnings: 3 },
      error: null,
    });
  });

  it('keeps the error of a failed run, SledopytError fields included', async () => {
    const { store } = await freshDatabase(engine);
    const runId = await store.startRun({ job: 'onec-sync' });
    const failure = new SledopytError({
      code: 'ONEC_UNAVAILABLE',
      message: '1C answered 503',
      messageRu: '1С не отвечает (503): база обновляется. Синхронизация повторится по расписанию',
      actor: 'transient',
    });
    await store.finishRun(runId, { outcome: 'failed', error: failure });
    expect((await store.getRun(runId))?.error).toMatchObject({ code: 'ONEC_UNAVAILABLE', actor: 'transient' });
  });

  it('saves discrepancies in batches and reads them back page by page, unchanged and in order', async () => {
    const { store } = await freshDatabase(engine);
    const runId = await store.startRun({ job: 'reconcile' });
    const declarationId = await declarationOf(store);
    expect(await store.saveDiscrepancies(runId, generated(2_500, declarationId), { batchSize: 1_000 })).toBe(2_500);
    const read = await all(store.discrepancies(runId, { pageSize: 700 }));
    expect(read).toHaveLength(2_500);
    const expected = (n: number): Partial<StoredDiscrepancy> => ({
      runId,
      code: 'QUANTITY_MISMATCH',
      severity: 'error',
      taxpayerInn: TAXPAYER_INN,
      period: { year: 2026, quarter: 1 },
      rnpt: rnpt((n % 999) + 1),
      document: { id: null, number: `РН-${n + 1}`, date: parseCalendarDate('2026-02-03'), counterpartyInn: BUYER_INN },
      declarationLine: { declarationId, lineIndex: BigInt(n) },
      section: '9',
      expected: '12',
      actual: '10',
      fineRub: 1_000n,
      details: { unit: '796', differenceUnits: '2' },
    });
    expect(read[0]).toMatchObject(expected(0));
    expect(read[2_499]).toMatchObject(expected(2_499));
    expect(read.map((d) => d.document.number)).toEqual(Array.from({ length: 2_500 }, (_, n) => `РН-${n + 1}`));
  });

  it('saves nothing of a batch with an invalid discrepancy', async () => {
    const { store } = await freshDatabase(engine);
    const runId = await store.startRun({ job: 'reconcile' });
    const declarationId = await declarationOf(store);
    const items = [quantityMismatch(0, declarationId), quantityMismatch(1, declarationId), { ...quantityMismatch(2, declarationId), code: 'quantity mismatch' }];
    await expect(store.saveDiscrepancies(runId, items)).rejects.toSatisfy(
      (error: unknown) => isSledopytError(error) && error.code === 'STORE_INPUT_INVALID' && error.messageRu.includes('расхождение № 3'),
    );
    expect(await discrepancyCount(store)).toBe(0n);
  });
});
