/**
 * Quantities in the traceability unit. The formats allow `N(26.11)` (15 integer digits, 11 decimals;
 * УПД `КолВЕдПрослеж`, отчёт `КоличТоварПер`) and `N(10)` in the VAT declaration (`КолТовПросл`), so a
 * quantity is a bigint of 10⁻¹¹ units: sums are exact, and JSON carries it as a decimal string
 * (`formatQuantity`). The brand keeps a raw count from being taken for a quantity: `12n` would be
 * 0.00000000012, so build quantities with `parseQuantity` or `wholeQuantity`.
 */
import { z } from 'zod';
import { SledopytError, fail, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { formatScaledDecimal, numberToPlainDecimal, parseScaledDecimal } from './decimal.js';

declare const quantityBrand: unique symbol;
/** A quantity in units of 10⁻¹¹ of the traceability unit. */
export type Quantity = bigint & { readonly [quantityBrand]: true };

export const QUANTITY_SCALE = 11;
export const QUANTITY_MAX_INTEGER_DIGITS = 15;
const UNITS_PER_ONE = 10n ** BigInt(QUANTITY_SCALE);
const NBSP = '\u00A0';

export const ZERO_QUANTITY = 0n as Quantity;

/** Parses `12`, `12,5`, `0.00000000001`, `1 234,5`, `-3` (storno). */
export function parseQuantity(text: string): Result<Quantity> {
  const parsed = parseScaledDecimal(text, { scale: QUANTITY_SCALE, maxIntegerDigits: QUANTITY_MAX_INTEGER_DIGITS });
  if (parsed.ok) return ok(parsed.units as Quantity);
  switch (parsed.reason) {
    case 'precision':
      return fail(
        new SledopytError({
          code: 'QUANTITY_PRECISION',
          message: `A quantity has more than ${QUANTITY_SCALE} decimals: "${text}"`,
          messageRu: `В количестве «${text}» больше ${QUANTITY_SCALE} знаков после запятой — форматы ФНС столько не допускают`,
          details: { input: text, fractionDigits: parsed.fractionDigits },
        }),
      );
    case 'integer_digits':
      return fail(
        new SledopytError({
          code: 'QUANTITY_TOO_LARGE',
          message: `A quantity has more than ${QUANTITY_MAX_INTEGER_DIGITS} integer digits: "${text}"`,
          messageRu: `Количество «${text}» слишком велико: форматы ФНС допускают не больше ${QUANTITY_MAX_INTEGER_DIGITS} цифр до запятой`,
          details: { input: text, integerDigits: parsed.integerDigits },
        }),
      );
    default:
      return fail(
        new SledopytError({
          code: 'QUANTITY_FORMAT',
          message: `Not a quantity: "${text}"`,
          messageRu: `Количество указано неверно: «${text}». Пример правильной записи: 12 или 12,5`,
          details: { input: text },
        }),
      );
  }
}

/** A JSON number (1С OData) → quantity, read from its shortest decimal text. */
export function quantityFromNumber(value: number): Result<Quantity> {
  return parseQuantity(numberToPlainDecimal(value) ?? String(value));
}

/** A whole number of units (шт.). */
export function wholeQuantity(count: number | bigint): Quantity {
  if (typeof count === 'number' && !Number.isSafeInteger(count)) {
    throw new SledopytError({
      code: 'QUANTITY_FORMAT',
      message: `wholeQuantity expects a safe integer, got ${count}`,
      messageRu: `Ожидалось целое количество, а указано ${count}`,
      actor: 'developer',
      details: { count },
    });
  }
  return (BigInt(count) * UNITS_PER_ONE) as Quantity;
}

/** Canonical decimal text for JSON and XML: `12.5`, `0.00000000001`, `-3` (no trailing zeros). */
export function formatQuantity(quantity: Quantity): string {
  return formatScaledDecimal(quantity, { scale: QUANTITY_SCALE, fraction: 'trim', decimalMark: '.', groupSeparator: '', minus: '-' });
}

/** For Russian texts: `1 234,5` (NBSP between thousands, comma as the decimal mark). */
export function formatQuantityRu(quantity: Quantity): string {
  return formatScaledDecimal(quantity, { scale: QUANTITY_SCALE, fraction: 'trim', decimalMark: ',', groupSeparator: NBSP, minus: '-' });
}

export const addQuantities = (a: Quantity, b: Quantity): Quantity => (a + b) as Quantity;
export const subtractQuantities = (a: Quantity, b: Quantity): Quantity => (a - b) as Quantity;
export const negateQuantity = (a: Quantity): Quantity => -a as Quantity;
export const compareQuantities = (a: Quantity, b: Quantity): number => (a < b ? -1 : a > b ? 1 : 0);
export const minQuantity = (a: Quantity, b: Quantity): Quantity => (a <= b ? a : b);
export const maxQuantity = (a: Quantity, b: Quantity): Quantity => (a >= b ? a : b);
export const isZeroQuantity = (a: Quantity): boolean => a === 0n;

export function sumQuantities(quantities: Iterable<Quantity>): Quantity {
  let total = 0n;
  for (const quantity of quantities) total += quantity;
  return total as Quantity;
}

/** A format's decimal shape: `N(26.11)` is `{ totalDigits: 26, fractionDigits: 11 }`. */
export interface DecimalFormat {
  totalDigits: number;
  fractionDigits: number;
}

/** УПД `КолВЕдПрослеж`, отчёт `КоличТоварПер`, уведомления `КоличТоварКол`. */
export const TRACEABILITY_QUANTITY_FORMAT: DecimalFormat = { totalDigits: 26, fractionDigits: 11 };
/** НД НДС `СвРегНом/@КолТовПросл` (whole numbers). */
export const DECLARATION_QUANTITY_FORMAT: DecimalFormat = { totalDigits: 10, fractionDigits: 0 };

/** True when the quantity can be written in the format without rounding or overflow. */
export function quantityFitsFormat(quantity: Quantity, format: DecimalFormat): boolean {
  const text = formatQuantity(quantity).replace('-', '');
  const [integer = '', fraction = ''] = text.split('.');
  return fraction.length <= format.fractionDigits && integer.length <= format.totalDigits - format.fractionDigits;
}

/**
 * A quantity as JSON carries it: a decimal string (preferred) or a number. Negative values are
 * accepted (storno lines); use `nonNegativeQuantitySchema` where the sign is carried elsewhere.
 */
export const quantitySchema = z.union([z.string(), z.number()]).transform((value, ctx): Quantity => {
  const parsed = typeof value === 'number' ? quantityFromNumber(value) : parseQuantity(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.error.messageRu, params: { code: parsed.error.code } });
  return z.NEVER;
});

export const nonNegativeQuantitySchema = quantitySchema.refine((quantity) => quantity >= 0n, {
  message: 'количество не может быть отрицательным',
  params: { code: 'QUANTITY_NEGATIVE' },
});
