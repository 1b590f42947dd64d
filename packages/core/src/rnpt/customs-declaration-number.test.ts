import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { parseRegistrationNumber } from './any-registration-number.js';
import {
  customsDeclarationOfRnpt,
  parseCustomsDeclarationNumber,
  rnptFromCustomsDeclaration,
} from './customs-declaration-number.js';
import { assertRnpt } from './rnpt.js';

const errorCode = (text: string): string => {
  const result = parseCustomsDeclarationNumber(text);
  if (result.ok) throw new Error(`expected "${text}" to fail`);
  return result.error.code;
};

describe('parseCustomsDeclarationNumber', () => {
  it('parses a Russian ДТ number', () => {
    const result = parseCustomsDeclarationNumber('10702070/010126/0000001');
    expect(result.ok && result.value).toEqual({
      number: '10702070/010126/0000001',
      customsOffice: '10702070',
      customsOfficeCountry: 'RU',
      registrationDate: '2026-01-01',
      serial: '0000001',
      warnings: [],
    });
  });

  it('tells the member state by the length of the customs office code', () => {
    const belarus = parseCustomsDeclarationNumber('07260/150526/0012345');
    expect(belarus.ok && belarus.value.customsOfficeCountry).toBe('BY_KZ_KG');
    const armenia = parseCustomsDeclarationNumber('05/150526/0012345');
    expect(armenia.ok && armenia.value.customsOfficeCountry).toBe('AM');
    expect(errorCode('1070207/150526/0012345')).toBe('CUSTOMS_DECL_GROUP1_LENGTH');
  });

  it('accepts «В»+6 and the legacy serials 1С accepts', () => {
    for (const serial of ['В012345', 'П012345', 'ОБ012345', 'ЗВ012345']) {
      const result = parseCustomsDeclarationNumber(`10702070/150318/${serial}`);
      expect(result.ok && result.value.serial).toBe(serial);
    }
  });

  it('names a digit typed for the letter of a legacy prefix', () => {
    const zero = parseCustomsDeclarationNumber('10702070/150318/0Б012345');
    expect(!zero.ok && zero.error.code).toBe('CUSTOMS_DECL_LOOKALIKE_DIGIT');
    expect(!zero.ok && zero.error.messageRu).toContain('вместо буквы «О» указана цифра ноль');
    expect(!zero.ok && zero.error.details['suggestion']).toBe('ОБ012345');
    const three = parseCustomsDeclarationNumber('10702070/150318/3В012345');
    expect(!three.ok && three.error.messageRu).toContain('вместо буквы «З» указана цифра три');
  });

  it('recognises an RNPT given instead of a ДТ number', () => {
    expect(errorCode('10702070/010126/0000001/001')).toBe('CUSTOMS_DECL_IS_RNPT');
    expect(errorCode('10702070/010126')).toBe('CUSTOMS_DECL_GROUP_COUNT');
  });

  it('shares the date and character checks with the RNPT', () => {
    expect(errorCode('10702070/310226/0000001')).toBe('CUSTOMS_DECL_DATE_INVALID');
    expect(errorCode('10702070/О10126/0000001')).toBe('CUSTOMS_DECL_LOOKALIKE_LETTER');
    expect(errorCode('10702070/010126/00А0001')).toBe('CUSTOMS_DECL_GROUP3_CHARS');
    expect(errorCode('')).toBe('CUSTOMS_DECL_EMPTY');
    const future = parseCustomsDeclarationNumber('10702070/011226/0000001', { today: '2026-11-24' as CalendarDate });
    expect(!future.ok && future.error.code).toBe('CUSTOMS_DECL_DATE_FUTURE');
  });
});

describe('ДТ number ↔ RNPT', () => {
  it('forms the RNPT from a ДТ and the goods item', () => {
    const parsed = parseCustomsDeclarationNumber('10702070/090126/0004521');
    if (!parsed.ok) throw parsed.error;
    expect(rnptFromCustomsDeclaration(parsed.value.number, 12)).toBe('10702070/090126/0004521/012');
    expect(customsDeclarationOfRnpt(assertRnpt('10702070/090126/0004521/012'))).toBe('10702070/090126/0004521');
  });

  it('refuses an RNPT from a ДТ that cannot yield one', () => {
    const legacy = parseCustomsDeclarationNumber('10702070/150318/ОБ012345');
    if (!legacy.ok) throw legacy.error;
    expect(() => rnptFromCustomsDeclaration(legacy.value.number, 1)).toThrowError(/7 digits/);
    const belarus = parseCustomsDeclarationNumber('07260/150526/0012345');
    if (!belarus.ok) throw belarus.error;
    expect(() => rnptFromCustomsDeclaration(belarus.value.number, 1)).toThrowError(/8 digits/);
  });
});

describe('parseRegistrationNumber', () => {
  it('tells an RNPT from a bare ДТ number', () => {
    const rnpt = parseRegistrationNumber('10702070/090126/0004521/012');
    expect(rnpt.ok && rnpt.value.kind).toBe('rnpt');
    const declaration = parseRegistrationNumber('10702070/090126/0004521');
    expect(declaration.ok && declaration.value.kind).toBe('customs_declaration');
    expect(declaration.ok && declaration.value.kind === 'customs_declaration' && declaration.value.number).toBe(
      '10702070/090126/0004521',
    );
  });

  it('keeps the RNPT error for anything else', () => {
    const result = parseRegistrationNumber('10702070/310226/0004521/012');
    expect(!result.ok && result.error.code).toBe('RNPT_DATE_INVALID');
    const badDeclaration = parseRegistrationNumber('10702070/310226/0004521');
    expect(!badDeclaration.ok && badDeclaration.error.code).toBe('CUSTOMS_DECL_DATE_INVALID');
  });
});
