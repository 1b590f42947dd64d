/**
 * Literals of 1C's OData 3.0 dialect (NOTES.md §1.4): `guid'…'`, `datetime'YYYY-MM-DDTHH:MM:SS'` — naive
 * wall-clock time of the infobase, without milliseconds and without `Z` (v4 clients get this wrong) —
 * and strings in single quotes with `''` inside. Also the way back: 1C's naive datetimes to calendar dates.
 */
import { SledopytError, isCalendarDate } from '@sledopyt/core';
import type { CalendarDate } from '@sledopyt/core';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAIVE_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** 1C's empty reference and empty date. */
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
export const EMPTY_DATETIME = '0001-01-01T00:00:00';

/** A naive datetime of the infobase, `YYYY-MM-DDTHH:MM:SS` (no zone: the base's own wall clock). */
export type NaiveDateTime = string & { readonly __naive: true };

function invalidLiteral(kind: string, value: string): SledopytError {
  return new SledopytError({
    code: 'ONEC_LITERAL_INVALID',
    message: `Not a valid ${kind} literal value: ${value}`,
    messageRu: `Значение «${value}» не подходит для литерала ${kind} в запросе к 1С`,
    actor: 'developer',
    details: { kind, value },
  });
}

export const isGuid = (value: string): boolean => GUID.test(value);

/** A non-empty reference, or null for 1C's empty one (and for anything that is not a GUID). */
export const refOrNull = (value: unknown): string | null =>
  typeof value === 'string' && GUID.test(value) && value !== EMPTY_GUID ? value.toLowerCase() : null;

export function guidLiteral(value: string): string {
  if (!GUID.test(value)) throw invalidLiteral('guid', value);
  return `guid'${value.toLowerCase()}'`;
}

/** `'ООО ''Ромашка'''`: the OData string literal with quotes doubled. */
export const stringLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export function naiveDateTime(value: string): NaiveDateTime {
  const match = NAIVE_DATETIME.exec(value);
  if (match === null || !isCalendarDate(match[1] ?? '') || Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4]) > 59) {
    throw invalidLiteral('datetime', value);
  }
  return value as NaiveDateTime;
}

/** The start of a calendar day in the infobase's wall clock. */
export const startOfDay = (date: CalendarDate): NaiveDateTime => `${date}T00:00:00` as NaiveDateTime;

/** `datetime'2026-01-01T00:00:00'`: a naive datetime (no milliseconds, no `Z`, no offset), as 1C wants it. */
export const datetimeLiteral = (value: string): string => `datetime'${naiveDateTime(value)}'`;

/**
 * An instant (a JS Date) as the infobase's wall-clock time in its IANA zone: 1C compares naive datetimes,
 * so "now" must be converted to the base's clock before it goes into a literal.
 */
export function instantToNaive(instant: Date, timeZone: string): NaiveDateTime {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  return naiveDateTime(`${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`);
}

/**
 * The calendar date of a naive 1C datetime, or null for 1C's empty date (`0001-01-01T00:00:00`) or a value
 * that is not a datetime. The date part is already the base's local day: no time-zone conversion applies.
 */
export function naiveToCalendarDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string' || value.startsWith('0001-01-01')) return null;
  const day = value.slice(0, 10);
  return NAIVE_DATETIME.test(value) && isCalendarDate(day) ? day : null;
}
