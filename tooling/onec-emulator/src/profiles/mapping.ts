/**
 * How a configuration profile shows the company's records as entity rows. A row holds only the
 * properties the emulator fills; every other property of the entity type gets 1C's empty value
 * (empty GUID, empty string, `0001-01-01T00:00:00`, false, 0) when written or filtered on.
 */
import type { ObjectDef } from '../edm/types.js';
import { NAMESPACE } from '../edm/types.js';
import type {
  BatchNumberRecord,
  BusinessData,
  CounterpartyRecord,
  CountryRecord,
  DocumentKind,
  DocumentRecord,
  ItemRecord,
  TnvedRecord,
  VatRate,
  VatRateRecord,
} from '../data/business.js';
import { encodeDataVersion } from '../data/ids.js';

export type Scalar = string | number | boolean | null;
export interface Row {
  [name: string]: Scalar | readonly Row[];
}

export interface VersionedRecord {
  readonly ref: string;
  readonly version: number;
  readonly deletionMark: boolean;
}

/** Look-ups a mapping needs while building rows. */
export interface MappingContext {
  readonly data: BusinessData;
  item(ref: string): ItemRecord | undefined;
  tnved(ref: string): TnvedRecord | undefined;
  batchNumber(ref: string): BatchNumberRecord | undefined;
  counterparty(ref: string): CounterpartyRecord | undefined;
  vatRate(rate: VatRate): VatRateRecord | undefined;
  document(ref: string): DocumentRecord | undefined;
  country(ref: string): CountryRecord | undefined;
}

/** A catalog or document set: which records it lists and how one becomes a row (tabular sections inline). */
export interface ObjectBinding {
  readonly kind: 'object';
  readonly setName: string;
  records(data: BusinessData, context: MappingContext): readonly VersionedRecord[];
  toRow(record: VersionedRecord, context: MappingContext): Row;
}

/** A register: which documents record into it and the records each one makes (without the recorder fields). */
export interface RegisterBinding {
  readonly kind: 'register';
  readonly setName: string;
  readonly recorderKinds: readonly DocumentKind[];
  recordsOf(document: DocumentRecord, context: MappingContext): Row[];
}

export type Binding = ObjectBinding | RegisterBinding;

export type ProfileName = 'bp30' | 'ut115';

export interface Profile {
  readonly name: ProfileName;
  /** Configuration as 1C names it, for logs and the bin's banner. */
  readonly title: string;
  readonly objects: readonly ObjectDef[];
  readonly bindings: readonly Binding[];
  /** The document set of each kind of document, for `_Type` values and register recorders. */
  readonly documentSets: Readonly<Record<DocumentKind, string>>;
}

export const catalogHeader = (record: VersionedRecord): Row => ({
  Ref_Key: record.ref,
  DataVersion: encodeDataVersion(record.version),
  DeletionMark: record.deletionMark,
  Predefined: false,
  PredefinedDataName: '',
});

export const documentHeader = (doc: DocumentRecord): Row => ({
  Ref_Key: doc.ref,
  DataVersion: encodeDataVersion(doc.version),
  DeletionMark: doc.deletionMark,
  Number: doc.number,
  Date: doc.date,
  Posted: doc.posted,
});

/** Tabular-section rows: the owner's `Ref_Key` and a 1-based `LineNumber` before the row's own fields. */
export const tabular = (ownerRef: string, rows: readonly Row[]): Row[] => rows.map((row, index) => ({ Ref_Key: ownerRef, LineNumber: index + 1, ...row }));

/** A composite-typed value: the ref and its `X_Type` (`StandardODATA.Document_X`). */
export const composite = (name: string, ref: string, setName: string): Row => ({ [name]: ref, [`${name}_Type`]: `${NAMESPACE}.${setName}` });

export const ofKind = (data: BusinessData, kind: DocumentKind): DocumentRecord[] => data.documents.filter((d) => d.kind === kind);

/** A start-of-day naive datetime for a date-only attribute (`ДатаВходящегоДокумента`). */
export const startOfDay = (dateTime: string): string => `${dateTime.slice(0, 10)}T00:00:00`;

/** Builds an object binding over one record type (the binding list itself holds several types). */
export function objectBinding<R extends VersionedRecord>(
  setName: string,
  records: (data: BusinessData, context: MappingContext) => readonly R[],
  toRow: (record: R, context: MappingContext) => Row,
): ObjectBinding {
  return { kind: 'object', setName, records, toRow: (record, context) => toRow(record as R, context) };
}
