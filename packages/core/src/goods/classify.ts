/**
 * Is a good with this ТН ВЭД code traceable on this day, given (or not) its country of origin?
 *
 * Order of the rules (traceability-rules.md §2.2):
 * 1. before 08.07.2021 nothing is traceable (BEFORE_START);
 * 2. the code must fall under an entry in force: a 4-digit heading by prefix, a 10-digit code exactly;
 * 3. an exclusion that always applies removes the code (EXCLUDED_CODE);
 * 4. goods made in Russia are not traceable — only imported goods are (MADE_IN_RUSSIA);
 * 5. an origin exclusion removes the code for goods of that origin (EXCLUDED_BY_ORIGIN: Belarus-made fridges);
 * 6. otherwise traceable: LISTED with a foreign origin, LISTED_IF_IMPORTED when the origin is not given.
 *
 * A shortened code (4, 6 or 8 digits) is classified at that level. When it lies under a listed heading it is
 * reported traceable (the safe side: a missing RNPT costs more than an unneeded one), and `dependsOnCode`
 * names the excluded full codes that would change the answer. When it is only the start of listed full codes
 * (`9401`, `871500`) the answer is NEEDS_FULL_CODE, not traceable, with those codes in `dependsOnCode`.
 */
import { z } from 'zod';
import { calendarDateSchema, formatDateRu, parseCalendarDate } from '../calendar-date.js';
import type { CalendarDate } from '../calendar-date.js';
import { countrySchema, describeCountryRu, isRussia, parseCountry } from './country.js';
import type { Country } from './country.js';
import { TRACEABILITY_START, goodsListAmendmentOn, listEntries, listExclusions } from './goods-list.js';
import type { GoodsListEntry, GoodsListExclusion, ListedTnved } from './goods-list.js';
import type { OkeiUnit } from './okei.js';
import { parseTnved, tnvedPrefixSchema } from './tnved.js';
import type { TnvedCode } from './tnved.js';

export const CLASSIFICATION_REASONS = [
  'LISTED',
  'LISTED_IF_IMPORTED',
  'EXCLUDED_CODE',
  'EXCLUDED_BY_ORIGIN',
  'MADE_IN_RUSSIA',
  'BEFORE_START',
  'NOT_LISTED',
  'NEEDS_FULL_CODE',
] as const;
export type ClassificationReason = (typeof CLASSIFICATION_REASONS)[number];

export interface ClassifyOptions {
  /** ISO alpha-2/alpha-3, ОКСМ digits or a Russian short name. Omitted or blank = unknown. */
  originCountry?: string | undefined;
}

/** Plain JSON-friendly data: strings, booleans, null, arrays and plain objects only. */
export interface Classification {
  /** Digits: 10 for a full code, 4/6/8 for a shortened one. */
  readonly tnved: string;
  /** 4-2-3-1 form: `8418 10 200 1`. */
  readonly tnvedDisplay: string;
  /** False when a shortened code was classified. */
  readonly tnvedComplete: boolean;
  readonly date: CalendarDate;
  /** The country of origin as understood, or null when not given. */
  readonly origin: Country | null;
  readonly traceable: boolean;
  readonly reasonCode: ClassificationReason;
  /** One or two Russian sentences: which entry or exclusion applies and why. */
  readonly reason: string;
  /** The traceability unit when traceable, else null. */
  readonly unit: OkeiUnit | null;
  /** Category of the entry in force the code falls under, or null. */
  readonly category: string | null;
  readonly entry: GoodsListEntry | null;
  readonly exclusion: GoodsListExclusion | null;
  /** When no origin was given and it matters: what the answer depends on (Russian). */
  readonly dependsOnOrigin: string | null;
  /** For a shortened code whose answer differs between full codes: which codes (Russian). */
  readonly dependsOnCode: string | null;
  readonly legalBasis: string;
  /** Id of the list amendment in force on the date; null before the list existed. */
  readonly listVersion: string | null;
  /** Extra facts worth showing (Russian): unverified codes, exclusions that start later. */
  readonly notes: readonly string[];
}

