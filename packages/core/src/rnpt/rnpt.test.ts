import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { isSledopytError } from '../errors.js';
import { assertRnpt, formatRnpt, isRnpt, parseRnpt } from './rnpt.js';

const errorCode = (text: string, options: Parameters<typeof parseRnpt>[1] = {}): string => {
  const result = parseRnpt(text, options);
  if (result.ok) throw new Error(`expected "${text}" to fail, got ${result.value.rnpt}`);
  return result.error.code;
};

describe('parseRnpt — valid numbers', () => {
  it('splits a ДТ-derived RNPT into its groups', () => {
    const result = parseRnpt('10129020/270721/0000123/001');
    expect(result).toEqual({
      ok: true,
      value: {
        rnpt: '10129020/270721/0000123/001',
        customsOffice: '10129020',
        registrationDate: '2021-07-27',
        serial: '0000123',
        item: 1,
        warnings: [],
      },
    });
  });

  it('reads the two-digit year as 20YY and the item as a number', () => {
    const result = parseRnpt('10702070/311225/0045871/017');
    expect(result.ok && result.value.registrationDate).toBe('2025-12-31');
    expect(result.ok && result.value.item).toBe(17);
  });

  it('trims surrounding whitespace silently, as 1С does', () => {
    const result = parseRnpt('  10702070/010126/0000001/001\t\n');
    expect(result.ok && result.value.rnpt).toBe('10702070/010126/0000001/001');
    expect(result.ok && result.value.warnings).toEqual([]);
  });

  it('accepts «В» + 6 digits in the third group (ДТ filed after release)', () => {
    const result = parseRnpt('10005030/150326/В012345/004');
    expect(result.ok && result.value.serial).toBe('В012345');
    expect(result.ok && result.value.warnings).toEqual([]);
  });

  it('accepts a Latin «B» there but keeps it and warns', () => {
    const result = parseRnpt('10005030/150326/B012345/004');
    expect(result.ok && result.value.rnpt).toBe('10005030/150326/B012345/004');
    expect(result.ok && result.value.warnings.map((w) => w.code)).toEqual(['RNPT_LATIN_LETTER']);
  });

  it('pads a short item number to three digits and says so', () => {
    const result = parseRnpt('10702070/010126/0000001/7');
    expect(result.ok && result.value.rnpt).toBe('10702070/010126/0000001/007');
    expect(result.ok && result.value.item).toBe(7);
    expect(result.ok && result.value.warnings[0]?.details['changes']).toEqual(['item_padded']);
  });

  it('accepts the 29th of February only in leap years', () => {
    expect(parseRnpt('10702070/290224/0000001/001').ok).toBe(true);
    expect(errorCode('10702070/290225/0000001/001')).toBe('RNPT_DATE_INVALID');
  });
});

describe('parseRnpt — normalisation', () => {
  it('removes spaces around separators with a warning', () => {
    const result = parseRnpt('10702070 / 010126 / 0000001 / 001');
    expect(result.ok && result.value.rnpt).toBe('10702070/010126/0000001/001');
    expect(result.ok && result.value.warnings.map((w) => [w.code, w.details['changes']])).toEqual([
      ['RNPT_NORMALISED', ['whitespace_around_separator']],
    ]);
  });

  it('accepts look-alike slashes from PDFs with a warning', () => {
    for (const slash of ['\uFF0F', '\u2044', '\u2215']) {
      const result = parseRnpt(['10702070', '010126', '0000001', '001'].join(slash));
      expect(result.ok && result.value.rnpt).toBe('10702070/010126/0000001/001');
      expect(result.ok && result.value.warnings[0]?.details['changes']).toEqual(['separator_lookalike']);
    }
  });

  it('collects every change in one warning, including item padding', () => {
    const result = parseRnpt('10702070 ／ 010126/0000001/12');
    expect(result.ok && result.value.rnpt).toBe('10702070/010126/0000001/012');
    expect(result.ok && result.value.warnings).toHaveLength(1);
    expect(result.ok && result.value.warnings[0]?.details['changes']).toEqual([
      'separator_lookalike',
      'whitespace_around_separator',
      'item_padded',
    ]);
  });

  it('in strict mode only trims', () => {
    expect(errorCode('10702070 / 010126 / 0000001 / 001', { strict: true })).toBe('RNPT_STRAY_CHARACTERS');
    expect(errorCode('10702070／010126／0000001／001', { strict: true })).toBe('RNPT_STRAY_CHARACTERS');
  });

  it('never takes a backslash or a dash for a slash', () => {
    const backslash = parseRnpt('10702070\\010126\\0000001\\001');
    expect(!backslash.ok && backslash.error.code).toBe('RNPT_STRAY_CHARACTERS');
    expect(!backslash.ok && backslash.error.messageRu).toContain('«\\»');
    expect(!backslash.ok && backslash.error.messageRu).toContain('дробью «/»');
    expect(errorCode('10702070-010126-0000001-001')).toBe('RNPT_STRAY_CHARACTERS');
  });

  it('rejects spaces inside a group', () => {
    const result = parseRnpt('1070 2070/010126/0000001/001');
    expect(!result.ok && result.error.code).toBe('RNPT_STRAY_CHARACTERS');
    expect(!result.ok && result.error.messageRu).toContain('пробел');
  });
});

