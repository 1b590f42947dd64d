/**
 * Exact decimal text ↔ scaled bigint, shared by money (scale 2) and quantities (scale 11).
 * Accepts what Russian documents and exports contain: "," or "." as the decimal mark, spaces, NBSP or
 * narrow NBSP between thousands groups, an ASCII or Unicode minus. Never rounds: digits beyond the
 * scale are an error unless they are zeros (which change nothing).
 */
import { SledopytError } from '../errors.js';

export interface ParseDecimalOptions {
  /** Digits after the decimal mark kept exactly. */
  scale: number;
  /** Most digits allowed before the decimal mark (format limits such as N(26.11) → 15). */
  maxIntegerDigits?: number;
  /** A suffix stripped before parsing (e.g. «₽»). */
  suffix?: string;
}

export type ParseDecimalResult =
  | { ok: true; units: bigint }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'precision'; fractionDigits: number }
  | { ok: false; reason: 'integer_digits'; integerDigits: number };

const GROUP_SEPARATOR = '[ \\u00A0\\u202F]';
const NUMBER = new RegExp(
  `^([-+\\u2212]?)(\\d{1,3}(?:${GROUP_SEPARATOR}\\d{3})+|\\d+)(?:[.,](\\d+))?$`,
);
const EXPONENT = /^([-+]?)(\d+)(?:\.(\d+))?e([-+]?\d+)$/i;

export function parseScaledDecimal(text: string, options: ParseDecimalOptions): ParseDecimalResult {
  let body = text.trim();
  if (options.suffix !== undefined && body.endsWith(options.suffix)) body = body.slice(0, -options.suffix.length).trim();
  const match = NUMBER.exec(body);
  if (!match) return { ok: false, reason: 'format' };
  const [, sign = '', groupedInteger = '', fraction = ''] = match;
  const integer = groupedInteger.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const significantFraction = fraction.replace(/0+$/, '');
  if (significantFraction.length > options.scale) {
    return { ok: false, reason: 'precision', fractionDigits: fraction.length };
  }
  if (options.maxIntegerDigits !== undefined && integer.length > options.maxIntegerDigits) {
    return { ok: false, reason: 'integer_digits', integerDigits: integer.length };
  }
  const magnitude = BigInt(integer + significantFraction.padEnd(options.scale, '0'));
  return { ok: true, units: sign === '-' || sign === '\u2212' ? -magnitude : magnitude };
}

/**
 * Writes a JS number in plain decimal notation without binary noise: the shortest round-trip text
 * (`String(n)`, which is what JSON carries), with an exponent expanded (`1e-11` → `0.00000000001`).
 * Returns undefined for NaN and infinities.
 */
export function numberToPlainDecimal(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  const match = EXPONENT.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const digits = whole + fraction;
  const pointAt = whole.length + Number(exponentText);
  let plain: string;
  if (pointAt <= 0) plain = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) plain = digits + '0'.repeat(pointAt - digits.length);
  else plain = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return sign === '-' ? `-${plain}` : plain;
}

export interface FormatDecimalOptions {
  scale: number;
  /** `fixed`: always `scale` fraction digits; `trim`: drop trailing zeros (and the mark if none remain). */
  fraction: 'fixed' | 'trim';
  decimalMark: string;
  /** Inserted between thousands groups; empty for none. */
  groupSeparator: string;
  /** Written before a negative number. */
  minus: string;
}

export function formatScaledDecimal(units: bigint, options: FormatDecimalOptions): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(options.scale + 1, '0');
  const integer = digits.slice(0, digits.length - options.scale);
  let fraction = digits.slice(digits.length - options.scale);
  if (options.fraction === 'trim') fraction = fraction.replace(/0+$/, '');
  const grouped = options.groupSeparator === '' ? integer : groupThousands(integer, options.groupSeparator);
  const body = fraction === '' ? grouped : `${grouped}${options.decimalMark}${fraction}`;
  return negative ? `${options.minus}${body}` : body;
}

function groupThousands(integer: string, separator: string): string {
  const groups: string[] = [];
  for (let end = integer.length; end > 0; end -= 3) groups.unshift(integer.slice(Math.max(0, end - 3), end));
  return groups.join(separator);
}

/** Integer division rounding half away from zero ("commercial" rounding, symmetric for storno lines). */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) {
    throw new SledopytError({
      code: 'DIVISION_BY_ZERO',
      message: 'Division by zero',
      messageRu: 'Деление на ноль при расчёте суммы — ошибка программы',
      actor: 'developer',
    });
  }
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}
