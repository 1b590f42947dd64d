/**
 * The emulated company's records, independent of the 1C configuration: the same purchases and sales
 * are shown as БП 3.0 or УТ 11.5 entity sets by the profile mappings. Records are immutable; a change
 * replaces the record with a copy carrying a new `version` (1C's `DataVersion`).
 */

/** A naive wall-clock datetime of the infobase, `YYYY-MM-DDTHH:MM:SS` (no zone, as 1C sends it). */
export type NaiveDateTime = string;

export type VatRate = 'НДС20' | 'НДС22' | 'БезНДС';

interface Versioned {
  readonly ref: string;
  readonly version: number;
  readonly deletionMark: boolean;
}

export interface CountryRecord extends Versioned {
  /** ОКСМ code, 3 digits. */
  readonly code: string;
  readonly alpha2: string;
  readonly alpha3: string;
  readonly name: string;
  readonly eaeu: boolean;
}

export interface UnitRecord extends Versioned {
  /** ОКЕИ code. */
  readonly code: string;
  readonly shortName: string;
  readonly name: string;
}

export interface TnvedRecord extends Versioned {
  /** 10 digits. */
  readonly code: string;
  readonly name: string;
  readonly traceable: boolean;
  readonly unitRef: string;
}

export type CounterpartyRole = 'foreign-supplier' | 'eaeu-supplier' | 'domestic-supplier' | 'buyer' | 'eaeu-buyer';

export interface CounterpartyRecord extends Versioned {
  readonly code: string;
  readonly name: string;
  readonly fullName: string;
  /** Empty for foreign companies. */
  readonly inn: string;
  readonly kpp: string;
  /** Tax id of a foreign company. */
  readonly foreignTaxId: string;
  readonly countryRef: string;
  readonly person: boolean;
  readonly role: CounterpartyRole;
}

export interface ItemRecord extends Versioned {
  readonly code: string;
  readonly sku: string;
  readonly name: string;
  readonly tnvedRef: string;
  readonly originRef: string;
  readonly unitRef: string;
  /** Traceable when imported (goods list № 1110, origin considered). */
  readonly traceable: boolean;
  /** Purchase price without VAT, rubles. */
  readonly price: number;
}

/** An entry of `Catalog_НомераГТД`: an RNPT, a customs declaration number, or a folder of them. */
export interface BatchNumberRecord extends Versioned {
  readonly code: string;
  readonly kind: 'rnpt' | 'customs' | 'folder';
  readonly parentRef: string | null;
  /** The declaration number (first three groups) for numbers formed from a ДТ; empty otherwise. */
  readonly registrationNumber: string;
  readonly originRef: string | null;
  readonly itemRef: string | null;
  readonly unitRef: string | null;
  /** Value of the goods under this RNPT, rubles. */
  readonly amount: number;
  readonly folderName: string;
}

/** One RNPT share of a goods line (БП `СведенияПрослеживаемости`, УТ `ВидыЗапасов`). */
export interface TraceShare {
  readonly rnptRef: string;
  readonly quantity: number;
  /** Quantity in the traceability unit (pieces here). */
  readonly traceQuantity: number;
  readonly amount: number;
  readonly vatAmount: number;
}

export interface DocumentLine {
  /** `ИдентификаторСтроки`: links the goods line to its RNPT shares. */
  readonly lineId: string;
  readonly itemRef: string;
  readonly quantity: number;
  readonly price: number;
  readonly amount: number;
  readonly vatRate: VatRate;
  readonly vatAmount: number;
  /** Customs declaration number of imported goods that are not traced; null otherwise. */
  readonly customsNumberRef: string | null;
  readonly traceable: boolean;
  readonly shares: readonly TraceShare[];
}

export type DocumentKind = 'purchase' | 'sale' | 'customs-declaration' | 'import-notice' | 'movement-notice' | 'remains-notice';

export type PurchaseChannel = 'import' | 'eaeu' | 'domestic';

export interface DocumentRecord extends Versioned {
  readonly kind: DocumentKind;
  readonly number: string;
  readonly date: NaiveDateTime;
  readonly posted: boolean;
  readonly counterpartyRef: string | null;
  readonly channel: PurchaseChannel | null;
  readonly incomingNumber: string;
  readonly comment: string;
  readonly lines: readonly DocumentLine[];
  /** Header RNPT of a notification, or the declaration number of a customs document. */
  readonly batchNumberRef: string | null;
  /** The purchase or sale a customs document or notification belongs to. */
  readonly baseDocumentRef: string | null;
}

/** VAT rates: an enum in БП, the catalog `Catalog_СтавкиНДС` in УТ. */
export interface VatRateRecord extends Versioned {
  readonly rate: VatRate | 'НДС10' | 'НДС0';
  readonly name: string;
  readonly percent: number;
}

export interface BusinessData {
  readonly organizationRef: string;
  readonly warehouseRef: string;
  /** УТ «вид запасов» of the company's own goods. */
  readonly ownStockKindRef: string;
  vatRates: VatRateRecord[];
  countries: CountryRecord[];
  units: UnitRecord[];
  tnved: TnvedRecord[];
  counterparties: CounterpartyRecord[];
  items: ItemRecord[];
  batchNumbers: BatchNumberRecord[];
  documents: DocumentRecord[];
}

export const sumOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Rounds to kopecks the way 1C stores money (Number(15,2)). */
export const money = (value: number): number => Math.round(value * 100) / 100;
