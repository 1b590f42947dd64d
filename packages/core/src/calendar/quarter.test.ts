import { describe, it, expect } from 'vitest';
import { parseCalendarDate } from '../calendar-date.js';
import { isSledopytError } from '../errors.js';
import { formatQuarter, formatQuarterRu, isQuarterId, parseQuarter, quarterOf, quarterRange, quarterSchema } from './quarter.js';

describe('quarterOf', () => {
  it.each([
    ['2026-01-01', 2026, 1],
    ['2026-03-31', 2026, 1],
    ['2026-09-30', 2026, 3],
    ['2026-10-01', 2026, 4],
    ['2024-12-31', 2024, 4],
  ] as const)('%s is in %i Q%i', (date, year, quarter) => {
    expect(quarterOf(parseCalendarDate(date))).toEqual({ year, quarter });
  });
});

describe('parseQuarter / formatQuarter', () => {
  it('reads 2026-Q3 and 2026-q4', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarter(' 2026-q4 ')).toEqual({ year: 2026, quarter: 4 });
    expect(formatQuarter({ year: 2026, quarter: 3 })).toBe('2026-Q3');
    expect(formatQuarterRu({ year: 2026, quarter: 3 })).toBe('3 квартал 2026 г.');
    expect([isQuarterId('2026-Q3'), isQuarterId('2026-Q5'), isQuarterId('2026-09-30')]).toEqual([true, false, false]);
  });

  it.each(['2026-Q5', '2026Q3', 'Q3-2026', '2026-Q0', '0000-Q1', ''])('rejects "%s" with QUARTER_FORMAT', (text) => {
    try {
      parseQuarter(text);
      expect.unreachable();
    } catch (error) {
      expect(isSledopytError(error) && error.code).toBe('QUARTER_FORMAT');
    }
  });
});

describe('quarterRange', () => {
  it('gives the first and last day, leap years included', () => {
    expect(quarterRange({ year: 2024, quarter: 1 })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterRange({ year: 2026, quarter: 2 })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterRange({ year: 2026, quarter: 3 })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quarterRange({ year: 2026, quarter: 4 })).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('contains exactly the dates whose quarterOf is that quarter', () => {
    const { from, to } = quarterRange({ year: 2025, quarter: 2 });
    expect(quarterOf(from)).toEqual({ year: 2025, quarter: 2 });
    expect(quarterOf(to)).toEqual({ year: 2025, quarter: 2 });
  });
});

describe('quarterSchema', () => {
  it('parses a quarter id and rejects anything else', () => {
    expect(quarterSchema.parse('2025-Q4')).toEqual({ year: 2025, quarter: 4 });
    expect(quarterSchema.safeParse('4 кв. 2025').success).toBe(false);
  });
});
