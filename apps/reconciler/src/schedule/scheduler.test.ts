import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalendarDate } from '@sledopyt/core';
import { openStore } from '@sledopyt/store';
import { afterEach, describe, expect, it } from 'vitest';
import { resolvePeriod } from './reconcile-job.js';
import { cronProblems, startScheduler, type ScheduledJob, type Scheduler } from './scheduler.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sqliteStore(path = join(mkdtempSync(join(tmpdir(), 'sledopyt-schedule-')), 'store.db')) {
  const store = await openStore(`sqlite:${path}`);
  cleanups.push(() => store.close());
  return { store, path };
}

function started(scheduler: Scheduler): Scheduler {
  cleanups.push(() => scheduler.stop());
  return scheduler;
}

/** A job that takes `ms` and counts how many executions overlapped. */
function slowJob(name: string, ms: number, cron = '* * * * * *') {
  const stats = { runs: 0, concurrent: 0, maxConcurrent: 0, aborted: 0 };
  const job: ScheduledJob = {
    name,
    cron,
    run: async ({ signal }) => {
      stats.runs += 1;
      stats.concurrent += 1;
      stats.maxConcurrent = Math.max(stats.maxConcurrent, stats.concurrent);
      const until = Date.now() + ms;
      while (Date.now() < until && !signal.aborted) await sleep(20);
      if (signal.aborted) stats.aborted += 1;
      stats.concurrent -= 1;
      return { rows: 42 };
    },
  };
  return { job, stats };
}

async function runsOf(store: Awaited<ReturnType<typeof sqliteStore>>['store'], job: string) {
  return store.db.selectFrom('runs').select(['job', 'outcome', 'counts']).where('job', '=', job).execute();
}

describe('startScheduler', () => {
  it('runs a job on its cron (every second here) and records each run with its counts', async () => {
    const { store } = await sqliteStore();
    const { job, stats } = slowJob('import', 50);
    const scheduler = started(startScheduler({ store, jobs: [job], timezone: 'Europe/Moscow' }));
    expect(scheduler.nextRuns()[0]?.next).toBeInstanceOf(Date);
    await sleep(3_200);
    await scheduler.stop();
    const runs = await runsOf(store, 'import');
    expect(runs).toHaveLength(stats.runs);
    // A run the stop caught midway is recorded as interrupted; every other one succeeded.
    const outcomes = runs.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'succeeded').length).toBeGreaterThanOrEqual(2);
    expect(outcomes.filter((o) => o !== 'succeeded')).toEqual(stats.aborted > 0 ? ['interrupted'] : []);
    expect(JSON.stringify(runs[0]?.counts)).toContain('42');
  });

  it('never overlaps a job with itself, in one process or across two sharing a database', async () => {
    const { store, path } = await sqliteStore();
    const second = await sqliteStore(path);
    const { job, stats } = slowJob('reconcile', 1_500);
    started(startScheduler({ store, jobs: [job], timezone: 'Europe/Moscow' }));
    started(startScheduler({ store: second.store, jobs: [job], timezone: 'Europe/Moscow' }));
    await sleep(3_500);
    expect(stats.maxConcurrent).toBe(1);
    expect(stats.runs).toBeGreaterThanOrEqual(1);
  });

  it('on stop, aborts the running job, waits for it and records the run as interrupted', async () => {
    const { store } = await sqliteStore();
    const { job, stats } = slowJob('onec-sync', 60_000);
    const scheduler = startScheduler({ store, jobs: [job], timezone: 'Europe/Moscow' });
    await sleep(1_500);
    const stopping = Date.now();
    await scheduler.stop();
    expect(Date.now() - stopping).toBeLessThan(5_000);
    expect(stats.aborted).toBe(1);
    expect((await runsOf(store, 'onec-sync')).map((r) => r.outcome)).toEqual(['interrupted']);
  });

  it('records a failing job as failed and keeps scheduling', async () => {
    const { store } = await sqliteStore();
    const failing: ScheduledJob = { name: 'sftp-drop', cron: '* * * * * *', run: () => Promise.reject(new Error('SFTP недоступен')) };
    const scheduler = started(startScheduler({ store, jobs: [failing], timezone: 'Europe/Moscow' }));
    const outcome = await scheduler.runNow('sftp-drop');
    expect(outcome.status).toBe('failed');
    const runs = await runsOf(store, 'sftp-drop');
    expect(runs[0]?.outcome).toBe('failed');
  });

  it('refuses an invalid cron expression, naming the field', async () => {
    const { store } = await sqliteStore();
    expect(cronProblems('0 2 * * *')).toEqual([]);
    expect(cronProblems('0 25 * * *').join()).toMatch(/hour|час/i);
    expect(() => startScheduler({ store, jobs: [{ name: 'reconcile', cron: '0 25 * * *', run: async () => ({}) }], timezone: 'Europe/Moscow' })).toThrow(
      expect.objectContaining({ code: 'SCHEDULE_CRON_INVALID' }),
    );
  });
});

describe('resolvePeriod', () => {
  it('takes the previous quarter by default, also across a year', () => {
    expect(resolvePeriod('previous', '2026-11-25' as CalendarDate)).toBe('2026-Q3');
    expect(resolvePeriod('previous', '2027-01-10' as CalendarDate)).toBe('2026-Q4');
    expect(resolvePeriod('current', '2026-11-25' as CalendarDate)).toBe('2026-Q4');
    expect(resolvePeriod('2025-Q2', '2026-11-25' as CalendarDate)).toBe('2025-Q2');
  });
});
