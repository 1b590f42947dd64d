import { describe, it, expect } from 'vitest';
import { addDays, calendarDate, parseCalendarDate, type CalendarDate } from '../calendar-date.js';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  addWorkingDays,
  dayKind,
  isDateInCalendar,
  isNonWorkingDay,
  isProvisionalDate,
  isWorkingDay,
  nextWorkingDay,
  productionCalendarYear,
  provisionalYearsBetween,
  workingDayOnOrAfter,
  workingDaysBetween,
} from './working-days.js';
import { caught } from '../testing/caught.js';

const d = (text: string): CalendarDate => parseCalendarDate(text);

describe('dayKind', () => {
  it.each([
    ['2026-10-12', 'working'], // an ordinary Monday
    ['2026-10-17', 'weekend'], // an ordinary Saturday
    ['2026-04-30', 'shortened'], // before 1 May
    ['2025-11-01', 'shortened'], // a working Saturday, shortened before 04.11
    ['2024-12-28', 'working'], // a working Saturday, not shortened
    ['2025-11-03', 'weekend'], // the day off moved from 01.11.2025
    ['2025-11-04', 'holiday'],
    ['2026-01-07', 'holiday'],
    ['2026-01-09', 'weekend'], // moved from 03.01.2026
    ['2026-03-09', 'weekend'], // 08.03.2026 fell on a Sunday
    ['2027-05-01', 'holiday'], // a holiday on a Saturday stays a holiday
    ['2027-05-03', 'weekend'],
  ] as const)('%s is %s', (date, kind) => {
    expect(dayKind(d(date))).toBe(kind);
  });
});

describe('transfers', () => {
  it('01.11.2025 (Saturday) is worked and 03.11.2025 (Monday) is not', () => {
    expect(isWorkingDay(d('2025-11-01'))).toBe(true);
    expect(isNonWorkingDay(d('2025-11-03'))).toBe(true);
    // Six working days in a row, Mon 27.10 … Sat 01.11.
    expect(workingDaysBetween(d('2025-10-26'), d('2025-11-01'))).toBe(6);
  });

  it('09.01.2026 (Friday) is a day off: the first working day of 2026 is 12.01', () => {
    expect(isWorkingDay(d('2026-01-09'))).toBe(false);
    expect(workingDayOnOrAfter(d('2026-01-01'))).toBe('2026-01-12');
  });

  it('the working Saturdays of 2024 count', () => {
    expect(nextWorkingDay(d('2024-04-26'))).toBe('2024-04-27');
    expect(nextWorkingDay(d('2024-04-27'))).toBe('2024-05-02');
  });
});

describe('New Year boundaries', () => {
  it('31.12 is a day off in 2024, 2025 and 2026', () => {
    for (const year of [2024, 2025, 2026]) expect(isWorkingDay(calendarDate(year, 12, 31))).toBe(false);
  });

  it('from the last working day of 2024 (Saturday 28.12) to 09.01.2025', () => {
    expect(nextWorkingDay(d('2024-12-28'))).toBe('2025-01-09');
  });

  it('from 30.12.2025 to 12.01.2026', () => {
    expect(nextWorkingDay(d('2025-12-30'))).toBe('2026-01-12');
    expect(addWorkingDays(d('2025-12-26'), 5)).toBe('2026-01-14');
  });

  it('from 30.12.2026 into the provisional 2027', () => {
    expect(addWorkingDays(d('2026-12-30'), 1)).toBe('2027-01-11');
    expect(isProvisionalDate(d('2027-01-11'))).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('counts from the day after the event: shipment Wed 29.04.2026 + 5 → 07.05.2026', () => {
    expect(addWorkingDays(d('2026-04-29'), 5)).toBe('2026-05-07');
  });

  it('counts from a non-working event day the same way', () => {
    expect(addWorkingDays(d('2026-05-09'), 1)).toBe('2026-05-12');
  });

  it('returns the event date for n = 0, even on a day off', () => {
    expect(addWorkingDays(d('2026-05-09'), 0)).toBe('2026-05-09');
  });

  it.each([-1, 1.5, Number.NaN])('rejects n = %s', (n) => {
    expect(caught(() => addWorkingDays(d('2026-05-04'), n)).code).toBe('WORKING_DAYS_COUNT_INVALID');
  });

  it('is the inverse of workingDaysBetween for every day of 2025 and n = 0…25', () => {
    const mismatches: string[] = [];
    for (let day = d('2025-01-01'); day <= '2025-12-31'; day = addDays(day, 1)) {
      for (let n = 0; n <= 25; n++) {
        const end = addWorkingDays(day, n);
        if (workingDaysBetween(day, end) !== n || (n > 0 && !isWorkingDay(end))) mismatches.push(`${day} + ${n} → ${end}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('workingDaysBetween', () => {
  it('is negative when the end is before the start', () => {
    expect(workingDaysBetween(d('2026-05-07'), d('2026-04-29'))).toBe(-5);
  });

  it('is zero over a weekend and for the same day', () => {
    expect(workingDaysBetween(d('2026-10-16'), d('2026-10-18'))).toBe(0);
    expect(workingDaysBetween(d('2026-10-16'), d('2026-10-16'))).toBe(0);
  });
});

describe('out of range', () => {
  it('covers exactly 2021–2027', () => {
    expect([CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR]).toEqual([2021, 2027]);
    expect(isDateInCalendar(d('2021-01-01'))).toBe(true);
    expect(isDateInCalendar(d('2028-01-01'))).toBe(false);
  });

  it.each(['2020-12-31', '2028-01-01'])('refuses %s with CALENDAR_OUT_OF_RANGE', (date) => {
    const error = caught(() => isWorkingDay(d(date)));
    expect(error.code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(error.actor).toBe('user');
    expect(error.messageRu).toContain('2021–2027');
    expect(error.details).toMatchObject({ date, firstYear: 2021, lastYear: 2027 });
  });

  it('refuses a count that runs past 2027 instead of guessing 2028', () => {
    expect(addWorkingDays(d('2027-12-29'), 1)).toBe('2027-12-30');
    expect(caught(() => addWorkingDays(d('2027-12-29'), 2)).code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(caught(() => addWorkingDays(d('2030-03-02'), 0)).code).toBe('CALENDAR_OUT_OF_RANGE');
    expect(caught(() => productionCalendarYear(2020)).code).toBe('CALENDAR_OUT_OF_RANGE');
  });
});

describe('provisional flag', () => {
  it('is set for 2027 only', () => {
    expect(isProvisionalDate(d('2026-12-31'))).toBe(false);
    expect(isProvisionalDate(d('2027-06-14'))).toBe(true);
    expect(isProvisionalDate(d('2028-01-10'))).toBe(false);
  });

  it('lists the provisional years a period touches', () => {
    expect(provisionalYearsBetween(d('2027-01-11'), d('2026-12-30'))).toEqual([2027]);
    expect(provisionalYearsBetween(d('2021-01-11'), d('2026-12-30'))).toEqual([]);
  });
});
