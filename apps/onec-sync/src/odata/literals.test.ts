import { isSledopytError } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { EMPTY_GUID, datetimeLiteral, guidLiteral, instantToNaive, naiveToCalendarDate, refOrNull, startOfDay, stringLiteral } from './literals.js';

const REF = 'f8c956ea-cdad-11e6-aede-00155d000b0a';

describe('1C OData v3 literals', () => {
  it('writes guid and datetime literals the v3 way: no milliseconds, no Z, no offset', () => {
    expect(guidLiteral(REF.toUpperCase())).toBe(`guid'${REF}'`);
    expect(datetimeLiteral('2026-01-01T00:00:00')).toBe("datetime'2026-01-01T00:00:00'");
    expect(datetimeLiteral(startOfDay('2025-10-01' as never))).toBe("datetime'2025-10-01T00:00:00'");
    for (const v4 of ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00+03:00', '2026-02-30T00:00:00', '2026-01-01']) {
      let error: unknown;
      try {
        datetimeLiteral(v4);
      } catch (caught) {
        error = caught;
      }
      expect(isSledopytError(error) && error.code === 'ONEC_LITERAL_INVALID', v4).toBe(true);
    }
    expect(() => guidLiteral("x' or 1 eq 1 or Ref_Key eq guid'")).toThrow();
  });

  it('doubles single quotes in strings (no injection through a counterparty name)', () => {
    expect(stringLiteral("ООО 'Ромашка'")).toBe("'ООО ''Ромашка'''");
  });

  it("converts an instant to the base's wall clock in its zone", () => {
    const instant = new Date('2026-03-31T21:30:00Z');
    expect(instantToNaive(instant, 'Europe/Moscow')).toBe('2026-04-01T00:30:00');
    expect(instantToNaive(instant, 'Asia/Vladivostok')).toBe('2026-04-01T07:30:00');
    expect(instantToNaive(instant, 'Europe/Kaliningrad')).toBe('2026-03-31T23:30:00');
  });

  it("reads 1C's naive datetimes as calendar days of the base, and its empty values as null", () => {
    expect(naiveToCalendarDate('2026-01-31T23:59:59')).toBe('2026-01-31');
    expect(naiveToCalendarDate('0001-01-01T00:00:00')).toBeNull();
    expect(naiveToCalendarDate('31.01.2026')).toBeNull();
    expect(naiveToCalendarDate(undefined)).toBeNull();
    expect(refOrNull(EMPTY_GUID)).toBeNull();
    expect(refOrNull(REF.toUpperCase())).toBe(REF);
    expect(refOrNull('')).toBeNull();
  });
});
