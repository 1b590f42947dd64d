/**
 * Регистрационный номер декларации на товары (ДТ): `КОД/ДДММГГ/НОМЕР`, 3 groups. It sits in the same
 * fields as the RNPT (non-traceable imports carry it without quantity and cost), and an RNPT formed
 * from a ДТ is the ДТ number plus the goods item.
 *
 * Accepted shapes (1С УТ validator, traceability-rules §3.2): group 1 — 8 digits (Russian customs post),
 * 5 (Belarus, Kazakhstan, Kyrgyzstan) or 2 (Armenia); group 3 — 7 digits, «В»+6 (ДТ filed after release),
 * legacy «П»+6 and «ОБ»/«ЗВ»+6.
 */
import type { CalendarDate } from '../calendar-date.js';
import { fail, ok } from '../errors.js';
import type { Result } from '../errors.js';
import type { ParseRnptOptions, Rnpt } from './rnpt.js';
import { assertRnpt } from './rnpt.js';
import {
  CUSTOMS_DECL_SUBJECT,
  GROUP_NAMES_RU,
  checkDigitGroup,
  latinLetterWarning,
  normaliseAndSplit,
  numberError,
  parseDateGroup,
  parseSerialGroup,
} from './registration-number.js';
import type { RegistrationNumberWarning } from './registration-number.js';

declare const customsDeclarationNumberBrand: unique symbol;
/** A customs declaration number in canonical form: `КОД/ДДММГГ/НОМЕР`. */
export type CustomsDeclarationNumber = string & { readonly [customsDeclarationNumberBrand]: true };

/** Which customs union member registered the declaration, by the length of the customs office code. */
export type CustomsOfficeCountry = 'RU' | 'BY_KZ_KG' | 'AM';

export interface ParsedCustomsDeclarationNumber {
  number: CustomsDeclarationNumber;
  customsOffice: string;
  customsOfficeCountry: CustomsOfficeCountry;
  registrationDate: CalendarDate;
  serial: string;
  warnings: RegistrationNumberWarning[];
}

export type ParseCustomsDeclarationNumberOptions = Pick<ParseRnptOptions, 'today' | 'strict'>;

const OFFICE_COUNTRY_BY_LENGTH: Readonly<Record<number, CustomsOfficeCountry>> = { 8: 'RU', 5: 'BY_KZ_KG', 2: 'AM' };

export function parseCustomsDeclarationNumber(
  text: string,
  options: ParseCustomsDeclarationNumberOptions = {},
): Result<ParsedCustomsDeclarationNumber> {
  const subject = CUSTOMS_DECL_SUBJECT;
  const split = normaliseAndSplit(subject, text, options.strict === true);
  if (!split.ok) return split;
  const { groups, warnings } = split.value;
  const [office, dateText, serialText] = groups;
  if (groups.length === 4) {
    return fail(
      numberError(
        subject,
        'IS_RNPT',
        'Four groups: this is an RNPT, not a customs declaration number (which has three)',
        'Номер состоит из четырех блоков — это РНПТ, а не номер декларации на товары (в номере ДТ три блока)',
        { input: text, groups },
      ),
    );
  }
  if (groups.length !== 3 || office === undefined || dateText === undefined || serialText === undefined) {
    return fail(
      numberError(
        subject,
        'GROUP_COUNT',
        `A customs declaration number has 3 groups separated by "/", got ${groups.length}`,
        `Номер декларации на товары должен состоять из трех блоков, разделенных дробью «/», а указано блоков: ${groups.length}`,
        { input: text, groupCount: groups.length },
      ),
    );
  }
  const officeError = checkDigitGroup(
    subject,
    { group: 1, nameRu: GROUP_NAMES_RU.customsOffice },
    office,
    [2, 5, 8],
    { chars: 'GROUP1_CHARS', length: 'GROUP1_LENGTH' },
  );
  if (officeError) return fail(officeError);
  const date = parseDateGroup(subject, { group: 2, nameRu: GROUP_NAMES_RU.registrationDate }, dateText, {
    today: options.today,
  });
  if (!date.ok) return date;
  const serial = parseSerialGroup(subject, { group: 3, nameRu: GROUP_NAMES_RU.serial }, serialText, { legacy: true });
  if (!serial.ok) return serial;
  if (serial.value.latinB) warnings.push(latinLetterWarning(subject, serial.value.serial));
  return ok({
    number: `${office}/${dateText}/${serial.value.serial}` as CustomsDeclarationNumber,
    customsOffice: office,
    customsOfficeCountry: OFFICE_COUNTRY_BY_LENGTH[office.length] ?? 'RU',
    registrationDate: date.value,
    serial: serial.value.serial,
    warnings,
  });
}

/**
 * The RNPT an importer forms from a Russian ДТ and the goods item (графа 32). Throws a `SledopytError`
 * when the ДТ cannot yield an RNPT (foreign customs office, legacy serial) or the item is out of 1–999.
 */
export function rnptFromCustomsDeclaration(declaration: CustomsDeclarationNumber, item: number): Rnpt {
  return assertRnpt(`${declaration}/${String(item).padStart(3, '0')}`, { strict: true });
}

/**
 * The ДТ number in the first three groups of an RNPT. Meaningful only when the caller knows the RNPT
 * was formed from a ДТ (origin `customs_declaration`); ФНС-assigned RNPTs name no declaration.
 */
export function customsDeclarationOfRnpt(rnpt: Rnpt): CustomsDeclarationNumber {
  return rnpt.slice(0, rnpt.lastIndexOf('/')) as CustomsDeclarationNumber;
}
