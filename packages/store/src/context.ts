/**
 * What every repository gets: the Kysely instance and the engine facts. Repositories are plain functions
 * of a context, so a transaction can pass itself as `db` to several of them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { StoreDatabase } from './schema.js';
import type { StoreEngine } from './url.js';

export type Executor = Kysely<StoreDatabase> | Transaction<StoreDatabase>;

export interface StoreContext {
  db: Kysely<StoreDatabase>;
  engine: StoreEngine;
  maxParameters: number;
  lockNamespace: string;
  /** The store's URL, password redacted: for messages. */
  where: string;
  now(): Date;
}
