/**
 * How a declaration line finds the document it reports (discrepancies.md): same taxpayer and direction,
 * invoice number normalised (trimmed, case-folded, inner spaces removed), invoice date and counterparty ИНН.
 */
import type { CalendarDate } from '../calendar-date.js';
import type { MovementDirection } from '../ledger/movement-kinds.js';
import type { DeclarationSection } from './model.js';

export function normaliseInvoiceNumber(number: string): string {
  return number.trim().replace(/\s+/g, '').toLocaleLowerCase('ru-RU');
}

/** Sections 8/8.1 report receipts (purchases), 9/9.1 disposals (sales). */
export const directionOfSection = (section: DeclarationSection): MovementDirection => (section.startsWith('8') ? 'receipt' : 'disposal');

export interface MatchKeyParts {
  direction: MovementDirection;
  invoiceNumber: string;
  invoiceDate: CalendarDate;
  counterpartyInn: string | undefined;
}

/** The full key, as a string that sorts the same in JS and in SQL (`|`-joined, date as YYYY-MM-DD). */
export function matchKey(parts: MatchKeyParts): string {
  return `${parts.direction}|${normaliseInvoiceNumber(parts.invoiceNumber)}|${parts.invoiceDate}|${parts.counterpartyInn ?? ''}`;
}

/** The key without the counterparty: the same invoice number and date (to tell COUNTERPARTY_MISMATCH). */
export function invoiceKey(parts: Omit<MatchKeyParts, 'counterpartyInn'>): string {
  return `${parts.direction}|${normaliseInvoiceNumber(parts.invoiceNumber)}|${parts.invoiceDate}`;
}
