import { describe, it, expect } from 'vitest';
import {
  DEADLINE_KIND_IDS,
  DEADLINE_KINDS,
  computeDeadline,
  deadlineRequestSchema,
  isLate,
  type DeadlineKindId,
  type DeadlineRequest,
} from './deadlines.js';
import { caught } from '../testing/caught.js';

describe('quarterly deadlines: the 25th, moved to the next working day (§8.3)', () => {
  const EXAMPLES = [
    ['2024-Q4', '2025-01-27', false],
    ['2025-Q1', '2025-04-25', false],
    ['2025-Q2', '2025-07-25', false],
    ['2025-Q3', '2025-10-27', false],
    ['2025-Q4', '2026-01-26', false],
    ['2026-Q1', '2026-04-27', false],
    ['2026-Q2', '2026-07-27', false],
    ['2026-Q3', '2026-10-26', false],
    ['2026-Q4', '2027-01-25', true],
    ['2027-Q1', '2027-04-26', true],
    ['2027-Q2', '2027-07-26', true],
    ['2027-Q3', '2027-10-25', true],
  ] as const;

  it.each(EXAMPLES)('%s → %s (provisional: %s)', (period, due, provisional) => {
    for (const kind of ['operations-report', 'vat-declaration'] as const) {
      const deadline = computeDeadline({ kind, date: period });
      expect(deadline).toMatchObject({ due, provisional, period });
      expect(deadline.note !== undefined).toBe(provisional);
    }
  });

  it('takes any date of the quarter as well, in either format', () => {
    const byDate = computeDeadline({ kind: 'operations-report', date: '15.08.2026' });
    expect(byDate).toMatchObject({ eventDate: '2026-08-15', period: '2026-Q3', due: '2026-10-26' });
    expect(computeDeadline({ kind: 'vat-declaration', date: '2026-Q3' }).eventDate).toBe('2026-09-30');
  });

  it('refuses Q4 2027, whose deadline needs the 2028 calendar', () => {
    expect(caught(() => computeDeadline({ kind: 'vat-declaration', date: '2027-Q4' })).code).toBe('CALENDAR_OUT_OF_RANGE');
  });

  it('cites the Tax Code', () => {
    expect(computeDeadline({ kind: 'operations-report', date: '2026-Q1' }).legalBasisRu).toContain('п. 2.3 ст. 23 НК РФ');
    expect(computeDeadline({ kind: 'vat-declaration', date: '2026-Q1' }).legalBasisRu).toContain('п. 5 ст. 174 НК РФ');
  });
});

describe('notifications in working days', () => {
  it('movement to the EAEU: shipment Wed 29.04.2026 → 07.05.2026', () => {
    const deadline = computeDeadline({ kind: 'eaeu-movement-notification', date: '2026-04-29' });
    expect(deadline).toMatchObject({ due: '2026-05-07', provisional: false, basisKind: 'act' });
    expect(deadline.note).toBeUndefined();
  });

  it('import from the EAEU: принятие на учёт Fri 20.02.2026 skips 23.02 → 02.03.2026', () => {
    expect(computeDeadline({ kind: 'eaeu-import-notification', date: '20.02.2026' }).due).toBe('2026-03-02');
  });

  it('corrective remains notification after a return on Fri 08.05.2026 → Tue 12.05.2026', () => {
    expect(computeDeadline({ kind: 'corrective-remains-notification', date: '2026-05-08' }).due).toBe('2026-05-12');
  });

  it('corrective movement notification: the next working day may be a working Saturday', () => {
    const deadline = computeDeadline({ kind: 'corrective-movement-notification', date: '2025-10-31' });
    expect(deadline).toMatchObject({ due: '2025-11-01', basisKind: 'inferred' });
  });

  it('is provisional when the count runs into 2027', () => {
    const deadline = computeDeadline({ kind: 'eaeu-import-notification', date: '2026-12-29' });
    expect(deadline).toMatchObject({ due: '2027-01-14', provisional: true });
    expect(deadline.note).toMatch(/2027 года предварительный/);
  });
});

