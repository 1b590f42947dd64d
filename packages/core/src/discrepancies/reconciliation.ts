/**
 * One taxpayer's quarter, reconciled step by step, so that the same rules serve the in-memory reference
 * (`reconcileInMemory`) and the store-backed reconciler that streams sorted rows from SQL:
 *   0. `addFiling` for the notifications and reports on operations around the quarter (they explain some
 *      ledger findings, so they come first);
 *   1. `addLedgerMovement` for every movement up to the quarter's end, in date order (the batch ledger);
 *   2. `addInvoiceGroup` for the declaration lines and book entries of each invoice, in any order;
 *   3. `finish` for the ledger's own findings, the filings' rules and the totals.
 * Discrepancies are handed to `emit` as they are found, with their fine risk attributed, so memory stays
 * bounded by the ledger's per-RNPT state and one invoice group.
 */
import { compareDates, formatDateRu, type CalendarDate } from '../calendar-date.js';
import { parseQuarter, quarterRange, type Quarter } from '../calendar/quarter.js';
import { Ledger, type LedgerFinding } from '../ledger/ledger.js';
import { MOVEMENT_KINDS, type MovementKind } from '../ledger/movement-kinds.js';
import type { Movement } from '../ledger/movement.js';
import { SledopytError } from '../errors.js';
import { DEFAULT_CORE_SETTINGS, type CoreSettings, type FindingSeverity } from '../settings.js';
import { DISCREPANCY_CATALOG, type DiscrepancyCode } from './catalog.js';
import { describeLineRu, discrepancy } from './discrepancy.js';
import { checkBookEntry } from './entry-checks.js';
import { rnptOfEntry } from './entry-rnpt.js';
import { FilingChecks } from './filing-checks.js';
import type { Filing } from './filings.js';
import { FineCounter, taxpayerKindOf, type FineEstimate } from './fines.js';
import { compareInvoiceGroup } from './group-checks.js';
import { checkDeclarationLine } from './line-checks.js';
import type { BookEntry, DeclarationLine, Discrepancy } from './model.js';

/** Movement kinds the VAT declaration reports with traceability data, and the section they belong to. */
export const DECLARED_MOVEMENT_KINDS: Readonly<Partial<Record<MovementKind, '8' | '9'>>> = {
  purchase: '8',
  customs_import: '8',
  sale: '9',
  eaeu_movement: '9',
};

export interface ReconciliationOptions {
  taxpayerInn: string;
  period: string | Quarter;
  settings?: CoreSettings | undefined;
  /** Whether the taxpayer pays VAT (default): then the report on operations shows only operations 01–14. */
  vatPayer?: boolean | undefined;
  /** The day of the check (today): filings not yet due are not reported missing. Undefined: all are due. */
  asOf?: CalendarDate | undefined;
  emit: (discrepancy: Discrepancy) => void;
}

export interface ReconciliationSummary {
  period: { from: CalendarDate; to: CalendarDate };
  counts: { total: number; bySeverity: Record<FindingSeverity, number>; byCode: Partial<Record<DiscrepancyCode, number>> };
  fines: Omit<FineEstimate, 'perFinding'>;
}

export class Reconciliation {
  readonly period: { from: CalendarDate; to: CalendarDate };
  readonly #taxpayerInn: string;
  readonly #settings: CoreSettings;
  readonly #emit: (d: Discrepancy) => void;
  readonly #ledger = new Ledger();
  readonly #fines: FineCounter;
  readonly #receiptTnved = new Map<string, string>();
  readonly #reportedUnknown = new Set<string>();
  readonly #filings: FilingChecks;
  #movementsSeen = false;
  #ledgerClosed = false;
  readonly #counts: ReconciliationSummary['counts'] = { total: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byCode: {} };

