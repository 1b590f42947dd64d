import { hostname } from 'node:os';
import { isSledopytError } from '@sledopyt/core';
import pg from 'pg';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabase } from '../testing/engines.js';
import { parseStoreUrl } from '../url.js';
import { advisoryLockKey } from './locks.js';

/** A job that runs until released: to hold a lock while the test tries to take it elsewhere. */
function heldJob() {
  let release: () => void = () => undefined;
  let started: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (started = resolve));
  const done = new Promise<string>((resolve) => (release = () => resolve('reconciled 2026-Q1')));
  return {
    job: async () => {
      started();
      return done;
    },
    running,
    release: () => release(),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachEngine('job lock', (engine) => {
  it('refuses a second holder on another handle of the same database, then lets it in after release', async () => {
    const database = await freshDatabase(engine);
    const first = database.store;
    const second = await database.open();
    const held = heldJob();

    const holding = first.withJobLock('reconcile-7728012345', held.job);
    await held.running;
    let secondRan = false;
    const refused = await second.withJobLock('reconcile-7728012345', async () => {
      secondRan = true;
    });
    expect(refused.acquired).toBe(false);
    expect(secondRan).toBe(false);
    expect(refused.acquired === false && refused.holder?.owner).toContain(`${hostname()}:${process.pid}:`);
    // Another job name is not blocked.
    expect(await second.withJobLock('sftp-poll', async () => 'polled')).toEqual({ acquired: true, value: 'polled' });

    held.release();
    expect(await holding).toEqual({ acquired: true, value: 'reconciled 2026-Q1' });
    expect(await second.withJobLock('reconcile-7728012345', async () => 'second run')).toEqual({ acquired: true, value: 'second run' });
    expect(await first.db.selectFrom('job_locks').selectAll().execute()).toEqual([]);
  });

  it('releases the lock when the job throws, and passes the error on', async () => {
    const { store } = await freshDatabase(engine);
    await expect(
      store.withJobLock('onec-sync', async () => {
        throw new Error('1С: 503 Service Unavailable');
      }),
    ).rejects.toThrow('503');
    expect(await store.withJobLock('onec-sync', async () => 'ok')).toEqual({ acquired: true, value: 'ok' });
  });

  it('rejects a job name with spaces or capitals', async () => {
    const { store } = await freshDatabase(engine);
    await expect(store.withJobLock('Reconcile Q1', async () => undefined)).rejects.toSatisfy(
      (error: unknown) => isSledopytError(error) && error.code === 'STORE_INPUT_INVALID',
    );
  });

  it.runIf(engine === 'sqlite')('takes over a lock whose holder crashed (expired row)', async () => {
    const { store } = await freshDatabase(engine);
    await store.db
      .insertInto('job_locks')
      .values({
        name: 'reconcile',
        owner: 'srv-old:4242:dead',
        acquired_at: '2026-03-31T21:00:00.000Z',
        heartbeat_at: '2026-03-31T21:05:00.000Z',
        expires_at: '2026-03-31T21:20:00.000Z',
      })
      .execute();
    expect(await store.withJobLock('reconcile', async () => 'taken over')).toEqual({ acquired: true, value: 'taken over' });
  });

  it.runIf(engine === 'sqlite')('keeps a long job locked by heartbeats past the expiry time', async () => {
    const database = await freshDatabase(engine);
    const other = await database.open();
    const held = heldJob();
    const holding = database.store.withJobLock('reconcile', held.job, { ttlMs: 1_000, heartbeatMs: 100 });
    await held.running;
    await sleep(1_500);
    expect((await other.withJobLock('reconcile', async () => 'double run')).acquired).toBe(false);
    held.release();
    await holding;
  });

  it.runIf(engine === 'sqlite')('aborts the job when another instance took the lock over', async () => {
    const { store } = await freshDatabase(engine);
    const result = await store.withJobLock(
      'reconcile',
      async (signal) => {
        await store.db.updateTable('job_locks').set({ owner: 'srv-b:777:other' }).execute();
        for (let i = 0; i < 50 && !signal.aborted; i += 1) await sleep(20);
        return signal.reason as unknown;
      },
      { ttlMs: 1_000, heartbeatMs: 100 },
    );
    expect(result.acquired && isSledopytError(result.value) && result.value.code).toBe('JOB_LOCK_LOST');
  });

  it.runIf(engine === 'postgres')('is an advisory lock: held by another session it refuses, freed when that session dies', async () => {
    const database = await freshDatabase(engine);
    const location = parseStoreUrl(database.url);
    if (location.engine !== 'postgres') throw new Error('expected a PostgreSQL URL');
    const key = advisoryLockKey(`${location.database}.${location.schema}`, 'reconcile').toString();
    // Another instance: a plain session that takes the same advisory lock.
    const other = new pg.Client({ connectionString: location.connectionString });
    await other.connect();
    const { rows } = await other.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [key]);
    expect(rows[0]?.locked).toBe(true);
    expect((await database.store.withJobLock('reconcile', async () => 'double run')).acquired).toBe(false);
    await other.end(); // the instance crashes: its session, and the lock, go away
    expect(await database.store.withJobLock('reconcile', async () => 'after crash')).toEqual({ acquired: true, value: 'after crash' });
  });
});
