/**
 * Seeded reference data: countries (ОКСМ), units (ОКЕИ), ТН ВЭД codes, counterparties with valid ИНН
 * and items built on the demo catalog of `@sledopyt/generators` (real ТН ВЭД codes and origins).
 * Whether an item is traced comes from the goods list via `classify`, not from a hard-coded flag.
 */
import { classify, completeInn, knownCountries, okeiUnits } from '@sledopyt/core';
import type { CalendarDate } from '@sledopyt/core';
import { DEMO_BUYERS, DEMO_EAEU_SUPPLIERS, DEMO_ITEMS, DEMO_SUPPLIERS } from '@sledopyt/generators';
import type { Random } from '@sledopyt/generators';
import type { CounterpartyRecord, CounterpartyRole, CountryRecord, ItemRecord, TnvedRecord, UnitRecord } from './business.js';
import { newRef } from './ids.js';
import type { VersionClock } from './ids.js';

export interface CatalogContext {
  readonly random: Random;
  readonly clock: VersionClock;
}

const fresh = (context: CatalogContext): { ref: string; version: number; deletionMark: boolean } => ({
  ref: newRef(context.random),
  version: context.clock.next(),
  deletionMark: false,
});

export function generateCountries(context: CatalogContext): CountryRecord[] {
  return knownCountries()
    .filter((c) => c.alpha2 !== null && c.alpha3 !== null && c.oksm !== null && c.nameRu !== null)
    .map((c) => ({
      ...fresh(context),
      code: c.oksm ?? '',
      alpha2: c.alpha2 ?? '',
      alpha3: c.alpha3 ?? '',
      name: (c.nameRu ?? '').toUpperCase(),
      eaeu: c.eaeuMember,
    }));
}

export function generateUnits(context: CatalogContext): UnitRecord[] {
  return okeiUnits().map((u) => ({ ...fresh(context), code: u.code, shortName: u.shortName, name: u.name }));
}

const TNVED_NAMES: Readonly<Record<string, string>> = {
  '8528521000': 'Мониторы прочие, непосредственно соединяемые с вычислительной машиной',
  '8418102001': 'Холодильники бытовые комбинированные, с раздельными наружными дверьми',
  '8450111100': 'Машины стиральные полностью автоматические, с загрузкой не более 10 кг, фронтальной загрузки',
  '8427101000': 'Погрузчики самоходные с приводом от электрического двигателя, с высотой подъема 1 м или более',
  '8528691000': 'Проекторы прочие',
  '8715001000': 'Коляски детские',
  '9401710001': 'Сиденья для детей, используемые в транспортных средствах',
  '8450900000': 'Части машин стиральных',
  '8450111900': 'Машины стиральные полностью автоматические прочие',
  '8471300000': 'Машины вычислительные портативные массой не более 10 кг',
};

export function generateTnved(context: CatalogContext, pieceRef: string, on: CalendarDate): TnvedRecord[] {
  const codes = [...new Set(DEMO_ITEMS.map((i) => i.tnved))];
  return codes.map((code) => ({
    ...fresh(context),
    code,
    name: TNVED_NAMES[code] ?? `Товары подсубпозиции ${code}`,
    // Without an origin the goods list answers «traceable if imported» for listed codes.
    traceable: classify(code, on).traceable,
    unitRef: pieceRef,
  }));
}

const RU_WORDS_A = ['Северный', 'Технический', 'Волжский', 'Уральский', 'Балтийский', 'Сибирский', 'Невский', 'Южный', 'Центральный', 'Окский'];
const RU_WORDS_B = ['Альянс', 'Торг', 'Снаб', 'Ритейл', 'Дистрибуция', 'Маркет', 'Трейд', 'Логистик', 'Сервис', 'Импорт'];
const FOREIGN: readonly { country: string; names: readonly string[]; form: string }[] = [
  { country: 'CN', names: ['Shenzhen Hongda Electronics', 'Ningbo Coolwave Appliance', 'Guangzhou Brightview Display', 'Hangzhou Liftmaster Machinery'], form: 'Co., Ltd' },
  { country: 'TR', names: ['Manisa Beyaz Esya', 'Bursa Yikama Teknoloji'], form: 'A.S.' },
  { country: 'JP', names: ['Osaka Visual Systems', 'Nagoya Optics Trading'], form: 'Co., Ltd' },
  { country: 'DE', names: ['Rheinland Kindersitz', 'Bayern Mobilitaet'], form: 'GmbH' },
];
const REGIONS = ['77', '78', '50', '47', '54', '63', '66', '16', '52', '23'];

function countryRef(countries: readonly CountryRecord[], alpha2: string): string {
  const country = countries.find((c) => c.alpha2 === alpha2);
  return country?.ref ?? countries[0]?.ref ?? '';
}

