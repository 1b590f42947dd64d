/**
 * Attribute and text values of the book sections, from decoded text to model values. The saxes reference
 * reader uses only these; the byte scanner parses the common shapes straight from bytes and falls back to
 * these for everything else (entities, signs, long numbers), so both readers accept exactly the same values.
 */
import { parseQuantity, type CalendarDate, type Quantity } from '@sledopyt/core';
import { parseDecimal, parseInteger, parseKopecks, parseXmlDate } from '../xml/values.js';
import type { FieldSpec } from './structure.js';

export type FieldValue = number | string | bigint | CalendarDate | Quantity;

/** Integer digits of N(19.2) amounts and of N(17) costs. */
export const AMOUNT_INTEGER_DIGITS = 17;
/** `КолТовПросл` N(10): ten digits in all, fraction digits not restricted by the format table. */
export const QUANTITY_TOTAL_DIGITS = 10;

/** Converts a value by its spec; undefined when malformed. Empty values are handled by the caller. */
export function convertValue(spec: FieldSpec, value: string): FieldValue | undefined {
  switch (spec.kind) {
    case 'text':
      return value.length >= (spec.min ?? 1) && value.length <= (spec.max ?? Infinity) ? value : undefined;
    case 'integer':
      return parseInteger(value, spec.totalDigits ?? 18);
    case 'date':
      return parseXmlDate(value);
    case 'amount':
    case 'cost':
      return parseKopecks(value, AMOUNT_INTEGER_DIGITS);
    case 'quantity': {
      const decimal = parseDecimal(value, QUANTITY_TOTAL_DIGITS, QUANTITY_TOTAL_DIGITS);
      if (decimal === undefined) return undefined;
      const quantity = parseQuantity(decimal);
      return quantity.ok ? quantity.value : undefined;
    }
  }
}

/** What a value of this spec must look like, for error messages (English, Russian). */
export function expectedValue(spec: FieldSpec): { en: string; ru: string } {
  switch (spec.kind) {
    case 'text':
      return spec.min === spec.max
        ? { en: `text of exactly ${spec.max ?? 0} characters`, ru: `строка ровно из ${spec.max ?? 0} символов` }
        : { en: `text of ${spec.min ?? 1} to ${spec.max ?? 0} characters`, ru: `строка от ${spec.min ?? 1} до ${spec.max ?? 0} символов` };
    case 'integer':
      return { en: `an integer of at most ${spec.totalDigits ?? 18} digits`, ru: `целое число (не более ${spec.totalDigits ?? 18} цифр)` };
    case 'date':
      return { en: 'a date DD.MM.YYYY', ru: 'дата в виде ДД.ММ.ГГГГ' };
    case 'amount':
    case 'cost':
      return { en: 'an amount such as 1234.56', ru: 'сумма в рублях вида 1234.56 (точка, не более двух знаков после неё)' };
    case 'quantity':
      return { en: 'a number of at most 10 digits', ru: 'число (не более 10 цифр)' };
  }
}
