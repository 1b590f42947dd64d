import { isSledopytError } from '@sledopyt/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { knownMigrationNames, MIGRATION_TABLE } from './migrations/index.js';
import { openStore } from './open.js';
import { describeEachEngine, freshDatabase } from './testing/engines.js';

const TABLES = [
  'declaration_lines',
  'declaration_trace_entries',
  'declarations',
  'discrepancies',
  'documents',
  'job_locks',
  'movements',
  'runs',
  'sync_checkpoints',
  'taxpayers',
];

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isSledopytError(error)) return error;
    throw error;
  }
  throw new Error('expected a SledopytError');
}

describeEachEngine('openStore', (engine) => {
  it('migrates an empty database to the latest schema and records it', async () => {
    const { store } = await freshDatabase(engine);
    expect(store.engine).toBe(engine);
    expect(store.migrationsApplied).toEqual(knownMigrationNames(engine));
    const tables = await store.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const table of TABLES) expect(names).toContain(table);
    const recorded = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(store.db);
    expect(recorded.rows.map((r) => r.name)).toEqual(knownMigrationNames(engine));
  });

  it('applies nothing when the schema is current, and keeps the data', async () => {
    const database = await freshDatabase(engine);
    await database.store.upsertTaxpayer({ inn: '7707083893', kpp: '773601001', name: 'ПАО Сбербанк' });
    const again = await database.open();
    expect(again.migrationsApplied).toEqual([]);
    expect(await again.findTaxpayer('7707083893')).toMatchObject({ kpp: '773601001', name: 'ПАО Сбербанк' });
  });

  it('refuses a database migrated by a newer version, naming the unknown migration', async () => {
    const database = await freshDatabase(engine);
    await sql`insert into ${sql.table(MIGRATION_TABLE)} (name, timestamp) values ('9999_from_the_future', '2027-01-01T00:00:00.000Z')`.execute(
      database.store.db,
    );
    const error = await rejection(database.open());
    expect(error.code).toBe('STORE_SCHEMA_NEWER');
    expect(error.actor).toBe('admin');
    expect(error.messageRu).toContain('9999_from_the_future');
  });
});

describe('openStore', () => {
  it('opens a private in-memory SQLite database, migrated', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      expect(store.url).toBe('sqlite::memory:');
      expect(store.migrationsApplied).toEqual(knownMigrationNames('sqlite'));
      expect(await store.upsertTaxpayer({ inn: '7707083893', name: 'ПАО Сбербанк' })).toMatchObject({ inn: '7707083893', kpp: null });
    } finally {
      await store.close();
    }
  });
});

describe('openStore errors', () => {
  it('reports an unreachable PostgreSQL without its password', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const error = await rejection(openStore('postgres://auditor:S3cret-pass@127.0.0.1:1/sledopyt'));
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.actor).toBe('admin');
    expect(JSON.stringify(error.toJSON())).not.toContain('S3cret-pass');
    expect(error.messageRu).toContain('postgres://auditor:***@127.0.0.1:1/sledopyt');
  });

  it('rejects a bad URL before connecting, naming the part', async () => {
    const error = await rejection(openStore('mysql://root@localhost/sledopyt'));
    expect(error.code).toBe('STORE_URL_INVALID');
    expect(error.details['part']).toBe('scheme');
  });
});