  constructor(options: ReconciliationOptions) {
    const quarter = typeof options.period === 'string' ? parseQuarter(options.period) : options.period;
    this.period = quarterRange(quarter);
    this.#taxpayerInn = options.taxpayerInn;
    this.#settings = options.settings ?? DEFAULT_CORE_SETTINGS;
    this.#emit = options.emit;
    this.#fines = new FineCounter(taxpayerKindOf(options.taxpayerInn));
    this.#filings = new FilingChecks({
      quarter,
      period: this.period,
      settings: this.#settings,
      vatPayer: options.vatPayer ?? true,
      asOf: options.asOf,
    });
  }

  inPeriod(date: CalendarDate): boolean {
    return compareDates(date, this.period.from) >= 0 && compareDates(date, this.period.to) <= 0;
  }

  /** Whether the matching step compares this entry with the declaration (declared kind, document in the quarter). */
  isDeclared(movement: Movement): boolean {
    return DECLARED_MOVEMENT_KINDS[movement.kind] !== undefined && this.inPeriod(movement.document.date);
  }

  /** Step 0: a notification or report on operations the taxpayer filed (before any movement). */
  addFiling(filing: Filing): void {
    if (this.#movementsSeen) {
      throw new SledopytError({
        code: 'RECONCILIATION_ORDER',
        message: 'Filings must be added before the ledger movements (they explain ledger findings)',
        messageRu: 'Внутренняя ошибка сверки: уведомления и отчёты переданы после движений',
        actor: 'developer',
      });
    }
    this.#filings.add(filing);
  }

  /** Step 1: every movement of the taxpayer up to the end of the quarter, in date order. */
  addLedgerMovement(movement: Movement): void {
    if (movement.taxpayerInn !== this.#taxpayerInn || compareDates(movement.date, this.period.to) > 0) return;
    this.#movementsSeen = true;
    if (this.inPeriod(movement.date)) this.#filings.observe(movement);
    for (const finding of this.#ledger.add(movement)) this.#ledgerFinding(finding);
    if (MOVEMENT_KINDS[movement.kind].direction === 'receipt' && movement.tnved !== undefined && !this.#receiptTnved.has(movement.rnpt)) {
      this.#receiptTnved.set(movement.rnpt, movement.tnved);
    }
  }

  /** Step 2: one invoice's declaration lines and book entries (either side may be empty). */
  addInvoiceGroup(lines: readonly DeclarationLine[], entries: readonly BookEntry[]): void {
    this.#closeLedger();
    const declared = entries.filter((e) => e.movement.taxpayerInn === this.#taxpayerInn && this.isDeclared(e.movement));
    for (const line of lines) {
      for (const d of checkDeclarationLine(line, { period: this.period })) this.#report(d);
      this.#unknownRnpts(line);
    }
    for (const d of compareInvoiceGroup(lines, declared)) this.#report(d);
    for (const entry of declared) for (const d of checkBookEntry(entry, { receiptTnved: this.#receiptTnved })) this.#report(d);
  }

  /** Book entries of the quarter that the declaration does not report (retail, write-offs…): entry checks only. */
  addUndeclaredEntry(entry: BookEntry): void {
    this.#closeLedger();
    if (entry.movement.taxpayerInn !== this.#taxpayerInn || this.isDeclared(entry.movement) || !this.inPeriod(entry.movement.date)) return;
    for (const d of checkBookEntry(entry, { receiptTnved: this.#receiptTnved })) this.#report(d);
  }

  /** Step 3. */
  finish(): ReconciliationSummary {
    this.#closeLedger();
    for (const d of this.#filings.findings()) this.#report(d);
    return { period: this.period, counts: this.#counts, fines: { byKind: this.#fines.byKind(), totalRub: this.#fines.totalRub() } };
  }

  #closeLedger(): void {
    if (this.#ledgerClosed) return;
    this.#ledgerClosed = true;
    for (const finding of this.#ledger.flush()) this.#ledgerFinding(finding);
  }

  #ledgerFinding(f: LedgerFinding): void {
    if (!this.inPeriod(f.date)) return;
    if (f.code === 'RNPT_UNKNOWN') this.#reportedUnknown.add(f.rnpt);
    const document = { kind: f.document.kind, number: f.document.number, date: f.document.date, counterpartyInn: null };
    const details = Object.fromEntries(Object.entries(f.details).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v as string | number | boolean | null)]));
    const movementIds = f.movementId === undefined ? [] : [f.movementId];
    // Goods sold before their remains notification: the shortfall is the missing notification, not the RNPT.
    const notifiedOn = f.code === 'RNPT_UNKNOWN' || f.code === 'NEGATIVE_BALANCE' ? this.#filings.remainsNotifiedAfter(f.rnpt, f.date) : undefined;
    if (notifiedOn !== undefined) {
      this.#reportedUnknown.add(f.rnpt);
      this.#report({
        ...discrepancy('REMAINS_NOTIFICATION_MISSING', {
          rnpt: f.rnpt,
          document,
          expected: `уведомление об остатках подано не позднее ${formatDateRu(f.date)} (дня операции)`,
          actual: `подано ${formatDateRu(notifiedOn)}`,
          messageRu: `${MOVEMENT_KINDS[f.movementKind].labelRu} ${formatDateRu(f.date)} по РНПТ ${f.rnpt}, а уведомление об остатках с этим РНПТ подано только ${formatDateRu(notifiedOn)}: на день операции у товара не было РНПТ`,
          details: { ...details, remainsNotifiedOn: notifiedOn },
        }),
        movementIds,
      });
      return;
    }
    this.#report({ ...discrepancy(f.code, { severity: f.severity, rnpt: f.rnpt, document, messageRu: f.messageRu, details }), movementIds });
  }

  /** Section 9 RNPTs with no receipt in the ledger, unless the ledger already reported the sale. */
  #unknownRnpts(line: DeclarationLine): void {
    if (!line.section.startsWith('9')) return;
    for (const entry of line.entries) {
      const parsed = rnptOfEntry(entry);
      if (!parsed.ok) continue;
      const rnpt = parsed.value.rnpt;
      if (this.#reportedUnknown.has(rnpt) || this.#ledger.hasReceipt(this.#taxpayerInn, rnpt)) continue;
      this.#reportedUnknown.add(rnpt);
      this.#report(
        discrepancy('RNPT_UNKNOWN', {
          line,
          rnpt,
          expected: 'поступление по этому РНПТ (покупка, ввоз, остатки)',
          actual: 'поступлений нет',
          messageRu: `${describeLineRu(line)}: продажа по РНПТ ${rnpt}, а поступлений по нему у налогоплательщика нет`,
        }),
      );
    }
  }

  #report(d: Discrepancy): void {
    d.fineRub = this.#fines.add({
      kind: DISCREPANCY_CATALOG[d.code].fine,
      documentKey: d.document ? `${d.document.kind}|${d.document.number}|${d.document.date}|${d.document.counterpartyInn ?? ''}` : (d.declarationLineId ?? d.code),
      date: d.document?.date ?? this.period.to,
    });
    this.#counts.total += 1;
    this.#counts.bySeverity[d.severity] += 1;
    this.#counts.byCode[d.code] = (this.#counts.byCode[d.code] ?? 0) + 1;
    this.#emit(d);
  }
}
