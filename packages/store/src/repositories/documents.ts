/**
 * Documents and their movements: the write side of imports. One `importBatch` is one transaction (a file,
 * or one page of a 1С sync): either every document of it is stored with its movements, or nothing is.
 * Idempotency comes from the content hash: a document whose hash is already stored (and active) for the
 * taxpayer is a duplicate and changes nothing.
 */
import { DOCUMENT_KINDS, FILING_KINDS, MOVEMENT_KINDS, calendarDateSchema, innSchema, movementOperationCode, SledopytError } from '@sledopyt/core';
import type { Movement } from '@sledopyt/core';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Executor, StoreContext } from '../context.js';
import { bulkInsert } from '../bulk-insert.js';
import type { BulkColumns } from '../bulk-insert.js';
import type { NewDocumentRow, NewMovementRow } from '../schema.js';
import { assertQuantityFits, chunkRows, parseInput, writeJson } from '../values.js';
import { normalizeInvoiceNumber } from '@sledopyt/core';
import { checkpointInputSchema, saveCheckpoint } from './checkpoints.js';
import type { CheckpointInput } from './checkpoints.js';
import { ensureTaxpayerIds } from './taxpayers.js';

/** The core's document kinds plus the notifications and the report on operations, which are their own documents here. */
export const STORE_DOCUMENT_KINDS = [...DOCUMENT_KINDS, ...FILING_KINDS] as const;
export type StoreDocumentKind = (typeof STORE_DOCUMENT_KINDS)[number];

/** Where a document came from: 1С (OData), an SFTP inbox, a file given on the command line, manual entry. */
export const DOCUMENT_SOURCES = ['onec', 'sftp', 'file', 'manual'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

export const contentHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { message: 'хеш содержимого — SHA-256 в шестнадцатеричном виде (64 строчных знака)' });

export const documentSourceSchema = z.enum(DOCUMENT_SOURCES);

const counterpartyCodeSchema = z.string().trim().min(1).max(20);

/** A document's own fields; its movements come beside them as core `Movement`s (already validated). */
export const documentHeaderSchema = z.object({
  taxpayerInn: innSchema,
  kind: z.enum(STORE_DOCUMENT_KINDS),
  number: z.string().trim().min(1, { message: 'не указан номер документа' }),
  date: calendarDateSchema,
  /** As written in the source: a wrong ИНН is the reconciler's finding, not an import failure. */
  counterpartyInn: counterpartyCodeSchema.optional(),
  counterpartyKpp: counterpartyCodeSchema.optional(),
  source: documentSourceSchema,
  /** The source's id: 1С document GUID, file path, manual entry id. */
  sourceRef: z.string().trim().min(1).max(2000),
  contentHash: contentHashSchema,
  /** The day the document's deadline counts from, when it is not `date` (notifications, report on operations). */
  eventDate: calendarDateSchema.optional(),
  /** Format facts the reconciler may need later, stored as JSON (bigints become decimal strings). */
  details: z.record(z.string(), z.unknown()).optional(),
  /**
   * The invoice's correction number (`ИспрДок/НомИспр`; 0 or absent = the original). Of the versions of one
   * invoice (УПД/СФ with the same number, date and counterparty) only the highest stays active.
   */
  revision: z.number().int().min(0).max(999).optional(),
  /** Through ЭДО (true) or on paper (false); absent when the source does not say. */
  electronic: z.boolean().optional(),
});
export type DocumentHeaderInput = z.input<typeof documentHeaderSchema>;

export interface ImportDocumentInput extends DocumentHeaderInput {
  movements: readonly Movement[];
}

export const importBatchOptionsSchema = z.object({
  /**
   * An active document with the same (taxpayer, source, sourceRef) but another hash is an earlier version
   * of the document (1С re-posting): mark it superseded and drop its movements. Off by default, since two
   * files may share a name without being versions of one document.
   */
  supersedeBySourceRef: z.boolean().default(false),
});

export interface ImportBatchInput {
  documents: readonly ImportDocumentInput[];
  supersedeBySourceRef?: boolean;
  /** Saved in the same transaction: the sync position this batch reaches. */
  checkpoint?: CheckpointInput;
}

export interface ImportBatchResult {
  /** Documents stored now. */
  inserted: number;
  /** Documents already stored with the same content hash (nothing changed for them). */
  duplicates: { contentHash: string; sourceRef: string }[];
  /** Earlier versions replaced (supersedeBySourceRef). */
  superseded: number;
  /** Movements stored now. */
  movements: number;
}

export const documentRefSchema = z.object({
  taxpayerInn: innSchema,
  source: documentSourceSchema,
  sourceRef: z.string().trim().min(1),
});
export type DocumentRef = z.input<typeof documentRefSchema>;

