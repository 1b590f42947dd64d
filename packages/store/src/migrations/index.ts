/**
 * Versioned migrations, run on open by Kysely's Migrator and recorded in `sledopyt_migration`. Names sort
 * in order of application; never rename or edit one that has shipped — add the next.
 */
import { SledopytError } from '@sledopyt/core';
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationResultSet } from 'kysely';
import type { StoreEngine } from '../url.js';
import { initialSchema } from './0001-initial.js';
import { documentDetails } from './0002-document-details.js';
import { reconcileStreamIndexes } from './0003-reconcile-stream-indexes.js';
import { documentRevision } from './0004-document-revision.js';
import { documentElectronic } from './0005-document-electronic.js';
import { columnTypes } from './column-types.js';

export const MIGRATION_TABLE = 'sledopyt_migration';
export const MIGRATION_LOCK_TABLE = 'sledopyt_migration_lock';

export function storeMigrations(engine: StoreEngine): Record<string, Migration> {
  const types = columnTypes(engine);
  return {
    '0001_initial': initialSchema(types),
    '0002_document_details': documentDetails(types),
    '0003_reconcile_stream_indexes': reconcileStreamIndexes(),
    '0004_document_revision': documentRevision(types),
    '0005_document_electronic': documentElectronic(types),
  };
}

/** The migration names in order: the schema version this code knows. */
export const knownMigrationNames = (engine: StoreEngine): string[] => Object.keys(storeMigrations(engine)).sort();

async function appliedMigrationNames(db: Kysely<unknown>): Promise<string[] | undefined> {
  try {
    const result = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
    return result.rows.map((row) => row.name);
  } catch {
    return undefined; // no migration table yet: an empty database
  }
}

/** Refuses a database that a newer Sledopyt has migrated: running old code on it could corrupt data. */
async function assertNotNewer(db: Kysely<unknown>, engine: StoreEngine, where: string): Promise<void> {
  const known = new Set(knownMigrationNames(engine));
  const unknown = ((await appliedMigrationNames(db)) ?? []).filter((name) => !known.has(name));
  if (unknown.length === 0) return;
  throw new SledopytError({
    code: 'STORE_SCHEMA_NEWER',
    message: `The database ${where} has migrations this version does not know (${unknown.join(', ')}); upgrade Sledopyt`,
    messageRu:
      `База данных ${where} обновлена более новой версией Следопыта (миграции ${unknown.join(', ')}), ` +
      'а эта версия их не знает. Обновите Следопыт до версии, с которой работала база, или укажите другую базу',
    actor: 'admin',
    details: { unknownMigrations: unknown },
  });
}

function migrationFailure(results: MigrationResultSet, where: string): SledopytError {
  const failed = results.results?.find((r) => r.status === 'Error')?.migrationName;
  const reason = results.error instanceof Error ? results.error.message : String(results.error);
  return new SledopytError({
    code: 'STORE_MIGRATION_FAILED',
    message: `Migration ${failed ?? '(before any migration)'} failed on ${where}: ${reason}`,
    messageRu:
      `Не удалось обновить структуру базы данных ${where}${failed === undefined ? '' : ` (миграция ${failed})`}: ${reason}. ` +
      'Изменения откатились; проверьте права пользователя базы на создание таблиц',
    actor: 'admin',
    details: { migration: failed ?? null, reason },
    cause: results.error,
  });
}

/**
 * Kysely's migrator checks for its tables by introspecting every schema of the database; if another schema
 * is dropped at that moment, PostgreSQL answers "schema … does not exist" (3F000) about that other schema.
 * Nothing of ours failed, so the check is simply repeated.
 */
function isForeignSchemaRace(error: unknown, schema: string | undefined): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return schema !== undefined && e.code === '3F000' && typeof e.message === 'string' && !e.message.includes(`"${schema}"`);
}

const MIGRATION_ATTEMPTS = 3;

/** Brings the schema up to date; returns the names applied now (empty when it already was). */
export async function migrateToLatest(db: Kysely<unknown>, engine: StoreEngine, where: string, schema?: string): Promise<string[]> {
  await assertNotNewer(db, engine, where);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => storeMigrations(engine) },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  for (let attempt = 1; ; attempt += 1) {
    const results = await migrator.migrateToLatest();
    if (results.error === undefined) return (results.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (attempt >= MIGRATION_ATTEMPTS || !isForeignSchemaRace(results.error, schema)) throw migrationFailure(results, where);
  }
}
