/** The scheduled reconcile job: which quarter a nightly run checks, and the run itself. */
import { addDays, formatQuarter, quarterOf, quarterRange, type CalendarDate } from '@sledopyt/core';
import type { ReportFormat } from '@sledopyt/reports';
import type { Store } from '@sledopyt/store';
import { countsOf } from '../reconcile/reconcile-quarter.js';
import { runReconcile, type FailOn } from '../reconcile/run-reconcile.js';
import type { ScheduledJob } from './scheduler.js';

export interface ReconcileJobConfig {
  cron: string;
  /** `previous` (the quarter before today's: its declaration is due on the 25th), `current`, or `2026-Q3`. */
  period: string;
  inn?: string | undefined;
  outDir: string;
  formats: readonly ReportFormat[];
  failOn: FailOn;
}

/** The quarter a run on `today` checks. */
export function resolvePeriod(period: string, today: CalendarDate): string {
  if (period === 'current') return formatQuarter(quarterOf(today));
  if (period === 'previous') return formatQuarter(quarterOf(addDays(quarterRange(quarterOf(today)).from, -1)));
  return period;
}

export function reconcileJob(store: Store, config: ReconcileJobConfig, today: () => CalendarDate): ScheduledJob {
  return {
    name: 'reconcile',
    cron: config.cron,
    run: async ({ signal, runId, logger }) => {
      const day = today();
      const { result } = await runReconcile({
        store,
        taxpayerInn: config.inn,
        period: resolvePeriod(config.period, day),
        asOf: day,
        outDir: config.outDir,
        formats: config.formats,
        failOn: config.failOn,
        logger,
        signal,
        runId,
      });
      return countsOf(result.read, result);
    },
  };
}
