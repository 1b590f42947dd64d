/**
 * The reconciler's two sorted streams, one direction at a time (receipts ↔ sections 8/8.1, disposals ↔
 * 9/9.1), both ordered by (normalised invoice number, invoice date) so it can merge-join them with bounded
 * memory: the declaration lines in force for a quarter, and the movements of declared kinds whose document
 * falls in it. Keyset paging in index order: each page is a range scan, never a sort of all that is left
 * (which made the streams quadratic in the quarter's size), and no connection is held between pages.
 * `collate "C"` on PostgreSQL and SQLite's binary order both sort byte-wise, which is how JS compares these
 * strings.
 */
import { calendarDateSchema, innSchema } from '@sledopyt/core';
import type { CalendarDate, DeclarationLine, DeclarationSection, Inn, MovementDirection, MovementKind, Quantity } from '@sledopyt/core';
import { sql } from 'kysely';
import { z } from 'zod';
import type { StoreContext } from '../context.js';
import { parseInput, toBigInt } from '../values.js';
import { pageOptionsSchema, toStoredMovement, type PageOptions, type StoredMovement } from './movements.js';
import { findTaxpayer } from './taxpayers.js';

const SECTIONS_OF: Readonly<Record<MovementDirection, readonly DeclarationSection[]>> = { receipt: ['8', '8.1'], disposal: ['9', '9.1'] };

export const declarationLinesQuerySchema = z.object({
  taxpayerInn: innSchema,
  year: z.number().int().min(2021).max(2100),
  quarter: z.number().int().min(1).max(4),
  direction: z.enum(['receipt', 'disposal']),
});
export type DeclarationLinesQuery = z.input<typeof declarationLinesQuerySchema>;

export interface InForceDeclaration {
  id: bigint;
  section: DeclarationSection;
  correctionNumber: number;
  fileName: string;
}

/**
 * Per section, the declaration in force: the latest correction, unless it says the earlier data stays valid
 * (`ПризнСвед… = 1`), in which case the latest earlier one that carries its own lines.
 */
export async function declarationsInForce(ctx: StoreContext, taxpayerId: bigint, year: number, quarter: number): Promise<InForceDeclaration[]> {
  const rows = await ctx.db
    .selectFrom('declarations')
    .select(['id', 'section', 'correction_number', 'earlier_data_valid', 'file_name'])
    .where('taxpayer_id', '=', taxpayerId)
    .where('year', '=', BigInt(year))
    .where('quarter', '=', BigInt(quarter))
    .orderBy('section')
    .orderBy('correction_number', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const chosen = new Map<string, InForceDeclaration>();
  for (const row of rows) {
    if (chosen.has(row.section) || toBigInt(row.earlier_data_valid) === 1n) continue;
    chosen.set(row.section, { id: toBigInt(row.id), section: row.section as DeclarationSection, correctionNumber: Number(row.correction_number), fileName: row.file_name });
  }
  return [...chosen.values()];
}

interface LineRow {
  line_index: bigint;
  line_number: bigint | null;
  invoice_number: string;
  invoice_number_normalized: string;
  invoice_date: string | null;
  counterparty_inn: string | null;
  operation_codes: string;
  is_storno: bigint;
  tnved_codes: string | null;
}

interface EntryRow {
  line_index: bigint;
  registration_number_raw: string;
  okei: string | null;
  quantity: bigint | null;
  cost_kopecks: bigint | null;
}

/** Where a line sorts: by invoice (a missing date as '', before every date), then declaration and position. */
interface LineOrder {
  number: string;
  date: string;
  declarationId: bigint;
  lineIndex: bigint;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byBigInt = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
const compareLineOrder = (a: LineOrder, b: LineOrder): number =>
  byText(a.number, b.number) || byText(a.date, b.date) || byBigInt(a.declarationId, b.declarationId) || byBigInt(a.lineIndex, b.lineIndex);

interface OrderedLine {
  order: LineOrder;
  line: DeclarationLine;
}

/** Keys per `IN (…)` list: under both engines' bound-parameter limits. */
const KEYS_PER_QUERY = 10_000;

/** The rows of `query` for `keys` (KEYS_PER_QUERY at a time), grouped by `keyOf`, each group in query order. */
async function rowsByKey<Row>(keys: readonly bigint[], query: (chunk: bigint[]) => Promise<Row[]>, keyOf: (row: Row) => bigint): Promise<Map<bigint, Row[]>> {
  const groups = new Map<bigint, Row[]>();
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
    for (const row of await query(keys.slice(start, start + KEYS_PER_QUERY))) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [row]);
      else group.push(row);
    }
  }
  return groups;
}

/**
 * One page of lines of one declaration after the cursor, in index order (declaration_lines_by_invoice).
 * `dated`: lines with an invoice date, keyset (number, date, position); otherwise the few without one,
 * keyset (number, position) — NULL never satisfies a row-value comparison, so they need a stream of their own.
 */