const BASIS_START = 'Постановления Правительства РФ от 01.07.2021 № 1108 и № 1110 (вступили в силу 08.07.2021)';
const BASIS_LIST = 'Перечень товаров, подлежащих прослеживаемости, утв. постановлением Правительства РФ от 01.07.2021 № 1110';
const BASIS_IMPORTED_ONLY =
  'п. 3 Положения о национальной системе прослеживаемости товаров (ПП РФ от 01.07.2021 № 1108); ' +
  'письмо ФНС России от 03.11.2021 № ЕА-4-15/15524@';
const IMPORTED_ONLY_RU =
  'прослеживаются только товары, ввезённые в Россию и выпущенные для внутреннего потребления; ' +
  'товар российского производства не прослеживается';

/** Input of `classify` as one object (CLI, API); outputs parsed values. */
export const classifyInputSchema = z.object({
  tnved: tnvedPrefixSchema,
  date: calendarDateSchema,
  originCountry: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s))
    .pipe(countrySchema.optional()),
});
export type ClassifyInput = z.input<typeof classifyInputSchema>;

/**
 * Classifies a ТН ВЭД code on a date. Throws `SledopytError`: `TNVED_INVALID`, `DATE_FORMAT`/`DATE_INVALID`,
 * `ORIGIN_INVALID`.
 */
export function classify(tnved: string, date: CalendarDate | string, options: ClassifyOptions = {}): Classification {
  const code = parseTnved(tnved, { allowPartial: true });
  const on = parseCalendarDate(date);
  const originText = options.originCountry?.trim() ?? '';
  const origin = originText === '' ? null : parseCountry(options.originCountry ?? '');
  return classifyParsed(code, on, origin);
}

/** Classifies already-parsed input (e.g. the output of `classifyInputSchema`). */
export function classifyParsed(code: TnvedCode, date: CalendarDate, origin: Country | null): Classification {
  const v = verdict(code, date, origin);
  return {
    tnved: code.digits,
    tnvedDisplay: code.display,
    tnvedComplete: code.complete,
    date,
    origin,
    traceable: v.traceable,
    reasonCode: v.reasonCode,
    reason: v.reason,
    unit: v.unit ?? null,
    category: v.category ?? null,
    entry: v.entry ?? null,
    exclusion: v.exclusion ?? null,
    dependsOnOrigin: v.dependsOnOrigin ?? null,
    dependsOnCode: v.dependsOnCode ?? null,
    legalBasis: v.legalBasis,
    listVersion: goodsListAmendmentOn(date)?.id ?? null,
    notes: v.notes ?? [],
  };
}

/** The part of a Classification that the rules decide; absent fields default to null / []. */
type Verdict = Pick<Classification, 'traceable' | 'reasonCode' | 'reason' | 'legalBasis'> &
  Partial<Pick<Classification, 'unit' | 'category' | 'entry' | 'exclusion' | 'dependsOnOrigin' | 'dependsOnCode' | 'notes'>>;

