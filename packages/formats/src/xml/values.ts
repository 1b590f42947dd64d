/**
 * The value forms of ФНС XML: dates `ДД.ММ.ГГГГ`, xs:decimal amounts with two fraction digits (→ kopecks),
 * quantities N(26.11) (→ canonical decimal strings), integers. Parsers return `undefined` for a malformed
 * value; the callers turn that into an error that names the attribute.
 */
import { calendarDate, formatDateRu, isValidYmd, type CalendarDate } from '@sledopyt/core';
import { z } from 'zod';

const XML_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/** `31.01.2026` → `2026-01-31`; no time zone is involved at any point. */
export function parseXmlDate(text: string): CalendarDate | undefined {
  const match = XML_DATE.exec(text);
  if (match === null) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidYmd(year, month, day) || year < 1900 || year > 2099) return undefined;
  return calendarDate(year, month, day);
}

export const formatXmlDate = (date: CalendarDate): string => formatDateRu(date);

/** `ЧЧ.ММ.СС` (ВремяТип). */
export function isXmlTime(text: string): boolean {
  return /^([01]\d|2[0-3])\.[0-5]\d\.[0-5]\d$/.test(text);
}

const XS_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

function decimalParts(text: string): DecimalParts | undefined {
  const match = XS_DECIMAL.exec(text);
  if (match === null) return undefined;
  const integer = (match[2] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (integer === '' && (match[3] ?? '') === '') return undefined; // "", "+", "." are not numbers
  return { negative: match[1] === '-', integer: integer === '' ? '0' : integer, fraction };
}

/**
 * An xs:decimal amount in roubles (`1234.56`, `100`, `0.5`) → kopecks. More than two significant fraction
 * digits is malformed (N(19.2)); so is anything with more than `maxIntegerDigits` integer digits.
 */
export function parseKopecks(text: string, maxIntegerDigits = 17): bigint | undefined {
  const parts = decimalParts(text);
  if (parts === undefined || parts.fraction.length > 2 || parts.integer.length > maxIntegerDigits) return undefined;
  const kopecks = BigInt(parts.integer) * 100n + BigInt(parts.fraction.padEnd(2, '0'));
  return parts.negative ? -kopecks : kopecks;
}

/** Kopecks → `1234.56` (the form ФНС files use: a dot and exactly two fraction digits). */
export function formatKopecks(kopecks: bigint): string {
  const negative = kopecks < 0n;
  const absolute = negative ? -kopecks : kopecks;
  const text = `${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** Kopecks → whole roubles for N(19)/N(17) fields (УПД 5.02 СтТовБезНДСПрослеж, NO_NDS ≤ 5.11). */
export function parseWholeRoubles(text: string): bigint | undefined {
  const parts = decimalParts(text);
  if (parts === undefined || parts.fraction !== '') return undefined;
  const kopecks = BigInt(parts.integer) * 100n;
  return parts.negative ? -kopecks : kopecks;
}

/**
 * A quantity, kept as a canonical decimal string (`30`, `114.1`, `0.00000000001`): exact, comparable as text,
 * and free of binary floating point. Canonical = no sign for positives, no leading/trailing zeros, no exponent.
 */
export type DecimalString = string;

const CANONICAL_DECIMAL = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;
export const decimalStringSchema = z
  .string()
  .regex(CANONICAL_DECIMAL, 'a canonical decimal such as 30 or 114.1')
  .refine((value) => value !== '-0', 'zero has no sign');

/** xs:decimal → canonical decimal string, or undefined if malformed or beyond `totalDigits`/`fractionDigits`. */
export function parseDecimal(text: string, totalDigits = 26, fractionDigits = 11): DecimalString | undefined {
  const parts = decimalParts(text);
  if (parts === undefined || parts.fraction.length > fractionDigits) return undefined;
  const significant = (parts.integer === '0' ? 0 : parts.integer.length) + parts.fraction.length;
  if (significant > totalDigits) return undefined;
  const body = parts.fraction === '' ? parts.integer : `${parts.integer}.${parts.fraction}`;
  return parts.negative && body !== '0' ? `-${body}` : body;
}

/** Compares two canonical decimals numerically. */
export function compareDecimal(a: DecimalString, b: DecimalString): number {
  const scale = Math.max(fractionLength(a), fractionLength(b));
  const diff = toScaled(a, scale) - toScaled(b, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

function fractionLength(value: DecimalString): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** `114.1` at scale 3 → 114100n. */
export function toScaled(value: DecimalString, scale: number): bigint {
  const negative = value.startsWith('-');
  const [integer = '0', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const scaled = BigInt(integer + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -scaled : scaled;
}

/** An xs:integer with at most `totalDigits` digits. */
export function parseInteger(text: string, totalDigits = 18): number | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const digits = text.replace(/^[+-]/, '').replace(/^0+(?=\d)/, '');
  if (digits.length > totalDigits) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
