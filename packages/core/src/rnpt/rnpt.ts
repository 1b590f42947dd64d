/**
 * РНПТ — регистрационный номер партии товара: `GGGGGGGG/DDMMYY/NNNNNNN/III` (8/6/7/3, 27 characters)
 * for every origin (traceability-rules §3.1). Parsing returns the first problem found, checking the
 * whole text first and then the groups left to right, each failure with its own code.
 *
 * Canonical form: the trimmed text with "/" separators and the item number padded to 3 digits
 * (1С accepts 1–3 digits there; «…/1» and «…/001» name the same goods line, and padding is reported
 * as a warning because the filed text differs).
 */
import { compareDates } from '../calendar-date.js';
import type { CalendarDate } from '../calendar-date.js';
import { fail, ok } from '../errors.js';
import { TRACEABILITY_START } from '../goods/goods-list.js';
import type { Result, SledopytError } from '../errors.js';
import type { RnptOrigin } from './origin.js';
import { isFnsAssignedOrigin } from './origin.js';
import {
  GROUP_NAMES_RU,
  RNPT_SUBJECT,
  checkDigitGroup,
  formatDateGroup,
  latinLetterWarning,
  normaliseAndSplit,
  numberError,
  parseDateGroup,
  parseSerialGroup,
} from './registration-number.js';
import type { RegistrationNumberWarning } from './registration-number.js';

declare const rnptBrand: unique symbol;
/** An RNPT in canonical form: `GGGGGGGG/DDMMYY/NNNNNNN/III`. */
export type Rnpt = string & { readonly [rnptBrand]: true };

export type RnptWarning = RegistrationNumberWarning;

export interface ParsedRnpt {
  rnpt: Rnpt;
  /** Group 1. For an RNPT formed from a ДТ: the customs post code. For ФНС-assigned numbers: meaning unknown. */
  customsOffice: string;
  /** Group 2 as a date. For an RNPT formed from a ДТ: the ДТ registration date. */
  registrationDate: CalendarDate;
  /** Group 3: 7 digits, or «В»/«B» + 6 digits. */
  serial: string;
  /** Group 4: the goods item (графа 32 ДТ), 1–999. */
  item: number;
  warnings: RnptWarning[];
}

export interface ParseRnptOptions {
  /** When given, a registration date after this day is an error (`RNPT_DATE_FUTURE`). */
  today?: CalendarDate | undefined;
  /**
   * Where the number came from, if the caller knows. The early-date warning applies to numbers formed
   * from a ДТ and to numbers of unknown origin, never to ФНС-assigned ones (their date group's meaning is unknown).
   */
  origin?: RnptOrigin | undefined;
  /** No normalisation beyond trimming: look-alike slashes and spaces around "/" become errors. */
  strict?: boolean | undefined;
  /**
   * A ДТ date before this day draws `RNPT_DATE_BEFORE_SYSTEM` (a warning: a ДТ registered shortly before
   * 08.07.2021 and released after it is legal; stock from long before should carry a ФНС-assigned RNPT from
   * a remains notification). Default: 2021-06-08, a month before the system started.
   */
  earlyDateWarningBefore?: CalendarDate | undefined;
}

export const DEFAULT_EARLY_DATE_WARNING_BEFORE = '2021-06-08' as CalendarDate;

const GROUP = {
  customsOffice: { group: 1, nameRu: GROUP_NAMES_RU.customsOffice },
  registrationDate: { group: 2, nameRu: GROUP_NAMES_RU.registrationDate },
  serial: { group: 3, nameRu: GROUP_NAMES_RU.serial },
  item: { group: 4, nameRu: GROUP_NAMES_RU.item },
} as const;

export function parseRnpt(text: string, options: ParseRnptOptions = {}): Result<ParsedRnpt> {
  const split = normaliseAndSplit(RNPT_SUBJECT, text, options.strict === true);
  if (!split.ok) return split;
  const { groups, warnings } = split.value;
  const [office, dateText, serialText, itemText] = groups;
  if (groups.length === 3) return fail(customsDeclarationInsteadOfRnpt(text, groups));
  if (groups.length !== 4 || office === undefined || dateText === undefined || serialText === undefined || itemText === undefined) {
    return fail(
      numberError(
        RNPT_SUBJECT,
        'GROUP_COUNT',
        `An RNPT has 4 groups separated by "/", got ${groups.length}`,
        `РНПТ должен состоять из четырех блоков, разделенных дробью «/» (код таможенного органа/дата ДДММГГ/номер декларации/номер товара), ` +
          `а указано блоков: ${groups.length}`,
        { input: text, groupCount: groups.length },
      ),
    );
  }

  const officeError = checkDigitGroup(RNPT_SUBJECT, GROUP.customsOffice, office, [8], {
    chars: 'GROUP1_CHARS',
    length: 'GROUP1_LENGTH',
  });
  if (officeError) return fail(officeError);

  const date = parseDateGroup(RNPT_SUBJECT, GROUP.registrationDate, dateText, { today: options.today });
  if (!date.ok) return date;

  const serial = parseSerialGroup(RNPT_SUBJECT, GROUP.serial, serialText, { legacy: false });
  if (!serial.ok) return serial;
  if (serial.value.latinB) warnings.push(latinLetterWarning(RNPT_SUBJECT, serial.value.serial));

  const item = parseItemGroup(itemText);
  if (!item.ok) return item;
  const itemText3 = String(item.value).padStart(3, '0');
  if (itemText3 !== itemText) addItemPaddedWarning(warnings, text);

  const earlyLimit = options.earlyDateWarningBefore ?? DEFAULT_EARLY_DATE_WARNING_BEFORE;
  const mayBeFromCustomsDeclaration = options.origin === undefined || !isFnsAssignedOrigin(options.origin);
  if (mayBeFromCustomsDeclaration && compareDates(date.value, earlyLimit) < 0) {
    warnings.push({
      code: 'RNPT_DATE_BEFORE_SYSTEM',
      message: `The declaration date ${date.value} is long before the traceability system started (${TRACEABILITY_START})`,
      messageRu:
        `Дата декларации в РНПТ (${dateText}) намного раньше запуска системы прослеживаемости 08.07.2021. ` +
        'Товары, ввезённые до этой даты, обычно получают РНПТ по уведомлению об остатках; проверьте номер',
      details: { input: text, date: date.value, earlyDateWarningBefore: earlyLimit },
    });
  }

  const rnpt = `${office}/${dateText}/${serial.value.serial}/${itemText3}` as Rnpt;
  return ok({
    rnpt,
    customsOffice: office,
    registrationDate: date.value,
    serial: serial.value.serial,
    item: item.value,
    warnings,
  });
}