async function linePage(ctx: StoreContext, declarationId: bigint, dated: boolean, cursor: LineOrder | undefined, pageSize: number): Promise<LineRow[]> {
  const after =
    cursor === undefined
      ? sql``
      : dated
        ? sql`and (invoice_number_normalized, invoice_date, line_index) > (${cursor.number}, ${cursor.date}, ${cursor.lineIndex})`
        : sql`and (invoice_number_normalized, line_index) > (${cursor.number}, ${cursor.lineIndex})`;
  const order = dated ? sql`invoice_number_normalized, invoice_date, line_index` : sql`invoice_number_normalized, line_index`;
  const { rows } = await sql<LineRow>`
    select line_index, line_number, invoice_number, invoice_number_normalized, cast(invoice_date as text) as invoice_date,
           counterparty_inn, operation_codes, is_storno, tnved_codes
    from declaration_lines
    where declaration_id = ${declarationId} and invoice_date is ${dated ? sql`not null` : sql`null`} ${after}
    order by ${order}
    limit ${pageSize}`.execute(ctx.db);
  return rows;
}

/**
 * The entries of a page of lines, by primary key. A separate query rather than a join: PostgreSQL's planner
 * prices a hash join over the whole entries table below a few thousand index probes, and then every page
 * read the whole table.
 */
async function entriesOfLines(ctx: StoreContext, declarationId: bigint, lineIndexes: readonly bigint[]): Promise<Map<bigint, EntryRow[]>> {
  return rowsByKey(
    lineIndexes,
    async (chunk) =>
      (
        await sql<EntryRow>`
          select line_index, registration_number_raw, okei, quantity, cost_kopecks
          from declaration_trace_entries
          where declaration_id = ${declarationId} and line_index in (${sql.join(chunk)})
          order by line_index, entry_index`.execute(ctx.db)
      ).rows,
    (row) => toBigInt(row.line_index),
  );
}

/** The lines of one declaration (dated or not) in invoice order, page by page, each with its entries. */
async function* linesOfDeclaration(ctx: StoreContext, declaration: InForceDeclaration, dated: boolean, pageSize: number): AsyncGenerator<OrderedLine> {
  let cursor: LineOrder | undefined;
  for (;;) {
    const rows = await linePage(ctx, declaration.id, dated, cursor, pageSize);
    const entries = await entriesOfLines(ctx, declaration.id, rows.map((row) => toBigInt(row.line_index)));
    for (const row of rows) {
      const lineIndex = toBigInt(row.line_index);
      const line = toDeclarationLine(row, declaration);
      line.entries = (entries.get(lineIndex) ?? []).map((entry) => ({
        registrationNumber: entry.registration_number_raw,
        unit: entry.okei ?? undefined,
        quantity: entry.quantity === null ? undefined : (toBigInt(entry.quantity) as Quantity),
        cost: entry.cost_kopecks === null ? undefined : toBigInt(entry.cost_kopecks),
      }));
      cursor = { number: row.invoice_number_normalized, date: row.invoice_date ?? '', declarationId: declaration.id, lineIndex };
      yield { order: cursor, line };
    }
    if (rows.length < pageSize) return;
  }
}

/** Merges streams that are each in `compare` order into one stream in that order. */
async function* mergeOrdered<T>(streams: readonly AsyncIterator<T>[], compare: (a: T, b: T) => number): AsyncGenerator<T> {
  const heads = await Promise.all(streams.map((stream) => stream.next()));
  for (;;) {
    let best = -1;
    heads.forEach((head, index) => {
      const leader = best < 0 ? undefined : heads[best];
      if (!head.done && (leader === undefined || leader.done || compare(head.value, leader.value) < 0)) best = index;
    });
    const head = heads[best];
    if (head === undefined || head.done) return;
    yield head.value;
    heads[best] = await (streams[best] as AsyncIterator<T>).next();
  }
}

/**
 * Declaration lines in force, of one direction, ordered by invoice (number, date; a missing date first),
 * then declaration and position; each with its `СвРегНом` entries. Each declaration is read in index order
 * (a range scan per page, no sort) and the few streams are merged here.
 */
export async function* iterateDeclarationLinesByInvoice(ctx: StoreContext, input: DeclarationLinesQuery, options: PageOptions = {}): AsyncGenerator<DeclarationLine> {
  const query = parseInput(declarationLinesQuerySchema, input, 'declaration lines query', 'запрос строк декларации');
  const { pageSize } = parseInput(pageOptionsSchema, options, 'page options', 'размер страницы');
  const taxpayer = await findTaxpayer(ctx.db, query.taxpayerInn);
  if (taxpayer === undefined) return;
  const declarations = (await declarationsInForce(ctx, taxpayer.id, query.year, query.quarter)).filter((d) => SECTIONS_OF[query.direction].includes(d.section));
  const streams = declarations.flatMap((d) => [linesOfDeclaration(ctx, d, false, pageSize), linesOfDeclaration(ctx, d, true, pageSize)]);
  for await (const { line } of mergeOrdered(streams, (a, b) => compareLineOrder(a.order, b.order))) yield line;
}

