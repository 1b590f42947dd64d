/**
 * Shared machinery for the two slash-separated registration numbers that sit in the same fields
 * (`РегНомПросл`, графа 11 СФ, гр. 16/20 книг): the RNPT (4 groups) and the customs declaration
 * number (ДТ, 3 groups). Both parsers use these steps, so that one typo gets one diagnosis everywhere.
 *
 * Normalisation policy (see traceability-rules §3.2: 1С itself only trims):
 * - always: trim surrounding whitespace (as 1С `СокрЛП`);
 * - unless `strict`: drop whitespace around "/" and accept look-alike slashes (fullwidth «／» U+FF0F,
 *   fraction slash «⁄» U+2044, division slash «∕» U+2215), which come from PDFs and Word. Each such change
 *   is reported as a warning, because the filed text differs from the canonical number.
 * - never: a backslash is not taken for a slash (it is a typo, not a look-alike glyph), and no letter or
 *   digit is ever replaced — a Cyrillic «О» or «З» among digits is an error that names the likely digit.
 */
import { calendarDate, compareDates, isValidYmd } from '../calendar-date.js';
import type { CalendarDate } from '../calendar-date.js';
import { SledopytError } from '../errors.js';

/** Which number is being parsed: decides the error-code prefix and the Russian noun. */
export interface NumberSubject {
  codePrefix: 'RNPT' | 'CUSTOMS_DECL';
  /** Nominative, capitalised: «РНПТ», «Номер декларации на товары». */
  nounRu: string;
  /** Genitive: «РНПТ», «номера декларации на товары». */
  nounGenRu: string;
  nounEn: string;
}

export const RNPT_SUBJECT: NumberSubject = {
  codePrefix: 'RNPT',
  nounRu: 'РНПТ',
  nounGenRu: 'РНПТ',
  nounEn: 'RNPT',
};

export const CUSTOMS_DECL_SUBJECT: NumberSubject = {
  codePrefix: 'CUSTOMS_DECL',
  nounRu: 'Номер декларации на товары',
  nounGenRu: 'номера декларации на товары',
  nounEn: 'customs declaration number',
};

/** A non-fatal remark about a number that parsed. */
export interface RegistrationNumberWarning {
  code:
    | `${NumberSubject['codePrefix']}_NORMALISED`
    | `${NumberSubject['codePrefix']}_LATIN_LETTER`
    | `${NumberSubject['codePrefix']}_DATE_BEFORE_SYSTEM`;
  message: string;
  messageRu: string;
  details: Record<string, unknown>;
}

/** The longest text the ФНС formats accept in these fields (`T(1-29)`, `T(13-29)`). */
export const MAX_REGISTRATION_NUMBER_LENGTH = 29;

const SLASH_LOOKALIKES = /[\uFF0F\u2044\u2215]/g;
const SLASH_LOOKALIKE = /[\uFF0F\u2044\u2215]/;
const WHITESPACE_AROUND_SLASH = /\s*\/\s*/g;
/** Digits, Latin and Cyrillic letters (letters are judged per group), and the separator. */
const ALLOWED_CHARACTER = /[0-9A-Za-zА-Яа-яЁё/]/;
/** Letters that are typed for digits: Cyrillic and Latin «О», Cyrillic «З». */
const LOOKALIKE_DIGITS: Readonly<Record<string, string>> = { О: '0', о: '0', O: '0', o: '0', З: '3', з: '3' };

export function numberError(
  subject: NumberSubject,
  suffix: string,
  message: string,
  messageRu: string,
  details: Record<string, unknown>,
): SledopytError {
  return new SledopytError({ code: `${subject.codePrefix}_${suffix}`, message, messageRu, actor: 'user', details });
}

export interface NormalisedNumber {
  groups: string[];
  warnings: RegistrationNumberWarning[];
}

/**
 * Trims, applies the safe normalisations, rejects empty, stray-character and over-long input (in this
 * order) and splits into groups. Returns an error or the groups (their count is checked by the caller).
 */
