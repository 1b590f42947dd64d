/**
 * Working-day arithmetic on the federal production calendar (five-day week).
 * Every lookup outside the calendar's years fails with CALENDAR_OUT_OF_RANGE: a guessed calendar would
 * give a wrong deadline without anyone noticing.
 */
import {
  calendarDate,
  dateParts,
  formatDateRu,
  fromDayNumber,
  isoDayOfWeek,
  toDayNumber,
  type CalendarDate,
} from '../calendar-date.js';
import { SledopytError } from '../errors.js';
import { PRODUCTION_CALENDAR, STATUTORY_HOLIDAYS, type ProductionCalendarYear } from './production-calendar.js';
import { validateProductionCalendar } from './validate-calendar.js';

/**
 * - `working`: an ordinary working day;
 * - `shortened`: a working day one hour shorter (предпраздничный);
 * - `holiday`: a нерабочий праздничный день of ч. 1 ст. 112 ТК РФ (even when it falls on a weekend);
 * - `weekend`: any other day off — Saturday, Sunday, or a day off moved onto a weekday (e.g. 09.01.2026).
 */
export type DayKind = 'working' | 'shortened' | 'weekend' | 'holiday';

export const CALENDAR_FIRST_YEAR: number = Math.min(...PRODUCTION_CALENDAR.map((y) => y.year));
export const CALENDAR_LAST_YEAR: number = Math.max(...PRODUCTION_CALENDAR.map((y) => y.year));

/** One kind per day from 1 January of the first year; index = day number − `firstDay`. */
interface DayTable {
  readonly firstDay: number;
  readonly kinds: readonly DayKind[];
  readonly years: ReadonlyMap<number, ProductionCalendarYear>;
}

let table: DayTable | undefined;

/** Built (and validated) on first use, so a typo in the data fails loudly instead of shifting deadlines. */
function dayTable(): DayTable {
  if (table !== undefined) return table;
  const problems = validateProductionCalendar(PRODUCTION_CALENDAR);
  if (problems.length > 0) {
    throw new SledopytError({
      code: 'CALENDAR_DATA_INVALID',
      message: `The production calendar data is inconsistent: ${problems.join('; ')}`,
      messageRu: 'Данные производственного календаря внутри Следопыта противоречивы. Сообщите разработчикам.',
      actor: 'developer',
      details: { problems },
    });
  }
  const holidays = new Set(STATUTORY_HOLIDAYS);
  const kinds: DayKind[] = [];
  for (const entry of PRODUCTION_CALENDAR) {
    const nonWorking = new Set(entry.nonWorkingWeekdays);
    const workingWeekend = new Set(entry.workingWeekendDays);
    const shortened = new Set(entry.shortenedDays);
    const end = toDayNumber(calendarDate(entry.year, 12, 31));
    for (let day = toDayNumber(calendarDate(entry.year, 1, 1)); day <= end; day++) {
      const date = fromDayNumber(day);
      const worked = isoDayOfWeek(date) >= 6 ? workingWeekend.has(date) : !nonWorking.has(date);
      kinds.push(
        holidays.has(date.slice(5)) ? 'holiday' : !worked ? 'weekend' : shortened.has(date) ? 'shortened' : 'working',
      );
    }
  }
  table = {
    firstDay: toDayNumber(calendarDate(CALENDAR_FIRST_YEAR, 1, 1)),
    kinds,
    years: new Map(PRODUCTION_CALENDAR.map((entry) => [entry.year, entry])),
  };
  return table;
}

function outOfRange(date: CalendarDate): SledopytError {
  return new SledopytError({
    code: 'CALENDAR_OUT_OF_RANGE',
    message: `No production calendar for ${date}: the calendar covers ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}`,
    messageRu:
      `Нет производственного календаря на ${formatDateRu(date)}: в Следопыте есть календари только на ` +
      `${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} годы. Проверьте дату; для более позднего года обновите Следопыт ` +
      'после выхода постановления Правительства о переносе выходных дней.',
    details: { date, firstYear: CALENDAR_FIRST_YEAR, lastYear: CALENDAR_LAST_YEAR },
  });
}

function kindAt(dayNumber: number): DayKind {
  const { firstDay, kinds } = dayTable();
  const kind = kinds[dayNumber - firstDay];
  if (kind === undefined) throw outOfRange(fromDayNumber(dayNumber));
  return kind;
}