function parseItemGroup(text: string): Result<number> {
  const shapeError = checkDigitGroup(RNPT_SUBJECT, GROUP.item, text, [1, 2, 3], {
    chars: 'ITEM_FORMAT',
    length: 'ITEM_FORMAT',
  });
  if (shapeError) {
    if (shapeError.code === 'RNPT_LOOKALIKE_LETTER') return fail(shapeError);
    return fail(
      numberError(
        RNPT_SUBJECT,
        'ITEM_FORMAT',
        `Group 4 of the RNPT (goods item) must be 1 to 3 digits, got "${text}"`,
        `${GROUP.item.nameRu} РНПТ должен содержать от 1 до 3 цифр, а указано «${text}»`,
        { group: 4, text },
      ),
    );
  }
  const item = Number(text);
  if (item === 0) {
    return fail(
      numberError(
        RNPT_SUBJECT,
        'ITEM_ZERO',
        `Group 4 of the RNPT (goods item) is zero; items are numbered from 001`,
        `${GROUP.item.nameRu} РНПТ равен «${text}»: товары в декларации нумеруются с 001. Укажите номер товара из графы 32 декларации`,
        { group: 4, text },
      ),
    );
  }
  return ok(item);
}

function addItemPaddedWarning(warnings: RnptWarning[], input: string): void {
  const existing = warnings.find((w) => w.code === 'RNPT_NORMALISED');
  if (existing) {
    const changes = existing.details['changes'];
    if (Array.isArray(changes)) changes.push('item_padded');
    return;
  }
  warnings.push({
    code: 'RNPT_NORMALISED',
    message: 'The RNPT item number was padded to 3 digits',
    messageRu: 'Номер товара в РНПТ дополнен нулями до трёх цифр (например, «1» → «001»). Номер распознан, но лучше записывать его полностью',
    details: { input, changes: ['item_padded'] },
  });
}

function customsDeclarationInsteadOfRnpt(input: string, groups: string[]): SledopytError {
  return numberError(
    RNPT_SUBJECT,
    'IS_CUSTOMS_DECLARATION',
    'Three groups: this is a customs declaration number, not an RNPT (an RNPT has four)',
    'Номер состоит из трех блоков — это номер декларации на товары, а не РНПТ (в РНПТ четыре блока). ' +
      'Добавьте через «/» порядковый номер товара из графы 32 декларации, например «/001»',
    { input, groups },
  );
}

/** Throws the parse error (a `SledopytError`) or returns the canonical RNPT. */
export function assertRnpt(text: string, options: ParseRnptOptions = {}): Rnpt {
  const parsed = parseRnpt(text, options);
  if (!parsed.ok) throw parsed.error;
  return parsed.value.rnpt;
}

/** True only for a valid RNPT already in canonical form (use `parseRnpt` to accept other spellings). */
export function isRnpt(text: string): text is Rnpt {
  const parsed = parseRnpt(text, { strict: true });
  return parsed.ok && parsed.value.rnpt === text;
}

export interface RnptParts {
  customsOffice: string;
  registrationDate: CalendarDate;
  serial: string;
  item: number;
}

/** Builds the canonical RNPT from its parts; throws a `SledopytError` when a part is invalid. */
export function formatRnpt(parts: RnptParts): Rnpt {
  const text = `${parts.customsOffice}/${formatDateGroup(parts.registrationDate)}/${parts.serial}/${String(parts.item).padStart(3, '0')}`;
  return assertRnpt(text, { strict: true });
}

/** Compares two RNPTs for sorting (plain string order of the canonical form). */
export const compareRnpts = (a: Rnpt, b: Rnpt): number => (a < b ? -1 : a > b ? 1 : 0);
