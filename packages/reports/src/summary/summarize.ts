/**
 * The report's summary, built in one pass over the discrepancies with bounded memory: totals by severity
 * and by code (at most the catalog's 27 codes), the fine risk attributed to the rows, and the top RNPTs
 * and counterparties (see TopCounter).
 */
import type { DiscrepancyCode, FindingSeverity } from '@sledopyt/core';
import { SEVERITY_RANK } from '../format-ru.js';
import type { ReportRow } from '../rows.js';
import { TopCounter, type TopList } from './top-counter.js';

export interface CodeSummary {
  code: DiscrepancyCode;
  titleRu: string;
  /** The most severe level this code was reported at. */
  severity: FindingSeverity;
  count: number;
  bySeverity: Record<FindingSeverity, number>;
  fineRub: number;
}

export interface ReportSummary {
  total: number;
  bySeverity: Record<FindingSeverity, number>;
  /** Most severe first, then most frequent. */
  byCode: CodeSummary[];
  /** Sum of the rows' `fineRub` (equals the estimate's total when every row came through). */
  fineRub: number;
  byRnpt: TopList;
  byCounterparty: TopList;
}

export interface SummaryOptions {
  /** How many RNPTs and counterparties the summary names (default 15). */
  topN?: number;
  /** Distinct keys counted exactly before the top lists become approximate (default 20 000). */
  distinctKeyCapacity?: number;
}

export class SummaryBuilder {
  private total = 0;
  private fineRub = 0;
  private readonly bySeverity: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  private readonly byCode = new Map<DiscrepancyCode, CodeSummary>();
  private readonly rnpts: TopCounter;
  private readonly counterparties: TopCounter;
  private readonly topN: number;

  constructor(options: SummaryOptions = {}) {
    this.topN = options.topN ?? 15;
    this.rnpts = new TopCounter(options.distinctKeyCapacity);
    this.counterparties = new TopCounter(options.distinctKeyCapacity);
  }

  add(row: ReportRow): void {
    this.total += 1;
    this.fineRub += row.fineRub;
    this.bySeverity[row.severity] += 1;
    let code = this.byCode.get(row.code);
    if (code === undefined) {
      code = { code: row.code, titleRu: row.titleRu, severity: row.severity, count: 0, bySeverity: { error: 0, warning: 0, info: 0 }, fineRub: 0 };
      this.byCode.set(row.code, code);
    }
    code.count += 1;
    code.bySeverity[row.severity] += 1;
    code.fineRub += row.fineRub;
    if (SEVERITY_RANK[row.severity] < SEVERITY_RANK[code.severity]) code.severity = row.severity;
    this.rnpts.add(row.rnpt, row.severity, row.fineRub);
    this.counterparties.add(row.document?.counterpartyInn ?? null, row.severity, row.fineRub);
  }

  finish(): ReportSummary {
    const byCode = [...this.byCode.values()].sort(
      (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || a.code.localeCompare(b.code),
    );
    return {
      total: this.total,
      bySeverity: { ...this.bySeverity },
      byCode,
      fineRub: this.fineRub,
      byRnpt: this.rnpts.result(this.topN),
      byCounterparty: this.counterparties.result(this.topN),
    };
  }
}

/** The summary of rows already validated (for callers that only need the numbers). */
export async function summarizeRows(rows: Iterable<ReportRow> | AsyncIterable<ReportRow>, options: SummaryOptions = {}): Promise<ReportSummary> {
  const builder = new SummaryBuilder(options);
  for await (const row of rows) builder.add(row);
  return builder.finish();
}
