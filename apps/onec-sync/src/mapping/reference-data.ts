/**
 * The catalogs a document row points into — RNPT/ДТ numbers, items, ТН ВЭД codes, units, counterparties,
 * countries, organisations — held in memory for one run, with the look-ups the mappers need: "which RNPT
 * is this ref", "which ТН ВЭД code and traceability unit has this item", "is this counterparty Russian,
 * from the EAEU, foreign, or a private person", "which taxpayer owns this organisation".
 */
import { checkCountry, classify, isRnpt, okeiUnit, parseCustomsDeclarationNumber, parseInn, parseRnpt } from '@sledopyt/core';
import type { CalendarDate } from '@sledopyt/core';

export type BatchNumberKind = 'rnpt' | 'customs' | 'other';

export interface BatchNumber {
  code: string;
  kind: BatchNumberKind;
  /** The ДТ number (first three groups) of an RNPT formed from a declaration; '' when not filled. */
  registrationNumber: string;
}

export interface Item {
  name: string;
  tnvedRef: string | null;
  /** УТ/КА/ERP: `ЕдиницаИзмеренияТНВЭД_Key`, the traceability unit. */
  tnvedUnitRef: string | null;
  traceable: boolean | null;
}

export interface TnvedEntry {
  code: string;
  /** БП: the traceability unit of the code. */
  unitRef: string | null;
}

export interface Counterparty {
  name: string;
  inn: string;
  kpp: string;
  countryRef: string | null;
  /** A private person (not an individual entrepreneur). */
  person: boolean;
  /** УТ `ЮрФизЛицо = ЮрЛицоНеРезидент`. */
  nonResident: boolean;
}

export interface CountryEntry {
  code: string;
  alpha2: string;
  eaeu: boolean | null;
}

export interface Organization {
  inn: string;
  kpp: string;
  name: string;
}

export type PartyCategory = 'domestic' | 'eaeu' | 'foreign' | 'person' | 'unknown';

export interface Party {
  category: PartyCategory;
  name: string;
  /** A valid Russian ИНН, when the counterparty has one. */
  inn?: string;
  kpp?: string;
  /** ISO alpha-2 of the country of registration, when known. */
  country?: string;
}

export interface TaxpayerSettings {
  taxpayerInn?: string | undefined;
  organizations: Readonly<Record<string, string>>;
}

const RUSSIA_OKSM = '643';

export class ReferenceData {
  readonly batchNumbers = new Map<string, BatchNumber>();
  readonly items = new Map<string, Item>();
  readonly tnved = new Map<string, TnvedEntry>();
  /** Unit ref → ОКЕИ code. */
  readonly units = new Map<string, string>();
  readonly counterparties = new Map<string, Counterparty>();
  readonly countries = new Map<string, CountryEntry>();
  readonly organizations = new Map<string, Organization>();
  readonly #taxpayers: TaxpayerSettings;
  /** Parties are asked for once per document: remember them (ИНН and country checks are not free). */
  readonly #parties = new Map<string, Party>();

  constructor(taxpayers: TaxpayerSettings) {
    this.#taxpayers = { taxpayerInn: taxpayers.taxpayerInn, organizations: Object.fromEntries(Object.entries(taxpayers.organizations).map(([k, v]) => [k.toLowerCase(), v])) };
  }

  /** The taxpayer ИНН of an organisation: the settings first, then `Catalog_Организации`. */
  taxpayerInn(organizationRef: string | null): string | null {
    if (organizationRef !== null) {
      const configured = this.#taxpayers.organizations[organizationRef];
      if (configured !== undefined) return configured;
      const inn = this.organizations.get(organizationRef)?.inn ?? '';
      if (inn !== '' && parseInn(inn).ok) return inn;
    }
    return this.#taxpayers.taxpayerInn ?? null;
  }

  tnvedCodeOfItem(itemRef: string | null): string | null {
    const tnvedRef = itemRef === null ? null : (this.items.get(itemRef)?.tnvedRef ?? null);
    return this.tnvedCode(tnvedRef);
  }

  tnvedCode(tnvedRef: string | null): string | null {
    if (tnvedRef === null) return null;
    const code = this.tnved.get(tnvedRef)?.code.replace(/\s/g, '') ?? '';
    return /^\d{10}$/.test(code) ? code : null;
  }

