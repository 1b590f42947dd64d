/**
 * SQLite through better-sqlite3 (the embedded default).
 * - `defaultSafeIntegers(true)`: every INTEGER reads as bigint; without it values above 2^53 (sums of
 *   kopecks, quantities in 10⁻¹¹ units) silently lose digits.
 * - Transactions start with `BEGIN IMMEDIATE`: the write lock is taken up front, so two handles on one file
 *   wait for each other (busy_timeout) instead of failing on a lock upgrade halfway through a file.
 * - WAL for files (readers do not block the writer), foreign keys on.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, Driver, SqliteDialectConfig } from 'kysely';
import type { SqliteLocation } from '../url.js';
import type { EngineDriver } from './engine.js';

/** SQLITE_MAX_VARIABLE_NUMBER of the SQLite that better-sqlite3 bundles. */
const SQLITE_MAX_PARAMETERS = 32_766;
const BUSY_TIMEOUT_MS = 10_000;

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

export function openSqliteDatabase(location: SqliteLocation): Database.Database {
  const inMemory = location.path === ':memory:';
  if (!inMemory) mkdirSync(dirname(location.path), { recursive: true });
  const db = new Database(location.path);
  db.defaultSafeIntegers(true);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  if (!inMemory) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  return db;
}

export function createSqliteEngine(location: SqliteLocation): EngineDriver {
  return {
    engine: 'sqlite',
    dialect: new ImmediateTransactionDialect({ database: async () => openSqliteDatabase(location) }),
    maxParameters: SQLITE_MAX_PARAMETERS,
    lockNamespace: location.path,
    prepare: async () => undefined,
  };
}
