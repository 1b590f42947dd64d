/**
 * The reconciliation of one taxpayer's quarter, in memory: declaration lines against the book entries of
 * the same invoices, per-line and per-entry checks, the batch ledger, and the fine risk. It is the reference
 * implementation: the store-backed reconciler feeds the same group checks from sorted SQL streams and must
 * give the same discrepancies.
 */
import { compareDates, type CalendarDate } from '../calendar-date.js';
import { parseQuarter, quarterRange, type Quarter } from '../calendar/quarter.js';
import { computeBalances, type LedgerFinding } from '../ledger/ledger.js';
import { MOVEMENT_KINDS, type MovementKind } from '../ledger/movement-kinds.js';
import type { Movement } from '../ledger/movement.js';
import { parseRnpt } from '../rnpt/rnpt.js';
import { DEFAULT_CORE_SETTINGS, type CoreSettings, type FindingSeverity } from '../settings.js';
import { DISCREPANCY_CATALOG } from './catalog.js';
import { describeLineRu, discrepancy } from './discrepancy.js';
import { checkBookEntry } from './entry-checks.js';
import { estimateFines, type FineEstimate, type TaxpayerKind } from './fines.js';
import { compareInvoiceGroup } from './group-checks.js';
import { checkDeclarationLine } from './line-checks.js';
import { directionOfSection, invoiceKey } from './match-key.js';
import type { BookEntry, DeclarationLine, Discrepancy } from './model.js';

/** Movement kinds the VAT declaration reports with traceability data, and the section they belong to. */
export const DECLARED_MOVEMENT_KINDS: Readonly<Partial<Record<MovementKind, '8' | '9'>>> = {
  purchase: '8',
  customs_import: '8',
  sale: '9',
  eaeu_movement: '9',
};

export interface ReconcileInput {
  taxpayerInn: string;
  period: string | Quarter;
  lines: Iterable<DeclarationLine>;
  /** The company's traceability entries (all of the quarter; other periods are ignored for matching). */
  entries: Iterable<BookEntry>;
  /** Every movement up to the end of the quarter, for the ledger; default: the entries' movements. */
  ledgerMovements?: Iterable<Movement> | undefined;
  settings?: CoreSettings | undefined;
}

export interface ReconcileResult {
  period: { from: CalendarDate; to: CalendarDate };
  discrepancies: Discrepancy[];
  fines: FineEstimate;
}

const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { error: 0, warning: 1, info: 2 };

export function reconcileInMemory(input: ReconcileInput): ReconcileResult {
  const quarter = typeof input.period === 'string' ? parseQuarter(input.period) : input.period;
  const period = quarterRange(quarter);
  const inPeriod = (date: CalendarDate) => compareDates(date, period.from) >= 0 && compareDates(date, period.to) <= 0;
  const lines = [...input.lines];
  const entries = [...input.entries].filter((e) => e.movement.taxpayerInn === input.taxpayerInn);
  const ledgerMovements = input.ledgerMovements ? [...input.ledgerMovements] : entries.map((e) => e.movement);
  const found: Discrepancy[] = [];

  for (const line of lines) found.push(...checkDeclarationLine(line, { period }));

  const groups = new Map<string, { lines: DeclarationLine[]; entries: BookEntry[] }>();
  const groupOf = (key: string) => {
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { lines: [], entries: [] }));
    return group;
  };
  for (const line of lines) {
    groupOf(invoiceKey({ direction: directionOfSection(line.section), invoiceNumber: line.invoiceNumber, invoiceDate: line.invoiceDate })).lines.push(line);
  }
  for (const entry of entries) {
    const m = entry.movement;
    if (DECLARED_MOVEMENT_KINDS[m.kind] === undefined || !inPeriod(m.document.date)) continue;
    groupOf(invoiceKey({ direction: MOVEMENT_KINDS[m.kind].direction, invoiceNumber: m.document.number, invoiceDate: m.document.date })).entries.push(entry);
  }
  for (const group of groups.values()) found.push(...compareInvoiceGroup(group.lines, group.entries));

  const ledger = computeBalances(ledgerMovements, { until: period.to });
  const ledgerFindings = ledger.findings.filter((f) => inPeriod(f.date));
  found.push(...ledgerFindings.map(fromLedgerFinding));
  found.push(...unknownDeclaredRnpts(lines, new Set(ledger.balances.filter((b) => b.firstReceiptDate !== null).map((b) => b.rnpt)), ledgerFindings));

  const receiptTnved = new Map<string, string>();
  for (const m of ledgerMovements) {
    if (MOVEMENT_KINDS[m.kind].direction === 'receipt' && m.tnved !== undefined && !receiptTnved.has(m.rnpt)) receiptTnved.set(m.rnpt, m.tnved);
  }
  for (const entry of entries) if (inPeriod(entry.movement.date)) found.push(...checkBookEntry(entry, { receiptTnved }));

  const settings = input.settings ?? DEFAULT_CORE_SETTINGS;
  const discrepancies = found
    .map((d) => applySettings(d, settings))
    .filter((d): d is Discrepancy => d !== null)
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.code.localeCompare(b.code) ||
        (a.document?.date ?? '').localeCompare(b.document?.date ?? '') ||
        (a.rnpt ?? '').localeCompare(b.rnpt ?? ''),
    );
  const fines = attributeFines(discrepancies, input.taxpayerInn.length === 12 ? 'sole_trader' : 'organisation');
  return { period, discrepancies, fines };
}

