/**
 * The rules about what a taxpayer filed with ФНС (traceability-rules §4.1, §5.2, §5.4 rules 9, 19–24, 32):
 * - NOTIFICATION_LATE: an EAEU import / movement notification filed after its 5 working days, or a shipment
 *   to the EAEU (or an EAEU import) that no notification names once its deadline has passed;
 * - EAEU_RNPT_AFTER_IMPORT: the RNPT of an EAEU import came from a notification filed after the import;
 * - REMAINS_NOTIFICATION_MISSING: a disposal of an RNPT whose remains notification was filed only later
 *   (the ledger's shortfall is explained by it — see `remainsNotifiedAfter`);
 * - REPORT_LATE, REPORT_FIELD_INVALID, NOT_IN_REPORT: the quarter's report on operations.
 * Memory is bounded by the filings of the quarter and one entry per (RNPT, operation code) of the
 * operations the report must show — not by the number of movements.
 */
import { compareDates, formatDateRu, type CalendarDate } from '../calendar-date.js';
import { computeDeadline, isLate, type DeadlineKindId, type LatenessCheck } from '../calendar/deadlines.js';
import { formatQuarter, type Quarter } from '../calendar/quarter.js';
import { isSledopytError } from '../errors.js';
import { checkEaeuRnptBeforeImport, type EaeuImportRecord } from '../ledger/eaeu-rnpt-before-import.js';
import { MOVEMENT_KINDS, type MovementKind } from '../ledger/movement-kinds.js';
import { movementOperationCode, type Movement } from '../ledger/movement.js';
import { OPERATION_CODES } from '../ledger/operation-codes.js';
import { addQuantities, formatQuantityRu, ZERO_QUANTITY, type Quantity } from '../money/quantity.js';
import { parseRnpt } from '../rnpt/rnpt.js';
import type { CoreSettings } from '../settings.js';
import { discrepancy, documentOfMovement } from './discrepancy.js';
import { FILING_LABELS_RU, type Filing, type ReportRow } from './filings.js';
import type { Discrepancy, DiscrepancyDocument } from './model.js';

export interface FilingChecksOptions {
  quarter: Quarter;
  period: { from: CalendarDate; to: CalendarDate };
  settings: CoreSettings;
  /** VAT payers report only operations 01–14 (the rest is in the VAT return); others report every operation. */
  vatPayer: boolean;
  /** The day of the check: a filing not yet due is not missing. Undefined = every deadline has passed. */
  asOf: CalendarDate | undefined;
}

/**
 * Operations the report must show: (RNPT, code) with the quarter's total and the first document. Kept for every
 * RNPT of the quarter (500 000 at a large importer), so only what the findings print is kept: the first
 * document, not the movement, and the movement ids only when a report was filed (only then can an operation be
 * missing from it; without one, REPORT_LATE names the first operation alone).
 */
interface ReportableOperation {
  code: string;
  rnpt: string;
  unit: string;
  quantity: Quantity;
  kind: MovementKind;
  document: DiscrepancyDocument;
  firstId: string | undefined;
  ids: string[];
}

const MAX_IDS_PER_OPERATION = 50;
/** Codes 08 and 15–39 need the counterparty (1С's check of the format, traceability-rules §4.2). */
const needsCounterparty = (code: string): boolean => code === '08' || (code >= '15' && code <= '39');
const canonicalRnpt = (text: string): string => {
  const parsed = parseRnpt(text);
  return parsed.ok ? parsed.value.rnpt : text.trim();
};

const filingDocument = (filing: Filing): DiscrepancyDocument => ({ kind: filing.kind, number: filing.number, date: filing.filedOn, counterpartyInn: null });

export class FilingChecks {
  readonly #options: FilingChecksOptions;
  readonly #notices: Filing[] = [];
  readonly #reports: Filing[] = [];
  /** RNPT → the earliest day a remains notification named it. */
  readonly #remainsFiledOn = new Map<string, CalendarDate>();
  readonly #movementNoticeRnpts = new Set<string>();
  readonly #importNoticeRnpts = new Set<string>();
  /** Acceptance days of import notifications filed before ФНС assigned an RNPT (they name none). */
  readonly #importNoticeDaysWithoutRnpt = new Set<CalendarDate>();
  readonly #uncovered: Movement[] = [];
  readonly #reportable = new Map<string, ReportableOperation>();

  constructor(options: FilingChecksOptions) {
    this.#options = options;
  }

