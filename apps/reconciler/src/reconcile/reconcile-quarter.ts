/**
 * Reconciles one taxpayer's quarter from the store, in bounded memory: the core's `Reconciliation` gets
 * (0) the notifications and reports on operations filed since the quarter began; (1) every movement up to
 * the quarter's end in date order — the ledger pass; (2) per direction, the
 * declaration lines in force and the declared movements, both streamed from SQL sorted by invoice and
 * merge-joined; (3) the quarter's other movements for the entry checks. The run and its discrepancies are
 * recorded in the store.
 */
import {
  DECLARED_MOVEMENT_KINDS,
  MOVEMENT_KINDS,
  Reconciliation,
  SledopytError,
  normalizeInvoiceNumber,
  parseQuarter,
  type CalendarDate,
  type CoreSettings,
  type DeclarationLine,
  type Discrepancy,
  type MovementDirection,
  type MovementKind,
  type ReconciliationSummary,
} from '@sledopyt/core';
import { noopLogger, silentProgress, type Logger, type Progress } from '@sledopyt/contract';
import type { DiscrepancyInput, Store, StoredMovement } from '@sledopyt/store';
import { filingOf } from './filings.js';
import { mergeJoin } from './merge-join.js';

export interface ReconcileQuarterOptions {
  store: Store;
  taxpayerInn: string;
  /** `2026-Q3`. */
  period: string;
  settings?: CoreSettings | undefined;
  /** Whether the taxpayer pays VAT (default true): then the report on operations shows only codes 01–14. */
  vatPayer?: boolean | undefined;
  /** The day of the check (today in Moscow, by the caller): filings not yet due are not missing. */
  asOf?: CalendarDate | undefined;
  logger?: Logger | undefined;
  progress?: Progress | undefined;
  signal?: AbortSignal | undefined;
  /** A run the caller has started and will finish (the scheduler); otherwise this records its own. */
  runId?: bigint | undefined;
}

export interface ReconcileQuarterResult extends ReconciliationSummary {
  runId: bigint;
  discrepancies: Discrepancy[];
  /** What was read: movements for the ledger, declaration lines, declared movements. */
  read: { filings: number; ledgerMovements: number; declarationLines: number; declaredMovements: number };
}

const DIRECTIONS: readonly MovementDirection[] = ['receipt', 'disposal'];
/**
 * Rows per page of the sorted streams: each page is one query, and on PostgreSQL a query over a large table
 * starts parallel workers (about 0.1 s); 20 000 rows (some MiB) keep that cost small at millions of rows.
 */
const READ_PAGE = { pageSize: 20_000 };

const kindsOf = (direction: MovementDirection): MovementKind[] =>
  (Object.keys(DECLARED_MOVEMENT_KINDS) as MovementKind[]).filter((kind) => MOVEMENT_KINDS[kind].direction === direction);

// The keys must sort as SQL sorts (number, date): a separator below every character, so that invoice "15"
// comes before "150" as it does in the database ("|" would sort after the digits).
const invoiceKey = (number: string, date: string): string => `${normalizeInvoiceNumber(number)}\u0000${date}`;
const lineKey = (line: DeclarationLine): string => invoiceKey(line.invoiceNumber, line.invoiceDate);
const movementKey = (m: StoredMovement): string => invoiceKey(m.document.number, m.document.date);

