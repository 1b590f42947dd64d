/**
 * The model of the VAT declaration's book sections (8, 8.1 — книга покупок; 9, 9.1 — книга продаж).
 * Field names are the official attribute/element names; amounts are kopecks (bigint), quantities the core's
 * Quantity, dates CalendarDate. The zod schemas are the writer's input; their output types are what the
 * readers yield, so write → read gives back the same objects.
 */
import { calendarDateSchema, parseRegistrationNumber, type CalendarDate, type Kopecks, type Quantity } from '@sledopyt/core';
import { z } from 'zod';
import { kopecksSchema, okeiSchema, okvSchema, quantityValueSchema, text } from '../common/codes.js';
import type { XmlEncoding } from '../xml/encoding.js';
import type { TaxOfficeFileName } from '../xml/file-names.js';
import { isCanonicalRnpt } from './registration.js';
import type { BookKind, NdsSection } from './structure.js';

/**
 * `СвРегНом/@РегНомПросл` holds an RNPT (4 groups) or, for non-traceable imports, a bare customs declaration
 * number (3 groups) without quantity and cost (traceability-rules §3.3). `invalid`: a number the core's parser
 * refuses, kept as written only when the reader is asked to (`invalidRegistrationNumbers: 'keep'`), so that the
 * reconciler can report it; the writer never writes one.
 */
export type RegistrationNumberKind = 'rnpt' | 'customs_declaration' | 'invalid';

/** What a reader does with an invalid `РегНомПросл`: refuse the file (default) or keep the entry as `invalid`. */
export type InvalidRegistrationNumbers = 'reject' | 'keep';

const registrationEntryObject = z.object({
  /** As written in the file. */
  РегНомПросл: z.string().min(13).max(29),
  ОКЕИ: okeiSchema.optional(),
  /** Quantity in the traceability unit (N(10)); negative in storno lines. */
  КолТовПросл: quantityValueSchema.optional(),
  /** Cost without VAT in kopecks; whole roubles up to format 5.11; negative in storno lines. */
  СтоимТовПросл: kopecksSchema.optional(),
  /** Derived from РегНомПросл by the core's parser; may be given, then it must agree. */
  kind: z.enum(['rnpt', 'customs_declaration']).optional(),
  /** The canonical number (RNPT or ДТ number); derived, may be given. */
  number: z.string().optional(),
});

/** One `СвРегНом`: the writer's input is checked with the core's parser and completed with kind and number. */
export const registrationEntrySchema = registrationEntryObject.transform((entry, ctx) => {
  const text = entry.РегНомПросл;
  let kind: RegistrationNumberKind = 'rnpt';
  let number = text;
  if (!isCanonicalRnpt(text)) {
    const parsed = parseRegistrationNumber(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error.messageRu, path: ['РегНомПросл'], params: { code: parsed.error.code } });
      return z.NEVER;
    }
    kind = parsed.value.kind;
    number = parsed.value.kind === 'rnpt' ? parsed.value.rnpt : parsed.value.number;
  }
  if ((entry.kind !== undefined && entry.kind !== kind) || (entry.number !== undefined && entry.number !== number)) {
    ctx.addIssue({ code: 'custom', message: `номер ${entry.РегНомПросл} — это ${kind === 'rnpt' ? 'РНПТ' : 'номер ДТ'} ${number}`, path: ['kind'] });
    return z.NEVER;
  }
  return registrationEntry(entry.РегНомПросл, kind, number, entry.ОКЕИ, entry.КолТовПросл, entry.СтоимТовПросл);
});

export interface RegistrationEntry {
  РегНомПросл: string;
  ОКЕИ: string | undefined;
  КолТовПросл: Quantity | undefined;
  СтоимТовПросл: Kopecks | undefined;
  kind: RegistrationNumberKind;
  /** Canonical form: `Rnpt` or `CustomsDeclarationNumber` of the core; for `invalid`, the text as written. */
  number: string;
}

/** Builds an entry with one fixed property order (one object shape for every reader). */
export function registrationEntry(
  РегНомПросл: string,
  kind: RegistrationNumberKind,
  number: string,
  ОКЕИ: string | undefined,
  КолТовПросл: Quantity | undefined,
  СтоимТовПросл: Kopecks | undefined,
): RegistrationEntry {
  return { РегНомПросл, ОКЕИ, КолТовПросл, СтоимТовПросл, kind, number };
}

/**
 * A traceability entry in the sense of the reconciler: an RNPT with quantity and cost. A customs declaration
 * number without them is a non-traceable import reference (traceability-rules §3.3).
 */
export function isTraceabilityEntry(entry: RegistrationEntry): boolean {
  return entry.kind === 'rnpt' || entry.КолТовПросл !== undefined || entry.СтоимТовПросл !== undefined;
}

export const counterpartySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('СведЮЛ'), ИННЮЛ: z.string().regex(/^\d{10}$/, 'ИНН организации: 10 цифр'), КПП: z.string().regex(/^[0-9A-Z]{9}$/, 'КПП: 9 знаков').optional() }),
  z.object({ kind: z.literal('СведИП'), ИННФЛ: z.string().regex(/^\d{12}$/, 'ИНН ИП: 12 цифр') }),
]);
export type Counterparty = z.output<typeof counterpartySchema>;

