/**
 * The demo importer, its counterparties and its goods. ИНН are generated with valid check digits
 * (they belong to nobody we know of); ТН ВЭД codes and origins are chosen to show every kind of answer
 * the goods list gives: traceable, excluded by code, excluded by origin, made in Russia, not listed.
 */
import { completeInn, type Inn } from '@sledopyt/core';

export interface DemoParty {
  inn: Inn;
  kpp: string | null;
  name: string;
  /** ISO alpha-2 country of registration. */
  country: string;
}

export interface DemoItem {
  sku: string;
  name: string;
  tnved: string;
  /** ISO alpha-2 country of origin. */
  origin: string;
  /** Price without VAT per piece, kopecks. */
  unitPrice: bigint;
}

export const DEMO_COMPANY: DemoParty = {
  inn: completeInn('781045213'),
  kpp: '781001001',
  name: 'ООО «Техноимпорт Север»',
  country: 'RU',
};

export const DEMO_SUPPLIERS: readonly DemoParty[] = [
  { inn: completeInn('772931784'), kpp: '772901001', name: 'ООО «Восток-Электро»', country: 'RU' },
  { inn: completeInn('540612348'), kpp: '540601001', name: 'АО «Сибирская бытовая техника»', country: 'RU' },
];

/** EAEU suppliers have a foreign tax id, not an ИНН; only their name and country matter here. */
export const DEMO_EAEU_SUPPLIERS: readonly { name: string; country: string; taxId: string }[] = [
  { name: 'ТОО «Алматы Трейд Импорт»', country: 'KZ', taxId: '180740012345' },
  { name: 'ООО «Минсктехснаб»', country: 'BY', taxId: '191234567' },
];

export const DEMO_BUYERS: readonly DemoParty[] = [
  { inn: completeInn('781612903'), kpp: '781601001', name: 'ООО «Дом техники»', country: 'RU' },
  { inn: completeInn('470315820'), kpp: '470301001', name: 'ООО «Ладога Ритейл»', country: 'RU' },
  { inn: completeInn('631988450'), kpp: '631901001', name: 'АО «Волга Маркет»', country: 'RU' },
  { inn: completeInn('7805123456'), kpp: null, name: 'ИП Смирнова Анна Петровна', country: 'RU' },
];

export const DEMO_EAEU_BUYER = { name: 'ТОО «Астана Электроникс»', country: 'KZ', taxId: '200140098765' };

const rub = (rubles: number): bigint => BigInt(rubles) * 100n;

/** The catalog: the first seven are traced when imported; the last four show why others are not. */
export const DEMO_ITEMS: readonly DemoItem[] = [
  { sku: 'MON-27Q', name: 'Монитор 27" IPS 2560x1440', tnved: '8528521000', origin: 'CN', unitPrice: rub(18_400) },
  { sku: 'REF-NF350', name: 'Холодильник двухкамерный No Frost 350 л', tnved: '8418102001', origin: 'CN', unitPrice: rub(41_250) },
  { sku: 'WM-7KG', name: 'Машина стиральная автоматическая 7 кг', tnved: '8450111100', origin: 'TR', unitPrice: rub(27_900) },
  { sku: 'FL-E25', name: 'Погрузчик вилочный электрический 2,5 т', tnved: '8427101000', origin: 'CN', unitPrice: rub(1_850_000) },
  { sku: 'PR-4K', name: 'Проектор мультимедийный 4K', tnved: '8528691000', origin: 'JP', unitPrice: rub(96_300) },
  { sku: 'STR-3IN1', name: 'Коляска детская 3 в 1', tnved: '8715001000', origin: 'CN', unitPrice: rub(23_700) },
  { sku: 'CS-ISOFIX', name: 'Кресло детское автомобильное ISOFIX', tnved: '9401710001', origin: 'DE', unitPrice: rub(15_600) },
  { sku: 'REF-BY-A4', name: 'Холодильник бытовой однокамерный (Беларусь)', tnved: '8418102001', origin: 'BY', unitPrice: rub(29_800) },
  { sku: 'WM-PARTS', name: 'Барабан для стиральной машины (запчасть)', tnved: '8450900000', origin: 'CN', unitPrice: rub(6_100) },
  { sku: 'WM-RU-5', name: 'Машина стиральная полуавтомат (Россия)', tnved: '8450111900', origin: 'RU', unitPrice: rub(9_900) },
  { sku: 'NB-15', name: 'Ноутбук 15,6"', tnved: '8471300000', origin: 'CN', unitPrice: rub(54_000) },
];