export async function reconcileQuarter(options: ReconcileQuarterOptions): Promise<ReconcileQuarterResult> {
  const { store, taxpayerInn } = options;
  const logger = (options.logger ?? noopLogger).child({ scope: 'reconcile', taxpayerInn, period: options.period });
  const progress = options.progress ?? silentProgress;
  const quarter = parseQuarter(options.period);
  if ((await store.findTaxpayer(taxpayerInn)) === undefined) {
    throw new SledopytError({
      code: 'RECONCILE_TAXPAYER_UNKNOWN',
      message: `No data for taxpayer ${taxpayerInn} in the store`,
      messageRu: `В базе нет данных налогоплательщика ИНН ${taxpayerInn}: сначала загрузите документы и декларацию (sledopyt import) или синхронизируйте 1С`,
      details: { taxpayerInn },
    });
  }
  const discrepancies: Discrepancy[] = [];
  const run = new Reconciliation({
    taxpayerInn,
    period: quarter,
    settings: options.settings,
    vatPayer: options.vatPayer,
    asOf: options.asOf,
    emit: (d) => discrepancies.push(d),
  });
  const ownRun = options.runId === undefined;
  const runId = options.runId ?? (await store.startRun({ job: 'reconcile' }));
  const read = { filings: 0, ledgerMovements: 0, declarationLines: 0, declaredMovements: 0 };
  try {
    // Everything filed for an event of the quarter is filed on or after its first day.
    for await (const stored of store.filings({ taxpayerInn, from: run.period.from })) {
      const filing = filingOf(stored);
      if (filing.ok) {
        run.addFiling(filing.value);
        read.filings += 1;
      } else logger.warn({ code: filing.error.code, sourceRef: stored.sourceRef }, filing.error.messageRu);
    }

    const ledgerTask = progress.task('Партии (РНПТ)', { unit: 'движений' });
    for await (const movement of store.movements({ taxpayerInn, to: run.period.to }, READ_PAGE)) {
      run.addLedgerMovement(movement);
      read.ledgerMovements += 1;
      ledgerTask.advance(1);
      checkAborted(options.signal);
    }
    ledgerTask.finish();

    // Book entries of paper documents are marked for PAPER_INVOICE; all others count as electronic.
    const paper = await store.paperDocumentIds({ taxpayerInn, from: run.period.from, to: run.period.to });
    const entryOf = (movement: StoredMovement) => ({ movement, electronic: !paper.has(movement.documentId) });

    const matchTask = progress.task('Сопоставление с декларацией', { unit: 'счетов-фактур' });
    for (const direction of DIRECTIONS) {
      const lines = store.declarationLinesByInvoice({ taxpayerInn, year: quarter.year, quarter: quarter.quarter, direction }, READ_PAGE);
      const movements = store.movementsByInvoice({ taxpayerInn, from: run.period.from, to: run.period.to, kinds: kindsOf(direction) }, READ_PAGE);
      for await (const group of mergeJoin(lines, movements, lineKey, movementKey)) {
        read.declarationLines += group.left.length;
        read.declaredMovements += group.right.length;
        run.addInvoiceGroup(group.left, group.right.map(entryOf));
        matchTask.advance(1);
        checkAborted(options.signal);
      }
    }
    matchTask.finish();

    for await (const movement of store.movements({ taxpayerInn, from: run.period.from, to: run.period.to }, READ_PAGE)) {
      if (!run.isDeclared(movement)) run.addUndeclaredEntry(entryOf(movement));
    }

    const summary = run.finish();
    await store.saveDiscrepancies(runId, discrepancies.map((d) => toStored(d, taxpayerInn, quarter)));
    if (ownRun) await store.finishRun(runId, { outcome: 'succeeded', counts: countsOf(read, summary) });
    logger.info({ runId: String(runId), read, counts: summary.counts.bySeverity, fineRub: summary.fines.totalRub }, 'сверка завершена');
    return { ...summary, runId, discrepancies, read };
  } catch (error) {
    if (ownRun) await store.finishRun(runId, { outcome: options.signal?.aborted ? 'interrupted' : 'failed', error });
    throw error;
  }
}

/** The counts a reconcile run is recorded with. */
export function countsOf(read: ReconcileQuarterResult['read'], summary: ReconciliationSummary): Record<string, number> {
  return { ...read, discrepancies: summary.counts.total, ...summary.counts.bySeverity, fineRub: summary.fines.totalRub };
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new SledopytError({
      code: 'RECONCILE_INTERRUPTED',
      message: 'Reconciliation interrupted',
      messageRu: 'Сверка прервана по сигналу остановки; результаты не сохранены, запустите её снова',
      actor: 'transient',
    });
  }
}

function toStored(d: Discrepancy, taxpayerInn: string, quarter: { year: number; quarter: number }): DiscrepancyInput {
  const stored: DiscrepancyInput = {
    code: d.code,
    severity: d.severity,
    taxpayerInn,
    period: { year: quarter.year, quarter: quarter.quarter },
    fineRub: d.fineRub,
    messageRu: d.messageRu,
    details: { ...d.details, titleRu: d.titleRu, fixRu: d.fixRu, legalBasisRu: d.legalBasisRu, declarationLineId: d.declarationLineId, movementIds: d.movementIds },
  };
  // Findings about a whole document may name several RNPTs: the column keeps the first, details keep them all.
  if (d.rnpt !== null) stored.rnpt = (d.rnpt.split(', ')[0] ?? d.rnpt).slice(0, 40);
  if (d.rnpt !== null && d.rnpt.includes(', ')) (stored.details as Record<string, unknown>)['rnpts'] = d.rnpt;
  if (d.document !== null) {
    stored.document = { number: d.document.number, date: d.document.date };
    if (d.document.counterpartyInn !== null) stored.document.counterpartyInn = d.document.counterpartyInn;
  }
  if (d.section !== null) stored.section = d.section;
  if (d.expected !== null) stored.expected = d.expected;
  if (d.actual !== null) stored.actual = d.actual;
  return stored;
}