export interface RetractResult {
  documents: number;
  movements: number;
}

type ParsedDocument = z.output<typeof documentHeaderSchema> & { movements: readonly Movement[] };

function mismatch(doc: ParsedDocument, movement: Movement, field: string): SledopytError {
  return new SledopytError({
    code: 'STORE_MOVEMENT_DOCUMENT_MISMATCH',
    message: `Movement ${movement.id ?? movement.rnpt} of document ${doc.number} (${doc.sourceRef}) differs from its document in ${field}`,
    messageRu: `Движение по РНПТ ${movement.rnpt} не совпадает со своим документом № ${doc.number} (${doc.sourceRef}): поле ${field}. Сообщите разработчикам`,
    actor: 'developer',
    details: { sourceRef: doc.sourceRef, field },
  });
}

function parseDocuments(ctx: StoreContext, documents: readonly ImportDocumentInput[]): ParsedDocument[] {
  return documents.map((input, index) => {
    const { movements, ...header } = input;
    const doc = { ...parseInput(documentHeaderSchema, header, `document #${index}`, `документ № ${index + 1} пакета`), movements };
    for (const movement of movements) {
      if (movement.taxpayerInn !== doc.taxpayerInn) throw mismatch(doc, movement, 'taxpayerInn');
      if (movement.document.number.trim() !== doc.number) throw mismatch(doc, movement, 'document.number');
      if (movement.document.date !== doc.date) throw mismatch(doc, movement, 'document.date');
      assertQuantityFits(ctx.engine, movement.quantity, `${doc.number} / ${movement.rnpt}`);
    }
    return doc;
  });
}

const docKey = (taxpayerId: bigint, hash: string): string => `${taxpayerId}|${hash}`;

function documentRow(doc: ParsedDocument, taxpayerId: bigint, importedAt: string): NewDocumentRow {
  return {
    taxpayer_id: taxpayerId,
    kind: doc.kind,
    number: doc.number,
    number_normalized: normalizeInvoiceNumber(doc.number),
    date: doc.date,
    counterparty_inn: doc.counterpartyInn ?? null,
    counterparty_kpp: doc.counterpartyKpp ?? null,
    source: doc.source,
    source_ref: doc.sourceRef,
    content_hash: doc.contentHash,
    status: 'active',
    imported_at: importedAt,
    retracted_at: null,
    event_date: doc.eventDate ?? null,
    details: writeJson(doc.details),
    revision: doc.revision ?? 0,
    electronic: doc.electronic === undefined ? null : doc.electronic ? 1 : 0,
  };
}

function movementRow(movement: Movement, documentId: bigint, taxpayerId: bigint): NewMovementRow {
  return {
    document_id: documentId,
    taxpayer_id: taxpayerId,
    line_ref: movement.id ?? null,
    kind: movement.kind,
    direction: MOVEMENT_KINDS[movement.kind].direction,
    rnpt: movement.rnpt,
    tnved: movement.tnved ?? null,
    okei: movement.unit,
    quantity: movement.quantity,
    cost_kopecks: movement.costWithoutVat,
    date: movement.date,
    operation_code: movementOperationCode(movement),
    counterparty_inn: movement.counterpartyInn ?? null,
  };
}

/** Marks documents retracted/superseded and deletes their movements; returns the movements deleted. */
async function deactivate(db: Executor, ids: readonly bigint[], status: 'retracted' | 'superseded', at: string, maxParameters: number): Promise<number> {
  let movements = 0;
  for (const chunk of chunkRows(ids.map((id) => ({ id })), maxParameters)) {
    const idList = chunk.map((row) => row.id);
    const deleted = await db.deleteFrom('movements').where('document_id', 'in', idList).executeTakeFirst();
    movements += Number(deleted.numDeletedRows);
    await db.updateTable('documents').set({ status, retracted_at: at }).where('id', 'in', idList).execute();
  }
  return movements;
}

async function supersedeEarlierVersions(db: Executor, ctx: StoreContext, docs: readonly ParsedDocument[], taxpayerIds: Map<string, bigint>, at: string): Promise<number> {
  const refs = [...new Set(docs.map((doc) => doc.sourceRef))];
  const incoming = new Set(docs.map((doc) => `${taxpayerIds.get(doc.taxpayerInn)}|${doc.source}|${doc.sourceRef}`));
  const hashes = new Set(docs.map((doc) => docKey(taxpayerIds.get(doc.taxpayerInn) ?? 0n, doc.contentHash)));
  const earlier: bigint[] = [];
  for (const chunk of chunkRows(refs.map((ref) => ({ ref })), ctx.maxParameters - 1)) {
    const rows = await db
      .selectFrom('documents')
      .select(['id', 'taxpayer_id', 'source', 'source_ref', 'content_hash'])
      .where('status', '=', 'active')
      .where('source_ref', 'in', chunk.map((c) => c.ref))
      .execute();
    for (const row of rows) {
      const sameRef = incoming.has(`${row.taxpayer_id}|${row.source}|${row.source_ref}`);
      if (sameRef && !hashes.has(docKey(row.taxpayer_id, row.content_hash))) earlier.push(row.id);
    }
  }
  await deactivate(db, earlier, 'superseded', at, ctx.maxParameters);
  return earlier.length;
}

