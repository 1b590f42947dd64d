import { describe, expect, it } from 'vitest';
import { compareDecimal, formatKopecks, parseDecimal, parseInteger, parseKopecks, parseWholeRoubles, parseXmlDate } from './values.js';

describe('XML values', () => {
  it('reads ДД.ММ.ГГГГ dates as calendar dates with no time-zone shift', () => {
    expect(parseXmlDate('31.12.2026')).toBe('2026-12-31');
    expect(parseXmlDate('29.02.2024')).toBe('2024-02-29');
    expect(parseXmlDate('29.02.2026')).toBeUndefined();
    expect(parseXmlDate('2026-12-31')).toBeUndefined();
    expect(parseXmlDate('01.01.2100')).toBeUndefined();
  });

  it('reads N(19.2) amounts as exact kopecks, including sums beyond 2^53 kopecks', () => {
    expect(parseKopecks('58951.67')).toBe(5_895_167n);
    expect(parseKopecks('100')).toBe(10_000n);
    expect(parseKopecks('0.5')).toBe(50n);
    expect(parseKopecks('784.800')).toBe(78_480n);
    expect(parseKopecks('-12.30')).toBe(-1_230n);
    expect(parseKopecks('99999999999999999.99')).toBe(9_999_999_999_999_999_999n);
    for (const bad of ['', '12,50', '1.234', '1e3', 'abc', '.', '12.3.4', ' 12']) expect(parseKopecks(bad)).toBeUndefined();
    expect(parseWholeRoubles('100')).toBe(10_000n);
    expect(parseWholeRoubles('100.5')).toBeUndefined();
  });

  it('writes kopecks with a dot and two digits', () => {
    expect(formatKopecks(5_895_167n)).toBe('58951.67');
    expect(formatKopecks(5n)).toBe('0.05');
    expect(formatKopecks(-1_230n)).toBe('-12.30');
  });

  it('keeps quantities as canonical decimals within N(26.11)', () => {
    expect(parseDecimal('114.100')).toBe('114.1');
    expect(parseDecimal('030')).toBe('30');
    expect(parseDecimal('0.00000000001')).toBe('0.00000000001');
    expect(parseDecimal('0.000000000001')).toBeUndefined();
    expect(parseDecimal('-0')).toBe('0');
    expect(parseDecimal('12,5')).toBeUndefined();
    expect(compareDecimal('114.1', '114.09')).toBe(1);
    expect(compareDecimal('30', '30.0')).toBe(0);
  });

  it('reads integers with a digit limit', () => {
    expect(parseInteger('001', 6)).toBe(1);
    expect(parseInteger('1234567', 6)).toBeUndefined();
    expect(parseInteger('1.0')).toBeUndefined();
  });
});