  add(filing: Filing): void {
    const rnpts = filing.rnpts.map(canonicalRnpt);
    switch (filing.kind) {
      case 'remains_notification':
        for (const rnpt of rnpts) {
          const known = this.#remainsFiledOn.get(rnpt);
          if (known === undefined || compareDates(filing.filedOn, known) < 0) this.#remainsFiledOn.set(rnpt, filing.filedOn);
        }
        return;
      case 'eaeu_movement_notification':
        for (const rnpt of rnpts) this.#movementNoticeRnpts.add(rnpt);
        this.#notices.push(filing);
        return;
      case 'eaeu_import_notification':
        for (const rnpt of rnpts) this.#importNoticeRnpts.add(rnpt);
        if (rnpts.length === 0 && filing.eventDate !== null) this.#importNoticeDaysWithoutRnpt.add(filing.eventDate);
        this.#notices.push(filing);
        return;
      case 'operations_report':
        if (filing.report?.year === this.#options.quarter.year && filing.report.quarter === this.#options.quarter.quarter) this.#reports.push(filing);
        return;
    }
  }

  /** When a remains notification named this RNPT only after `date`: the day it did; else undefined. */
  remainsNotifiedAfter(rnpt: string, date: CalendarDate): CalendarDate | undefined {
    const filedOn = this.#remainsFiledOn.get(rnpt);
    return filedOn !== undefined && compareDates(filedOn, date) > 0 ? filedOn : undefined;
  }

  /** Every movement of the quarter (in any order). */
  observe(movement: Movement): void {
    if (movement.kind === 'eaeu_movement' || movement.kind === 'eaeu_import') this.#uncovered.push(movement);
    const code = movementOperationCode(movement);
    if (code === null || (this.#options.vatPayer && code > '14')) return;
    const key = `${movement.rnpt}|${code}|${movement.unit}`;
    const known = this.#reportable.get(key);
    // Filings come first (Reconciliation.addFiling): whether the quarter has a report is known here.
    const keepIds = this.#reports.length > 0 && movement.id !== undefined;
    if (known === undefined) {
      this.#reportable.set(key, {
        code,
        rnpt: movement.rnpt,
        unit: movement.unit,
        quantity: movement.quantity,
        kind: movement.kind,
        document: documentOfMovement(movement),
        firstId: movement.id,
        ids: keepIds ? [movement.id as string] : [],
      });
      return;
    }
    known.quantity = addQuantities(known.quantity, movement.quantity);
    if (keepIds && known.ids.length < MAX_IDS_PER_OPERATION) known.ids.push(movement.id as string);
  }

  *findings(): Generator<Discrepancy> {
    yield* this.#noticeFindings();
    yield* this.#unnotifiedMovements();
    yield* this.#reportFindings();
  }

  #inPeriod(date: CalendarDate): boolean {
    return compareDates(date, this.#options.period.from) >= 0 && compareDates(date, this.#options.period.to) <= 0;
  }

  /** The deadline check of a filing, or undefined when the production calendar does not reach that far. */
  #lateness(kind: DeadlineKindId, eventDate: string, filedOn: CalendarDate): LatenessCheck | undefined {
    return outOfCalendarIsUndefined(() => isLate(kind, eventDate, filedOn));
  }

