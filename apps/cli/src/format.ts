/** Small helpers for readable Russian terminal output. */
import { formatDateRu, isoDayOfWeek, type CalendarDate } from '@sledopyt/core';

const WEEKDAYS_RU = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];

/** `07.05.2026 (четверг)` */
export function dateWithWeekday(date: CalendarDate): string {
  return `${formatDateRu(date)} (${WEEKDAYS_RU[isoDayOfWeek(date) - 1] ?? ''})`;
}

/** Aligned `label: value` lines; empty values are skipped. */
export function fields(rows: ReadonlyArray<readonly [string, string | null | undefined]>): string {
  const shown = rows.filter((row): row is readonly [string, string] => row[1] !== null && row[1] !== undefined && row[1] !== '');
  const width = Math.max(0, ...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value.replace(/\n/g, `\n${' '.repeat(width + 2)}`)}\n`).join('');
}

/** Today's calendar date in a time zone (en-CA formats as YYYY-MM-DD). */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now) as CalendarDate;
}

/** Today's date in Moscow: legal dates of Russian documents follow Moscow's calendar day, not the server's. */
export const todayInMoscow = (now: Date = new Date()): CalendarDate => todayIn('Europe/Moscow', now);

/** Russian noun form for a count: 1 строка, 2 строки, 5 строк, 21 строка, 11 строк. */
export function pluralRu(count: number, one: string, few: string, many: string): string {
  const n = Math.abs(count) % 100;
  if (n >= 11 && n <= 14) return many;
  const last = n % 10;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}
