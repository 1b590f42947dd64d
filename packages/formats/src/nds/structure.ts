/**
 * The structure of the VAT declaration's book sections (НД по НДС, КНД 1151001, files NO_NDS.8 / .81 / .9 / .91),
 * formats 5.08–5.12, as data: element names and, per element, its attributes with their value kind and limits.
 * Source: shared/fns-formats/derived/nds-NO_NDS.8-NO_NDS.9-lines-5.08-5.12.structure.tsv (NOTES.md §3.3).
 *
 * One table serves the fast byte scanner, the saxes reference reader and the writer, so the three cannot drift
 * apart: the order of each list is the output order of the format.
 */

/** How an attribute value is read. */
export type FieldKind =
  /** xs:integer with `totalDigits` (НомерПор N(12), НомИспрСчФ N(3)) → number. */
  | 'integer'
  /** A string of `min`–`max` characters (T(min-max)). */
  | 'text'
  /** ДД.ММ.ГГГГ → CalendarDate. */
  | 'date'
  /** N(19.2) roubles → kopecks (bigint); negative in storno lines. */
  | 'amount'
  /** `СвРегНом/@КолТовПросл` N(10) → the core's Quantity; negative in storno lines. */
  | 'quantity'
  /** `СвРегНом/@СтоимТовПросл`: N(17) whole roubles up to 5.11, N(19.2) in 5.12 → kopecks. */
  | 'cost';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** Text length limits (characters). */
  readonly min?: number;
  readonly max?: number;
  /** Integer digits limit. */
  readonly totalDigits?: number;
  /** The same few values recur on millions of lines (codes, ИНН, RNPTs): readers may share one string per value. */
  readonly repeats?: boolean;
}

/** A field spec whose name is a literal type, so that `positions()` can type its result. */
type Named<N extends string> = FieldSpec & { readonly name: N };
const integer = <N extends string>(name: N, totalDigits: number, required = false): Named<N> => ({ name, kind: 'integer', required, totalDigits });
const text = <N extends string>(name: N, min: number, max: number, required = false): Named<N> => ({ name, kind: 'text', required, min, max });
/** A code-like text field whose values recur (see FieldSpec.repeats). */
const code = <N extends string>(name: N, min: number, max: number, required = false): Named<N> => ({ ...text(name, min, max, required), repeats: true });
const date = <N extends string>(name: N, required = false): Named<N> => ({ name, kind: 'date', required });
const amount = <N extends string>(name: N, required = false): Named<N> => ({ name, kind: 'amount', required });

/** Versions of the format that carry `СвРегНом` (traceability): 5.08 (Q3 2021) … 5.12 (Q1 2026). */
export const NDS_VERSIONS = ['5.08', '5.09', '5.10', '5.11', '5.12'] as const;
export type NdsVersion = (typeof NDS_VERSIONS)[number];

/** The book sections. 8.1/9.1 element names are [I] (NOTES §3.3 names their lines КнПокДЛСтр/КнПродДЛСтр). */
export const NDS_SECTIONS = {
  '8': { prefix: 'NO_NDS.8', index: '0000080', book: 'КнигаПокуп', line: 'КнПокСтр', flag: 'ПризнСвед8', lines: 'purchase' },
  '8.1': { prefix: 'NO_NDS.81', index: '0000081', book: 'КнигаПокупДЛ', line: 'КнПокДЛСтр', flag: 'ПризнСвед81', lines: 'purchase' },
  '9': { prefix: 'NO_NDS.9', index: '0000090', book: 'КнигаПрод', line: 'КнПродСтр', flag: 'ПризнСвед9', lines: 'sales' },
  '9.1': { prefix: 'NO_NDS.91', index: '0000091', book: 'КнигаПродДЛ', line: 'КнПродДЛСтр', flag: 'ПризнСвед91', lines: 'sales' },
} as const;
export type NdsSection = keyof typeof NDS_SECTIONS;
export const NDS_SECTION_KEYS = Object.keys(NDS_SECTIONS) as NdsSection[];
export type BookKind = (typeof NDS_SECTIONS)[NdsSection]['lines'];

export function sectionByIndex(index: string): NdsSection | undefined {
  return NDS_SECTION_KEYS.find((section) => NDS_SECTIONS[section].index === index);
}

/** Invoice attributes shared by purchase and sales lines, in output order. */
const invoiceFields = <R extends boolean>(invoiceDateRequired: R) =>
  [
    integer('НомерПор', 12, true),
    text('НомСчФПрод', 1, 1000, true),
    date('ДатаСчФПрод', invoiceDateRequired),
    integer('НомИспрСчФ', 3),
    date('ДатаИспрСчФ'),
    text('НомКСчФПрод', 1, 256),
    date('ДатаКСчФПрод'),
    integer('НомИспрКСчФ', 3),
    date('ДатаИспрКСчФ'),
    code('ОКВ', 3, 3),
  ] as const;

/** `КнПокСтр` attributes. */
export const PURCHASE_LINE_FIELDS = [...invoiceFields(false), amount('СтоимПокупВ', true), amount('СумНДСВыч', true)] as const;

