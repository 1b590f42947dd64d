/**
 * What the rest of the store needs from an engine: a Kysely dialect plus the few facts that differ
 * between SQLite and PostgreSQL. Both drivers return this one shape, so nothing above them branches on
 * the engine except column types (migrations) and the job lock.
 */
import type { Dialect, Kysely } from 'kysely';
import type { StoreEngine } from '../url.js';

export interface EngineDriver {
  engine: StoreEngine;
  dialect: Dialect;
  /** The most bound parameters one statement may carry (SQLite 32 766, PostgreSQL 65 535). */
  maxParameters: number;
  /**
   * PostgreSQL: the schema of the store's tables, named explicitly to the migrator — it looks for its own
   * tables in every schema otherwise, and takes another store's for ours.
   */
  schema: string | undefined;
  /** Namespace of cross-instance lock keys: the database file or the PostgreSQL schema. */
  lockNamespace: string;
  /** Runs before migrations (PostgreSQL: create the schema). */
  prepare(db: Kysely<unknown>): Promise<void>;
}
