/**
 * `sledopyt reconcile` as a library call: pick the taxpayer, reconcile the quarter from the store, write the
 * auditors' reports, and say whether findings reach the failure threshold.
 */
import { SledopytError, type FindingSeverity } from '@sledopyt/core';
import { writeReports, type ReportFormat, type WrittenReports } from '@sledopyt/reports';
import type { Store } from '@sledopyt/store';
import { reconcileQuarter, type ReconcileQuarterOptions, type ReconcileQuarterResult } from './reconcile-quarter.js';

export type FailOn = 'error' | 'warning' | 'never';

/** `reconcileQuarter`'s options, with the taxpayer optional and where the reports go. */
export interface RunReconcileOptions extends Omit<ReconcileQuarterOptions, 'taxpayerInn'> {
  /** Optional when the store holds exactly one taxpayer. */
  taxpayerInn?: string | undefined;
  outDir: string;
  formats: readonly ReportFormat[];
  failOn: FailOn;
}

export interface RunReconcileResult {
  taxpayer: { inn: string; name: string };
  result: ReconcileQuarterResult;
  reports: WrittenReports;
  /** Findings at or above `failOn`. */
  failing: number;
}

const RANK: Readonly<Record<FindingSeverity, number>> = { info: 0, warning: 1, error: 2 };

export async function runReconcile(options: RunReconcileOptions): Promise<RunReconcileResult> {
  const taxpayer = await resolveTaxpayer(options.store, options.taxpayerInn);
  const result = await reconcileQuarter({ ...options, taxpayerInn: taxpayer.inn });
  const reports = await writeReports(
    {
      taxpayer: { inn: taxpayer.inn, kpp: taxpayer.kpp, name: taxpayer.name },
      period: options.period,
      generatedAt: new Date(),
      runId: result.runId,
      fines: result.fines,
      discrepancies: result.discrepancies,
    },
    { outDir: options.outDir, formats: [...options.formats] },
  );
  const threshold = options.failOn === 'never' ? Infinity : RANK[options.failOn];
  const failing = result.discrepancies.filter((d) => RANK[d.severity] >= threshold).length;
  return { taxpayer, result, reports, failing };
}

async function resolveTaxpayer(store: Store, inn: string | undefined): Promise<{ inn: string; kpp: string | null; name: string }> {
  // By ИНН when given; otherwise the store's only taxpayer (two rows are enough to tell it is not the only one).
  const rows = await store.db.selectFrom('taxpayers').select(['inn', 'kpp', 'name']).$if(inn !== undefined, (q) => q.where('inn', '=', inn as string)).orderBy('inn').limit(2).execute();
  const chosen = rows.length === 1 ? rows[0] : undefined;
  if (chosen === undefined) {
    const known = rows.map((r) => r.inn).join(', ');
    throw new SledopytError({
      code: inn === undefined && rows.length > 1 ? 'RECONCILE_TAXPAYER_AMBIGUOUS' : 'RECONCILE_TAXPAYER_UNKNOWN',
      message: inn === undefined ? `Choose a taxpayer with --inn (e.g. ${known || 'none'})` : `No data for taxpayer ${inn}`,
      messageRu:
        inn === undefined
          ? rows.length === 0
            ? 'В базе ещё нет данных: сначала загрузите документы и декларацию (sledopyt import) или синхронизируйте 1С'
            : `В базе несколько налогоплательщиков: укажите --inn (например: ${known})`
          : `В базе нет данных налогоплательщика ИНН ${inn}: сначала загрузите документы и декларацию (sledopyt import) или синхронизируйте 1С`,
      details: { inn: inn ?? null },
    });
  }
  return { inn: chosen.inn, kpp: chosen.kpp, name: chosen.name ?? `Налогоплательщик ИНН ${chosen.inn}` };
}
