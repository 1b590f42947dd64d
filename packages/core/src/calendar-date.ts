/**
 * Legal dates (invoice dates, deadlines, periods) are calendar days without a time zone:
 * a branded `YYYY-MM-DD` string. Arithmetic goes through a day number (days since 1970-01-01),
 * computed with UTC so that no local time zone can shift a date.
 */
import { z } from 'zod';
import { SledopytError } from './errors.js';

declare const calendarDateBrand: unique symbol;
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const MS_PER_DAY = 86_400_000;

/** True when year/month/day form a real day of the Gregorian calendar. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  if (!isValidYmd(year, month, day) || year < 1 || year > 9999) {
    throw new SledopytError({
      code: 'DATE_INVALID',
      message: `Not a calendar date: ${year}-${month}-${day}`,
      messageRu: `Такой даты нет в календаре: ${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`,
    });
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}

/** Parses `YYYY-MM-DD` (ISO, as in CLI flags) or `DD.MM.YYYY` (as in ФНС XML). */
export function parseCalendarDate(text: string): CalendarDate {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const ru = RU_DATE.exec(trimmed);
  if (ru) return calendarDate(Number(ru[3]), Number(ru[2]), Number(ru[1]));
  throw new SledopytError({
    code: 'DATE_FORMAT',
    message: `Expected a date as YYYY-MM-DD or DD.MM.YYYY, got "${text}"`,
    messageRu: `Дата должна быть в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, а указано «${text}»`,
  });
}

export function isCalendarDate(text: string): text is CalendarDate {
  const m = ISO_DATE.exec(text);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function dateParts(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const minDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b);
export const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b);

/** `DD.MM.YYYY`, the form of dates in ФНС XML and in Russian texts. */
export function formatDateRu(date: CalendarDate): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** Accepts `YYYY-MM-DD` or `DD.MM.YYYY`; outputs a CalendarDate. */
export const calendarDateSchema = z
  .string()
  .refine((s) => ISO_DATE.test(s.trim()) || RU_DATE.test(s.trim()), { message: 'дата в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ' })
  .transform((s, ctx) => {
    try {
      return parseCalendarDate(s);
    } catch {
      ctx.addIssue({ code: 'custom', message: `такой даты нет в календаре: ${s}` });
      return z.NEVER;
    }
  });