  /**
   * The ОКЕИ code of the traceability unit: an explicit unit on the row or document (notifications), the
   * item's ТН ВЭД unit (УТ), the ТН ВЭД code's unit (БП), else the unit the goods list № 1110 sets for the code.
   */
  traceabilityUnit(options: { unitRef?: string | null; itemRef?: string | null; tnvedRef?: string | null; tnved: string | null; date: CalendarDate }): string | null {
    const item = options.itemRef === null || options.itemRef === undefined ? undefined : this.items.get(options.itemRef);
    const tnvedRef = options.tnvedRef ?? item?.tnvedRef ?? null;
    for (const unitRef of [options.unitRef ?? null, item?.tnvedUnitRef ?? null, tnvedRef === null ? null : (this.tnved.get(tnvedRef)?.unitRef ?? null)]) {
      const code = unitRef === null ? undefined : this.units.get(unitRef);
      if (code !== undefined && okeiUnit(code) !== null) return code;
    }
    return options.tnved === null ? null : (classify(options.tnved, options.date).unit?.code ?? null);
  }

  /** The RNPT a `Catalog_НомераГТД` ref names, or why it is not one. */
  rnpt(batchRef: string | null): { ok: true; rnpt: string; entry: BatchNumber } | { ok: false; reason: 'RNPT_EMPTY' | 'RNPT_REF_UNKNOWN' | 'RNPT_IS_CUSTOMS_NUMBER' } {
    if (batchRef === null) return { ok: false, reason: 'RNPT_EMPTY' };
    const entry = this.batchNumbers.get(batchRef);
    if (entry === undefined) return { ok: false, reason: 'RNPT_REF_UNKNOWN' };
    if (entry.kind !== 'rnpt') return { ok: false, reason: 'RNPT_IS_CUSTOMS_NUMBER' };
    return { ok: true, rnpt: entry.code, entry };
  }

  party(counterpartyRef: string | null): Party {
    if (counterpartyRef === null) return { category: 'unknown', name: '' };
    let party = this.#parties.get(counterpartyRef);
    if (party === undefined) {
      party = this.#partyOf(counterpartyRef);
      this.#parties.set(counterpartyRef, party);
    }
    return party;
  }

  #partyOf(counterpartyRef: string): Party {
    const counterparty = this.counterparties.get(counterpartyRef);
    if (counterparty === undefined) return { category: 'unknown', name: '' };
    const country = counterparty.countryRef === null ? undefined : this.countries.get(counterparty.countryRef);
    const known = country === undefined ? null : checkCountry(country.alpha2 !== '' ? country.alpha2 : country.code);
    const alpha2 = known?.ok === true ? (known.value.alpha2 ?? undefined) : undefined;
    const base = { name: counterparty.name, ...(alpha2 === undefined ? {} : { country: alpha2 }) };
    if (counterparty.inn !== '' && parseInn(counterparty.inn).ok) return { ...base, category: 'domestic', inn: counterparty.inn, ...(counterparty.kpp === '' ? {} : { kpp: counterparty.kpp }) };
    if (counterparty.person) return { ...base, category: 'person' };
    const russian = country?.code === RUSSIA_OKSM || alpha2 === 'RU';
    if (country !== undefined && !russian) {
      const eaeu = country.eaeu ?? (known?.ok === true ? known.value.eaeuMember : false);
      return { ...base, category: eaeu ? 'eaeu' : 'foreign' };
    }
    return { ...base, category: counterparty.nonResident ? 'foreign' : 'unknown' };
  }
}

/** Whether a `Catalog_НомераГТД` entry is an RNPT: the configuration's flag when it has one, else the number's format. */
export function classifyBatchNumber(code: string, flags: { isRnpt: boolean | null; isCustoms: boolean | null; numberType: string | null }): BatchNumberKind {
  if (flags.isRnpt === true) return 'rnpt';
  if (flags.isCustoms === true) return 'customs';
  if (flags.numberType !== null && flags.numberType !== '') {
    if (flags.numberType === 'НомерРНПТ' || flags.numberType === 'НомерРНПТКомплекта') return 'rnpt';
    if (flags.numberType === 'НомерГТД') return 'customs';
  }
  if (flags.isRnpt === false && flags.isCustoms === false) return 'other';
  if (isRnpt(code) || parseRnpt(code).ok) return 'rnpt';
  return parseCustomsDeclarationNumber(code).ok ? 'customs' : 'other';
}
