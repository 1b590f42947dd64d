/**
 * Consistency checks of the production-calendar data. Hand-typed dates are easy to get wrong (a Saturday
 * listed as a day off, a date in the wrong year), and a wrong date silently shifts every deadline near it.
 */
import { isCalendarDate, isoDayOfWeek, type CalendarDate } from '../calendar-date.js';
import { STATUTORY_HOLIDAYS, type ProductionCalendarYear } from './production-calendar.js';

const isWeekend = (date: CalendarDate): boolean => isoDayOfWeek(date) >= 6;

/** Returns every problem found, in English (developer-facing); an empty list means the data is consistent. */
export function validateProductionCalendar(years: readonly ProductionCalendarYear[]): string[] {
  const problems: string[] = [];
  years.forEach((entry, index) => {
    const previous = years[index - 1];
    if (previous !== undefined && entry.year !== previous.year + 1) {
      problems.push(`${entry.year}: years must be consecutive and ascending (previous is ${previous.year})`);
    }
    problems.push(...validateYear(entry));
  });
  return problems;
}

function validateYear(entry: ProductionCalendarYear): string[] {
  const problems: string[] = [];
  const { year } = entry;
  const lists = {
    nonWorkingWeekdays: entry.nonWorkingWeekdays,
    workingWeekendDays: entry.workingWeekendDays,
    shortenedDays: entry.shortenedDays,
  };
  for (const [name, dates] of Object.entries(lists)) {
    dates.forEach((text, i) => {
      if (!isCalendarDate(text) || !text.startsWith(`${year}-`)) {
        problems.push(`${year}.${name}: "${text}" is not a date of ${year}`);
      }
      const before = dates[i - 1];
      if (before !== undefined && before >= text) {
        problems.push(`${year}.${name}: "${text}" is not after "${before}" (unsorted or duplicate)`);
      }
    });
  }
  if (problems.length > 0) return problems;

  const nonWorking = new Set(entry.nonWorkingWeekdays);
  const workingWeekend = new Set(entry.workingWeekendDays);
  for (const date of entry.nonWorkingWeekdays as readonly CalendarDate[]) {
    if (isWeekend(date)) problems.push(`${year}.nonWorkingWeekdays: ${date} is a Saturday or Sunday`);
  }
  for (const date of entry.workingWeekendDays as readonly CalendarDate[]) {
    if (!isWeekend(date)) problems.push(`${year}.workingWeekendDays: ${date} is not a Saturday or Sunday`);
  }
  for (const date of entry.shortenedDays as readonly CalendarDate[]) {
    const worked = isWeekend(date) ? workingWeekend.has(date) : !nonWorking.has(date);
    if (!worked) problems.push(`${year}.shortenedDays: ${date} is not a working day`);
  }
  for (const monthDay of STATUTORY_HOLIDAYS) {
    const date = `${year}-${monthDay}` as CalendarDate;
    if (!isWeekend(date) && !nonWorking.has(date)) {
      problems.push(`${year}.nonWorkingWeekdays: statutory holiday ${date} falls on a weekday but is missing`);
    }
    if (workingWeekend.has(date)) problems.push(`${year}.workingWeekendDays: ${date} is a statutory holiday`);
  }
  return problems;
}