/** VAT rates of the sales book columns; which ones a version has: `SALES_RATE_VERSIONS`. */
export const SALES_RATES = ['22', '20', '18', '10', '7', '5'] as const;
export type SalesRate = (typeof SALES_RATES)[number];

/** Rate columns by version (TSV: 22 only 5.12; 18 up to 5.11; 7 and 5 from 5.11). */
export function salesRatesOf(version: NdsVersion): SalesRate[] {
  const minor = Number(version.slice(2));
  return SALES_RATES.filter((rate) => {
    if (rate === '22') return minor >= 12;
    if (rate === '18') return minor <= 11;
    if (rate === '7' || rate === '5') return minor >= 11;
    return true;
  });
}

/** `КнПродСтр` attributes. */
export const SALES_LINE_FIELDS = [
  ...invoiceFields(true),
  amount('СтоимПродСФВ'),
  amount('СтоимПродСФ'),
  amount('СтоимПродСФ22'),
  amount('СтоимПродСФ20'),
  amount('СтоимПродСФ18'),
  amount('СтоимПродСФ10'),
  amount('СтоимПродСФ7'),
  amount('СтоимПродСФ5'),
  amount('СтоимПродСФ0'),
  amount('СумНДССФ22'),
  amount('СумНДССФ20'),
  amount('СумНДССФ18'),
  amount('СумНДССФ10'),
  amount('СумНДССФ7'),
  amount('СумНДССФ5'),
  amount('СтоимПродОсв'),
] as const;

/** `СвРегНом` (СвРегНомТип): one RNPT or customs declaration number on a line. */
export const REGISTRATION_FIELDS = [
  code('РегНомПросл', 13, 29, true),
  code('ОКЕИ', 3, 4),
  { name: 'КолТовПросл', kind: 'quantity', required: false } as Named<'КолТовПросл'>,
  { name: 'СтоимТовПросл', kind: 'cost', required: false } as Named<'СтоимТовПросл'>,
] as const;

/** `ДокПдтвУпл` (purchase) / `ДокПдтвОпл` (sales): payment document. */
export const PURCHASE_PAYMENT_FIELDS = [text('НомДокПдтвУпл', 1, 256, true), date('ДатаДокПдтвУпл', true)] as const;
export const SALES_PAYMENT_FIELDS = [text('НомДокПдтвОпл', 1, 256, true), date('ДатаДокПдтвОпл', true)] as const;
/** `СвЧастСчФ` (5.12): partial invoice. */
export const PARTIAL_INVOICE_FIELDS = [text('НомЧастСчФ', 1, 1000, true), date('ДатаЧастСчФ', true)] as const;
/** Counterparty ids inside `СвПрод` / `СвПокуп` / `СвПос`. */
export const LEGAL_ENTITY_FIELDS = [text('ИННЮЛ', 10, 10, true), code('КПП', 9, 9)] as const;
export const SOLE_TRADER_FIELDS = [text('ИННФЛ', 12, 12, true)] as const;

/** Simple (text) children of a line. */
export const OPERATION_CODE: FieldSpec = code('КодВидОпер', 2, 2, true);
export const GOODS_CODE: FieldSpec = code('КодВидТовар', 10, 10, true);
export const ACCOUNTING_DATE: FieldSpec = date('ДатаУчТов', true);

/** Element names of the file around the lines. */
export const ROOT_ELEMENT = 'Файл';
export const DOCUMENT_ELEMENT = 'Документ';
export const REGISTRATION_ELEMENT = 'СвРегНом';
export const PARTIAL_INVOICE_ELEMENT = 'СвЧастСчФ';
export const INTERMEDIARY_ELEMENT = 'СвПос';
export const LEGAL_ENTITY_ELEMENT = 'СведЮЛ';
export const SOLE_TRADER_ELEMENT = 'СведИП';

/** Child element names that differ between purchase and sales lines. */
export const LINE_CHILDREN = {
  purchase: { payment: 'ДокПдтвУпл', counterparty: 'СвПрод', paymentFields: PURCHASE_PAYMENT_FIELDS, lineFields: PURCHASE_LINE_FIELDS },
  sales: { payment: 'ДокПдтвОпл', counterparty: 'СвПокуп', paymentFields: SALES_PAYMENT_FIELDS, lineFields: SALES_LINE_FIELDS },
} as const;

/** Book totals (attributes of `КнигаПокуп` / `КнигаПрод`), all N(19.2). */
export const PURCHASE_BOOK_TOTALS = ['СумНДСВсКПк'] as const;
export const SALES_BOOK_TOTALS = [
  ...SALES_RATES.map((rate) => `СтПродБезНДС${rate}` as const),
  'СтПродБезНДС0',
  ...SALES_RATES.map((rate) => `СумНДСВсКПр${rate}` as const),
  'СтПродОсвВсКПр',
] as const;

/** Position of each field in its list: readers fill value arrays by position, then build one object literal. */
export function positions<const F extends readonly FieldSpec[]>(fields: F): { readonly [K in F[number]['name']]: number } {
  return Object.fromEntries(fields.map((field, index) => [field.name, index])) as { readonly [K in F[number]['name']]: number };
}
