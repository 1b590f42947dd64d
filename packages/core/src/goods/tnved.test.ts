import { describe, expect, it } from 'vitest';
import { checkTnved, formatTnved, normalizeTnved, parseTnved, tnvedPrefixSchema, tnvedSchema } from './tnved.js';
import { caught as thrown } from '../testing/caught.js';

/** The error thrown by `fn`, asserting that it is a SledopytError. */
describe('normalizeTnved', () => {
  it.each([
    ['8418102001', 'unspaced, as in a ДТ or XML'],
    ['8418 10 200 1', '4-2-3-1, as printed in the list'],
    ['8418\u00a010\u00a0200\u00a01', 'NBSP, as in Word/PDF copies'],
    ['8418\t10\t200\t1', 'tabs'],
    ['8418.10.200.1', 'dots'],
    ['  8418102001 \n', 'surrounding whitespace'],
    ['8418 102001', '4-6'],
    ['8418 10 2001', '4-2-4'],
    ['8418  10   200 1', 'repeated spaces'],
  ])('reads %j (%s) as 8418102001', (input) => {
    expect(normalizeTnved(input)).toBe('8418102001');
  });

  it('keeps a code that starts with 0 (chapter 01–09) intact', () => {
    expect(normalizeTnved('0101 21 000 0')).toBe('0101210000');
  });
});

describe('parseTnved', () => {
  it('gives the digits, the 4-2-3-1 display and completeness of a full code', () => {
    expect(parseTnved('9401800001')).toEqual({ digits: '9401800001', length: 10, complete: true, display: '9401 80 000 1' });
  });

  it.each([
    ['8418', 4, '8418'],
    ['8418 10', 6, '8418 10'],
    ['841810', 6, '8418 10'],
    ['8418 10 20', 8, '8418 10 20'],
    ['84181020', 8, '8418 10 20'],
  ])('accepts the prefix %j when partial codes are allowed', (input, length, display) => {
    const code = parseTnved(input, { allowPartial: true });
    expect(code.length).toBe(length);
    expect(code.complete).toBe(false);
    expect(code.display).toBe(display);
  });

  it('refuses a prefix when a full code is required, saying it is only the start of a code', () => {
    const error = thrown(() => parseTnved('8418'));
    expect(error.code).toBe('TNVED_INVALID');
    expect(error.details['problem']).toBe('LENGTH');
    expect(error.messageRu).toContain('только начало кода');
    expect(error.messageRu).toContain('10-значный');
  });

  it('refuses 9 digits (the truncated «9401 80 000» of a published copy) and hints at a lost digit', () => {
    const error = thrown(() => parseTnved('9401 80 000', { allowPartial: true }));
    expect(error.code).toBe('TNVED_INVALID');
    expect(error.messageRu).toContain('из 9 цифр');
    expect(error.messageRu).toContain('потеряна цифра');
  });

  it('refuses a code that lost its leading zero in Excel (9 digits)', () => {
    expect(thrown(() => parseTnved('101210000')).messageRu).toContain('ведущий ноль');
  });

  it('refuses 11 digits', () => {
    const error = thrown(() => parseTnved('84181020011'));
    expect(error.details['problem']).toBe('LENGTH');
    expect(error.messageRu).toContain('из 11 цифр, а нужно 10');
  });

  it.each([
    ['84I8102001', 'букву «I»', 3],
    ['84181О2001', 'букву «О»', 6], // Cyrillic О instead of zero
    ['8418-10-200-1', 'символ «-»', 5],
    ['8418102001;', 'символ «;»', 11],
  ])('names the offending character in %j', (input, what, position) => {
    const error = thrown(() => parseTnved(input));
    expect(error.code).toBe('TNVED_INVALID');
    expect(error.details['problem']).toBe('CHARACTER');
    expect(error.messageRu).toContain(what);
    expect(error.messageRu).toContain(`${position}-й знак`);
  });

  it.each(['', '   ', '\u00a0'])('says the code is missing for %j', (input) => {
    const error = thrown(() => parseTnved(input));
    expect(error.details['problem']).toBe('EMPTY');
    expect(error.messageRu).toContain('не указан');
  });

  it('refuses two headings glued by a space instead of reading them as one 8-digit code', () => {
    const error = thrown(() => parseTnved('8418 8450', { allowPartial: true }));
    expect(error.details['problem']).toBe('GROUPING');
    expect(error.messageRu).toContain('4-2-3-1');
  });

  it.each(['84 18 10 200 1', '841 810 200 1', '.8418102001', '8418102001.'])('refuses the grouping %j', (input) => {
    expect(thrown(() => parseTnved(input)).details['problem']).toBe('GROUPING');
  });

  it.each(['0018102001', '7712345678', '9810000000'])('refuses %j: no such ТН ВЭД group', (input) => {
    const error = thrown(() => parseTnved(input));
    expect(error.details['problem']).toBe('GROUP_UNKNOWN');
    expect(error.messageRu).toContain(`группы ${input.slice(0, 2)}`);
  });

  it('keeps the raw input in the error details', () => {
    expect(thrown(() => parseTnved('84I8102001')).details['input']).toBe('84I8102001');
  });
});

describe('checkTnved', () => {
  it('returns a Result instead of throwing', () => {
    const bad = checkTnved('abc');
    expect(bad.ok).toBe(false);
    const good = checkTnved('8715 00 100 0');
    expect(good.ok && good.value.digits).toBe('8715001000');
  });
});

describe('formatTnved', () => {
  it('groups 10 digits 4-2-3-1 and shortens the pattern for prefixes', () => {
    expect(formatTnved('8427209000')).toBe('8427 20 900 0');
    expect(formatTnved('842720')).toBe('8427 20');
    expect(formatTnved('8427')).toBe('8427');
  });
});

describe('schemas', () => {
  it('tnvedSchema outputs the 10 digits and reports problems in Russian', () => {
    expect(tnvedSchema.parse('8450 90 000 0')).toBe('8450900000');
    const bad = tnvedSchema.safeParse('8450');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('только начало кода');
  });

  it('tnvedPrefixSchema accepts a heading and outputs the parsed code', () => {
    expect(tnvedPrefixSchema.parse('8709')).toMatchObject({ digits: '8709', complete: false });
    expect(tnvedPrefixSchema.safeParse('87').success).toBe(false);
  });
});