describe('remains notification: not later than the day of the operation', () => {
  it('is due on the operation day, even a Sunday, without consulting the calendar', () => {
    expect(computeDeadline({ kind: 'remains-notification', date: '2026-03-08' })).toMatchObject({
      eventDate: '2026-03-08',
      due: '2026-03-08',
      provisional: false,
    });
    expect(computeDeadline({ kind: 'remains-notification', date: '2029-06-10' }).due).toBe('2029-06-10');
  });
});

describe('household refrigerators (ПП № 2162)', () => {
  const fridge = (date: string, borderCrossingDate?: string): DeadlineRequest =>
    borderCrossingDate === undefined
      ? { kind: 'eaeu-movement-notification', date, householdRefrigerators: true }
      : { kind: 'eaeu-movement-notification', date, householdRefrigerators: true, borderCrossingDate };

  it('is due on the border-crossing day, with the advice to file the day before', () => {
    const deadline = computeDeadline(fridge('2026-03-02', '04.03.2026'));
    expect(deadline.due).toBe('2026-03-04');
    expect(deadline.ruleRu).toMatch(/холодильник/);
    expect(deadline.note).toMatch(/накануне/);
  });

  it('takes the shipment date when the crossing date is unknown', () => {
    const deadline = computeDeadline(fridge('2026-03-02'));
    expect(deadline.due).toBe('2026-03-02');
    expect(deadline.note).toMatch(/принята дата отгрузки/);
  });

  it('keeps the 5-working-day rule for shipments before 18.01.2024', () => {
    const deadline = computeDeadline(fridge('2023-12-20'));
    expect(deadline.due).toBe('2023-12-27');
    expect(deadline.note).toMatch(/18\.01\.2024/);
  });

  it('rejects a crossing before the shipment', () => {
    expect(caught(() => computeDeadline(fridge('2026-03-02', '2026-03-01'))).code).toBe('DEADLINE_OPTION_INVALID');
    expect(caught(() => computeDeadline(fridge('2026-03-02', 'завтра'))).code).toBe('DEADLINE_OPTION_INVALID');
  });

  it('ignores the crossing date for other goods, and says so', () => {
    const deadline = computeDeadline({ kind: 'eaeu-movement-notification', date: '2026-04-29', borderCrossingDate: '2026-04-30' });
    expect(deadline.due).toBe('2026-05-07');
    expect(deadline.note).toMatch(/только для бытовых холодильников/);
  });
});

describe('ДОПП: 2 calendar days before the import [I]', () => {
  it('is due two calendar days before, even on a Saturday', () => {
    const deadline = computeDeadline({ kind: 'dopp', date: '2026-05-04' });
    expect(deadline).toMatchObject({ due: '2026-05-02', basisKind: 'inferred', provisional: false });
    expect(deadline.note).toBeUndefined();
  });

  it('notes that СПОТ starts on 01.04.2026', () => {
    expect(computeDeadline({ kind: 'dopp', date: '2026-03-20' })).toMatchObject({ due: '2026-03-18' });
    expect(computeDeadline({ kind: 'dopp', date: '2026-03-20' }).note).toMatch(/01\.04\.2026/);
  });
});

describe('input errors', () => {
  it('a quarter for an event-dated kind', () => {
    expect(caught(() => computeDeadline({ kind: 'dopp', date: '2026-Q3' })).code).toBe('DEADLINE_DATE_INVALID');
  });

  it('an unknown kind and a date that is not a date', () => {
    expect(caught(() => computeDeadline({ kind: 'excise' as DeadlineKindId, date: '2026-01-01' })).code).toBe('DEADLINE_KIND_UNKNOWN');
    expect(caught(() => computeDeadline({ kind: 'dopp', date: '2026/05/04' })).code).toBe('DATE_FORMAT');
  });

  it('the result is plain JSON', () => {
    const deadline = computeDeadline({ kind: 'vat-declaration', date: '2026-Q4' });
    expect(JSON.parse(JSON.stringify(deadline))).toEqual(deadline);
  });
});