export function normaliseAndSplit(
  subject: NumberSubject,
  raw: string,
  strict: boolean,
): { ok: true; value: NormalisedNumber } | { ok: false; error: SledopytError } {
  const input = raw;
  let text = raw.trim();
  if (text === '') {
    return {
      ok: false,
      error: numberError(subject, 'EMPTY', `${subject.nounEn} is empty`, `${subject.nounRu} не указан`, { input }),
    };
  }
  const changes: string[] = [];
  if (!strict) {
    const unified = text.replace(SLASH_LOOKALIKES, '/');
    if (unified !== text) changes.push('separator_lookalike');
    const tight = unified.replace(WHITESPACE_AROUND_SLASH, '/');
    if (tight !== unified) changes.push('whitespace_around_separator');
    text = tight;
  }
  const stray = [...new Set([...text].filter((ch) => !ALLOWED_CHARACTER.test(ch)))];
  if (stray.length > 0) {
    const shown = stray.map(describeCharacter).join(', ');
    const slashHint = stray.some((ch) => ch === '\\' || SLASH_LOOKALIKE.test(ch) || ch === '|' || ch === '-')
      ? ' Блоки номера разделяются только дробью «/».'
      : '';
    return {
      ok: false,
      error: numberError(
        subject,
        'STRAY_CHARACTERS',
        `${subject.nounEn} contains characters other than digits, letters and "/": ${stray.map((c) => JSON.stringify(c)).join(', ')}`,
        `В ${subject.nounGenRu} есть посторонние символы: ${shown}.${slashHint} Исправьте номер по документу`,
        { input, characters: stray },
      ),
    };
  }
  if (text.length > MAX_REGISTRATION_NUMBER_LENGTH) {
    return {
      ok: false,
      error: numberError(
        subject,
        'TOO_LONG',
        `${subject.nounEn} is ${text.length} characters long; the formats allow at most ${MAX_REGISTRATION_NUMBER_LENGTH}`,
        `${subject.nounRu} длиннее ${MAX_REGISTRATION_NUMBER_LENGTH} символов (${text.length}): в поле, вероятно, попал лишний текст. ` +
          'Укажите номер точно по декларации на товары или квитанции ФНС',
        { input, length: text.length, maxLength: MAX_REGISTRATION_NUMBER_LENGTH },
      ),
    };
  }
  const warnings: RegistrationNumberWarning[] = [];
  if (changes.length > 0) {
    warnings.push({
      code: `${subject.codePrefix}_NORMALISED`,
      message: `${subject.nounEn} was normalised (${changes.join(', ')}); the source text differs from the canonical number`,
      messageRu:
        `${subject.nounRu} записан не в каноническом виде (${changes.map(describeChangeRu).join('; ')}). ` +
        'Номер распознан, но в документе или декларации лучше исправить запись',
      details: { input, changes },
    });
  }
  return { ok: true, value: { groups: text.split('/'), warnings } };
}

function describeCharacter(ch: string): string {
  if (/\s/.test(ch)) return ch === ' ' ? 'пробел' : `пробельный символ U+${codePoint(ch)}`;
  if (ch.charCodeAt(0) < 0x20) return `управляющий символ U+${codePoint(ch)}`;
  return `«${ch}»`;
}

