/**
 * The list of goods subject to traceability (перечень, ПП РФ от 01.07.2021 № 1110) as versioned data.
 *
 * Every entry, exclusion and amendment carries its dates, so a later amendment is a data change: add an
 * amendment, close the old rows with `validTo`, add the new rows with `validFrom`. `validTo` is the last day
 * a row is in force (inclusive); null means "still in force".
 *
 * Sources (see shared/domain/traceability-rules.md §2): codes, ОКПД2 and exclusions of the 1110 list from the
 * Saby article of 24.11.2025 [V2]; the ПП № 345 codes from the ФНС page [V]. The names of the entries follow
 * the wording of the list as remembered, not a stored copy [I]; 9401 80 000 1 is restored from a truncated
 * «9401 80 000» [I] and is marked `verified: false`.
 */
import { parseCalendarDate } from '../calendar-date.js';
import type { CalendarDate } from '../calendar-date.js';
import { OKEI_PIECE } from './okei.js';
import type { OkeiUnit } from './okei.js';
import { formatTnved } from './tnved.js';

/** A ТН ВЭД code as the list names it: a 4-digit товарная позиция (all codes under it) or one 10-digit code. */
export interface ListedTnved {
  readonly code: string;
  readonly display: string;
  readonly precision: 'heading' | 'code';
  /** False when the code is not confirmed by a primary source (see `note`). */
  readonly verified: boolean;
  readonly note: string | null;
}

/** Dates a row is in force: `validTo` is inclusive, null = open. */
export interface InForce {
  readonly validFrom: CalendarDate;
  readonly validTo: CalendarDate | null;
}

export interface GoodsListEntry extends InForce {
  /** Stable id, e.g. `refrigerators`. */
  readonly id: string;
  readonly tnved: readonly ListedTnved[];
  /** Name as in the list (Russian). */
  readonly name: string;
  /** Short Russian name for reports: «Холодильники». */
  readonly category: string;
  /** ОКПД2 codes as the list gives them; a range is kept as written («28.92.21–28.92.27»). Convenience only: ТН ВЭД decides. */
  readonly okpd2: readonly string[];
  /** The traceability unit (ОКЕИ). */
  readonly unit: OkeiUnit;
  readonly legalBasis: string;
  /** Id of the amendment that added the row. */
  readonly addedBy: string;
}

/** When an exclusion applies: always, or only to goods made in one of `countries` (ISO alpha-2). */
export type ExclusionCondition =
  | { readonly kind: 'always' }
  | { readonly kind: 'origin'; readonly countries: readonly string[] };

export interface GoodsListExclusion extends InForce {
  readonly id: string;
  /** The entry the excluded codes belong to. */
  readonly entryId: string;
  readonly tnved: readonly ListedTnved[];
  /** What is excluded (Russian), e.g. «части стиральных машин». */
  readonly description: string;
  readonly condition: ExclusionCondition;
  readonly legalBasis: string;
  readonly addedBy: string;
}

export interface GoodsListAmendment {
  readonly id: string;
  /** The act, e.g. «Постановление Правительства РФ от 04.03.2023 № 345». */
  readonly act: string;
  readonly title: string;
  readonly adopted: CalendarDate;
  readonly inForce: CalendarDate;
  readonly summary: string;
}

export interface GoodsListVersion {
  /** Id of the latest amendment known: changes whenever the data changes. */
  readonly id: string;
  /** The day the latest amendment came into force. */
  readonly inForce: CalendarDate;
  /** When the list was last checked against the sources for amendments. */
  readonly checkedOn: CalendarDate;
  /** Oldest first. */
  readonly amendments: readonly GoodsListAmendment[];
}

const day = parseCalendarDate;

const PP_1110 = 'Постановление Правительства РФ от 01.07.2021 № 1110 «Об утверждении перечня товаров, подлежащих прослеживаемости»';
const PP_345 = 'Постановление Правительства РФ от 04.03.2023 № 345 «О внесении изменений в перечень товаров, подлежащих прослеживаемости»';