function verdict(code: TnvedCode, date: CalendarDate, origin: Country | null): Verdict {
  if (date < TRACEABILITY_START) return beforeStart(code, date);

  const entry = coveringEntry(code, listEntries(date));
  if (entry === null) return unlisted(code, date);

  const exclusions = listExclusions(date).filter((x) => x.entryId === entry.id);
  const listed = { entry, category: entry.category, notes: unverifiedNotes(code, entry.tnved) };
  const what = `Код ${code.display} относится к позиции перечня ${entryRu(entry)}`;

  const always = exclusions.find((x) => x.condition.kind === 'always' && covers(x.tnved, code));
  if (always) {
    return {
      ...listed,
      traceable: false,
      reasonCode: 'EXCLUDED_CODE',
      exclusion: always,
      reason: `${what}, но исключён из неё: ${always.description}. Такой товар не прослеживается.`,
      legalBasis: always.legalBasis,
    };
  }

  if (origin !== null && isRussia(origin)) {
    return {
      ...listed,
      traceable: false,
      reasonCode: 'MADE_IN_RUSSIA',
      reason: `${what}, но товар произведён в России (${describeCountryRu(origin)}): ${IMPORTED_ONLY_RU}.`,
      legalBasis: BASIS_IMPORTED_ONLY,
    };
  }

  const byOrigin = origin === null ? undefined : exclusions.find((x) => appliesToOrigin(x, origin) && covers(x.tnved, code));
  if (byOrigin && origin !== null) {
    return {
      ...listed,
      traceable: false,
      reasonCode: 'EXCLUDED_BY_ORIGIN',
      exclusion: byOrigin,
      reason:
        `${what}, но страна происхождения — ${describeCountryRu(origin)}, а с ${formatDateRu(byOrigin.validFrom)} ` +
        `из перечня исключены ${byOrigin.description}. Такой товар не прослеживается.`,
      legalBasis: byOrigin.legalBasis,
    };
  }

  const traced = {
    ...listed,
    notes: [...listed.notes, ...laterExclusionNotes(code, entry, date, origin)],
    traceable: true,
    unit: entry.unit,
    legalBasis: entry.legalBasis,
    dependsOnCode: dependsOnCodeRu(code, exclusions, origin),
  };
  const unitRu = `единица прослеживаемости — ${entry.unit.code} «${entry.unit.name}»`;
  if (origin !== null) {
    return {
      ...traced,
      reasonCode: 'LISTED',
      reason: `${what}; товар иностранного производства (${describeCountryRu(origin)}) прослеживается, ${unitRu}.`,
    };
  }
  return {
    ...traced,
    reasonCode: 'LISTED_IF_IMPORTED',
    reason: `${what}; товар прослеживается, если он ввезён в Россию (страна происхождения не указана), ${unitRu}.`,
    dependsOnOrigin: dependsOnOriginRu(code, exclusions),
  };
}

function beforeStart(code: TnvedCode, date: CalendarDate): Verdict {
  const later = coveringEntry(code, listEntries(TRACEABILITY_START));
  const laterText = later
    ? ` Код относится к позиции перечня ${entryRu(later)}, которая действует с ${formatDateRu(later.validFrom)}.`
    : '';
  return {
    traceable: false,
    reasonCode: 'BEFORE_START',
    reason:
      `Прослеживаемость действует с ${formatDateRu(TRACEABILITY_START)}, а дата операции — ${formatDateRu(date)}: ` +
      `до этого дня товары не прослеживаются.${laterText}`,
    legalBasis: BASIS_START,
  };
}

/** NOT_LISTED, or NEEDS_FULL_CODE for a prefix of listed full codes. */
function unlisted(code: TnvedCode, date: CalendarDate): Verdict {
  const narrower = listEntries(date)
    .map((e) => ({ e, codes: below(e.tnved, code) }))
    .filter(({ codes }) => codes.length > 0);
  const first = narrower[0];
  if (first !== undefined) {
    const codes = narrower.map(({ e, codes }) => `${codes.map((t) => t.display).join(', ')} («${e.category}»)`).join('; ');
    return {
      traceable: false,
      reasonCode: 'NEEDS_FULL_CODE',
      reason: `Код ${code.display} неполный: в перечень входят не все товары с таким началом кода, а только ${codes}.`,
      dependsOnCode: `Прослеживаются только товары с кодами ${codes}; укажите полный 10-значный код.`,
      notes: narrower.flatMap(({ e }) => unverifiedNotes(code, e.tnved)),
      legalBasis: first.e.legalBasis,
    };
  }
  const amendment = goodsListAmendmentOn(date);
  const other = coveringEntry(code, listEntries());
  const otherText =
    other === null
      ? ''
      : ` Позиция ${entryRu(other)} действует с ${formatDateRu(other.validFrom)}` +
        (other.validTo === null ? '.' : ` по ${formatDateRu(other.validTo)}.`);
  return {
    traceable: false,
    reasonCode: 'NOT_LISTED',
    reason:
      `Код ${code.display} не входит в перечень товаров, подлежащих прослеживаемости ` +
      `(в редакции на ${formatDateRu(date)}): товар не прослеживается.${otherText}`,
    legalBasis: amendment === null || amendment.inForce === TRACEABILITY_START ? BASIS_LIST : `${BASIS_LIST} (с изменениями: ${amendment.act})`,
  };
}