describe('parseRnpt — errors', () => {
  it('reports empty input', () => {
    expect(errorCode('')).toBe('RNPT_EMPTY');
    expect(errorCode('   ')).toBe('RNPT_EMPTY');
  });

  it('recognises a bare ДТ number and tells how to turn it into an RNPT', () => {
    const result = parseRnpt('10702070/010126/0000001');
    expect(!result.ok && result.error.code).toBe('RNPT_IS_CUSTOMS_DECLARATION');
    expect(!result.ok && result.error.messageRu).toContain('номер декларации на товары');
    expect(!result.ok && result.error.actor).toBe('user');
  });

  it('reports a wrong number of groups', () => {
    expect(errorCode('10702070/010126')).toBe('RNPT_GROUP_COUNT');
    expect(errorCode('1/2/3/4/5')).toBe('RNPT_GROUP_COUNT');
    expect(errorCode('107020700101260000001001')).toBe('RNPT_GROUP_COUNT');
  });

  it('checks the customs office group', () => {
    const short = parseRnpt('1070207/010126/0000001/001');
    expect(!short.ok && short.error.code).toBe('RNPT_GROUP1_LENGTH');
    expect(!short.ok && short.error.details).toMatchObject({ group: 1, text: '1070207', length: 7 });
    expect(!short.ok && short.error.messageRu).toContain('Первый блок (код таможенного органа)');
    expect(errorCode('107020700/010126/0000001/001')).toBe('RNPT_GROUP1_LENGTH');
    expect(errorCode('1070207A/010126/0000001/001')).toBe('RNPT_GROUP1_CHARS');
  });

  it('names a Cyrillic «О» or «З» typed for a digit and suggests the digit', () => {
    const letterO = parseRnpt('1О702070/010126/0000001/001');
    expect(!letterO.ok && letterO.error.code).toBe('RNPT_LOOKALIKE_LETTER');
    expect(!letterO.ok && letterO.error.details).toMatchObject({ group: 1, position: 2, letter: 'О', suggestion: '10702070' });
    expect(!letterO.ok && letterO.error.messageRu).toContain('буква «О»');

    const letterZe = parseRnpt('10702070/010126/00З0001/001');
    expect(!letterZe.ok && letterZe.error.code).toBe('RNPT_LOOKALIKE_LETTER');
    expect(!letterZe.ok && letterZe.error.details).toMatchObject({ group: 3, suggestion: '0030001' });
    expect(!letterZe.ok && letterZe.error.messageRu).toContain('цифра три');

    expect(errorCode('10702070/О10126/0000001/001')).toBe('RNPT_LOOKALIKE_LETTER');
    expect(errorCode('10702070/010126/В0О2345/001')).toBe('RNPT_LOOKALIKE_LETTER');
    expect(errorCode('10702070/010126/0000001/0О1')).toBe('RNPT_LOOKALIKE_LETTER');
  });

  it('checks the date group', () => {
    expect(errorCode('10702070/01012026/0000001/001')).toBe('RNPT_DATE_FORMAT');
    expect(errorCode('10702070/0101/0000001/001')).toBe('RNPT_DATE_FORMAT');
    expect(errorCode('10702070/01-126/0000001/001')).toBe('RNPT_STRAY_CHARACTERS');
    const feb31 = parseRnpt('10702070/310226/0000001/001');
    expect(!feb31.ok && feb31.error.code).toBe('RNPT_DATE_INVALID');
    expect(!feb31.ok && feb31.error.messageRu).toContain('31.02.2026');
    expect(errorCode('10702070/011326/0000001/001')).toBe('RNPT_DATE_INVALID');
  });

  it('rejects a future date only when today is given', () => {
    const today = '2026-11-24' as CalendarDate;
    expect(parseRnpt('10702070/251126/0000001/001').ok).toBe(true);
    expect(errorCode('10702070/251126/0000001/001', { today })).toBe('RNPT_DATE_FUTURE');
    expect(parseRnpt('10702070/241126/0000001/001', { today }).ok).toBe(true);
  });

  it('checks the serial group', () => {
    expect(errorCode('10702070/010126/000001/001')).toBe('RNPT_GROUP3_LENGTH');
    expect(errorCode('10702070/010126/00000001/001')).toBe('RNPT_GROUP3_LENGTH');
    expect(errorCode('10702070/010126/В0012345/001')).toBe('RNPT_GROUP3_LENGTH');
    expect(errorCode('10702070/010126/00А0001/001')).toBe('RNPT_GROUP3_CHARS');
    const legacy = parseRnpt('10702070/010126/ОБ123456/001');
    expect(!legacy.ok && legacy.error.code).toBe('RNPT_GROUP3_CHARS');
    expect(!legacy.ok && legacy.error.messageRu).toContain('старого образца');
  });

  it('checks the item group', () => {
    const zero = parseRnpt('10702070/010126/0000001/000');
    expect(!zero.ok && zero.error.code).toBe('RNPT_ITEM_ZERO');
    expect(!zero.ok && zero.error.messageRu).toContain('графы 32');
    expect(errorCode('10702070/010126/0000001/0')).toBe('RNPT_ITEM_ZERO');
    expect(errorCode('10702070/010126/0000001/1000')).toBe('RNPT_ITEM_FORMAT');
    expect(errorCode('10702070/010126/0000001/')).toBe('RNPT_ITEM_FORMAT');
    expect(errorCode('10702070/010126/0000001/A1')).toBe('RNPT_ITEM_FORMAT');
  });

  it('rejects text longer than the formats allow before looking at groups', () => {
    const result = parseRnpt('10702070/010126/0000001/001/002');
    expect(!result.ok && result.error.code).toBe('RNPT_TOO_LONG');
    expect(!result.ok && result.error.details).toMatchObject({ length: 31, maxLength: 29 });
    expect(errorCode('10702070/010126/0000001/001 поставка 5')).toBe('RNPT_STRAY_CHARACTERS');
  });

  it('reports the first problem from left to right', () => {
    expect(errorCode('1070207/310226/000001/000')).toBe('RNPT_GROUP1_LENGTH');
    expect(errorCode('10702070/310226/000001/000')).toBe('RNPT_DATE_INVALID');
  });
});