describe('isLate', () => {
  it('on time on the last day, late after it (calendar and working days)', () => {
    expect(isLate('eaeu-movement-notification', '2026-04-29', '2026-05-07')).toMatchObject({
      late: false,
      calendarDaysLate: 0,
      workingDaysLate: 0,
    });
    expect(isLate('eaeu-movement-notification', '2026-04-29', '2026-05-12')).toMatchObject({
      late: true,
      calendarDaysLate: 5,
      workingDaysLate: 2,
      provisional: false,
    });
  });

  it('late on the weekend after a Friday deadline: 1 calendar day, 0 working days', () => {
    const check = isLate('eaeu-import-notification', '2026-10-09', '2026-10-17');
    expect(check.deadline.due).toBe('2026-10-16');
    expect(check).toMatchObject({ late: true, calendarDaysLate: 1, workingDaysLate: 0 });
  });

  it('a VAT return for Q4 2026 filed on 26.01.2027 is one day late, on a provisional calendar', () => {
    expect(isLate('vat-declaration', '2026-Q4', '2027-01-26')).toMatchObject({
      late: true,
      calendarDaysLate: 1,
      workingDaysLate: 1,
      provisional: true,
    });
  });

  it('ДОПП filed one day before the import is late', () => {
    expect(isLate('dopp', '2026-06-10', '2026-06-08').late).toBe(false);
    expect(isLate('dopp', '2026-06-10', '2026-06-09')).toMatchObject({ late: true, calendarDaysLate: 1, workingDaysLate: 1 });
  });

  it('passes the refrigerator option through', () => {
    const options = { householdRefrigerators: true, borderCrossingDate: '2026-03-04' };
    expect(isLate('eaeu-movement-notification', '2026-03-02', '2026-03-05', options)).toMatchObject({ late: true, calendarDaysLate: 1 });
    expect(isLate('eaeu-movement-notification', '2026-03-02', '2026-03-05').late).toBe(false);
  });
});

describe('deadlineRequestSchema', () => {
  it('accepts a quarter for quarterly kinds and normalises dates', () => {
    expect(deadlineRequestSchema.parse({ kind: 'operations-report', date: '2026-Q3' })).toEqual({ kind: 'operations-report', date: '2026-Q3' });
    expect(
      deadlineRequestSchema.parse({ kind: 'eaeu-movement-notification', date: '02.03.2026', householdRefrigerators: true, borderCrossingDate: '04.03.2026' }),
    ).toMatchObject({ borderCrossingDate: '2026-03-04' });
  });

  it('reports a quarter for an event-dated kind on the date field, in Russian', () => {
    const result = deadlineRequestSchema.safeParse({ kind: 'dopp', date: '2026-Q3' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['date'] });
    expect(result.error?.issues[0]?.message).toMatch(/нужна дата события/);
  });

  it('rejects an unknown kind', () => {
    expect(deadlineRequestSchema.safeParse({ kind: 'excise', date: '2026-01-01' }).success).toBe(false);
  });
});

describe('DEADLINE_KINDS', () => {
  it('lists every kind once, in table order, with Russian texts', () => {
    expect(DEADLINE_KINDS.map((k) => k.id)).toEqual([...DEADLINE_KIND_IDS]);
    for (const kind of DEADLINE_KINDS) {
      for (const text of [kind.titleRu, kind.descriptionRu, kind.ruleRu, kind.legalBasisRu, kind.eventRu]) {
        expect(text).toMatch(/[а-яё]/i);
      }
    }
    expect(DEADLINE_KINDS.filter((k) => k.acceptsQuarter).map((k) => k.id)).toEqual(['operations-report', 'vat-declaration']);
  });
});
