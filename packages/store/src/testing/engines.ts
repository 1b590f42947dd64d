/**
 * The engines every store test runs against: SQLite in a temp dir, and a real PostgreSQL with a schema of
 * its own per store (runs never collide). PostgreSQL comes from SLEDOPYT_TEST_PG_URL, by default what
 * tooling/scripts/ensure-postgres.sh creates. An unreachable server FAILS the tests; only
 * SLEDOPYT_SKIP_PG=1 skips them, and visibly.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSledopytError } from '@sledopyt/core';
import { afterEach, describe } from 'vitest';
import { openStore } from '../open.js';
import type { OpenStoreOptions } from '../open.js';
import type { Store } from '../store.js';
import { redactUrl } from '../url.js';

export const DEFAULT_TEST_PG_URL = 'postgres://sledopyt_test:sledopyt_test@127.0.0.1:5432/sledopyt_test';
export const TEST_PG_URL = process.env['SLEDOPYT_TEST_PG_URL'] ?? DEFAULT_TEST_PG_URL;
export const SKIP_PG = process.env['SLEDOPYT_SKIP_PG'] === '1';

export type EngineName = 'sqlite' | 'postgres';

export interface TestDatabase {
  engine: EngineName;
  /** Open another handle on the same database (a second process, in effect). */
  url: string;
  store: Store;
  open(options?: OpenStoreOptions): Promise<Store>;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function withSchema(url: string, schema: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `SLEDOPYT_TEST_PG_URL is not a URL (${JSON.stringify(url.replace(/:[^:@/]*@/, ':***@'))}); ` +
        'expected postgres://user:password@host:port/database, as tooling/scripts/ensure-postgres.sh prints it',
    );
  }
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

async function openOrExplain(engine: EngineName, url: string, options: OpenStoreOptions): Promise<Store> {
  try {
    return await openStore(url, options);
  } catch (error) {
    if (engine === 'postgres' && isSledopytError(error) && error.code === 'STORE_UNAVAILABLE') {
      throw new Error(
        `PostgreSQL for the store tests is unreachable at ${redactUrl(url)} (${error.message}). ` +
          'Start it with tooling/scripts/ensure-postgres.sh (apt-get install postgresql first if missing), ' +
          'point SLEDOPYT_TEST_PG_URL at another server, or set SLEDOPYT_SKIP_PG=1 to skip the PostgreSQL tests explicitly.',
        { cause: error },
      );
    }
    throw error;
  }
}

/** A fresh, migrated, empty database; removed after the test. */
export async function freshDatabase(engine: EngineName, options: OpenStoreOptions = {}): Promise<TestDatabase> {
  const handles: Store[] = [];
  let url: string;
  let dropDatabase: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sledopyt-store-'));
    url = `sqlite:${join(dir, 'sledopyt.db')}`;
    dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `t_${process.pid}_${randomBytes(5).toString('hex')}`;
    url = withSchema(TEST_PG_URL, schema);
    dropDatabase = async () => {
      const admin = await openStore(url, { migrate: false });
      await admin.sql`drop schema if exists ${admin.sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    };
  }
  const open = async (more: OpenStoreOptions = {}): Promise<Store> => {
    const store = await openOrExplain(engine, url, { ...options, ...more });
    handles.push(store);
    return store;
  };
  const store = await open();
  // Handles close before their database goes (cleanups run in reverse order).
  cleanups.push(dropDatabase, async () => {
    for (const handle of handles) await handle.close().catch(() => undefined);
  });
  return { engine, url, store, open };
}

export const TEST_ENGINES: readonly EngineName[] = SKIP_PG ? ['sqlite'] : ['sqlite', 'postgres'];

/** `describe.each` over the engines; with SLEDOPYT_SKIP_PG=1 the PostgreSQL block shows as skipped. */
export function describeEachEngine(title: string, body: (engine: EngineName) => void): void {
  describe.each(TEST_ENGINES)(`${title} [%s]`, body);
  if (SKIP_PG) describe.skip(`${title} [postgres] (SLEDOPYT_SKIP_PG=1)`, () => body('postgres'));
}