const isWorkingKind = (kind: DayKind): boolean => kind === 'working' || kind === 'shortened';

/** The data of one calendar year; CALENDAR_OUT_OF_RANGE outside the covered years. */
export function productionCalendarYear(year: number): ProductionCalendarYear {
  const found = dayTable().years.get(year);
  if (found === undefined) throw outOfRange(calendarDate(year, 1, 1));
  return found;
}

/** True when the calendar covers the date's year. */
export function isDateInCalendar(date: CalendarDate): boolean {
  return dayTable().years.has(dateParts(date).year);
}

/** True when the date lies in a year whose calendar is provisional (results there must carry a warning). */
export function isProvisionalDate(date: CalendarDate): boolean {
  return dayTable().years.get(dateParts(date).year)?.provisional ?? false;
}

/** The provisional years from the year of `a` to the year of `b` (either order), ascending. */
export function provisionalYearsBetween(a: CalendarDate, b: CalendarDate): number[] {
  const [first, last] = [dateParts(a).year, dateParts(b).year].sort((x, y) => x - y) as [number, number];
  const years: number[] = [];
  for (let year = first; year <= last; year++) {
    if (dayTable().years.get(year)?.provisional === true) years.push(year);
  }
  return years;
}

export function dayKind(date: CalendarDate): DayKind {
  return kindAt(toDayNumber(date));
}

export function isWorkingDay(date: CalendarDate): boolean {
  return isWorkingKind(dayKind(date));
}

export function isNonWorkingDay(date: CalendarDate): boolean {
  return !isWorkingDay(date);
}

function nextWorkingDayNumber(dayNumber: number): number {
  let day = dayNumber + 1;
  while (!isWorkingKind(kindAt(day))) day++;
  return day;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: CalendarDate): CalendarDate {
  return fromDayNumber(nextWorkingDayNumber(toDayNumber(date)));
}

/** `date` itself when it is a working day, otherwise the next working day (п. 7 ст. 6.1 НК РФ). */
export function workingDayOnOrAfter(date: CalendarDate): CalendarDate {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

/**
 * The N-th working day after `date`: counting starts on the next day, non-working days are skipped, and the
 * N-th working day is the last day of an "N рабочих дней" period. `n = 0` returns `date` itself.
 */
export function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n) || n < 0) {
    throw new SledopytError({
      code: 'WORKING_DAYS_COUNT_INVALID',
      message: `The number of working days must be a whole number ≥ 0, got ${n}`,
      messageRu: `Число рабочих дней должно быть целым и не меньше нуля, а указано ${n}.`,
      details: { n },
    });
  }
  let day = toDayNumber(date);
  kindAt(day);
  for (let counted = 0; counted < n; counted++) day = nextWorkingDayNumber(day);
  return fromDayNumber(day);
}

/**
 * Working days in the half-open interval (from, to]: the inverse of `addWorkingDays`, so
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
  if (to < from) return -workingDaysBetween(to, from);
  const last = toDayNumber(to);
  let count = 0;
  for (let day = toDayNumber(from) + 1; day <= last; day++) {
    if (isWorkingKind(kindAt(day))) count++;
  }
  return count;
}

export interface CalendarYearSummary {
  year: number;
  calendarDays: number;
  workingDays: number;
  nonWorkingDays: number;
  shortenedDays: number;
  /** Норма рабочего времени at a 40-hour week: 8 hours a day, one hour less on a shortened day. */
  hoursAt40HourWeek: number;
  provisional: boolean;
}

/** Totals of one year, computed from the data (to compare with the official calendar). */
export function calendarYearSummary(year: number): CalendarYearSummary {
  const { provisional } = productionCalendarYear(year);
  const first = toDayNumber(calendarDate(year, 1, 1));
  const last = toDayNumber(calendarDate(year, 12, 31));
  let workingDays = 0;
  let shortenedDays = 0;
  for (let day = first; day <= last; day++) {
    const kind = kindAt(day);
    if (isWorkingKind(kind)) workingDays++;
    if (kind === 'shortened') shortenedDays++;
  }
  const calendarDays = last - first + 1;
  return {
    year,
    calendarDays,
    workingDays,
    nonWorkingDays: calendarDays - workingDays,
    shortenedDays,
    hoursAt40HourWeek: workingDays * 8 - shortenedDays,
    provisional,
  };
}