function codePoint(ch: string): string {
  return (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

export function describeChangeRu(change: string): string {
  switch (change) {
    case 'separator_lookalike':
      return 'вместо дроби «/» использован похожий символ';
    case 'whitespace_around_separator':
      return 'пробелы вокруг «/»';
    case 'item_padded':
      return 'номер товара дополнен нулями до трёх цифр';
    default:
      return change;
  }
}

/** Where a group sits, for error details and messages. */
export interface GroupPosition {
  /** 1-based group number. */
  group: number;
  /** Russian name of the group, for messages: «Первый блок (код таможенного органа)». */
  nameRu: string;
}

/**
 * If the group would be all digits once Cyrillic/Latin «О» and Cyrillic «З» were read as 0 and 3,
 * returns the lookalike error; otherwise undefined.
 */
export function lookalikeLetterError(
  subject: NumberSubject,
  position: GroupPosition,
  text: string,
  /** Leading characters that are allowed letters (the «В» of a serial) and are not checked. */
  prefixLength = 0,
): SledopytError | undefined {
  const prefix = text.slice(0, prefixLength);
  const chars = [...text.slice(prefixLength)];
  const found = chars
    .map((ch, index) => ({ ch, index }))
    .filter(({ ch }) => LOOKALIKE_DIGITS[ch] !== undefined);
  if (found.length === 0) return undefined;
  const digits = chars.map((ch) => LOOKALIKE_DIGITS[ch] ?? ch).join('');
  if (!/^\d+$/.test(digits)) return undefined;
  const suggestion = prefix + digits;
  const first = found[0];
  if (first === undefined) return undefined;
  const digit = LOOKALIKE_DIGITS[first.ch] ?? '';
  const letterRu = first.ch.toUpperCase() === 'З' ? '«З»' : '«О»';
  const digitRu = digit === '3' ? 'цифра три' : 'цифра ноль';
  return numberError(
    subject,
    'LOOKALIKE_LETTER',
    `Group ${position.group} of the ${subject.nounEn} "${text}" has the letter "${first.ch}" where a digit is expected (probably "${suggestion}")`,
    `${position.nameRu} ${subject.nounGenRu} «${text}»: вместо цифры указана буква ${letterRu} (позиция ${prefixLength + first.index + 1}); ` +
      `здесь, вероятно, ${digitRu}: «${suggestion}». Исправьте номер по документу`,
    { group: position.group, text, position: prefixLength + first.index + 1, letter: first.ch, suggestion },
  );
}

/** Checks a group that must be digits of an allowed length (lookalike letters first, then characters, then length). */
export function checkDigitGroup(
  subject: NumberSubject,
  position: GroupPosition,
  text: string,
  allowedLengths: readonly number[],
  codes: { chars: string; length: string },
): SledopytError | undefined {
  const lookalike = lookalikeLetterError(subject, position, text);
  if (lookalike) return lookalike;
  const lengthsRu = describeLengthsRu(allowedLengths);
  if (!/^\d*$/.test(text)) {
    return numberError(
      subject,
      codes.chars,
      `Group ${position.group} of the ${subject.nounEn} must be digits only, got "${text}"`,
      `${position.nameRu} ${subject.nounGenRu} должен состоять только из цифр (${lengthsRu}), а указано «${text}»`,
      { group: position.group, text },
    );
  }
  if (!allowedLengths.includes(text.length)) {
    return numberError(
      subject,
      codes.length,
      `Group ${position.group} of the ${subject.nounEn} must have ${allowedLengths.join(' or ')} digits, got ${text.length} ("${text}")`,
      `${position.nameRu} ${subject.nounGenRu} должен содержать ${lengthsRu}, а указано ${text.length}: «${text}»`,
      { group: position.group, text, length: text.length, allowedLengths: [...allowedLengths] },
    );
  }
  return undefined;
}

function describeLengthsRu(lengths: readonly number[]): string {
  if (lengths.length === 1) return `${lengths[0] ?? 0} ${pluralDigitsRu(lengths[0] ?? 0)}`;
  const last = lengths[lengths.length - 1] ?? 0;
  const consecutive = lengths.every((n, i) => i === 0 || n === (lengths[i - 1] ?? 0) + 1);
  if (consecutive) return `от ${lengths[0] ?? 0} до ${last} цифр`;
  return `${lengths.slice(0, -1).join(', ')} или ${last} ${pluralDigitsRu(last)}`;
}

function pluralDigitsRu(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'цифру';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'цифры';
  return 'цифр';
}

export interface DateGroupOptions {
  /** When given, a date after it is an error. */
  today?: CalendarDate | undefined;
}

/** Parses the `ДДММГГ` group (years 2000–2099: ДТ and RNPT dates are all from this century). */
export function parseDateGroup(
  subject: NumberSubject,
  position: GroupPosition,
  text: string,
  options: DateGroupOptions,
): { ok: true; value: CalendarDate } | { ok: false; error: SledopytError } {
  const lookalike = lookalikeLetterError(subject, position, text);
  if (lookalike) return { ok: false, error: lookalike };
  if (!/^\d{6}$/.test(text)) {
    return {
      ok: false,
      error: numberError(
        subject,
        'DATE_FORMAT',
        `Group ${position.group} of the ${subject.nounEn} (registration date) must be DDMMYY, got "${text}"`,
        `${position.nameRu} ${subject.nounGenRu} должен быть в формате ДДММГГ (6 цифр), а указано «${text}»`,
        { group: position.group, text },
      ),
    };
  }
  const day = Number(text.slice(0, 2));
  const month = Number(text.slice(2, 4));
  const year = 2000 + Number(text.slice(4, 6));
  if (!isValidYmd(year, month, day)) {
    return {
      ok: false,
      error: numberError(
        subject,
        'DATE_INVALID',
        `Group ${position.group} of the ${subject.nounEn} "${text}" is not a calendar date`,
        `${position.nameRu} ${subject.nounGenRu} «${text}» — такой даты нет в календаре ` +
          `(${text.slice(0, 2)}.${text.slice(2, 4)}.${year}). Проверьте дату регистрации декларации`,
        { group: position.group, text },
      ),
    };
  }
  const date = calendarDate(year, month, day);
  if (options.today !== undefined && compareDates(date, options.today) > 0) {
    return {
      ok: false,
      error: numberError(
        subject,
        'DATE_FUTURE',
        `Group ${position.group} of the ${subject.nounEn} is ${date}, after today (${options.today})`,
        `${position.nameRu} ${subject.nounGenRu} «${text}» — дата в будущем. Проверьте дату регистрации декларации`,
        { group: position.group, text, date, today: options.today },
      ),
    };
  }
  return { ok: true, value: date };
}

/** `ДДММГГ` of a date in 2000–2099. */
export function formatDateGroup(date: CalendarDate): string {
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2099) {
    throw new SledopytError({
      code: 'RNPT_DATE_OUT_OF_RANGE',
      message: `A registration number date must be in 2000–2099, got ${date}`,
      messageRu: `Дата в регистрационном номере должна быть в 2000–2099 годах, а указано ${date}`,
      actor: 'developer',
      details: { date },
    });
  }
  return `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;
}

export interface SerialGroupOptions {
  /**
   * Accept the pre-2019 ДТ serials 1С still accepts for customs declarations: «П»+6 digits and the
   * 8-character «ОБ»/«ЗВ»+6 digits. Never for an RNPT, whose third group has exactly 7 characters.
   */
  legacy: boolean;
}

export interface SerialGroup {
  /** The group as written (a Latin «B» is kept: letters are never changed silently). */
  serial: string;
  /** True when the group starts with a Latin «B» instead of the Cyrillic «В». */
  latinB: boolean;
}

const LEGACY_SERIAL = /^(?:П\d{6}|ОБ\d{6}|ЗВ\d{6})$/;
const LEGACY_WITH_DIGIT_FOR_LETTER: readonly { pattern: RegExp; letter: string; digit: string; digitRu: string }[] = [
  { pattern: /^0Б\d{6}$/, letter: 'О', digit: '0', digitRu: 'цифра ноль' },
  { pattern: /^3В\d{6}$/, letter: 'З', digit: '3', digitRu: 'цифра три' },
];

/**
 * The third group: the declaration's serial number. 7 digits, or «В» (Latin «B» accepted, with a
 * warning by the caller) + 6 digits for a ДТ filed after release (Решение Коллегии ЕЭК № 108).
 */
export function parseSerialGroup(
  subject: NumberSubject,
  position: GroupPosition,
  text: string,
  options: SerialGroupOptions,
): { ok: true; value: SerialGroup } | { ok: false; error: SledopytError } {
  if (options.legacy) {
    if (LEGACY_SERIAL.test(text)) return { ok: true, value: { serial: text, latinB: false } };
    const swapped = LEGACY_WITH_DIGIT_FOR_LETTER.find((variant) => variant.pattern.test(text));
    if (swapped) {
      const suggestion = swapped.letter + text.slice(1);
      return {
        ok: false,
        error: numberError(
          subject,
          'LOOKALIKE_DIGIT',
          `Group ${position.group} of the ${subject.nounEn} "${text}" starts with the digit "${swapped.digit}" instead of the letter "${swapped.letter}"`,
          `${position.nameRu} ${subject.nounGenRu} «${text}»: вместо буквы «${swapped.letter}» указана ${swapped.digitRu}. ` +
            `Вероятно, номер «${suggestion}»`,
          { group: position.group, text, position: 1, digit: swapped.digit, suggestion },
        ),
      };
    }
  }
  const first = text.charAt(0);
  const prefixLength = first === 'В' || first === 'B' ? 1 : 0;
  const lookalike = lookalikeLetterError(subject, position, text, prefixLength);
  if (lookalike) return { ok: false, error: lookalike };
  const rest = text.slice(prefixLength);
  const expectedRestLength = 7 - prefixLength;
  const shapesRu = options.legacy
    ? '7 цифр, букву «В» и 6 цифр, «П» и 6 цифр или «ОБ»/«ЗВ» и 6 цифр'
    : '7 цифр или букву «В» и 6 цифр';
  if (!/^\d*$/.test(rest)) {
    const legacyInRnpt = !options.legacy && LEGACY_SERIAL.test(text);
    return {
      ok: false,
      error: numberError(
        subject,
        'GROUP3_CHARS',
        `Group ${position.group} of the ${subject.nounEn} must be 7 digits or "В" + 6 digits, got "${text}"`,
        legacyInRnpt
          ? `${position.nameRu} ${subject.nounGenRu} «${text}» — номер декларации старого образца; ` +
              'из такой декларации РНПТ не формируется (в РНПТ третий блок — ровно 7 знаков)'
          : `${position.nameRu} ${subject.nounGenRu} должен содержать ${shapesRu}, а указано «${text}»`,
        { group: position.group, text },
      ),
    };
  }
  if (rest.length !== expectedRestLength) {
    return {
      ok: false,
      error: numberError(
        subject,
        'GROUP3_LENGTH',
        `Group ${position.group} of the ${subject.nounEn} must have 7 characters, got ${text.length} ("${text}")`,
        `${position.nameRu} ${subject.nounGenRu} должен содержать ${shapesRu}, а указано ${text.length} знаков: «${text}»`,
        { group: position.group, text, length: text.length },
      ),
    };
  }
  return { ok: true, value: { serial: text, latinB: first === 'B' } };
}

export const GROUP_NAMES_RU = {
  customsOffice: 'Первый блок (код таможенного органа)',
  registrationDate: 'Второй блок (дата регистрации декларации)',
  serial: 'Третий блок (порядковый номер декларации)',
  item: 'Четвертый блок (порядковый номер товара)',
} as const;

export function latinLetterWarning(subject: NumberSubject, serial: string): RegistrationNumberWarning {
  return {
    code: `${subject.codePrefix}_LATIN_LETTER`,
    message: `The serial group "${serial}" starts with the Latin "B"; customs declarations use the Cyrillic "В"`,
    messageRu:
      `В третьем блоке ${subject.nounGenRu} «${serial}» латинская буква «B» вместо русской «В». Номер распознан, ` +
      'но ФНС может сравнивать номера посимвольно — укажите русскую «В», как в декларации на товары',
    details: { group: 3, text: serial },
  };
}
