/**
 * What every mapper shares: the document header as the store needs it, the store document built from
 * movements, and the references that tie a store document to its 1C object (`sourceRef`, and the 1C
 * `DataVersion` kept in `details.onec`, which is how the next run knows the object has not changed).
 */
import { createHash } from 'node:crypto';
import { parseMovement } from '@sledopyt/core';
import type { CalendarDate, Movement, MovementInput } from '@sledopyt/core';
import type { ImportDocumentInput, StoreDocumentKind } from '@sledopyt/store';
import type { ObjectRole, ProfileName } from '../composition.js';
import { naiveToCalendarDate } from '../odata/literals.js';
import type { ReferenceData } from './reference-data.js';
import { flag, ref, text } from './row.js';
import type { Row } from './row.js';
import type { SkipLog } from './skips.js';

export interface SourceDocument {
  set: string;
  role: ObjectRole;
  /** The header with its tabular sections inline. */
  row: Row;
}

export interface MappingContext {
  profile: ProfileName;
  reference: ReferenceData;
  sourceId: string;
  invoiceKind: 'upd' | 'invoice';
  skips: SkipLog;
  /** The date of another 1C document (the purchase an import notification is about), when known. */
  documentDate(set: string | null, ref: string): CalendarDate | null;
}

export interface Header {
  ref: string;
  dataVersion: string;
  number: string;
  /** The 1C `Date` as a calendar day of the base. */
  date: CalendarDate;
  posted: boolean;
  deletionMark: boolean;
}

/** The store's reference of a 1C object: `<sourceId>/<EntitySet>(<Ref_Key>)`. */
export const sourceRefOf = (sourceId: string, set: string, ref: string): string => `${sourceId}/${set}(${ref})`;

const SOURCE_REF = /^(.*)\/([^/()]+)\(([0-9a-f-]{36})\)$/;

/** The parts of a `sourceRef` written by `sourceRefOf`, or null for another source's reference. */
export function parseSourceRef(sourceRef: string): { sourceId: string; set: string; ref: string } | null {
  const match = SOURCE_REF.exec(sourceRef);
  return match === null ? null : { sourceId: match[1] ?? '', set: match[2] ?? '', ref: match[3] ?? '' };
}

export function readHeader(row: Row): Header | null {
  const ref = text(row, 'Ref_Key').toLowerCase();
  const date = naiveToCalendarDate(row['Date']);
  if (ref === '' || date === null) return null;
  return {
    ref,
    dataVersion: text(row, 'DataVersion'),
    number: text(row, 'Number'),
    date,
    posted: flag(row, 'Posted') === true,
    deletionMark: flag(row, 'DeletionMark') === true,
  };
}

/** Whether a document counts: posted and not marked for deletion (marking unposts in 1C anyway). */
export const isEffective = (header: Pick<Header, 'posted' | 'deletionMark'>): boolean => header.posted && !header.deletionMark;

/** «Document_РеализацияТоваровУслуг № ТС00-000012 от 2026-02-03», for skip examples. */
export const describeSource = (set: string, header: Pick<Header, 'number' | 'date'>): string => `${set} № ${header.number} от ${header.date}`;

/**
 * What every document mapping starts with: the header, its description for skip examples, and the taxpayer.
 * Null when the document cannot be mapped (no number, an organisation without ИНН); the skip is counted.
 */
export function readDocumentHead(source: SourceDocument, ctx: MappingContext): { header: Header; where: string; taxpayerInn: string } | null {
  const header = readHeader(source.row);
  if (header === null) return null;
  const where = describeSource(source.set, header);
  if (header.number === '') {
    ctx.skips.add('DOCUMENT_NUMBER_EMPTY', where);
    return null;
  }
  const taxpayerInn = ctx.reference.taxpayerInn(ref(source.row, 'Организация_Key'));
  if (taxpayerInn === null) {
    ctx.skips.add('ORGANIZATION_INN_UNKNOWN', where);
    return null;
  }
  return { header, where, taxpayerInn };
}

export type MovementResult = { ok: true; movement: Movement } | { ok: false; message: string };

export function buildMovement(input: MovementInput): MovementResult {
  const parsed = parseMovement(input);
  return parsed.ok ? { ok: true, movement: parsed.value } : { ok: false, message: parsed.error.messageRu };
}

/** SHA-256 of the document as stored (DataVersion included: a rewritten 1C object is a new version). */
export function contentHash(document: Omit<ImportDocumentInput, 'contentHash'>): string {
  const json = JSON.stringify(document, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  return createHash('sha256').update(json).digest('hex');
}

export interface StoreDocumentParts {
  taxpayerInn: string;
  kind: StoreDocumentKind;
  number: string;
  date: CalendarDate;
  counterpartyInn?: string | undefined;
  counterpartyKpp?: string | undefined;
  eventDate?: CalendarDate | undefined;
  movements: readonly Movement[];
  details: Record<string, unknown>;
}

/** A store document of one 1C object (one object may give several, e.g. an import purchase per ДТ). */
export function storeDocument(ctx: Pick<MappingContext, 'sourceId'>, source: SourceDocument, header: Header, parts: StoreDocumentParts): ImportDocumentInput {
  const document: Omit<ImportDocumentInput, 'contentHash'> = {
    taxpayerInn: parts.taxpayerInn,
    kind: parts.kind,
    number: parts.number,
    date: parts.date,
    ...(parts.counterpartyInn === undefined ? {} : { counterpartyInn: parts.counterpartyInn }),
    ...(parts.counterpartyKpp === undefined ? {} : { counterpartyKpp: parts.counterpartyKpp }),
    source: 'onec',
    sourceRef: sourceRefOf(ctx.sourceId, source.set, header.ref),
    ...(parts.eventDate === undefined ? {} : { eventDate: parts.eventDate }),
    details: { onec: { set: source.set, ref: header.ref, dataVersion: header.dataVersion, number: header.number, date: header.date }, ...parts.details },
    movements: parts.movements,
  };
  return { ...document, contentHash: contentHash(document) };
}
