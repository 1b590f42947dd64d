/**
 * A job lock across processes and instances: the same job never runs twice at once.
 * - PostgreSQL: a session advisory lock (`pg_try_advisory_lock`) held on one reserved connection; it dies
 *   with the connection, so a crashed instance never leaves it behind. The key is a hash of the schema and
 *   the job name, so stores in different schemas of one database do not block each other.
 * - SQLite: a row in `job_locks` with an owner and an expiry that a heartbeat pushes forward; a lock whose
 *   holder stopped beating (crash) is taken over once it expires.
 * On both engines the row names the holder, so a refused caller can say who has the job.
 */
import { createHash, randomUUID } from 'node:crypto';
import { SledopytError } from '@sledopyt/core';
import { sql } from 'kysely';
import { z } from 'zod';
import type { StoreContext } from '../context.js';
import { parseInput } from '../values.js';
import { instanceName, jobNameSchema } from './runs.js';

export const jobLockOptionsSchema = z.object({
  /** SQLite: how long a lock outlives its last heartbeat (a crashed holder blocks the job this long). */
  ttlMs: z.number().int().min(1_000).default(15 * 60_000),
  /** SQLite: heartbeat interval; default a third of ttlMs. */
  heartbeatMs: z.number().int().min(100).optional(),
});
export type JobLockOptions = z.input<typeof jobLockOptionsSchema>;

export interface LockHolder {
  owner: string;
  acquiredAt: string;
  heartbeatAt: string;
  expiresAt: string;
}

export type JobLockResult<T> = { acquired: true; value: T } | { acquired: false; holder: LockHolder | undefined };

/** The job body; `signal` aborts when the lock is lost (SQLite: another instance took over an expired lock). */
export type LockedJob<T> = (signal: AbortSignal) => Promise<T>;

const newOwner = (): string => `${instanceName()}:${randomUUID()}`;

/** A signed 64-bit advisory lock key from the namespace and the job name. */
export function advisoryLockKey(namespace: string, name: string): bigint {
  const digest = createHash('sha256').update(`${namespace}\u0000${name}`).digest();
  return digest.readBigInt64BE(0);
}

async function readHolder(ctx: StoreContext, name: string): Promise<LockHolder | undefined> {
  const row = await ctx.db.selectFrom('job_locks').selectAll().where('name', '=', name).executeTakeFirst();
  return row === undefined ? undefined : { owner: row.owner, acquiredAt: row.acquired_at, heartbeatAt: row.heartbeat_at, expiresAt: row.expires_at };
}

/** Writes the lock row: unconditionally (`force`, PostgreSQL: the advisory lock already decided) or only over an expired one. */
async function claimRow(ctx: StoreContext, name: string, owner: string, ttlMs: number, force: boolean): Promise<boolean> {
  const now = ctx.now();
  const values = {
    name,
    owner,
    acquired_at: now.toISOString(),
    heartbeat_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ttlMs).toISOString(),
  };
  await ctx.db
    .insertInto('job_locks')
    .values(values)
    .onConflict((oc) => {
      const update = oc.column('name').doUpdateSet({
        owner: values.owner,
        acquired_at: values.acquired_at,
        heartbeat_at: values.heartbeat_at,
        expires_at: values.expires_at,
      });
      return force ? update : update.where('job_locks.expires_at', '<', values.acquired_at);
    })
    .execute();
  return (await readHolder(ctx, name))?.owner === owner;
}

async function heartbeat(ctx: StoreContext, name: string, owner: string, ttlMs: number): Promise<boolean> {
  const now = ctx.now();
  const result = await ctx.db
    .updateTable('job_locks')
    .set({ heartbeat_at: now.toISOString(), expires_at: new Date(now.getTime() + ttlMs).toISOString() })
    .where('name', '=', name)
    .where('owner', '=', owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

async function releaseRow(ctx: StoreContext, name: string, owner: string): Promise<void> {
  await ctx.db.deleteFrom('job_locks').where('name', '=', name).where('owner', '=', owner).execute();
}

const lockLost = (name: string): SledopytError =>
  new SledopytError({
    code: 'JOB_LOCK_LOST',
    message: `The lock of job ${name} expired and another instance took it over`,
    messageRu: `Блокировка задания ${name} истекла и перешла к другому экземпляру Следопыта: задание остановлено, чтобы не выполняться дважды`,
    actor: 'transient',
    details: { job: name },
  });

const isBusy = (error: unknown): boolean => (error as { code?: unknown }).code === 'SQLITE_BUSY';

async function withRowLock<T>(ctx: StoreContext, name: string, job: LockedJob<T>, ttlMs: number, heartbeatMs: number): Promise<JobLockResult<T>> {
  const owner = newOwner();
  let acquired: boolean;
  try {
    acquired = await claimRow(ctx, name, owner, ttlMs, false);
  } catch (error) {
    // Another handle holds the write lock longer than busy_timeout: it is busy, so is the job.
    if (!isBusy(error)) throw error;
    acquired = false;
  }
  if (!acquired) return { acquired: false, holder: await readHolder(ctx, name) };

  const controller = new AbortController();
  let finished = false;
  const timer = setInterval(() => {
    heartbeat(ctx, name, owner, ttlMs)
      .then((held) => {
        if (!held && !finished) controller.abort(lockLost(name));
      })
      .catch(() => undefined); // a missed beat is retried on the next tick; expiry has a wide margin
  }, heartbeatMs);
  timer.unref();
  try {
    return { acquired: true, value: await job(controller.signal) };
  } finally {
    finished = true;
    clearInterval(timer);
    await releaseRow(ctx, name, owner);
  }
}

async function withAdvisoryLock<T>(ctx: StoreContext, name: string, job: LockedJob<T>, ttlMs: number): Promise<JobLockResult<T>> {
  const key = advisoryLockKey(ctx.lockNamespace, name).toString();
  return ctx.db.connection().execute(async (connection) => {
    const { rows } = await sql<{ acquired: boolean }>`select pg_try_advisory_lock(${key}::bigint) as acquired`.execute(connection);
    if (rows[0]?.acquired !== true) return { acquired: false, holder: await readHolder(ctx, name) };
    const owner = newOwner();
    try {
      await claimRow(ctx, name, owner, ttlMs, true);
      return { acquired: true, value: await job(new AbortController().signal) };
    } finally {
      await releaseRow(ctx, name, owner);
      await sql`select pg_advisory_unlock(${key}::bigint)`.execute(connection);
    }
  });
}

/**
 * Runs `job` while holding the named lock, or returns `{ acquired: false, holder }` at once when another
 * process (or another store handle) holds it. The lock is released when `job` settles.
 */
export async function withJobLock<T>(ctx: StoreContext, name: string, job: LockedJob<T>, options: JobLockOptions = {}): Promise<JobLockResult<T>> {
  const lockName = parseInput(jobNameSchema, name, 'job lock name', 'имя блокировки задания');
  const { ttlMs, heartbeatMs } = parseInput(jobLockOptionsSchema, options, 'job lock options', 'параметры блокировки');
  return ctx.engine === 'postgres'
    ? withAdvisoryLock(ctx, lockName, job, ttlMs)
    : withRowLock(ctx, lockName, job, ttlMs, heartbeatMs ?? Math.max(100, Math.floor(ttlMs / 3)));
}