const AMENDMENTS: readonly GoodsListAmendment[] = [
  {
    id: 'pp1110-2021',
    act: 'Постановление Правительства РФ от 01.07.2021 № 1110',
    title: 'Об утверждении перечня товаров, подлежащих прослеживаемости',
    adopted: day('2021-07-01'),
    inForce: day('2021-07-08'),
    summary: 'Перечень: восемь товарных групп (ТН ВЭД 8418, 8427, 8429, 8450, 8528, 8709, 8715 00 100 0, детские автокресла 9401).',
  },
  {
    id: 'pp345-2023',
    act: 'Постановление Правительства РФ от 04.03.2023 № 345',
    title: 'О внесении изменений в перечень товаров, подлежащих прослеживаемости',
    adopted: day('2023-03-04'),
    inForce: day('2023-03-06'),
    summary: 'Исключены бытовые холодильники и морозильники, произведённые в Республике Беларусь (11 кодов ТН ВЭД 8418).',
  },
];

/** The day the national traceability system (ПП № 1108 and № 1110) came into force. */
export const TRACEABILITY_START: CalendarDate = day('2021-07-08');

const heading = (code: string): ListedTnved => ({ code, display: code, precision: 'heading', verified: true, note: null });
const fullCode = (code: string, note: string | null = null): ListedTnved => ({
  code,
  display: formatTnved(code),
  precision: 'code',
  verified: note === null,
  note,
});

/** Rows of the original list: in force from 08.07.2021, still open. */
const original = { validFrom: TRACEABILITY_START, validTo: null, unit: OKEI_PIECE, legalBasis: PP_1110, addedBy: 'pp1110-2021' };

const ENTRIES: readonly GoodsListEntry[] = [
  {
    id: 'refrigerators',
    tnved: [heading('8418')],
    name:
      'Холодильники, морозильники и прочее холодильное или морозильное оборудование электрическое или других типов; ' +
      'тепловые насосы, кроме установок для кондиционирования воздуха товарной позиции 8415',
    category: 'Холодильники',
    okpd2: ['27.51.11', '28.25.13'],
    ...original,
  },
  {
    id: 'forklifts',
    tnved: [heading('8427')],
    name: 'Погрузчики с вилочным захватом; прочие погрузчики, оснащенные подъемным или погрузочно-разгрузочным оборудованием',
    category: 'Погрузчики',
    okpd2: ['28.22.15'],
    ...original,
  },
  {
    id: 'earthmoving-machines',
    tnved: [heading('8429')],
    name:
      'Бульдозеры с неповоротным и поворотным отвалом, грейдеры, планировщики, скреперы, механические лопаты, экскаваторы, ' +
      'одноковшовые погрузчики, трамбовочные машины и дорожные катки, самоходные',
    category: 'Дорожно-строительная техника',
    okpd2: ['28.92.21–28.92.27'],
    ...original,
  },
  {
    id: 'washing-machines',
    tnved: [heading('8450')],
    name: 'Машины стиральные, бытовые или для прачечных, включая машины, оснащенные отжимным устройством',
    category: 'Стиральные машины',
    okpd2: ['27.51.13', '28.94.21', '28.94.22'],
    ...original,
  },
  {
    id: 'monitors-projectors-tv',
    tnved: [heading('8528')],
    name:
      'Мониторы и проекторы, не включающие в свой состав приемную телевизионную аппаратуру; аппаратура приемная для ' +
      'телевизионной связи, включающая или не включающая в свой состав широковещательный радиоприемник или аппаратуру, ' +
      'записывающую или воспроизводящую звук или изображение',
    category: 'Мониторы, проекторы, телевизоры',
    okpd2: ['26.20.17', '26.40.20', '26.40.34'],
    ...original,
  },
  {
    id: 'industrial-vehicles',
    tnved: [heading('8709')],
    name:
      'Транспортные средства промышленного назначения самоходные, не оборудованные подъемными или погрузочными механизмами, ' +
      'используемые на заводах, складах, в портах или аэропортах для перевозки грузов на короткие расстояния; тягачи, ' +
      'используемые на платформах железнодорожных станций',
    category: 'Промышленные транспортные средства',
    okpd2: ['28.22.15'],
    ...original,
  },
  {
    id: 'baby-carriages',
    tnved: [fullCode('8715001000')],
    name: 'Коляски детские',
    category: 'Детские коляски',
    okpd2: ['30.92.40.110'],
    ...original,
  },
  {
    id: 'child-car-seats',
    tnved: [
      fullCode('9401710001'),
      fullCode('9401790001'),
      fullCode(
        '9401800001',
        'в доступном источнике код напечатан без последней цифры («9401 80 000»); «1» (детские удерживающие ' +
          'устройства) восстановлена по структуре ТН ВЭД ЕАЭС — сверьте с текстом ПП № 1110.',
      ),
    ],
    name: 'Детские удерживающие устройства (детские автокресла)',
    category: 'Детские автокресла',
    okpd2: ['29.32.20.130'],
    ...original,
  },
];

