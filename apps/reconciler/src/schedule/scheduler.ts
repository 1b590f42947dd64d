/**
 * The long-running scheduler: each configured job runs on its cron expression (node-cron, in the configured
 * time zone); the same job never overlaps itself — in this process (node-cron's `noOverlap`) nor across
 * instances sharing one database (the store's job lock); every execution is recorded as a run with start,
 * end, outcome and counts. `stop()` (SIGTERM) lets the current step finish: the running job gets an aborted
 * signal, its run is recorded, then the store can be closed.
 */
import { createTask, validateDetailed, type ScheduledTask } from 'node-cron';
import { SledopytError, isSledopytError } from '@sledopyt/core';
import { noopLogger, type Logger } from '@sledopyt/contract';
import type { Store } from '@sledopyt/store';

export interface JobContext {
  signal: AbortSignal;
  /** The run this execution is recorded as; jobs that record details of their own use it. */
  runId: bigint;
  logger: Logger;
}

export interface ScheduledJob {
  /** Stable name: the run's `job` and the lock's name (`reconcile`, `onec-sync`, `sftp-drop`, `import`). */
  name: string;
  cron: string;
  /** Returns counts for the run record. */
  run(context: JobContext): Promise<Record<string, number>>;
}

export interface SchedulerOptions {
  store: Store;
  jobs: readonly ScheduledJob[];
  timezone: string;
  logger?: Logger | undefined;
}

export interface Scheduler {
  /** When each job runs next (for the start-up log and `--help`-like listings). */
  nextRuns(): { job: string; next: Date | null }[];
  /** Runs a job now, as the cron would (same lock and run record). */
  runNow(name: string): Promise<JobOutcome>;
  /** Stops scheduling, aborts the running jobs' signals, and waits for them to record their runs. */
  stop(): Promise<void>;
}

export type JobOutcome = { status: 'succeeded' | 'failed' | 'interrupted'; runId: bigint } | { status: 'skipped'; holder: string };

/** Checks a cron expression, saying which field is wrong and why (for config validation). */
export function cronProblems(expression: string): string[] {
  const result = validateDetailed(expression);
  return result.valid ? [] : result.errors.map((e) => `${e.field}${e.value === undefined ? '' : ` «${e.value}»`}: ${e.message}`);
}

export function startScheduler(options: SchedulerOptions): Scheduler {
  const logger = (options.logger ?? noopLogger).child({ scope: 'schedule' });
  const stopping = new AbortController();
  const running = new Set<Promise<JobOutcome>>();
  const byName = new Map(options.jobs.map((job) => [job.name, job]));

  const execute = (job: ScheduledJob): Promise<JobOutcome> => {
    const execution = runLocked(options.store, job, stopping.signal, logger.child({ job: job.name }));
    running.add(execution);
    void execution.finally(() => running.delete(execution));
    return execution;
  };

  const tasks: ScheduledTask[] = options.jobs.map((job) => {
    const problems = cronProblems(job.cron);
    if (problems.length > 0) {
      throw new SledopytError({
        code: 'SCHEDULE_CRON_INVALID',
        message: `Invalid cron expression for job ${job.name}: ${problems.join('; ')}`,
        messageRu: `Неверное расписание задания «${job.name}» («${job.cron}»): ${problems.join('; ')}`,
        actor: 'admin',
        details: { job: job.name, cron: job.cron, problems },
      });
    }
    const task = createTask(job.cron, () => execute(job), { name: job.name, timezone: options.timezone, noOverlap: true });
    void task.start();
    return task;
  });
  logger.info({ jobs: tasks.map((t) => ({ job: t.name, cron: t.getPattern(), next: t.getNextRun()?.toISOString() ?? null })), timezone: options.timezone }, 'расписание запущено');

  return {
    nextRuns: () => tasks.map((t) => ({ job: t.name ?? '', next: t.getNextRun() })),
    runNow: (name) => {
      const job = byName.get(name);
      if (job === undefined) {
        throw new SledopytError({ code: 'SCHEDULE_JOB_UNKNOWN', message: `No job named ${name}`, messageRu: `Задания «${name}» нет в настройках`, actor: 'admin' });
      }
      return execute(job);
    },
    stop: async () => {
      for (const task of tasks) await task.stop();
      stopping.abort();
      await Promise.allSettled([...running]);
      for (const task of tasks) await task.destroy();
      logger.info('расписание остановлено');
    },
  };
}

async function runLocked(store: Store, job: ScheduledJob, stopping: AbortSignal, logger: Logger): Promise<JobOutcome> {
  const locked = await store.withJobLock(job.name, async (lockSignal) => {
    const signal = AbortSignal.any([stopping, lockSignal]);
    const runId = await store.startRun({ job: job.name });
    const started = Date.now();
    logger.info({ runId: String(runId) }, 'задание начато');
    try {
      const counts = await job.run({ signal, runId, logger });
      const status = signal.aborted ? 'interrupted' : 'succeeded';
      await store.finishRun(runId, { outcome: status, counts });
      logger.info({ runId: String(runId), counts, ms: Date.now() - started }, status === 'succeeded' ? 'задание выполнено' : 'задание прервано');
      return { status, runId } as const;
    } catch (error) {
      const status = signal.aborted ? 'interrupted' : 'failed';
      await store.finishRun(runId, { outcome: status, error: isSledopytError(error) ? error.toJSON() : String(error) });
      logger.error({ runId: String(runId), err: isSledopytError(error) ? error.toJSON() : String(error) }, 'задание завершилось ошибкой');
      return { status, runId } as const;
    }
  });
  if (locked.acquired) return locked.value;
  logger.warn({ holder: locked.holder }, 'задание пропущено: его уже выполняет другой экземпляр');
  return { status: 'skipped', holder: locked.holder?.owner ?? 'неизвестно' };
}
