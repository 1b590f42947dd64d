/**
 * Country of origin, as far as traceability needs it: is it Russia (not traceable), Belarus (the ПП № 345
 * fridge exclusion), another EAEU member, or some other foreign country. Accepts ISO 3166-1 alpha-2 (`BY`),
 * alpha-3 (`BLR`), the numeric code that ОКСМ shares with ISO (`112`, as in УПД `КодПроисх`), and the Russian
 * short names a УПД prints (`КрНаимСтрПр`: «Беларусь»). A well-formed code we do not list is accepted as
 * "another foreign country": the table only has to know the countries that change an answer.
 */
import { z } from 'zod';
import { SledopytError, fail, ok, unwrap } from '../errors.js';
import type { Result } from '../errors.js';

export interface Country {
  /** ISO 3166-1 alpha-2, upper case; null for a numeric or alpha-3 code we do not list. */
  readonly alpha2: string | null;
  readonly alpha3: string | null;
  /** ОКСМ = ISO 3166-1 numeric, 3 digits. */
  readonly oksm: string | null;
  /** Short Russian name (ОКСМ «краткое наименование»); null when not listed. */
  readonly nameRu: string | null;
  /** False for a well-formed code that is not in our table ("другая иностранная страна"). */
  readonly known: boolean;
  /** Member of the Eurasian Economic Union (RU, BY, KZ, AM, KG). */
  readonly eaeuMember: boolean;
  /** The text as given. */
  readonly input: string;
}

interface CountryRow {
  alpha2: string;
  alpha3: string;
  oksm: string;
  nameRu: string;
  eaeu?: true;
  /** Other Russian names met in documents (full official names, old names, abbreviations). */
  aliases?: readonly string[];
}

const ROWS: readonly CountryRow[] = [
  { alpha2: 'RU', alpha3: 'RUS', oksm: '643', nameRu: 'Россия', eaeu: true, aliases: ['Российская Федерация', 'РФ'] },
  { alpha2: 'BY', alpha3: 'BLR', oksm: '112', nameRu: 'Беларусь', eaeu: true, aliases: ['Республика Беларусь', 'Белоруссия', 'РБ'] },
  { alpha2: 'KZ', alpha3: 'KAZ', oksm: '398', nameRu: 'Казахстан', eaeu: true, aliases: ['Республика Казахстан'] },
  { alpha2: 'AM', alpha3: 'ARM', oksm: '051', nameRu: 'Армения', eaeu: true, aliases: ['Республика Армения'] },
  { alpha2: 'KG', alpha3: 'KGZ', oksm: '417', nameRu: 'Киргизия', eaeu: true, aliases: ['Кыргызстан', 'Киргизская Республика'] },
  { alpha2: 'CN', alpha3: 'CHN', oksm: '156', nameRu: 'Китай', aliases: ['КНР', 'Китайская Народная Республика'] },
  { alpha2: 'TW', alpha3: 'TWN', oksm: '158', nameRu: 'Тайвань (Китай)' },
  { alpha2: 'KR', alpha3: 'KOR', oksm: '410', nameRu: 'Корея, Республика', aliases: ['Республика Корея', 'Южная Корея'] },
  { alpha2: 'JP', alpha3: 'JPN', oksm: '392', nameRu: 'Япония' },
  { alpha2: 'VN', alpha3: 'VNM', oksm: '704', nameRu: 'Вьетнам' },
  { alpha2: 'TH', alpha3: 'THA', oksm: '764', nameRu: 'Таиланд' },
  { alpha2: 'MY', alpha3: 'MYS', oksm: '458', nameRu: 'Малайзия' },
  { alpha2: 'ID', alpha3: 'IDN', oksm: '360', nameRu: 'Индонезия' },
  { alpha2: 'IN', alpha3: 'IND', oksm: '356', nameRu: 'Индия' },
  { alpha2: 'TR', alpha3: 'TUR', oksm: '792', nameRu: 'Турция' },
  { alpha2: 'UZ', alpha3: 'UZB', oksm: '860', nameRu: 'Узбекистан' },
  { alpha2: 'DE', alpha3: 'DEU', oksm: '276', nameRu: 'Германия' },
  { alpha2: 'IT', alpha3: 'ITA', oksm: '380', nameRu: 'Италия' },
  { alpha2: 'FR', alpha3: 'FRA', oksm: '250', nameRu: 'Франция' },
  { alpha2: 'PL', alpha3: 'POL', oksm: '616', nameRu: 'Польша' },
  { alpha2: 'CZ', alpha3: 'CZE', oksm: '203', nameRu: 'Чехия' },
  { alpha2: 'SE', alpha3: 'SWE', oksm: '752', nameRu: 'Швеция' },
  { alpha2: 'FI', alpha3: 'FIN', oksm: '246', nameRu: 'Финляндия' },
  { alpha2: 'ES', alpha3: 'ESP', oksm: '724', nameRu: 'Испания' },
  { alpha2: 'GB', alpha3: 'GBR', oksm: '826', nameRu: 'Соединенное Королевство', aliases: ['Великобритания'] },
  { alpha2: 'US', alpha3: 'USA', oksm: '840', nameRu: 'Соединенные Штаты', aliases: ['США'] },
  { alpha2: 'MX', alpha3: 'MEX', oksm: '484', nameRu: 'Мексика' },
  { alpha2: 'UA', alpha3: 'UKR', oksm: '804', nameRu: 'Украина' },
];