/** Kinds whose versions are revisions of one invoice: a СФ may be corrected by an УПД and the reverse. */
const INVOICE_FAMILY: readonly string[] = ['invoice', 'upd'];
const invoiceVersionKey = (taxpayerId: bigint, numberNormalized: string, date: string, counterpartyInn: string | null): string =>
  `${taxpayerId}|${numberNormalized}|${date}|${counterpartyInn ?? ''}`;

/**
 * Keeps one active version per invoice: of the stored and the newly inserted versions of the same invoice,
 * those below the highest revision are superseded (their movements go). A late-arriving original of an
 * invoice already corrected is superseded at once. Returns the ids superseded.
 */
async function supersedeEarlierRevisions(db: Executor, ctx: StoreContext, insertedIds: readonly bigint[], at: string): Promise<Set<bigint>> {
  const superseded = new Set<bigint>();
  if (insertedIds.length === 0) return superseded;
  const fresh: { id: bigint; taxpayer_id: bigint; number_normalized: string; date: string; counterparty_inn: string | null; revision: number }[] = [];
  for (const chunk of chunkRows(insertedIds.map((id) => ({ id })), ctx.maxParameters - INVOICE_FAMILY.length)) {
    fresh.push(
      ...(await db
        .selectFrom('documents')
        .select(['id', 'taxpayer_id', 'number_normalized', 'date', 'counterparty_inn', 'revision'])
        .where('id', 'in', chunk.map((row) => row.id))
        .where('kind', 'in', INVOICE_FAMILY)
        .execute()),
    );
  }
  if (fresh.length === 0) return superseded;
  const wanted = new Set(fresh.map((row) => invoiceVersionKey(row.taxpayer_id, row.number_normalized, String(row.date), row.counterparty_inn)));
  const versions = new Map<string, { id: bigint; revision: number }[]>();
  // The taxpayer leads every index on invoice numbers: without it each batch scanned the whole table (an
  // import of N documents in batches cost O(N²): a million sales took hours).
  const taxpayerIds = [...new Set(fresh.map((row) => row.taxpayer_id))];
  const perChunk = ctx.maxParameters - INVOICE_FAMILY.length - 1 - taxpayerIds.length;
  for (const chunk of chunkRows([...new Set(fresh.map((row) => row.number_normalized))].map((number) => ({ number })), perChunk)) {
    const rows = await db
      .selectFrom('documents')
      .select(['id', 'taxpayer_id', 'number_normalized', 'date', 'counterparty_inn', 'revision'])
      .where('taxpayer_id', 'in', taxpayerIds)
      .where('number_normalized', 'in', chunk.map((row) => row.number))
      .where('status', '=', 'active')
      .where('kind', 'in', INVOICE_FAMILY)
      .execute();
    for (const row of rows) {
      const key = invoiceVersionKey(row.taxpayer_id, row.number_normalized, String(row.date), row.counterparty_inn);
      if (!wanted.has(key)) continue;
      const list = versions.get(key) ?? [];
      list.push({ id: row.id, revision: Number(row.revision) });
      versions.set(key, list);
    }
  }
  for (const list of versions.values()) {
    const highest = Math.max(...list.map((version) => version.revision));
    for (const version of list) if (version.revision < highest) superseded.add(version.id);
  }
  await deactivate(db, [...superseded], 'superseded', at, ctx.maxParameters);
  return superseded;
}

/** Inserts the documents that are new; returns their ids by (taxpayer, hash). Duplicates are skipped by the unique index. */
async function insertDocuments(db: Executor, ctx: StoreContext, rows: NewDocumentRow[]): Promise<Map<string, bigint>> {
  const inserted = new Map<string, bigint>();
  for (const chunk of chunkRows(rows, ctx.maxParameters)) {
    const returned = await db
      .insertInto('documents')
      .values(chunk)
      .onConflict((oc) => oc.columns(['taxpayer_id', 'content_hash']).where(sql<boolean>`status = 'active'`).doNothing())
      .returning(['id', 'taxpayer_id', 'content_hash'])
      .execute();
    for (const row of returned) inserted.set(docKey(row.taxpayer_id, row.content_hash), row.id);
  }
  return inserted;
}

