import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { TAXPAYER_INN, documentOf, movement, rnpt } from '../test-support/fixtures.js';
import { describeEachEngine, freshDatabase } from '../testing/engines.js';
import { parseStoreUrl } from '../url.js';
import { readJson } from '../values.js';
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE, storeMigrations } from './index.js';

const NOTICE_DETAILS = {
  format: 'import-notice',
  fileId: 'ON_UVVOZTOV_7701_7701_7728012340770101001_20260209_0b6f2a44-3c1e-4f7a-9a55-2f4d1e7c8b90',
  correctionNumber: 0,
  accompanyingDocuments: [{ kind: '3', number: 'ТТН 0456789', date: '2026-02-02' }],
  costKopecks: 90_000_000n,
};

describeEachEngine('migration 0002_document_details', (engine) => {
  it('stores the event date and the details of a document, and leaves both empty when not given', async () => {
    const { store } = await freshDatabase(engine);
    const notice = documentOf([movement({ kind: 'eaeu_import', rnpt: rnpt(7), date: '2026-02-02', document: { kind: 'other', number: '1', date: '2026-02-09' } })], {
      kind: 'eaeu_import_notification',
      eventDate: '2026-02-02',
      details: NOTICE_DETAILS,
    });
    const { counterpartyInn: _supplier, ...withoutCounterparty } = notice;
    const plain = documentOf([movement({ rnpt: rnpt(8) })]);
    await store.importBatch({ documents: [withoutCounterparty, plain] });

    const rows = await store.db.selectFrom('documents').select(['kind', 'event_date', 'details']).orderBy('id').execute();
    expect(rows.map((row) => ({ ...row, details: readJson(row.details) }))).toEqual([
      { kind: 'eaeu_import_notification', event_date: '2026-02-02', details: { ...NOTICE_DETAILS, costKopecks: '90000000' } },
      { kind: 'upd', event_date: null, details: null },
    ]);
  });

  it('upgrades a database of the first schema: existing documents keep their data, with no details', async () => {
    const database = await freshDatabase(engine);
    const location = parseStoreUrl(database.url);
    const migrator = new Migrator({
      db: database.store.db as Kysely<unknown>,
      provider: { getMigrations: async () => storeMigrations(engine) },
      migrationTableName: MIGRATION_TABLE,
      migrationLockTableName: MIGRATION_LOCK_TABLE,
      ...(location.engine === 'postgres' ? { migrationTableSchema: location.schema } : {}),
    });
    const down = await migrator.migrateTo('0001_initial');
    expect(down.error).toBeUndefined();
    const columns = async (store: typeof database.store) =>
      // Other tests' schemas have a `documents` table too: look in this one only.
      (await store.db.introspection.getTables())
        .find((table) => table.name === 'documents' && (location.engine !== 'postgres' || table.schema === location.schema))
        ?.columns.map((column) => column.name) ?? [];
    expect(await columns(database.store)).not.toContain('details');

    // The old schema's import (no event_date/details columns) through raw rows: what a 0.1 store holds.
    const taxpayer = await database.store.upsertTaxpayer({ inn: TAXPAYER_INN });
    await database.store.db
      .insertInto('documents')
      .values({
        taxpayer_id: taxpayer.id,
        kind: 'upd',
        number: 'УТ-15',
        number_normalized: 'ут-15',
        date: '2026-01-20',
        counterparty_inn: null,
        counterparty_kpp: null,
        source: 'file',
        source_ref: '/srv/edo/in/ON_NSCHFDOPPR_УТ-15.xml',
        content_hash: 'a'.repeat(64),
        imported_at: '2026-01-21T09:00:00.000Z',
        retracted_at: null,
      } as never)
      .execute();

    const upgraded = await database.open();
    // 0002 and every later migration, in order.
    expect(upgraded.migrationsApplied).toEqual(Object.keys(storeMigrations(engine)).sort().slice(1));
    expect(upgraded.migrationsApplied[0]).toBe('0002_document_details');
    expect(await columns(upgraded)).toEqual(expect.arrayContaining(['event_date', 'details']));
    expect(await upgraded.db.selectFrom('documents').select(['number', 'event_date', 'details']).execute()).toEqual([
      { number: 'УТ-15', event_date: null, details: null },
    ]);
  });
});
