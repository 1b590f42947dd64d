/**
 * `openStore(url)`: parse the URL, connect, bring the schema up to date, hand back a `Store`.
 * Connection and migration failures become `SledopytError`s for the administrator, with the password
 * redacted from every message.
 */
import { SledopytError, isSledopytError } from '@sledopyt/core';
import { Kysely } from 'kysely';
import { z } from 'zod';
import type { StoreContext } from './context.js';
import type { EngineDriver } from './dialects/engine.js';
import { createPostgresEngine } from './dialects/postgres.js';
import { createSqliteEngine } from './dialects/sqlite.js';
import { migrateToLatest } from './migrations/index.js';
import type { StoreDatabase } from './schema.js';
import { createStore } from './store.js';
import type { Store } from './store.js';
import { DEFAULT_STORE_URL, describeLocation, parseStoreUrl, redactUrl } from './url.js';
import type { StoreLocation } from './url.js';

export const openStoreOptionsSchema = z.object({
  /** Apply pending migrations (default). Off: refuse a database whose schema is not current. */
  migrate: z.boolean().default(true),
  /** The clock for imported_at, runs and locks (tests). */
  now: z.custom<() => Date>((value) => typeof value === 'function').optional(),
});
export type OpenStoreOptions = z.input<typeof openStoreOptionsSchema>;

const engineFor = (location: StoreLocation): EngineDriver =>
  location.engine === 'sqlite' ? createSqliteEngine(location) : createPostgresEngine(location);

const HINT_RU = {
  sqlite: 'Проверьте путь (--db) и права на запись в папку файла базы',
  postgres: 'Проверьте адрес (--db), что сервер PostgreSQL запущен, слушает этот адрес и пускает пользователя с этим паролем',
} as const;

function connectionFailure(error: unknown, location: StoreLocation, where: string): SledopytError {
  const reason = redactUrl(error instanceof Error ? error.message : String(error));
  return new SledopytError({
    code: 'STORE_UNAVAILABLE',
    message: `Cannot open the store ${where}: ${reason}`,
    messageRu:
      `Не удалось открыть базу данных ${where}: ${reason}. ${HINT_RU[location.engine]}`,
    actor: 'admin',
    details: { where, reason },
    cause: error,
  });
}

export async function openStore(url: string = DEFAULT_STORE_URL, options: OpenStoreOptions = {}): Promise<Store> {
  const parsed = openStoreOptionsSchema.parse(options);
  const location = parseStoreUrl(url);
  const where = describeLocation(location);
  const engine = engineFor(location);
  const db = new Kysely<StoreDatabase>({ dialect: engine.dialect });
  try {
    await engine.prepare(db as Kysely<unknown>);
    const applied = parsed.migrate ? await migrateToLatest(db as Kysely<unknown>, engine.engine, where, engine.schema) : [];
    const ctx: StoreContext = {
      db,
      engine: engine.engine,
      maxParameters: engine.maxParameters,
      lockNamespace: engine.lockNamespace,
      where,
      now: parsed.now ?? (() => new Date()),
    };
    return createStore(ctx, applied);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw isSledopytError(error) ? error : connectionFailure(error, location, where);
  }
}