export const purchasePaymentSchema = z.object({ НомДокПдтвУпл: text(256), ДатаДокПдтвУпл: calendarDateSchema });
export const salesPaymentSchema = z.object({ НомДокПдтвОпл: text(256), ДатаДокПдтвОпл: calendarDateSchema });
/** `СвЧастСчФ` (5.12). */
export const partialInvoiceSchema = z.object({ НомЧастСчФ: text(1000), ДатаЧастСчФ: calendarDateSchema });

const lineNumber = (digits: number) => z.number().int().min(0).max(10 ** digits - 1);
const invoiceFields = {
  НомерПор: lineNumber(12),
  НомСчФПрод: text(1000),
  НомИспрСчФ: lineNumber(3).optional(),
  ДатаИспрСчФ: calendarDateSchema.optional(),
  НомКСчФПрод: text(256).optional(),
  ДатаКСчФПрод: calendarDateSchema.optional(),
  НомИспрКСчФ: lineNumber(3).optional(),
  ДатаИспрКСчФ: calendarDateSchema.optional(),
  ОКВ: okvSchema.optional(),
};
const operationCodes = z.array(z.string().regex(/^\d{2}$/, 'код вида операции: 2 цифры')).min(1).readonly();

/** `КнПокСтр` (section 8) / `КнПокДЛСтр` (8.1). */
export const purchaseBookLineSchema = z.object({
  book: z.literal('purchase').default('purchase'),
  ...invoiceFields,
  ДатаСчФПрод: calendarDateSchema.optional(),
  СтоимПокупВ: kopecksSchema,
  СумНДСВыч: kopecksSchema,
  КодВидОпер: operationCodes,
  ДокПдтвУпл: z.array(purchasePaymentSchema).default([]).readonly(),
  СвЧастСчФ: z.array(partialInvoiceSchema).default([]).readonly(),
  ДатаУчТов: z.array(calendarDateSchema).default([]).readonly(),
  СвПрод: z.array(counterpartySchema).default([]).readonly(),
  СвПос: counterpartySchema.optional(),
  СвРегНом: z.array(registrationEntrySchema).default([]).readonly(),
});
export type PurchaseBookLine = z.output<typeof purchaseBookLineSchema>;
export type PurchaseBookLineInput = z.input<typeof purchaseBookLineSchema>;

const optionalAmount = kopecksSchema.optional();
/** `КнПродСтр` (section 9) / `КнПродДЛСтр` (9.1). */
export const salesBookLineSchema = z.object({
  book: z.literal('sales').default('sales'),
  ...invoiceFields,
  ДатаСчФПрод: calendarDateSchema,
  СтоимПродСФВ: optionalAmount,
  СтоимПродСФ: optionalAmount,
  СтоимПродСФ22: optionalAmount,
  СтоимПродСФ20: optionalAmount,
  СтоимПродСФ18: optionalAmount,
  СтоимПродСФ10: optionalAmount,
  СтоимПродСФ7: optionalAmount,
  СтоимПродСФ5: optionalAmount,
  СтоимПродСФ0: optionalAmount,
  СумНДССФ22: optionalAmount,
  СумНДССФ20: optionalAmount,
  СумНДССФ18: optionalAmount,
  СумНДССФ10: optionalAmount,
  СумНДССФ7: optionalAmount,
  СумНДССФ5: optionalAmount,
  СтоимПродОсв: optionalAmount,
  КодВидОпер: operationCodes,
  СвРегНом: z.array(registrationEntrySchema).default([]).readonly(),
  КодВидТовар: z.array(z.string().regex(/^\d{10}$/, 'код ТН ВЭД ЕАЭС: 10 цифр')).default([]).readonly(),
  ДокПдтвОпл: z.array(salesPaymentSchema).default([]).readonly(),
  СвЧастСчФ: z.array(partialInvoiceSchema).default([]).readonly(),
  СвПокуп: z.array(counterpartySchema).default([]).readonly(),
  СвПос: counterpartySchema.optional(),
});
export type SalesBookLine = z.output<typeof salesBookLineSchema>;
export type SalesBookLineInput = z.input<typeof salesBookLineSchema>;

export type NdsLine = PurchaseBookLine | SalesBookLine;

/** What a reader knows before the first line: the section file's header and the book totals. */
export interface NdsSectionHeader {
  section: NdsSection;
  book: BookKind;
  /** `Файл/@ИдФайл`. */
  ИдФайл: string;
  ВерсПрог: string;
  /** `Файл/@ВерсФорм` as written (5.08 … 5.12 are the versions with traceability). */
  ВерсФорм: string;
  Индекс: string;
  НомКорр: number;
  /** `ПризнСвед8|81|9|91`: "1" in a correction = the earlier data is still valid, the file has no lines. */
  ПризнСвед: string | undefined;
  /** The parts of ИдФайл (tax offices, taxpayer, date, GUID) when it follows the naming convention. */
  fileName: TaxOfficeFileName | undefined;
  /** Taxpayer from the file name: ИНН + КПП (organisation) or ИНН (sole trader). */
  taxpayer: { ИНН: string; КПП: string | undefined } | undefined;
  /** Attributes of `КнигаПокуп` / `КнигаПрод` (all N(19.2) totals) in kopecks; undefined when there is no book. */
  totals: Record<string, Kopecks> | undefined;
  encoding: XmlEncoding;
}

/** Dates of the model as CalendarDate, re-exported for readers' signatures. */
export type { CalendarDate };