const COUNTRIES: readonly Country[] = ROWS.map((row) =>
  Object.freeze({
    alpha2: row.alpha2,
    alpha3: row.alpha3,
    oksm: row.oksm,
    nameRu: row.nameRu,
    known: true,
    eaeuMember: row.eaeu === true,
    input: row.alpha2,
  }),
);

/** Lookup keys: codes upper-cased, names lower-cased with ё → е. */
const LOOKUP: ReadonlyMap<string, Country> = new Map(
  ROWS.flatMap((row, i) => {
    const country = COUNTRIES[i] as Country;
    const names = [row.nameRu, ...(row.aliases ?? [])].map(nameKey);
    return [row.alpha2, row.alpha3, row.oksm, ...names].map((key) => [key, country] as const);
  }),
);

export const RUSSIA_ALPHA2 = 'RU';
export const BELARUS_ALPHA2 = 'BY';

/** The countries this module knows by name. */
export function knownCountries(): readonly Country[] {
  return COUNTRIES;
}

/** Validates a country of origin; never throws. */
export function checkCountry(input: string): Result<Country> {
  const text = input.trim();
  const upper = text.toUpperCase();
  const known = LOOKUP.get(upper) ?? LOOKUP.get(nameKey(text));
  if (known) return ok({ ...known, input });

  if (/^[A-Z]{2}$/.test(upper)) return ok(otherCountry(input, { alpha2: upper }));
  if (/^[A-Z]{3}$/.test(upper)) return ok(otherCountry(input, { alpha3: upper }));
  if (/^\d{3}$/.test(text) && text !== '000') return ok(otherCountry(input, { oksm: text }));
  return fail(countryError(input, text));
}

/** Parses a country of origin; throws `SledopytError` `ORIGIN_INVALID`. */
export function parseCountry(input: string): Country {
  return unwrap(checkCountry(input));
}

export const isRussia = (country: Country): boolean => country.alpha2 === RUSSIA_ALPHA2;
export const isBelarus = (country: Country): boolean => country.alpha2 === BELARUS_ALPHA2;

/** How a country is named in Russian texts: «Беларусь (BY, ОКСМ 112)» or «страна с кодом ZZ». */
export function describeCountryRu(country: Country): string {
  const codes = [country.alpha2 ?? country.alpha3, country.oksm === null ? null : `ОКСМ ${country.oksm}`].filter(
    (part): part is string => part !== null,
  );
  if (country.nameRu !== null) return `${country.nameRu} (${codes.join(', ')})`;
  return `страна с кодом ${codes.join(', ') || country.input.trim()}`;
}

/** A country of origin in any accepted notation; outputs the parsed `Country`. */
export const countrySchema = z.string().transform((s, ctx) => {
  const result = checkCountry(s);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: result.error.messageRu });
  return z.NEVER;
});

function otherCountry(input: string, code: { alpha2?: string; alpha3?: string; oksm?: string }): Country {
  return {
    alpha2: code.alpha2 ?? null,
    alpha3: code.alpha3 ?? null,
    oksm: code.oksm ?? null,
    nameRu: null,
    known: false,
    eaeuMember: false,
    input,
  };
}

function nameKey(name: string): string {
  return name.trim().toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ');
}

function countryError(input: string, text: string): SledopytError {
  const hint = /^[\p{Script=Cyrillic}]{2,3}$/u.test(text)
    ? ' Буквенный код пишется латиницей (BY, а не ВУ).'
    : '';
  return new SledopytError({
    code: 'ORIGIN_INVALID',
    message: `Not a country of origin: "${input}"`,
    messageRu:
      `Страна происхождения «${input}» не распознана: укажите код ISO из двух или трёх латинских букв ` +
      `(BY, BLR), цифровой код ОКСМ (112) или краткое название страны (Беларусь).${hint}`,
    actor: 'user',
    details: { input },
  });
}
