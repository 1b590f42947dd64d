import { describe, expect, it } from 'vitest';
import { isSledopytError } from '../errors.js';
import { checkCountry, countrySchema, describeCountryRu, isBelarus, isRussia, knownCountries, parseCountry } from './country.js';

describe('parseCountry', () => {
  it.each(['BY', 'by', ' BLR ', '112', 'Беларусь', 'Республика Беларусь', 'белоруссия', 'РБ'])('reads %j as Belarus', (input) => {
    const country = parseCountry(input);
    expect(country).toMatchObject({ alpha2: 'BY', alpha3: 'BLR', oksm: '112', known: true, eaeuMember: true });
    expect(isBelarus(country)).toBe(true);
    expect(country.input).toBe(input);
  });

  it.each(['RU', 'RUS', '643', 'Россия', 'Российская Федерация', 'РФ'])('reads %j as Russia', (input) => {
    expect(isRussia(parseCountry(input))).toBe(true);
  });

  it.each(['CN', 'CHN', '156', 'Китай', 'КНР'])('reads %j as China, a non-EAEU country', (input) => {
    expect(parseCountry(input)).toMatchObject({ alpha2: 'CN', oksm: '156', eaeuMember: false });
  });

  it.each([
    ['KZ', '398'],
    ['AM', '051'],
    ['KG', '417'],
  ])('knows the EAEU member %s (ОКСМ %s)', (alpha2, oksm) => {
    expect(parseCountry(oksm)).toMatchObject({ alpha2, eaeuMember: true });
  });

  it.each([
    ['ZZ', { alpha2: 'ZZ', alpha3: null, oksm: null }],
    ['xkx', { alpha2: null, alpha3: 'XKX', oksm: null }],
    ['999', { alpha2: null, alpha3: null, oksm: '999' }],
  ])('accepts the well-formed but unlisted code %j as another foreign country', (input, codes) => {
    const country = parseCountry(input);
    expect(country).toMatchObject({ ...codes, known: false, eaeuMember: false, nameRu: null });
    expect(isRussia(country)).toBe(false);
  });

  it.each(['', 'B', 'Belarus', '1120', '000', '11 2', 'Нарния'])('refuses %j with ORIGIN_INVALID', (input) => {
    const result = checkCountry(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('ORIGIN_INVALID');
      expect(result.error.messageRu).toContain('не распознана');
    }
  });

  it('tells the user to type a Cyrillic look-alike code in Latin letters', () => {
    try {
      parseCountry('ВУ'); // Cyrillic В and У, looks like BY
      expect.unreachable();
    } catch (error) {
      expect(isSledopytError(error) && error.messageRu).toContain('латиницей');
    }
  });
});

describe('knownCountries', () => {
  it('has unique codes and exactly the five EAEU members', () => {
    const all = knownCountries();
    for (const key of ['alpha2', 'alpha3', 'oksm'] as const) {
      expect(new Set(all.map((c) => c[key])).size).toBe(all.length);
    }
    expect(all.filter((c) => c.eaeuMember).map((c) => c.alpha2).sort()).toEqual(['AM', 'BY', 'KG', 'KZ', 'RU']);
    for (const c of all) expect(c.oksm).toMatch(/^\d{3}$/);
  });
});

describe('describeCountryRu', () => {
  it('names known countries with their codes and unknown ones by code', () => {
    expect(describeCountryRu(parseCountry('112'))).toBe('Беларусь (BY, ОКСМ 112)');
    expect(describeCountryRu(parseCountry('ZZ'))).toBe('страна с кодом ZZ');
    expect(describeCountryRu(parseCountry('999'))).toBe('страна с кодом ОКСМ 999');
  });
});

describe('countrySchema', () => {
  it('outputs the parsed country or a Russian issue', () => {
    expect(countrySchema.parse('DEU').alpha2).toBe('DE');
    expect(countrySchema.safeParse('??').error?.issues[0]?.message).toContain('латинских букв');
  });
});