function toDeclarationLine(row: LineRow, declaration: InForceDeclaration): DeclarationLine {
  const lineIndex = Number(row.line_index);
  return {
    id: `${declaration.fileName}#${declaration.section}:${lineIndex + 1}`,
    section: declaration.section,
    lineNumber: row.line_number === null ? lineIndex + 1 : Number(row.line_number),
    invoiceNumber: row.invoice_number,
    // A line without an invoice date (the store allows it) matches no document: '' keeps the key a string.
    invoiceDate: (row.invoice_date ?? '') as CalendarDate,
    counterpartyInn: row.counterparty_inn ?? undefined,
    operationCodes: row.operation_codes.split(','),
    tnvedCodes: row.tnved_codes === null ? [] : row.tnved_codes.split(','),
    storno: toBigInt(row.is_storno) === 1n,
    entries: [],
  };
}

export const movementsByInvoiceQuerySchema = z.object({
  taxpayerInn: innSchema,
  /** Documents dated in [from, to]. */
  from: calendarDateSchema,
  to: calendarDateSchema,
  kinds: z.array(z.string()).min(1),
});
export type MovementsByInvoiceQuery = z.input<typeof movementsByInvoiceQuerySchema> & { kinds: readonly MovementKind[] };

interface InvoiceDocumentRow {
  id: bigint;
  kind: string;
  number: string;
  number_normalized: string;
  date: string;
}

type MovementRow = Omit<Parameters<typeof toStoredMovement>[0], 'document_kind' | 'document_number' | 'document_date'>;

/** The movements of the given kinds of a page of documents, by document (movements_by_document), in id order. */
async function movementsOfDocuments(ctx: StoreContext, documentIds: readonly bigint[], kinds: readonly string[]): Promise<Map<bigint, MovementRow[]>> {
  return rowsByKey(
    documentIds,
    async (chunk) =>
      (
        await sql<MovementRow>`
          select id, document_id, line_ref, kind, rnpt, tnved, okei, quantity, cost_kopecks, date, operation_code, counterparty_inn
          from movements
          where document_id in (${sql.join(chunk)}) and kind in (${sql.join(kinds.map((kind) => sql`${kind}`))})
          order by document_id, id`.execute(ctx.db)
      ).rows,
    (row) => toBigInt(row.document_id),
  );
}

/**
 * Movements of the given kinds whose document is dated in the period, ordered by (normalised document
 * number, document date), then document and movement. Pages are taken over the taxpayer's documents in
 * index order (documents_by_invoice: a range scan, no sort); their movements come by document id in a second
 * query (a join let PostgreSQL hash the whole movements table for every page).
 */
export async function* iterateMovementsByInvoice(ctx: StoreContext, input: MovementsByInvoiceQuery, options: PageOptions = {}): AsyncGenerator<StoredMovement> {
  const query = parseInput(movementsByInvoiceQuerySchema, input, 'movements by invoice query', 'запрос движений по счетам-фактурам');
  const { pageSize } = parseInput(pageOptionsSchema, options, 'page options', 'размер страницы');
  const taxpayer = await findTaxpayer(ctx.db, query.taxpayerInn);
  if (taxpayer === undefined) return;
  let cursor: readonly [string, string, bigint] | undefined;
  for (;;) {
    const after = cursor === undefined ? sql`` : sql`and (number_normalized, date, id) > (${cursor[0]}, ${cursor[1]}, ${cursor[2]})`;
    const { rows: documents } = await sql<InvoiceDocumentRow>`
      select id, kind, number, number_normalized, cast(date as text) as date
      from documents
      where taxpayer_id = ${taxpayer.id} and date >= ${query.from} and date <= ${query.to} ${after}
      order by number_normalized, date, id
      limit ${pageSize}`.execute(ctx.db);
    const movements = await movementsOfDocuments(ctx, documents.map((d) => toBigInt(d.id)), query.kinds);
    for (const d of documents) {
      for (const row of movements.get(toBigInt(d.id)) ?? []) {
        yield toStoredMovement({ ...row, id: toBigInt(row.id), document_id: toBigInt(row.document_id), document_kind: d.kind, document_number: d.number, document_date: d.date }, taxpayer.inn as Inn);
      }
    }
    const last = documents.at(-1);
    if (last === undefined || documents.length < pageSize) return;
    cursor = [last.number_normalized, last.date, toBigInt(last.id)];
  }
}
