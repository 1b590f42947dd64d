/**
 * How a declaration line finds the document it reports (discrepancies.md): same taxpayer and direction,
 * invoice number normalised (trimmed, case-folded), invoice date and counterparty ИНН.
 */
import type { CalendarDate } from '../calendar-date.js';
import type { MovementDirection } from '../ledger/movement-kinds.js';
import type { DeclarationSection } from './model.js';

/** The store keeps this form beside the number as written, so SQL and JS match invoices the same way. */
export function normalizeInvoiceNumber(number: string): string {
  // toLowerCase folds Cyrillic and Latin alike; the locale-aware variant is several times slower on millions of lines.
  return number.trim().toLowerCase();
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
  return `${parts.direction}|${normalizeInvoiceNumber(parts.invoiceNumber)}|${parts.invoiceDate}|${parts.counterpartyInn ?? ''}`;
}

/** The key without the counterparty: the same invoice number and date (to tell COUNTERPARTY_MISMATCH). */
export function invoiceKey(parts: Omit<MatchKeyParts, 'counterpartyInn'>): string {
  return `${parts.direction}|${normalizeInvoiceNumber(parts.invoiceNumber)}|${parts.invoiceDate}`;
}
