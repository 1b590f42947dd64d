/**
 * Calendar quarters — the tax period of the VAT return and of the отчёт об операциях.
 * Written as `2026-Q3` in CLI flags and JSON.
 */
import { z } from 'zod';
import { calendarDate, daysInMonth, dateParts, type CalendarDate } from '../calendar-date.js';
import { SledopytError } from '../errors.js';

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  readonly year: number;
  readonly quarter: QuarterNumber;
}

/** `2026-Q3`. */
export type QuarterId = `${number}-Q${QuarterNumber}`;

const QUARTER_ID = /^(\d{4})-[Qq]([1-4])$/;

export function quarterOf(date: CalendarDate): Quarter {
  const { year, month } = dateParts(date);
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as QuarterNumber };
}

export function isQuarterId(text: string): boolean {
  return QUARTER_ID.test(text.trim());
}

/** Parses `2026-Q3` (also `2026-q3`). */
export function parseQuarter(text: string): Quarter {
  const match = QUARTER_ID.exec(text.trim());
  if (match === null || Number(match[1]) < 1) {
    throw new SledopytError({
      code: 'QUARTER_FORMAT',
      message: `Expected a quarter as YYYY-QN (e.g. 2026-Q3), got "${text}"`,
      messageRu: `Квартал нужно указать в виде ГГГГ-QN, например 2026-Q3, а указано «${text}».`,
      details: { text },
    });
  }
  return { year: Number(match[1]), quarter: Number(match[2]) as QuarterNumber };
}

export function formatQuarter(q: Quarter): QuarterId {
  return `${String(q.year).padStart(4, '0')}-Q${q.quarter}` as QuarterId;
}

/** «3 квартал 2026 г.» */
export function formatQuarterRu(q: Quarter): string {
  return `${q.quarter} квартал ${q.year} г.`;
}

/** First and last day of the quarter. */
export function quarterRange(q: Quarter): { from: CalendarDate; to: CalendarDate } {
  const lastMonth = q.quarter * 3;
  return {
    from: calendarDate(q.year, lastMonth - 2, 1),
    to: calendarDate(q.year, lastMonth, daysInMonth(q.year, lastMonth)),
  };
}

/** Accepts `2026-Q3`; outputs a Quarter. */
export const quarterSchema = z
  .string()
  .refine(isQuarterId, { message: 'квартал в виде ГГГГ-QN, например 2026-Q3' })
  .transform((text) => parseQuarter(text));