describe('parseRnpt — early-date warning', () => {
  it('warns about a ДТ date long before 08.07.2021', () => {
    const result = parseRnpt('10702070/150321/0012345/001');
    expect(result.ok && result.value.warnings.map((w) => w.code)).toEqual(['RNPT_DATE_BEFORE_SYSTEM']);
  });

  it('does not warn about a ДТ registered shortly before the start', () => {
    expect(parseRnpt('10702070/010721/0012345/001').ok && parseRnpt('10702070/010721/0012345/001')).toMatchObject({
      value: { warnings: [] },
    });
  });

  it('does not judge the date of a ФНС-assigned number', () => {
    const result = parseRnpt('10702070/150321/0012345/001', { origin: 'remains_notification' });
    expect(result.ok && result.value.warnings).toEqual([]);
  });

  it('lets the caller move the threshold', () => {
    const result = parseRnpt('10702070/010721/0012345/001', { earlyDateWarningBefore: '2021-07-08' as CalendarDate });
    expect(result.ok && result.value.warnings.map((w) => w.code)).toEqual(['RNPT_DATE_BEFORE_SYSTEM']);
  });
});

describe('assertRnpt, isRnpt, formatRnpt', () => {
  it('assertRnpt returns the canonical number or throws a SledopytError', () => {
    expect(assertRnpt(' 10702070/010126/0000001/1 ')).toBe('10702070/010126/0000001/001');
    let thrown: unknown;
    try {
      assertRnpt('10702070/310226/0000001/001');
    } catch (error) {
      thrown = error;
    }
    expect(isSledopytError(thrown) && thrown.code).toBe('RNPT_DATE_INVALID');
  });

  it('isRnpt is true only for the canonical spelling', () => {
    expect(isRnpt('10702070/010126/0000001/001')).toBe(true);
    expect(isRnpt('10702070/010126/0000001/1')).toBe(false);
    expect(isRnpt(' 10702070/010126/0000001/001')).toBe(false);
    expect(isRnpt('10702070/010126/0000001')).toBe(false);
  });

  it('formatRnpt builds the canonical number and round-trips through parseRnpt', () => {
    const rnpt = formatRnpt({
      customsOffice: '10702070',
      registrationDate: '2026-01-09' as CalendarDate,
      serial: '0004521',
      item: 3,
    });
    expect(rnpt).toBe('10702070/090126/0004521/003');
    const parsed = parseRnpt(rnpt);
    expect(parsed.ok && parsed.value).toMatchObject({ customsOffice: '10702070', registrationDate: '2026-01-09', serial: '0004521', item: 3 });
  });

  it('formatRnpt throws on invalid parts', () => {
    const parts = { customsOffice: '10702070', registrationDate: '2026-01-09' as CalendarDate, serial: '0004521' };
    expect(() => formatRnpt({ ...parts, item: 0 })).toThrowError(/zero/);
    expect(() => formatRnpt({ ...parts, item: 1000 })).toThrowError(/1 to 3 digits/);
    expect(() => formatRnpt({ ...parts, registrationDate: '1999-12-31' as CalendarDate, item: 1 })).toThrowError(/2000–2099/);
  });
});