/** The entry whose listed code is the code itself or a heading above it. */
function coveringEntry(code: TnvedCode, entries: readonly GoodsListEntry[]): GoodsListEntry | null {
  return entries.find((e) => covers(e.tnved, code)) ?? null;
}

/** True when one of `listed` is `code` or a prefix of it. */
function covers(listed: readonly ListedTnved[], code: TnvedCode): boolean {
  return listed.some((t) => code.digits.startsWith(t.code));
}

/** Listed codes strictly below a shortened `code`. */
function below(listed: readonly ListedTnved[], code: TnvedCode): readonly ListedTnved[] {
  return listed.filter((t) => t.code.length > code.length && t.code.startsWith(code.digits));
}

function appliesToOrigin(exclusion: GoodsListExclusion, origin: Country): boolean {
  return exclusion.condition.kind === 'origin' && origin.alpha2 !== null && exclusion.condition.countries.includes(origin.alpha2);
}

/** Could this exclusion apply, given what we know about the origin? */
function mayApply(exclusion: GoodsListExclusion, origin: Country | null): boolean {
  return exclusion.condition.kind === 'always' || origin === null || appliesToOrigin(exclusion, origin);
}

function dependsOnCodeRu(code: TnvedCode, exclusions: readonly GoodsListExclusion[], origin: Country | null): string | null {
  const parts = exclusions
    .filter((x) => mayApply(x, origin))
    .map((x) => ({ x, codes: below(x.tnved, code) }))
    .filter(({ codes }) => codes.length > 0)
    .map(({ x, codes }) => {
      const when = x.validFrom > TRACEABILITY_START ? ` (с ${formatDateRu(x.validFrom)})` : '';
      return `${codes.map((t) => t.display).join(', ')} — ${x.description}${when}`;
    });
  if (parts.length === 0) return null;
  return `Ответ зависит от полного кода: не прослеживаются ${parts.join('; ')}. Укажите 10-значный код.`;
}

function dependsOnOriginRu(code: TnvedCode, exclusions: readonly GoodsListExclusion[]): string {
  const sentences = [`Ответ зависит от страны происхождения: ${IMPORTED_ONLY_RU}.`];
  for (const x of exclusions) {
    if (x.condition.kind === 'origin' && covers(x.tnved, code)) {
      sentences.push(
        `С ${formatDateRu(x.validFrom)} по этому коду не прослеживаются ${x.description}.`,
      );
    }
  }
  return sentences.join(' ');
}

/** Origin exclusions that will apply to this code and origin after `date` (e.g. a BY fridge in 2022). */
function laterExclusionNotes(code: TnvedCode, entry: GoodsListEntry, date: CalendarDate, origin: Country | null): string[] {
  return listExclusions()
    .filter((x) => x.entryId === entry.id && x.validFrom > date && covers(x.tnved, code) && origin !== null && mayApply(x, origin))
    .map((x) => `С ${formatDateRu(x.validFrom)} такой товар исключён из перечня: ${x.description} (${x.legalBasis}).`);
}

function unverifiedNotes(code: TnvedCode, listed: readonly ListedTnved[]): string[] {
  return listed
    .filter((t) => !t.verified && t.note !== null && (code.digits.startsWith(t.code) || t.code.startsWith(code.digits)))
    .map((t) => `Код ${t.display}: ${t.note}`);
}

function entryRu(entry: GoodsListEntry): string {
  return `«${entry.category}» (ТН ВЭД ${entry.tnved.map((t) => t.display).join(', ')})`;
}