const MOVEMENT_COLUMNS: BulkColumns<'movements'> = [
  ['document_id', 'bigint'],
  ['taxpayer_id', 'bigint'],
  ['line_ref', 'text'],
  ['kind', 'code'],
  ['direction', 'code'],
  ['rnpt', 'code'],
  ['tnved', 'code'],
  ['okei', 'code'],
  ['quantity', 'quantity'],
  ['cost_kopecks', 'bigint'],
  ['date', 'date'],
  ['operation_code', 'code'],
  ['counterparty_inn', 'code'],
];

export async function importBatch(ctx: StoreContext, input: ImportBatchInput): Promise<ImportBatchResult> {
  const options = parseInput(importBatchOptionsSchema, { supersedeBySourceRef: input.supersedeBySourceRef }, 'import options', 'параметры импорта');
  const docs = parseDocuments(ctx, input.documents);
  const checkpoint = input.checkpoint === undefined ? undefined : parseInput(checkpointInputSchema, input.checkpoint, 'checkpoint', 'отметка синхронизации');
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const taxpayerIds = await ensureTaxpayerIds(trx, docs.map((doc) => doc.taxpayerInn), now);
    const idOf = (doc: ParsedDocument): bigint => taxpayerIds.get(doc.taxpayerInn) ?? 0n;
    const superseded = options.supersedeBySourceRef ? await supersedeEarlierVersions(trx, ctx, docs, taxpayerIds, at) : 0;
    const inserted = await insertDocuments(trx, ctx, docs.map((doc) => documentRow(doc, idOf(doc), at)));
    const outdated = await supersedeEarlierRevisions(trx, ctx, [...inserted.values()], at);

    const movementRows: NewMovementRow[] = [];
    const duplicates: ImportBatchResult['duplicates'] = [];
    const claimed = new Set<string>();
    for (const doc of docs) {
      const key = docKey(idOf(doc), doc.contentHash);
      const documentId = inserted.get(key);
      // The second of two identical documents in one batch is a duplicate too.
      if (documentId === undefined || claimed.has(key)) {
        duplicates.push({ contentHash: doc.contentHash, sourceRef: doc.sourceRef });
        continue;
      }
      claimed.add(key);
      // A version older than one already stored is kept for the audit trail, without movements.
      if (outdated.has(documentId)) continue;
      for (const movement of doc.movements) movementRows.push(movementRow(movement, documentId, idOf(doc)));
    }
    await bulkInsert(trx, ctx, 'movements', MOVEMENT_COLUMNS, movementRows);
    if (checkpoint !== undefined) await saveCheckpoint(trx, checkpoint, now);
    return { inserted: inserted.size, duplicates, superseded: superseded + outdated.size, movements: movementRows.length };
  });
}

/** True when a document or declaration with this content is already stored for the taxpayer. */
export async function hasContentHash(db: Executor, taxpayerInn: string, contentHash: string): Promise<boolean> {
  const document = await db
    .selectFrom('documents')
    .innerJoin('taxpayers', 'taxpayers.id', 'documents.taxpayer_id')
    .select('documents.id')
    .where('taxpayers.inn', '=', taxpayerInn)
    .where('documents.content_hash', '=', contentHash)
    .where('documents.status', '=', 'active')
    .executeTakeFirst();
  if (document !== undefined) return true;
  const declaration = await db
    .selectFrom('declarations')
    .innerJoin('taxpayers', 'taxpayers.id', 'declarations.taxpayer_id')
    .select('declarations.id')
    .where('taxpayers.inn', '=', taxpayerInn)
    .where('declarations.content_hash', '=', contentHash)
    .executeTakeFirst();
  return declaration !== undefined;
}

/**
 * The source withdrew a document (1С deletion mark, unposting): its active versions become `retracted`
 * and their movements are deleted, so balances and reconciliation no longer see them. The document rows
 * stay for the audit trail.
 */
export async function retractDocument(ctx: StoreContext, input: DocumentRef): Promise<RetractResult> {
  const ref = parseInput(documentRefSchema, input, 'document reference', 'ссылка на документ');
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('documents')
      .innerJoin('taxpayers', 'taxpayers.id', 'documents.taxpayer_id')
      .select('documents.id')
      .where('taxpayers.inn', '=', ref.taxpayerInn)
      .where('documents.source', '=', ref.source)
      .where('documents.source_ref', '=', ref.sourceRef)
      .where('documents.status', '=', 'active')
      .execute();
    const movements = await deactivate(trx, rows.map((row) => row.id), 'retracted', at, ctx.maxParameters);
    return { documents: rows.length, movements };
  });
}