function fromLedgerFinding(f: LedgerFinding): Discrepancy {
  return {
    ...discrepancy(f.code, {
      severity: f.severity,
      rnpt: f.rnpt,
      document: { kind: f.document.kind, number: f.document.number, date: f.document.date, counterpartyInn: null },
      messageRu: f.messageRu,
      details: Object.fromEntries(Object.entries(f.details).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v as string | number | boolean | null)])),
    }),
    movementIds: f.movementId === undefined ? [] : [f.movementId],
  };
}

/** Section 9 RNPTs with no receipt in the ledger, unless the ledger already reported the sale. */
function unknownDeclaredRnpts(lines: readonly DeclarationLine[], received: ReadonlySet<string>, ledgerFindings: readonly LedgerFinding[]): Discrepancy[] {
  const reported = new Set(ledgerFindings.filter((f) => f.code === 'RNPT_UNKNOWN').map((f) => f.rnpt as string));
  const found: Discrepancy[] = [];
  for (const line of lines) {
    if (!line.section.startsWith('9')) continue;
    for (const entry of line.entries) {
      const parsed = parseRnpt(entry.registrationNumber);
      if (!parsed.ok || received.has(parsed.value.rnpt) || reported.has(parsed.value.rnpt)) continue;
      reported.add(parsed.value.rnpt);
      found.push(
        discrepancy('RNPT_UNKNOWN', {
          line,
          rnpt: parsed.value.rnpt,
          expected: 'поступление по этому РНПТ (покупка, ввоз, остатки)',
          actual: 'поступлений нет',
          messageRu: `${describeLineRu(line)}: продажа по РНПТ ${parsed.value.rnpt}, а поступлений по нему у налогоплательщика нет`,
        }),
      );
    }
  }
  return found;
}

/** Configurable rules take their severity from settings; `off` drops them. */
function applySettings(d: Discrepancy, settings: CoreSettings): Discrepancy | null {
  if (!DISCREPANCY_CATALOG[d.code].severityConfigurable) return d;
  if (d.code === 'EAEU_RNPT_AFTER_IMPORT') {
    const severity = settings.eaeuRnptBeforeImport.severity;
    return severity === 'off' ? null : { ...d, severity };
  }
  return d;
}

function attributeFines(discrepancies: Discrepancy[], taxpayerKind: TaxpayerKind): FineEstimate {
  const fines = estimateFines(
    discrepancies.map((d) => ({
      kind: DISCREPANCY_CATALOG[d.code].fine,
      documentKey: d.document ? `${d.document.kind}|${d.document.number}|${d.document.date}|${d.document.counterpartyInn ?? ''}` : (d.declarationLineId ?? d.code),
      date: d.document?.date ?? ('2026-01-01' as CalendarDate),
    })),
    taxpayerKind,
  );
  fines.perFinding.forEach((rub, i) => {
    const d = discrepancies[i];
    if (d) d.fineRub = rub;
  });
  return fines;
}
