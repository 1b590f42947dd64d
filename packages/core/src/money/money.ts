/**
 * Money in kopecks as `bigint`: exact, and sums over millions of lines cannot overflow or drift
 * (engineering-notes §B "Decimal money"). `Kopecks` is a plain alias, not a brand, so that ordinary
 * bigint arithmetic (`a - b`, `a > b`) stays readable; the unit is in the name.
 */
import { z } from 'zod';
import { SledopytError, fail, ok } from '../errors.js';
import type { Result } from '../errors.js';
import { divideRoundHalfUp, formatScaledDecimal, numberToPlainDecimal, parseScaledDecimal } from './decimal.js';

/** An amount in kopecks (1 ₽ = 100n). */
export type Kopecks = bigint;

export const KOPECKS_PER_RUBLE = 100n;
const MONEY_SCALE = 2;
const NBSP = '\u00A0';

function moneyFormatError(input: string): SledopytError {
  return new SledopytError({
    code: 'MONEY_FORMAT',
    message: `Not an amount of money: "${input}"`,
    messageRu: `Сумма указана неверно: «${input}». Пример правильной записи: 1234,56 или 1 234.56`,
    details: { input },
  });
}

/**
 * Parses an amount in roubles: `1234.56`, `1234,56`, `1 234,56`, `-10.5`, `12`, `1 234,56 ₽`.
 * More than 2 significant decimals is `MONEY_PRECISION` (never rounded); trailing zeros are fine.
 */
export function parseRubles(text: string): Result<Kopecks> {
  const parsed = parseScaledDecimal(text, { scale: MONEY_SCALE, suffix: '₽' });
  if (parsed.ok) return ok(parsed.units);
  if (parsed.reason === 'precision') {
    return fail(
      new SledopytError({
        code: 'MONEY_PRECISION',
        message: `An amount has more than 2 decimals: "${text}"`,
        messageRu: `В сумме «${text}» больше двух знаков после запятой: суммы указываются в рублях с копейками. Округлите сумму в источнике`,
        details: { input: text, fractionDigits: parsed.fractionDigits },
      }),
    );
  }
  return fail(moneyFormatError(text));
}

/** A JSON number of roubles (1С OData, spreadsheets) → kopecks, read from its shortest decimal text. */
export function kopecksFromRubleNumber(value: number): Result<Kopecks> {
  const plain = numberToPlainDecimal(value);
  return plain === undefined ? fail(moneyFormatError(String(value))) : parseRubles(plain);
}

/** `1234.56`, `-10.50`, `0.00`: for XML `N(19.2)` and JSON output. */
export function toDecimalString(amount: Kopecks): string {
  return formatScaledDecimal(amount, { scale: MONEY_SCALE, fraction: 'fixed', decimalMark: '.', groupSeparator: '', minus: '-' });
}

export interface FormatRubOptions {
  /** Append « ₽» (default true). */
  symbol?: boolean;
}

/** `1 234,56 ₽` as in Russian texts: NBSP between thousands and before the sign, comma as decimal mark. */
export function formatRub(amount: Kopecks, options: FormatRubOptions = {}): string {
  const number = formatScaledDecimal(amount, {
    scale: MONEY_SCALE,
    fraction: 'fixed',
    decimalMark: ',',
    groupSeparator: NBSP,
    minus: '-',
  });
  return options.symbol === false ? number : `${number}${NBSP}₽`;
}

/**
 * Rounds to whole roubles, half away from zero, and returns kopecks (a multiple of 100). Declaration
 * costs (`СтоимТовПросл`) are whole roubles up to format 5.11, so УПД costs are compared after this.
 */
export function roundToRubles(amount: Kopecks): Kopecks {
  return divideRoundHalfUp(amount, KOPECKS_PER_RUBLE) * KOPECKS_PER_RUBLE;
}

/** Whole roubles of an amount that is already a multiple of 100 kopecks; otherwise rounds half-up first. */
export function toWholeRubles(amount: Kopecks): bigint {
  return divideRoundHalfUp(amount, KOPECKS_PER_RUBLE);
}

function wholePercent(percent: number | bigint): bigint {
  if (typeof percent === 'bigint') return percent;
  if (!Number.isInteger(percent)) {
    throw new SledopytError({
      code: 'MONEY_RATE_INVALID',
      message: `A rate must be a whole number of percent, got ${percent}`,
      messageRu: `Ставка должна быть целым числом процентов, а указано ${percent}`,
      actor: 'developer',
      details: { percent },
    });
  }
  return BigInt(percent);
}

/** `percent` % of an amount, rounded half-up to the kopeck (VAT on a base: `percentOf(base, 20)`). */
export function percentOf(amount: Kopecks, percent: number | bigint): Kopecks {
  return divideRoundHalfUp(amount * wholePercent(percent), 100n);
}

/** The VAT inside an amount that includes it (расчётная ставка 20/120, 22/122, 10/110), half-up. */
export function includedVat(grossAmount: Kopecks, percent: number | bigint): Kopecks {
  const rate = wholePercent(percent);
  return divideRoundHalfUp(grossAmount * rate, 100n + rate);
}

export function sumKopecks(amounts: Iterable<Kopecks>): Kopecks {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

/**
 * An amount in roubles as JSON carries it: a decimal string (preferred: exact) or a number; a bigint
 * is taken as kopecks already. Outputs kopecks.
 */
export const rublesSchema = z.union([z.string(), z.number(), z.bigint()]).transform((value, ctx): Kopecks => {
  if (typeof value === 'bigint') return value;
  const parsed = typeof value === 'number' ? kopecksFromRubleNumber(value) : parseRubles(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.error.messageRu, params: { code: parsed.error.code } });
  return z.NEVER;
});

/** Same as `rublesSchema` but refuses negative amounts (costs on documents other than storno lines). */
export const nonNegativeRublesSchema = rublesSchema.refine((kopecks) => kopecks >= 0n, {
  message: 'сумма не может быть отрицательной',
  params: { code: 'MONEY_NEGATIVE' },
});
