/**
 * SQLite through better-sqlite3 (the embedded default).
 * - `defaultSafeIntegers(true)`: every INTEGER reads as bigint; without it values above 2^53 (sums of
 *   kopecks, quantities in 10⁻¹¹ units) silently lose digits.
 * - Transactions start with `BEGIN IMMEDIATE`: the write lock is taken up front, so two handles on one file
 *   wait for each other (busy_timeout) instead of failing on a lock upgrade halfway through a file.
 * - WAL for files (readers do not block the writer), foreign keys on.
 * - Prepared INSERTs are kept (a few dozen, by text): Kysely prepares every query anew, and preparing a
 *   2 000-row INSERT costs as much as running it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, Driver, SqliteDatabase, SqliteDialectConfig, SqliteStatement } from 'kysely';
import type { SqliteLocation } from '../url.js';
import type { EngineDriver } from './engine.js';

/** SQLITE_MAX_VARIABLE_NUMBER of the SQLite that better-sqlite3 bundles. */
const SQLITE_MAX_PARAMETERS = 32_766;
const BUSY_TIMEOUT_MS = 10_000;
const CACHE_KIB = 64 * 1024;
/** 64 MiB of 4 KiB pages. */
const WAL_CHECKPOINT_PAGES = 16_384;

class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateTransactionDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.#config);
  }
}

const PREPARED_INSERTS = 32;

/** The database as Kysely sees it, with a small cache of prepared INSERT statements. */
function withPreparedInserts(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(source: string): SqliteStatement {
      if (!source.startsWith('insert into')) return db.prepare(source);
      let statement = cache.get(source);
      if (statement === undefined) {
        statement = db.prepare(source);
        cache.set(source, statement);
        const oldest = cache.keys().next().value;
        if (cache.size > PREPARED_INSERTS && oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}

export function openSqliteDatabase(location: SqliteLocation): Database.Database {
  const inMemory = location.path === ':memory:';
  if (!inMemory) mkdirSync(dirname(location.path), { recursive: true });
  const db = new Database(location.path);
  db.defaultSafeIntegers(true);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  // 64 MiB of page cache instead of SQLite's 2 MiB: bulk imports insert into several indexes in key order
  // (content hashes, invoice numbers) that is not the insertion order, and each miss is a page read.
  db.pragma(`cache_size = -${CACHE_KIB}`);
  if (!inMemory) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Checkpoint (copy the WAL into the file, and fsync) every 64 MiB of WAL rather than every 4 MiB: a bulk
    // import's commits each write thousands of pages, and checkpointing after nearly every one of them made
    // the import wait on the disk.
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  }
  return db;
}

export function createSqliteEngine(location: SqliteLocation): EngineDriver {
  return {
    engine: 'sqlite',
    dialect: new ImmediateTransactionDialect({ database: async () => withPreparedInserts(openSqliteDatabase(location)) }),
    maxParameters: SQLITE_MAX_PARAMETERS,
    schema: undefined,
    lockNamespace: location.path,
    prepare: async () => undefined,
  };
}
