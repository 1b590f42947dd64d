/**
 * Which children a book line may have and what each one becomes — shared by the byte scanner and the saxes
 * reference reader so that both apply the same rules (TSV order: КодВидОпер, ДокПдтв…, СвЧастСчФ, ДатаУчТов,
 * СвПрод/СвПокуп, СвПос, СвРегНом, КодВидТовар). Unknown children are skipped (a later format version may add
 * some); known ones are strict: leaf elements carry attributes only, simple elements text only.
 */
import { NDS_SECTIONS, type BookKind, type NdsSection } from './structure.js';

export type ChildRole =
  | 'operation-code'
  | 'goods-code'
  | 'accounting-date'
  | 'registration'
  | 'payment'
  | 'partial-invoice'
  | 'counterparty'
  | 'intermediary';

const COMMON_CHILDREN: Readonly<Record<string, ChildRole>> = {
  КодВидОпер: 'operation-code',
  СвРегНом: 'registration',
  СвЧастСчФ: 'partial-invoice',
  СвПос: 'intermediary',
};

const BOOK_CHILDREN: Readonly<Record<BookKind, Readonly<Record<string, ChildRole>>>> = {
  purchase: { ...COMMON_CHILDREN, ДокПдтвУпл: 'payment', ДатаУчТов: 'accounting-date', СвПрод: 'counterparty' },
  sales: { ...COMMON_CHILDREN, ДокПдтвОпл: 'payment', КодВидТовар: 'goods-code', СвПокуп: 'counterparty' },
};

/** The role of a line's child element, or undefined for an element the format does not know there. */
export function childRole(book: BookKind, name: string): ChildRole | undefined {
  return Object.hasOwn(BOOK_CHILDREN[book], name) ? BOOK_CHILDREN[book][name] : undefined;
}

export function childNames(book: BookKind): string[] {
  return Object.keys(BOOK_CHILDREN[book]);
}

/** The section a book element name belongs to. */
export function sectionByBookElement(name: string): NdsSection | undefined {
  return (Object.keys(NDS_SECTIONS) as NdsSection[]).find((section) => NDS_SECTIONS[section].book === name);
}

/**
 * Child roles as small numbers, for the scanner's switch and the WebAssembly fast path (assembly/book-lines.ts
 * has the same numbers).
 */
export const ROLE_NONE = 0;
export const ROLE_OPERATION_CODE = 1;
export const ROLE_GOODS_CODE = 2;
export const ROLE_ACCOUNTING_DATE = 3;
export const ROLE_REGISTRATION = 4;
export const ROLE_PAYMENT = 5;
export const ROLE_PARTIAL_INVOICE = 6;
export const ROLE_COUNTERPARTY = 7;
export const ROLE_INTERMEDIARY = 8;
export const ROLE_CODES: Readonly<Record<ChildRole | 'none', number>> = {
  none: ROLE_NONE,
  'operation-code': ROLE_OPERATION_CODE,
  'goods-code': ROLE_GOODS_CODE,
  'accounting-date': ROLE_ACCOUNTING_DATE,
  registration: ROLE_REGISTRATION,
  payment: ROLE_PAYMENT,
  'partial-invoice': ROLE_PARTIAL_INVOICE,
  counterparty: ROLE_COUNTERPARTY,
  intermediary: ROLE_INTERMEDIARY,
};