/** Splits `total` into the roles, each at least 1. */
function roleCounts(total: number): [CounterpartyRole, number][] {
  const share = (part: number): number => Math.max(1, Math.round(total * part));
  return [
    ['foreign-supplier', share(0.15)],
    ['eaeu-supplier', share(0.05)],
    ['domestic-supplier', share(0.2)],
    ['eaeu-buyer', share(0.05)],
    ['buyer', share(0.55)],
  ];
}

export function generateCounterparties(context: CatalogContext, countries: readonly CountryRecord[], total: number): CounterpartyRecord[] {
  const { random } = context;
  const out: CounterpartyRecord[] = [];
  const add = (role: CounterpartyRole, fields: Omit<CounterpartyRecord, 'ref' | 'version' | 'deletionMark' | 'code' | 'role'>): void => {
    out.push({ ...fresh(context), code: String(out.length + 1).padStart(9, '0'), role, ...fields });
  };
  const russian = (role: CounterpartyRole, index: number): void => {
    const known = role === 'buyer' ? DEMO_BUYERS[index] : role === 'domestic-supplier' ? DEMO_SUPPLIERS[index] : undefined;
    if (known !== undefined) {
      const person = known.kpp === null;
      add(role, { name: known.name.replace(/[«»]/g, '"'), fullName: known.name, inn: known.inn, kpp: known.kpp ?? '', foreignTaxId: '', countryRef: countryRef(countries, 'RU'), person });
      return;
    }
    const name = `${random.pick(RU_WORDS_A)} ${random.pick(RU_WORDS_B)}`;
    const inn = completeInn(`${random.pick(REGIONS)}${random.digits(7)}`);
    add(role, {
      name: `${name} ООО`,
      fullName: `Общество с ограниченной ответственностью «${name}»`,
      inn,
      kpp: `${inn.slice(0, 4)}01001`,
      foreignTaxId: '',
      countryRef: countryRef(countries, 'RU'),
      person: false,
    });
  };
  for (const [role, count] of roleCounts(total)) {
    for (let i = 0; i < count; i += 1) {
      if (role === 'foreign-supplier') {
        const maker = FOREIGN[i % FOREIGN.length] ?? FOREIGN[0];
        const base = maker?.names[Math.floor(i / FOREIGN.length) % (maker.names.length || 1)] ?? 'Overseas Trading';
        const name = i < FOREIGN.length * 2 ? `${base} ${maker?.form ?? ''}` : `${base} ${maker?.form ?? ''} (${i})`;
        add(role, { name, fullName: name, inn: '', kpp: '', foreignTaxId: random.digits(12), countryRef: countryRef(countries, maker?.country ?? 'CN'), person: false });
      } else if (role === 'eaeu-supplier' || role === 'eaeu-buyer') {
        const known = DEMO_EAEU_SUPPLIERS[i % DEMO_EAEU_SUPPLIERS.length];
        const country = known?.country ?? 'KZ';
        const name = role === 'eaeu-supplier' && i < DEMO_EAEU_SUPPLIERS.length ? (known?.name ?? '') : `ТОО «${random.pick(RU_WORDS_B)} ${country === 'BY' ? 'Минск' : 'Алматы'} ${i + 1}»`;
        add(role, { name, fullName: name, inn: '', kpp: '', foreignTaxId: country === 'BY' ? random.digits(9) : random.digits(12), countryRef: countryRef(countries, country), person: false });
      } else {
        russian(role, i);
      }
    }
  }
  return out;
}

export function generateItems(
  context: CatalogContext,
  references: { countries: readonly CountryRecord[]; tnved: readonly TnvedRecord[]; pieceRef: string; on: CalendarDate },
  total: number,
): ItemRecord[] {
  const { random } = context;
  const items: ItemRecord[] = [];
  for (let i = 0; i < total; i += 1) {
    const template = DEMO_ITEMS[i % DEMO_ITEMS.length] ?? DEMO_ITEMS[0];
    if (template === undefined) break;
    const variant = Math.floor(i / DEMO_ITEMS.length);
    const tnved = references.tnved.find((t) => t.code === template.tnved);
    const price = Number(template.unitPrice / 100n) * (variant === 0 ? 1 : 0.8 + random.next() * 0.4);
    items.push({
      ...fresh(context),
      code: String(i + 1).padStart(11, '0'),
      sku: variant === 0 ? template.sku : `${template.sku}-${variant}`,
      name: variant === 0 ? template.name : `${template.name}, модель ${String.fromCharCode(65 + (variant % 26))}${variant}`,
      tnvedRef: tnved?.ref ?? '',
      originRef: countryRef(references.countries, template.origin),
      unitRef: references.pieceRef,
      traceable: classify(template.tnved, references.on, { originCountry: template.origin }).traceable,
      price: Math.round(price * 100) / 100,
    });
  }
  return items;
}