  /** The last day for a filing that was not made; undefined when it is not yet due on `asOf` (or out of the calendar). */
  #overdue(kind: DeadlineKindId, event: string): CalendarDate | undefined {
    const due = outOfCalendarIsUndefined(() => computeDeadline({ kind, date: event }).due);
    if (due === undefined) return undefined;
    return this.#options.asOf === undefined || compareDates(this.#options.asOf, due) > 0 ? due : undefined;
  }

  *#noticeFindings(): Generator<Discrepancy> {
    for (const notice of this.#notices) {
      // Corrections repeat a notification; their own deadlines count from other events [I: not checked].
      if (notice.eventDate === null || notice.correctionNumber > 0 || !this.#inPeriod(notice.eventDate)) continue;
      const importing = notice.kind === 'eaeu_import_notification';
      if (importing) yield* this.#rnptAfterImport(notice, notice.eventDate);
      const check = this.#lateness(importing ? 'eaeu-import-notification' : 'eaeu-movement-notification', notice.eventDate, notice.filedOn);
      if (check === undefined || !check.late) continue;
      const event = importing ? 'принятия товаров на учёт' : 'отгрузки';
      yield discrepancy('NOTIFICATION_LATE', {
        rnpt: notice.rnpts.join(', ') || null,
        document: filingDocument(notice),
        expected: `не позднее ${formatDateRu(check.deadline.due)} (5 рабочих дней после ${event} ${formatDateRu(notice.eventDate)})`,
        actual: `подано ${formatDateRu(notice.filedOn)}, на ${check.workingDaysLate} раб. дн. позже`,
        messageRu:
          `${capitalize(FILING_LABELS_RU[notice.kind])} № ${notice.number} подано ${formatDateRu(notice.filedOn)}, а срок — ` +
          `${formatDateRu(check.deadline.due)} (5 рабочих дней после ${event} ${formatDateRu(notice.eventDate)})`,
        details: { filingId: notice.id, kind: notice.kind, eventDate: notice.eventDate, due: check.deadline.due, workingDaysLate: check.workingDaysLate, provisional: check.provisional },
      });
    }
  }

  /** The seed-000 rule, from the notification: an RNPT is assigned only after the notification is filed. */
  *#rnptAfterImport(notice: Filing, importDate: CalendarDate): Generator<Discrepancy> {
    const text = notice.rnpts[0];
    let record: EaeuImportRecord = { id: notice.id, importDate };
    if (text !== undefined) {
      const parsed = parseRnpt(text);
      if (!parsed.ok) return; // an invalid RNPT is RNPT_INVALID's business, on the documents that carry it
      record = { ...record, rnpt: parsed.value.rnpt, rnptObtainedOn: notice.filedOn };
    }
    for (const finding of checkEaeuRnptBeforeImport(record, this.#options.settings)) {
      yield discrepancy('EAEU_RNPT_AFTER_IMPORT', {
        severity: finding.severity,
        rnpt: finding.rnpt,
        document: filingDocument(notice),
        expected: `РНПТ получен до ввоза ${formatDateRu(importDate)}`,
        actual: text === undefined ? 'РНПТ не получен' : `уведомление, по которому присвоен РНПТ, подано ${formatDateRu(notice.filedOn)}`,
        messageRu: finding.messageRu,
        details: { filingId: notice.id, reason: finding.reason, importDate },
      });
    }
  }

  /** Shipments to the EAEU and EAEU imports that no notification names, once the deadline has passed. */
  *#unnotifiedMovements(): Generator<Discrepancy> {
    for (const movement of this.#uncovered) {
      if (!this.#inPeriod(movement.date)) continue;
      const importing = movement.kind === 'eaeu_import';
      const covered = importing
        ? this.#importNoticeRnpts.has(movement.rnpt) || this.#importNoticeDaysWithoutRnpt.has(movement.date)
        : this.#movementNoticeRnpts.has(movement.rnpt);
      if (covered) continue;
      const due = this.#overdue(importing ? 'eaeu-import-notification' : 'eaeu-movement-notification', movement.date);
      if (due === undefined) continue;
      const label = importing ? 'уведомление о ввозе из ЕАЭС' : 'уведомление о перемещении товаров в ЕАЭС';
      yield discrepancy('NOTIFICATION_LATE', {
        rnpt: movement.rnpt,
        movements: [movement],
        expected: `${label} не позднее ${formatDateRu(due)}`,
        actual: 'уведомление с этим РНПТ не найдено',
        messageRu: `${MOVEMENT_KINDS[movement.kind].labelRu} ${formatDateRu(movement.date)} по РНПТ ${movement.rnpt}: ${label} с этим РНПТ не подано, срок истёк ${formatDateRu(due)}`,
        details: { due, missing: true },
      });
    }
  }

  *#reportFindings(): Generator<Discrepancy> {
    const quarterId = formatQuarter(this.#options.quarter);
    const due = outOfCalendarIsUndefined(() => computeDeadline({ kind: 'operations-report', date: quarterId }).due);
    const first = [...this.#reports].sort((a, b) => a.correctionNumber - b.correctionNumber || compareDates(a.filedOn, b.filedOn))[0];
    if (first === undefined) {
      const someOperation = this.#reportable.values().next();
      if (someOperation.done === true || due === undefined) return;
      if (this.#overdue('operations-report', quarterId) === undefined) return;
      const operation = someOperation.value;
      yield {
        ...discrepancy('REPORT_LATE', {
          document: operation.document,
          expected: `отчёт об операциях за ${quarterRu(quarterId)} не позднее ${formatDateRu(due)}`,
          actual: 'отчёт не подан',
          messageRu: `Отчёт об операциях за ${quarterRu(quarterId)} не подан, а срок прошёл ${formatDateRu(due)}; в квартале ${this.#reportable.size} операций, которые в нём нужно отразить`,
          details: { due, operations: this.#reportable.size, missing: true },
        }),
        movementIds: operation.firstId === undefined ? [] : [operation.firstId],
      };
      return;
    }
    if (due !== undefined && compareDates(first.filedOn, due) > 0) {
      yield discrepancy('REPORT_LATE', {
        document: filingDocument(first),
        expected: `не позднее ${formatDateRu(due)}`,
        actual: `подан ${formatDateRu(first.filedOn)}`,
        messageRu: `Отчёт об операциях за ${quarterRu(quarterId)} подан ${formatDateRu(first.filedOn)}, а срок — ${formatDateRu(due)} (25-е число месяца после квартала с переносом на рабочий день)`,
        details: { filingId: first.id, due },
      });
    }
    const inForce = [...this.#reports].sort((a, b) => b.correctionNumber - a.correctionNumber)[0] ?? first;
    const rows = inForce.report?.rows ?? [];
    for (const row of rows) yield* this.#rowFindings(inForce, row);
    yield* this.#missingFromReport(inForce, rows);
  }

  *#rowFindings(report: Filing, row: ReportRow): Generator<Discrepancy> {
    const problems: string[] = [];
    if (!(row.operationCode in OPERATION_CODES)) problems.push(`неизвестный код операции «${row.operationCode}»`);
    else if (needsCounterparty(row.operationCode) && row.counterpartyInn === null) problems.push(`для кода ${row.operationCode} не указан контрагент`);
    if (!this.#inPeriod(row.date)) problems.push(`дата операции ${formatDateRu(row.date)} вне отчётного квартала`);
    if (row.goods.length === 0) problems.push('нет сведений о товаре');
    for (const goods of row.goods) {
      if (goods.quantity < 0n) problems.push(`отрицательное количество по РНПТ ${goods.rnpt}`);
      if (goods.cost < 0n) problems.push(`отрицательная стоимость по РНПТ ${goods.rnpt}`);
    }
    if (problems.length === 0) return;
    yield discrepancy('REPORT_FIELD_INVALID', {
      rnpt: row.goods.map((g) => g.rnpt).join(', ') || null,
      document: { kind: 'operations_report', number: report.number, date: report.filedOn, counterpartyInn: row.counterpartyInn },
      expected: 'строка по правилам формата отчёта об операциях',
      actual: problems.join('; '),
      messageRu: `Отчёт об операциях № ${report.number}, строка ${row.lineNumber} (код ${row.operationCode}, документ № ${row.document.number} от ${formatDateRu(row.document.date)}): ${problems.join('; ')}`,
      details: { filingId: report.id, row: row.lineNumber, operationCode: row.operationCode },
    });
  }

  *#missingFromReport(report: Filing, rows: readonly ReportRow[]): Generator<Discrepancy> {
    const reported = new Map<string, Quantity>();
    for (const row of rows) {
      for (const goods of row.goods) {
        const key = `${canonicalRnpt(goods.rnpt)}|${row.operationCode}|${goods.unit}`;
        reported.set(key, addQuantities(reported.get(key) ?? ZERO_QUANTITY, goods.quantity));
      }
    }
    for (const [key, operation] of this.#reportable) {
      const inReport = reported.get(key) ?? ZERO_QUANTITY;
      if (inReport >= operation.quantity) continue;
      const label = OPERATION_CODES[operation.code as keyof typeof OPERATION_CODES]?.nameRu ?? MOVEMENT_KINDS[operation.kind].labelRu;
      yield {
        ...discrepancy('NOT_IN_REPORT', {
          rnpt: operation.rnpt,
          document: operation.document,
          expected: `код ${operation.code}: ${formatQuantityRu(operation.quantity)} (по учёту за квартал)`,
          actual: inReport === ZERO_QUANTITY ? 'в отчёте нет' : `в отчёте ${formatQuantityRu(inReport)}`,
          messageRu: `Операция с кодом ${operation.code} («${shorten(label)}») по РНПТ ${operation.rnpt} — ${formatQuantityRu(operation.quantity)} за квартал по учёту, а в отчёте об операциях № ${report.number} ${inReport === ZERO_QUANTITY ? 'её нет' : `только ${formatQuantityRu(inReport)}`}`,
          details: { filingId: report.id, operationCode: operation.code, unit: operation.unit },
        }),
        movementIds: operation.ids,
      };
    }
  }
}

/** Dates past the production calendar (2021–2027 today) cannot be judged; they are skipped, not guessed. */
function outOfCalendarIsUndefined<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    if (isSledopytError(error) && error.code === 'CALENDAR_OUT_OF_RANGE') return undefined;
    throw error;
  }
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const shorten = (text: string): string => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
/** «3 квартал 2026 г.» from `2026-Q3`. */
const quarterRu = (quarterId: string): string => `${quarterId.slice(-1)} квартал ${quarterId.slice(0, 4)} г.`;
