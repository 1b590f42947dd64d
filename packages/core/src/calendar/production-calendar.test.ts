import { describe, it, expect } from 'vitest';
import { addDays, isoDayOfWeek, type CalendarDate } from '../calendar-date.js';
import { PRODUCTION_CALENDAR, STATUTORY_HOLIDAYS, type ProductionCalendarYear } from './production-calendar.js';
import { validateProductionCalendar } from './validate-calendar.js';
import { calendarYearSummary } from './working-days.js';

const yearOf = (year: number): ProductionCalendarYear => {
  const entry = PRODUCTION_CALENDAR.find((y) => y.year === year);
  if (entry === undefined) throw new Error(`no ${year} in the data`);
  return entry;
};

describe('production calendar data', () => {
  it('passes its own consistency checks', () => {
    expect(validateProductionCalendar(PRODUCTION_CALENDAR)).toEqual([]);
  });

  it('covers 2021–2027 and only 2027 is provisional', () => {
    expect(PRODUCTION_CALENDAR.map((y) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(PRODUCTION_CALENDAR.filter((y) => y.provisional).map((y) => y.year)).toEqual([2027]);
    expect(yearOf(2027).noteRu).toMatch(/предварительн/);
  });

  it('names the transfer decree of every approved year by number and date', () => {
    const decrees = PRODUCTION_CALENDAR.filter((y) => !y.provisional).map((y) => /от (\d\d\.\d\d\.\d{4}) № (\d+)/.exec(y.legalBasisRu)?.slice(1));
    expect(decrees).toEqual([
      ['10.10.2020', '1648'],
      ['16.09.2021', '1564'],
      ['29.08.2022', '1505'],
      ['10.08.2023', '1314'],
      ['04.10.2024', '1335'],
      ['24.09.2025', '1466'],
    ]);
  });
});

describe('validateProductionCalendar catches typing mistakes', () => {
  const base = yearOf(2026);
  const problemsOf = (patch: Partial<ProductionCalendarYear>): string[] =>
    validateProductionCalendar([{ ...base, ...patch }]);

  it('a Saturday listed as a non-working weekday', () => {
    expect(problemsOf({ nonWorkingWeekdays: [...base.nonWorkingWeekdays, '2026-12-26'].sort() })).toEqual([
      '2026.nonWorkingWeekdays: 2026-12-26 is a Saturday or Sunday',
    ]);
  });

  it('a Friday listed as a working weekend day', () => {
    expect(problemsOf({ workingWeekendDays: ['2026-11-06'] })).toEqual([
      '2026.workingWeekendDays: 2026-11-06 is not a Saturday or Sunday',
    ]);
  });

  it('duplicates, wrong order and dates of another year', () => {
    expect(problemsOf({ shortenedDays: ['2026-04-30', '2026-04-30'] })).toHaveLength(1);
    expect(problemsOf({ shortenedDays: ['2026-05-08', '2026-04-30'] })).toHaveLength(1);
    expect(problemsOf({ shortenedDays: ['2025-04-30'] })).toEqual(['2026.shortenedDays: "2025-04-30" is not a date of 2026']);
    expect(problemsOf({ shortenedDays: ['2026-02-30'] })).toHaveLength(1);
  });

  it('a shortened day that is not worked', () => {
    expect(problemsOf({ shortenedDays: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03', '2026-12-31'] })).toEqual([
      '2026.shortenedDays: 2026-12-31 is not a working day',
    ]);
  });

  it('a statutory holiday on a weekday that is missing', () => {
    expect(problemsOf({ nonWorkingWeekdays: base.nonWorkingWeekdays.filter((d) => d !== '2026-06-12') })).toEqual([
      '2026.nonWorkingWeekdays: statutory holiday 2026-06-12 falls on a weekday but is missing',
    ]);
  });

  it('years that are not consecutive', () => {
    expect(validateProductionCalendar([yearOf(2024), yearOf(2026)])).toEqual([
      '2026: years must be consecutive and ascending (previous is 2024)',
    ]);
  });
});

/**
 * Rebuilds each year independently from the decree's own list of transfers (as published) and the Labour Code:
 * ч. 2 ст. 112 ТК moves a weekend that coincides with a non-January holiday to the next working day unless the
 * decree moves it; ст. 95 shortens the working day before a holiday — or, when that day is a transferred day
 * off, the Saturday it came from. The result must equal the hand-typed data.
 */
const DECREE_TRANSFERS: Record<number, [from: string, to: string][]> = {
  2021: [['01-02', '11-05'], ['01-03', '12-31'], ['02-20', '02-22']],
  2022: [['01-01', '05-03'], ['01-02', '05-10'], ['03-05', '03-07']],
  2023: [['01-01', '02-24'], ['01-08', '05-08']],
  2024: [['01-06', '05-10'], ['01-07', '12-31'], ['04-27', '04-29'], ['11-02', '04-30'], ['12-28', '12-30']],
  2025: [['01-04', '05-02'], ['01-05', '12-31'], ['02-23', '05-08'], ['03-08', '06-13'], ['11-01', '11-03']],
  2026: [['01-03', '01-09'], ['01-04', '12-31']],
  // Secondary sources only (see the data's note).
  2027: [['01-02', '11-05'], ['01-03', '12-31'], ['02-20', '02-22']],
};

function deriveYear(year: number): Pick<ProductionCalendarYear, 'nonWorkingWeekdays' | 'workingWeekendDays' | 'shortenedDays'> {
  const at = (monthDay: string) => `${year}-${monthDay}` as CalendarDate;
  const weekend = (d: CalendarDate) => isoDayOfWeek(d) >= 6;
  const holidays = new Set(STATUTORY_HOLIDAYS.map(at));
  const transfers = (DECREE_TRANSFERS[year] ?? []).map(([from, to]) => [at(from), at(to)] as const);
  const off = new Set<CalendarDate>([...holidays].filter((d) => !weekend(d)));
  const worked = new Set<CalendarDate>();
  for (const [from, to] of transfers) {
    off.add(to);
    if (!holidays.has(from)) worked.add(from);
  }
  const movedByDecree = new Set(transfers.map(([from]) => from));
  for (const holiday of [...holidays].filter((d) => weekend(d) && !d.slice(5).startsWith('01-') && !movedByDecree.has(d))) {
    let day = addDays(holiday, 1);
    while (weekend(day) || holidays.has(day) || off.has(day)) day = addDays(day, 1);
    off.add(day);
  }
  const isWorked = (d: CalendarDate) => (weekend(d) ? worked.has(d) : !off.has(d));
  const shortened = new Set<CalendarDate>();
  for (const holiday of holidays) {
    const eve = addDays(holiday, -1);
    if (!eve.startsWith(`${year}-`)) continue;
    if (isWorked(eve)) shortened.add(eve);
    const source = transfers.find(([, to]) => to === eve)?.[0];
    if (source !== undefined && worked.has(source)) shortened.add(source);
  }
  const sorted = (s: Set<CalendarDate>) => [...s].sort();
  return { nonWorkingWeekdays: sorted(off), workingWeekendDays: sorted(worked), shortenedDays: sorted(shortened) };
}

describe('the data equals the calendar rebuilt from the decrees and the Labour Code', () => {
  it.each(PRODUCTION_CALENDAR.map((y) => [y.year, y] as const))('%i', (year, entry) => {
    expect({
      nonWorkingWeekdays: entry.nonWorkingWeekdays,
      workingWeekendDays: entry.workingWeekendDays,
      shortenedDays: entry.shortenedDays,
    }).toEqual(deriveYear(year));
  });
});

describe('per-year totals match the official production calendars', () => {
  // Official totals for a five-day 40-hour week (КонсультантПлюс/Минтруд calendars); 2027 from the provisional data.
  const OFFICIAL: [year: number, workingDays: number, hours: number][] = [
    [2021, 247, 1972],
    [2022, 247, 1973],
    [2023, 247, 1973],
    [2024, 248, 1979],
    [2025, 247, 1972],
    [2026, 247, 1972],
    [2027, 247, 1972],
  ];

  it.each(OFFICIAL)('%i: %i working days, %i hours', (year, workingDays, hours) => {
    const summary = calendarYearSummary(year);
    expect(summary.workingDays).toBe(workingDays);
    expect(summary.hoursAt40HourWeek).toBe(hours);
    expect(summary.nonWorkingDays).toBe(summary.calendarDays - workingDays);
    expect(summary.provisional).toBe(year === 2027);
  });
});
