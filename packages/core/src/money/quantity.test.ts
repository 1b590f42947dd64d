import { describe, expect, it } from 'vitest';
import {
  DECLARATION_QUANTITY_FORMAT,
  TRACEABILITY_QUANTITY_FORMAT,
  addQuantities,
  compareQuantities,
  formatQuantity,
  formatQuantityRu,
  nonNegativeQuantitySchema,
  parseQuantity,
  quantityFitsFormat,
  quantityFromNumber,
  quantitySchema,
  subtractQuantities,
  sumQuantities,
  wholeQuantity,
} from './quantity.js';
import type { Quantity } from './quantity.js';

const q = (text: string): Quantity => {
  const result = parseQuantity(text);
  if (!result.ok) throw result.error;
  return result.value;
};

describe('parseQuantity / formatQuantity', () => {
  it('reads whole, fractional and minimal quantities', () => {
    expect(formatQuantity(q('12'))).toBe('12');
    expect(formatQuantity(q('12,5'))).toBe('12.5');
    expect(formatQuantity(q('0.00000000001'))).toBe('0.00000000001');
    expect(formatQuantity(q('1 234,250'))).toBe('1234.25');
    expect(formatQuantity(q('-3'))).toBe('-3');
    expect(q('1')).toBe(wholeQuantity(1));
  });

  it('accepts 15 integer digits and 11 decimals, no more', () => {
    expect(formatQuantity(q('999999999999999.99999999999'))).toBe('999999999999999.99999999999');
    const precision = parseQuantity('0.000000000001');
    expect(!precision.ok && precision.error.code).toBe('QUANTITY_PRECISION');
    const large = parseQuantity('1000000000000000');
    expect(!large.ok && large.error.code).toBe('QUANTITY_TOO_LARGE');
  });

  it('refuses what is not a quantity', () => {
    for (const bad of ['', 'шт', '12.', '1,2,3', '1e3']) {
      const result = parseQuantity(bad);
      expect(!result.ok && result.error.code).toBe('QUANTITY_FORMAT');
    }
  });

  it('formats for Russian texts', () => {
    expect(formatQuantityRu(q('1234567.5'))).toBe('1\u00A0234\u00A0567,5');
  });

  it('reads JSON numbers, including exponent notation', () => {
    const tiny = quantityFromNumber(1e-11);
    expect(tiny.ok && formatQuantity(tiny.value)).toBe('0.00000000001');
    const big = quantityFromNumber(1e14);
    expect(big.ok && formatQuantity(big.value)).toBe('100000000000000');
  });
});

describe('arithmetic', () => {
  it('sums fractional quantities exactly', () => {
    const tenths = Array.from({ length: 10 }, () => q('0.1'));
    expect(sumQuantities(tenths)).toBe(wholeQuantity(1));
    expect(formatQuantity(addQuantities(q('0.1'), q('0.2')))).toBe('0.3');
    expect(formatQuantity(subtractQuantities(q('5'), q('7.25')))).toBe('-2.25');
    expect(compareQuantities(q('2'), q('10'))).toBe(-1);
    expect(compareQuantities(q('2.0'), q('2'))).toBe(0);
  });
});

describe('format limits', () => {
  it('tells whether a quantity fits N(26.11) or N(10)', () => {
    expect(quantityFitsFormat(q('12.5'), TRACEABILITY_QUANTITY_FORMAT)).toBe(true);
    expect(quantityFitsFormat(q('12.5'), DECLARATION_QUANTITY_FORMAT)).toBe(false);
    expect(quantityFitsFormat(q('9999999999'), DECLARATION_QUANTITY_FORMAT)).toBe(true);
    expect(quantityFitsFormat(q('10000000000'), DECLARATION_QUANTITY_FORMAT)).toBe(false);
    expect(quantityFitsFormat(q('-40'), DECLARATION_QUANTITY_FORMAT)).toBe(true);
  });
});

describe('schemas', () => {
  it('quantitySchema accepts strings and numbers', () => {
    expect(quantitySchema.parse('12,5')).toBe(q('12.5'));
    expect(quantitySchema.parse(3)).toBe(wholeQuantity(3));
    expect(quantitySchema.safeParse('12,5 шт').error?.issues[0]?.message).toContain('Количество указано неверно');
  });

  it('nonNegativeQuantitySchema refuses negatives', () => {
    expect(nonNegativeQuantitySchema.safeParse('-1').success).toBe(false);
    expect(nonNegativeQuantitySchema.safeParse('0').success).toBe(true);
  });
});
