/**
 * The reconciliation of one taxpayer's quarter over arrays in memory: the reference the store-backed
 * reconciler is checked against. It groups and orders the input itself and runs the same `Reconciliation`.
 */
import { compareDates, type CalendarDate } from '../calendar-date.js';
import type { Quarter } from '../calendar/quarter.js';
import { MOVEMENT_KINDS } from '../ledger/movement-kinds.js';
import type { Movement } from '../ledger/movement.js';
import type { CoreSettings, FindingSeverity } from '../settings.js';
import type { Filing } from './filings.js';
import type { FineEstimate } from './fines.js';
import { directionOfSection, invoiceKey } from './match-key.js';
import type { BookEntry, DeclarationLine, Discrepancy } from './model.js';
import { Reconciliation, type ReconciliationSummary } from './reconciliation.js';

export interface ReconcileInput {
  taxpayerInn: string;
  period: string | Quarter;
  lines: Iterable<DeclarationLine>;
  /** The company's traceability entries (all of the quarter; other periods are ignored for matching). */
  entries: Iterable<BookEntry>;
  /** Every movement up to the end of the quarter, for the ledger; default: the entries' movements. */
  ledgerMovements?: Iterable<Movement> | undefined;
  /** Notifications and reports on operations the taxpayer filed. */
  filings?: Iterable<Filing> | undefined;
  settings?: CoreSettings | undefined;
  vatPayer?: boolean | undefined;
  asOf?: CalendarDate | undefined;
}

export interface ReconcileResult extends ReconciliationSummary {
  period: { from: CalendarDate; to: CalendarDate };
  discrepancies: Discrepancy[];
  fines: Omit<FineEstimate, 'perFinding'>;
}

const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by code, document date and RNPT: the order reports show. */
export function compareDiscrepancies(a: Discrepancy, b: Discrepancy): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.code.localeCompare(b.code) ||
    (a.document?.date ?? '').localeCompare(b.document?.date ?? '') ||
    (a.rnpt ?? '').localeCompare(b.rnpt ?? '')
  );
}

export function reconcileInMemory(input: ReconcileInput): ReconcileResult {
  const discrepancies: Discrepancy[] = [];
  const run = new Reconciliation({
    taxpayerInn: input.taxpayerInn,
    period: input.period,
    settings: input.settings,
    vatPayer: input.vatPayer,
    asOf: input.asOf,
    emit: (d) => discrepancies.push(d),
  });
  for (const filing of input.filings ?? []) run.addFiling(filing);
  const entries = [...input.entries];
  const ledgerMovements = input.ledgerMovements ? [...input.ledgerMovements] : entries.map((e) => e.movement);
  for (const movement of [...ledgerMovements].sort((a, b) => compareDates(a.date, b.date))) run.addLedgerMovement(movement);

  const groups = new Map<string, { lines: DeclarationLine[]; entries: BookEntry[] }>();
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { lines: [], entries: [] }));
    return group;
  };
  for (const line of input.lines) {
    groupOf(invoiceKey({ direction: directionOfSection(line.section), invoiceNumber: line.invoiceNumber, invoiceDate: line.invoiceDate })).lines.push(line);
  }
  for (const entry of entries) {
    const m = entry.movement;
    if (!run.isDeclared(m)) {
      run.addUndeclaredEntry(entry);
      continue;
    }
    groupOf(invoiceKey({ direction: MOVEMENT_KINDS[m.kind].direction, invoiceNumber: m.document.number, invoiceDate: m.document.date })).entries.push(entry);
  }
  for (const group of groups.values()) run.addInvoiceGroup(group.lines, group.entries);

  const summary = run.finish();
  return { ...summary, discrepancies: discrepancies.sort(compareDiscrepancies) };
}