/** The eleven household-fridge codes of ПП № 345. */
const BELARUS_FRIDGE_CODES = [
  '8418102001',
  '8418108001',
  '8418211000',
  '8418215100',
  '8418215900',
  '8418219100',
  '8418219900',
  '8418302001',
  '8418308001',
  '8418402001',
  '8418408001',
];

const alwaysSince1110 = { condition: { kind: 'always' }, validFrom: TRACEABILITY_START, validTo: null, legalBasis: PP_1110, addedBy: 'pp1110-2021' } as const;

const EXCLUSIONS: readonly GoodsListExclusion[] = [
  {
    id: 'forklifts-8427209000',
    entryId: 'forklifts',
    tnved: [fullCode('8427209000')],
    description: 'прочие самоходные погрузчики подсубпозиции 8427 20 900 0 (перечень: «кроме 8427 20 900 0»)',
    ...alwaysSince1110,
  },
  {
    id: 'washing-machine-parts',
    entryId: 'washing-machines',
    tnved: [fullCode('8450900000')],
    description: 'части стиральных машин (перечень: «кроме 8450 90 000 0»)',
    ...alwaysSince1110,
  },
  {
    id: 'industrial-vehicle-parts',
    entryId: 'industrial-vehicles',
    tnved: [fullCode('8709900000')],
    description: 'части промышленных транспортных средств (перечень: «кроме 8709 90 000 0»)',
    ...alwaysSince1110,
  },
  {
    id: 'belarus-household-refrigerators',
    entryId: 'refrigerators',
    tnved: BELARUS_FRIDGE_CODES.map((code) => fullCode(code)),
    description: 'бытовые холодильники и морозильники, произведённые на территории Республики Беларусь',
    condition: { kind: 'origin', countries: ['BY'] },
    validFrom: day('2023-03-06'),
    validTo: null,
    legalBasis: PP_345,
    addedBy: 'pp345-2023',
  },
];

/** The current version of the list data. */
export const goodsListVersion: GoodsListVersion = deepFreeze({
  id: (AMENDMENTS[AMENDMENTS.length - 1] as GoodsListAmendment).id,
  inForce: (AMENDMENTS[AMENDMENTS.length - 1] as GoodsListAmendment).inForce,
  checkedOn: day('2026-11-24'),
  amendments: AMENDMENTS,
});
deepFreeze(ENTRIES);
deepFreeze(EXCLUSIONS);

/** True when a row is in force on `date`. */
export function isInForce(row: InForce, date: CalendarDate): boolean {
  return row.validFrom <= date && (row.validTo === null || date <= row.validTo);
}

/** All entries ever in the list, or only those in force on `date`. */
export function listEntries(date?: CalendarDate | string): readonly GoodsListEntry[] {
  return date === undefined ? ENTRIES : ENTRIES.filter((e) => isInForce(e, parseCalendarDate(date)));
}

/** All exclusions ever made, or only those in force on `date`. */
export function listExclusions(date?: CalendarDate | string): readonly GoodsListExclusion[] {
  return date === undefined ? EXCLUSIONS : EXCLUSIONS.filter((e) => isInForce(e, parseCalendarDate(date)));
}

/** The entry with this id, or null. */
export function goodsListEntry(id: string): GoodsListEntry | null {
  return ENTRIES.find((e) => e.id === id) ?? null;
}

/** The latest amendment in force on `date` (the list's wording on that day), or null before the list existed. */
export function goodsListAmendmentOn(date: CalendarDate | string): GoodsListAmendment | null {
  const on = parseCalendarDate(date);
  const inForce = AMENDMENTS.filter((a) => a.inForce <= on);
  return inForce[inForce.length - 1] ?? null;
}

/** The list is shared by every caller: freeze it so that nobody can change it by accident. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
