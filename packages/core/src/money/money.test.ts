import { describe, expect, it } from 'vitest';
import {
  formatRub,
  includedVat,
  kopecksFromRubleNumber,
  nonNegativeRublesSchema,
  parseRubles,
  percentOf,
  roundToRubles,
  rublesSchema,
  sumKopecks,
  toDecimalString,
  toWholeRubles,
} from './money.js';

const kopecks = (text: string): bigint => {
  const result = parseRubles(text);
  if (!result.ok) throw result.error;
  return result.value;
};
const code = (text: string): string => {
  const result = parseRubles(text);
  return result.ok ? 'ok' : result.error.code;
};

describe('parseRubles', () => {
  it('reads the spellings found in Russian documents and exports', () => {
    expect(kopecks('1234.56')).toBe(123456n);
    expect(kopecks('1234,56')).toBe(123456n);
    expect(kopecks('1 234,56')).toBe(123456n);
    expect(kopecks('1\u00A0234\u00A0567,89')).toBe(123456789n);
    expect(kopecks('1\u202F234,5')).toBe(123450n);
    expect(kopecks('-10.5')).toBe(-1050n);
    expect(kopecks('\u221210,5')).toBe(-1050n);
    expect(kopecks('12')).toBe(1200n);
    expect(kopecks('0.07')).toBe(7n);
    expect(kopecks('  1 234,56 ₽ ')).toBe(123456n);
  });

  it('keeps amounts beyond 2^53 kopecks exact', () => {
    expect(kopecks('123456789012345678.91')).toBe(12345678901234567891n);
  });

  it('refuses a third decimal instead of rounding, but accepts trailing zeros', () => {
    const result = parseRubles('1.005');
    expect(!result.ok && result.error.code).toBe('MONEY_PRECISION');
    expect(!result.ok && result.error.messageRu).toContain('больше двух знаков');
    expect(kopecks('1.500')).toBe(150n);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '12.', '.5', '1,234.56', '12 34,5', '1..2', '12-', '1e5']) {
      expect(code(bad)).toBe('MONEY_FORMAT');
    }
  });

  it('reads JSON numbers through their shortest decimal text', () => {
    const fromNumber = kopecksFromRubleNumber(1234.56);
    expect(fromNumber.ok && fromNumber.value).toBe(123456n);
    const tiny = kopecksFromRubleNumber(0.1 + 0.2);
    expect(!tiny.ok && tiny.error.code).toBe('MONEY_PRECISION');
    const nan = kopecksFromRubleNumber(Number.NaN);
    expect(!nan.ok && nan.error.code).toBe('MONEY_FORMAT');
  });
});

describe('formatting', () => {
  it('formatRub writes Russian style with NBSP', () => {
    expect(formatRub(123456n)).toBe('1\u00A0234,56\u00A0₽');
    expect(formatRub(123456789n)).toBe('1\u00A0234\u00A0567,89\u00A0₽');
    expect(formatRub(-1050n)).toBe('-10,50\u00A0₽');
    expect(formatRub(5n, { symbol: false })).toBe('0,05');
  });

  it('toDecimalString writes XML N(19.2)', () => {
    expect(toDecimalString(123456n)).toBe('1234.56');
    expect(toDecimalString(-1050n)).toBe('-10.50');
    expect(toDecimalString(0n)).toBe('0.00');
    expect(toDecimalString(-5n)).toBe('-0.05');
  });

  it('round-trips through parseRubles', () => {
    for (const amount of [0n, 1n, 99n, 100n, 123456n, -987654321n, 10n ** 17n + 1n]) {
      expect(kopecks(formatRub(amount))).toBe(amount);
      expect(kopecks(toDecimalString(amount))).toBe(amount);
    }
  });
});

describe('rounding and rates', () => {
  it('roundToRubles rounds half away from zero', () => {
    expect(roundToRubles(123449n)).toBe(123400n);
    expect(roundToRubles(123450n)).toBe(123500n);
    expect(roundToRubles(-123450n)).toBe(-123500n);
    expect(roundToRubles(-123449n)).toBe(-123400n);
    expect(toWholeRubles(4_166_667n)).toBe(41_667n);
  });

  it('percentOf computes VAT half-up', () => {
    expect(percentOf(kopecks('1234567.89'), 20)).toBe(24691358n);
    expect(percentOf(kopecks('41666.67'), 22)).toBe(916667n);
    expect(percentOf(kopecks('0.02'), 20)).toBe(0n);
    expect(percentOf(kopecks('0.03'), 20)).toBe(1n);
    expect(percentOf(kopecks('-100.03'), 10n)).toBe(-1000n);
    expect(() => percentOf(100n, 16.5)).toThrowError(/whole number/);
  });

  it('includedVat extracts VAT at 20/120 and 22/122', () => {
    expect(includedVat(kopecks('120000'), 20)).toBe(kopecks('20000'));
    expect(includedVat(kopecks('1000'), 22)).toBe(kopecks('180.33'));
  });

  it('sums as bigint', () => {
    expect(sumKopecks([kopecks('0.10'), kopecks('0.20'), kopecks('-0.05')])).toBe(25n);
    expect(sumKopecks(Array.from({ length: 1000 }, () => 9_007_199_254_740_993n))).toBe(9_007_199_254_740_993_000n);
  });
});

describe('rublesSchema', () => {
  it('accepts strings, numbers and kopeck bigints', () => {
    expect(rublesSchema.parse('1 234,56')).toBe(123456n);
    expect(rublesSchema.parse(99.9)).toBe(9990n);
    expect(rublesSchema.parse(5n)).toBe(5n);
  });

  it('reports the code and a Russian message', () => {
    const result = rublesSchema.safeParse('12,345');
    expect(result.error?.issues[0]?.message).toContain('больше двух знаков');
    expect(nonNegativeRublesSchema.safeParse('-1').success).toBe(false);
  });
});
