/**
 * What the reconciler compares, in the core's own terms (the formats package maps ФНС XML to these;
 * the 1C sync and the store produce movements):
 * - a declaration line: one line of section 8/8.1 (purchases) or 9/9.1 (sales) with its `СвРегНом` entries;
 * - a book entry: one traceability entry of the company's own document (a ledger movement plus where it came from);
 * - a discrepancy: one finding of the catalog, explained for auditors.
 */
import type { CalendarDate } from '../calendar-date.js';
import type { Kopecks } from '../money/money.js';
import type { Quantity } from '../money/quantity.js';
import type { Movement } from '../ledger/movement.js';
import type { FindingSeverity } from '../settings.js';
import type { DiscrepancyCode } from './catalog.js';

export type DeclarationSection = '8' | '8.1' | '9' | '9.1';

/** One `СвРегНом`: an RNPT or a bare customs declaration number, as filed. */
export interface DeclarationTraceEntry {
  /** `РегНомПросл` as written. */
  registrationNumber: string;
  unit: string | undefined;
  quantity: Quantity | undefined;
  /** Kopecks; whole roubles up to format 5.11. */
  cost: Kopecks | undefined;
}

export interface DeclarationLine {
  /** Stable reference for reports: `<file or declaration id>#<section>:<НомерПор>`. */
  id: string;
  section: DeclarationSection;
  lineNumber: number;
  invoiceNumber: string;
  invoiceDate: CalendarDate;
  /** The seller (section 8) or buyer (section 9), when the line names one. */
  counterpartyInn: string | undefined;
  /** `КодВидОпер` codes. */
  operationCodes: readonly string[];
  /** ТН ВЭД codes of the line (section 9 `КодВидТовар`), when given. */
  tnvedCodes: readonly string[];
  /** Storno (negative) line: its quantities and costs must be negative. */
  storno: boolean;
  entries: readonly DeclarationTraceEntry[];
}

/** A traceability entry of the company's own document. */
export interface BookEntry {
  movement: Movement;
  /** The country of origin, when the document says (УПД `СвДТ/КодПроисх`, 1C item): for NOT_TRACEABLE. */
  originCountry?: string | undefined;
  /** The document went through ЭДО (false: paper). Unknown is treated as electronic. */
  electronic?: boolean | undefined;
}

export interface DiscrepancyDocument {
  kind: string;
  number: string;
  date: CalendarDate;
  counterpartyInn: string | null;
}

export interface Discrepancy {
  code: DiscrepancyCode;
  severity: FindingSeverity;
  rnpt: string | null;
  document: DiscrepancyDocument | null;
  /** Declaration section of the line involved, if any. */
  section: DeclarationSection | null;
  declarationLineId: string | null;
  movementIds: string[];
  /** What should be there, and what was found (human-readable values, e.g. `10 шт`, `45 000 ₽`). */
  expected: string | null;
  actual: string | null;
  /** Fine risk attributed to this finding (one fine per document; see fines.ts). Set by the reconciler at the end. */
  fineRub: number;
  /** What is wrong, for this case (Russian). */
  messageRu: string;
  titleRu: string;
  fixRu: string;
  legalBasisRu: string;
  details: Record<string, string | number | boolean | null>;
}
