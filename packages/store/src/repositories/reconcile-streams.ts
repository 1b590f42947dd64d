/**
 * The reconciler's two sorted streams, one direction at a time (receipts ↔ sections 8/8.1, disposals ↔
 * 9/9.1), both ordered by (normalised invoice number, invoice date) so it can merge-join them with bounded
 * memory: the declaration lines in force for a quarter, and the movements of declared kinds whose document
 * falls in it. Keyset paging: no connection is held between pages; `collate "C"` on PostgreSQL and SQLite's
 * binary order both sort byte-wise, which is how JS compares these strings.
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

interface LineEntryRow {
  declaration_id: bigint;
  line_index: bigint;
  line_number: bigint | null;
  invoice_number: string;
  invoice_number_normalized: string;
  invoice_date: string;
  counterparty_inn: string | null;
  operation_codes: string;
  is_storno: bigint;
  tnved_codes: string | null;
  entry_index: bigint;
  registration_number_raw: string | null;
  okei: string | null;
  quantity: bigint | null;
  cost_kopecks: bigint | null;
}

/** Declaration lines in force, of one direction, ordered by invoice; each with its `СвРегНом` entries. */
export async function* iterateDeclarationLinesByInvoice(ctx: StoreContext, input: DeclarationLinesQuery, options: PageOptions = {}): AsyncGenerator<DeclarationLine> {
  const query = parseInput(declarationLinesQuerySchema, input, 'declaration lines query', 'запрос строк декларации');
  const { pageSize } = parseInput(pageOptionsSchema, options, 'page options', 'размер страницы');
  const taxpayer = await findTaxpayer(ctx.db, query.taxpayerInn);
  if (taxpayer === undefined) return;
  const declarations = (await declarationsInForce(ctx, taxpayer.id, query.year, query.quarter)).filter((d) => SECTIONS_OF[query.direction].includes(d.section));
  if (declarations.length === 0) return;
  const byId = new Map(declarations.map((d) => [d.id, d]));
  let cursor: readonly [string, string, bigint, bigint, bigint] | undefined;
  let current: DeclarationLine | undefined;
  let currentKey = '';
  for (;;) {
    const after = cursor === undefined ? sql`` : sql`and (l.invoice_number_normalized, coalesce(cast(l.invoice_date as text), ''), l.declaration_id, l.line_index, coalesce(e.entry_index, -1)) > (${cursor[0]}, ${cursor[1]}, ${cursor[2]}, ${cursor[3]}, ${cursor[4]})`;
    const result = await sql<LineEntryRow>`
      select l.declaration_id, l.line_index, l.line_number, l.invoice_number, l.invoice_number_normalized,
             coalesce(cast(l.invoice_date as text), '') as invoice_date, l.counterparty_inn, l.operation_codes, l.is_storno, l.tnved_codes,
             coalesce(e.entry_index, -1) as entry_index, e.registration_number_raw, e.okei, e.quantity, e.cost_kopecks
      from declaration_lines l
      left join declaration_trace_entries e on e.declaration_id = l.declaration_id and e.line_index = l.line_index
      where l.declaration_id in (${sql.join([...byId.keys()])}) ${after}
      order by l.invoice_number_normalized, coalesce(cast(l.invoice_date as text), ''), l.declaration_id, l.line_index, coalesce(e.entry_index, -1)
      limit ${pageSize}`.execute(ctx.db);
    for (const row of result.rows) {
      const key = `${row.declaration_id}|${row.line_index}`;
      if (key !== currentKey) {
        if (current !== undefined) yield current;
        currentKey = key;
        current = toDeclarationLine(row, byId.get(toBigInt(row.declaration_id)) as InForceDeclaration);
      }
      if (row.registration_number_raw !== null && current !== undefined) {
        (current.entries as DeclarationLine['entries'][number][]).push({
          registrationNumber: row.registration_number_raw,
          unit: row.okei ?? undefined,
          quantity: row.quantity === null ? undefined : (toBigInt(row.quantity) as Quantity),
          cost: row.cost_kopecks === null ? undefined : toBigInt(row.cost_kopecks),
        });
      }
    }
    const last = result.rows.at(-1);
    if (last === undefined || result.rows.length < pageSize) break;
    cursor = [last.invoice_number_normalized, last.invoice_date, toBigInt(last.declaration_id), toBigInt(last.line_index), toBigInt(last.entry_index)];
  }
  if (current !== undefined) yield current;
}

function toDeclarationLine(row: LineEntryRow, declaration: InForceDeclaration): DeclarationLine {
  const lineIndex = Number(row.line_index);
  return {
    id: `${declaration.fileName}#${declaration.section}:${lineIndex + 1}`,
    section: declaration.section,
    lineNumber: row.line_number === null ? lineIndex + 1 : Number(row.line_number),
    invoiceNumber: row.invoice_number,
    invoiceDate: row.invoice_date as CalendarDate,
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

/** Movements of the given kinds whose document is dated in the period, ordered by (document number, date). */
export async function* iterateMovementsByInvoice(ctx: StoreContext, input: MovementsByInvoiceQuery, options: PageOptions = {}): AsyncGenerator<StoredMovement> {
  const query = parseInput(movementsByInvoiceQuerySchema, input, 'movements by invoice query', 'запрос движений по счетам-фактурам');
  const { pageSize } = parseInput(pageOptionsSchema, options, 'page options', 'размер страницы');
  const taxpayer = await findTaxpayer(ctx.db, query.taxpayerInn);
  if (taxpayer === undefined) return;
  let cursor: readonly [string, string, bigint] | undefined;
  for (;;) {
    const c = cursor;
    let select = ctx.db
      .selectFrom('movements as m')
      .innerJoin('documents as d', 'd.id', 'm.document_id')
      .select([
        'm.id', 'm.document_id', 'm.line_ref', 'm.kind', 'm.rnpt', 'm.tnved', 'm.okei', 'm.quantity', 'm.cost_kopecks', 'm.date',
        'm.operation_code', 'm.counterparty_inn', 'd.kind as document_kind', 'd.number as document_number', 'd.date as document_date',
        'd.number_normalized as document_number_normalized',
      ])
      .where('m.taxpayer_id', '=', taxpayer.id)
      .where('m.kind', 'in', query.kinds)
      .where('d.date', '>=', query.from)
      .where('d.date', '<=', query.to);
    if (c !== undefined) select = select.where((eb) => eb(eb.refTuple('d.number_normalized', 'd.date', 'm.id'), '>', eb.tuple(c[0], c[1], c[2])));
    const rows = await select.orderBy('d.number_normalized').orderBy('d.date').orderBy('m.id').limit(pageSize).execute();
    for (const row of rows) yield toStoredMovement(row, taxpayer.inn as Inn);
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    cursor = [last.document_number_normalized, last.document_date, toBigInt(last.id)];
  }
}
