/**
 * A small, realistic set of 1C catalogs for mapper tests: RNPTs formed from a ДТ and assigned by ФНС, a bare
 * ДТ number, refrigerators and washing machines (traceable ТН ВЭД codes) and socks (not traceable), and
 * counterparties from Russia, Kazakhstan (EAEU) and China, plus a private person.
 */
import { completeInn, parseCalendarDate } from '@sledopyt/core';
import type { ProfileName } from '../composition.js';
import type { MappingContext } from '../mapping/context.js';
import { ReferenceData } from '../mapping/reference-data.js';
import { SkipLog } from '../mapping/skips.js';

export const COMPANY_INN = '7707083893';
export const SUPPLIER_INN = completeInn('502900211');
export const BUYER_INN = completeInn('771400143');

const guid = (n: number): string => `0b1c2d3e-0000-11ef-8000-${String(n).padStart(12, '0')}`;

export const REF = {
  organization: guid(1),
  rnptFridgeA: guid(11),
  rnptFridgeB: guid(12),
  rnptWasherOtherDt: guid(13),
  rnptEaeu: guid(14),
  customsNumber: guid(15),
  fridge: guid(21),
  washer: guid(22),
  socks: guid(23),
  noCode: guid(24),
  tnvedFridge: guid(31),
  tnvedWasher: guid(32),
  tnvedSocks: guid(33),
  piece: guid(41),
  domesticSupplier: guid(51),
  kazakhSupplier: guid(52),
  chineseSupplier: guid(53),
  domesticBuyer: guid(54),
  privatePerson: guid(55),
  russia: guid(61),
  kazakhstan: guid(62),
  china: guid(63),
} as const;

export const RNPT = {
  fridgeA: '10702070/010126/0000001/001',
  fridgeB: '10702070/010126/0000001/002',
  washerOtherDt: '10216170/291225/0004711/003',
  eaeu: '10000000/150126/0000371/001',
} as const;

export function referenceFixture(): ReferenceData {
  const data = new ReferenceData({ taxpayerInn: undefined, organizations: { [REF.organization]: COMPANY_INN } });
  data.batchNumbers.set(REF.rnptFridgeA, { code: RNPT.fridgeA, kind: 'rnpt', registrationNumber: '10702070/010126/0000001' });
  data.batchNumbers.set(REF.rnptFridgeB, { code: RNPT.fridgeB, kind: 'rnpt', registrationNumber: '10702070/010126/0000001' });
  data.batchNumbers.set(REF.rnptWasherOtherDt, { code: RNPT.washerOtherDt, kind: 'rnpt', registrationNumber: '' });
  data.batchNumbers.set(REF.rnptEaeu, { code: RNPT.eaeu, kind: 'rnpt', registrationNumber: '' });
  data.batchNumbers.set(REF.customsNumber, { code: '10702070/010126/0000001', kind: 'customs', registrationNumber: '10702070/010126/0000001' });
  data.items.set(REF.fridge, { name: 'Холодильник двухкамерный NF-340', tnvedRef: REF.tnvedFridge, tnvedUnitRef: REF.piece, traceable: true });
  data.items.set(REF.washer, { name: 'Машина стиральная WM-7 фронтальная', tnvedRef: REF.tnvedWasher, tnvedUnitRef: null, traceable: true });
  data.items.set(REF.socks, { name: 'Носки хлопковые', tnvedRef: REF.tnvedSocks, tnvedUnitRef: null, traceable: false });
  data.items.set(REF.noCode, { name: 'Товар без кода ТН ВЭД', tnvedRef: null, tnvedUnitRef: null, traceable: null });
  data.tnved.set(REF.tnvedFridge, { code: '8418102001', unitRef: REF.piece });
  data.tnved.set(REF.tnvedWasher, { code: '8450111100', unitRef: null });
  data.tnved.set(REF.tnvedSocks, { code: '6115950000', unitRef: null });
  data.units.set(REF.piece, '796');
  data.countries.set(REF.russia, { code: '643', alpha2: 'RU', eaeu: true });
  data.countries.set(REF.kazakhstan, { code: '398', alpha2: 'KZ', eaeu: true });
  data.countries.set(REF.china, { code: '156', alpha2: 'CN', eaeu: false });
  data.counterparties.set(REF.domesticSupplier, { name: 'ООО «Северный Импорт»', inn: SUPPLIER_INN, kpp: '502901001', countryRef: REF.russia, person: false, nonResident: false });
  data.counterparties.set(REF.kazakhSupplier, { name: 'ТОО «Алматы Техника»', inn: '', kpp: '', countryRef: REF.kazakhstan, person: false, nonResident: true });
  data.counterparties.set(REF.chineseSupplier, { name: 'Ningbo Coolwave Appliance Co., Ltd', inn: '', kpp: '', countryRef: REF.china, person: false, nonResident: true });
  data.counterparties.set(REF.domesticBuyer, { name: 'ООО «Волжский Ритейл»', inn: BUYER_INN, kpp: '771401001', countryRef: REF.russia, person: false, nonResident: false });
  data.counterparties.set(REF.privatePerson, { name: 'Петров Пётр Петрович', inn: '', kpp: '', countryRef: REF.russia, person: true, nonResident: false });
  return data;
}

/** `dates`: ref → `YYYY-MM-DD` of documents the run has seen. */
export function mappingContext(profile: ProfileName, dates: Record<string, string> = {}): MappingContext & { skips: SkipLog } {
  return {
    profile,
    reference: referenceFixture(),
    sourceId: '1c.example/buh',
    invoiceKind: 'upd',
    skips: new SkipLog(),
    documentDate: (_set, ref) => {
      const date = dates[ref];
      return date === undefined ? null : parseCalendarDate(date);
    },
  };
}

export const docRef = (n: number): string => `6f1c0a00-1e2d-11f0-9a3b-${String(n).padStart(12, '0')}`;
export const lineId = (n: number): string => `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`;
