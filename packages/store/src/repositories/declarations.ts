/**
 * VAT declaration sections (8, 8.1, 9, 9.1) with their lines and traceability entries. A section file can
 * be gigabytes, so `importDeclaration` streams: it reads lines from an (async) iterable and writes them in
 * multi-row batches, all inside one transaction — the whole file commits or nothing of it does, and memory
 * holds one batch. Lines are keyed by their position in the file (`line_index`), so entries need no ids back
 * from the database.
 */
import { calendarDateSchema, innSchema, kppSchema } from '@sledopyt/core';
import type { Quantity } from '@sledopyt/core';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Executor, StoreContext } from '../context.js';
import type { NewDeclarationLineRow, NewTraceEntryRow } from '../schema.js';
import { bulkInsert } from '../bulk-insert.js';
import type { BulkColumns } from '../bulk-insert.js';
import { assertQuantityFits, flag, parseInput } from '../values.js';
import { normalizeInvoiceNumber } from '@sledopyt/core';
import { contentHashSchema, documentSourceSchema } from './documents.js';
import { ensureTaxpayerIds } from './taxpayers.js';

export const DECLARATION_SECTIONS = ['8', '8.1', '9', '9.1'] as const;
export type DeclarationSection = (typeof DECLARATION_SECTIONS)[number];

export const declarationInputSchema = z.object({
  taxpayerInn: innSchema,
  taxpayerKpp: kppSchema.optional(),
  year: z.number().int().min(2021).max(2100),
  quarter: z.number().int().min(1).max(4),
  /** НомКорр: 0 for the primary declaration. */
  correctionNumber: z.number().int().min(0).max(999),
  section: z.enum(DECLARATION_SECTIONS),
  /** ИдФайл (or the file's name when it has none). */
  fileName: z.string().trim().min(1),
  contentHash: contentHashSchema,
  /** ПризнСвед8/81/9/91 = 1: in a correction, the earlier data of the section stays valid (no lines). */
  earlierDataValid: z.boolean().default(false),
  source: documentSourceSchema,
  sourceRef: z.string().trim().min(1).max(2000),
});
export type DeclarationInput = z.input<typeof declarationInputSchema>;

const quantityValueSchema = z.custom<Quantity>((value) => typeof value === 'bigint', {
  message: 'количество — Quantity ядра (bigint в 10⁻¹¹ единицы)',
});
const codeText = z.string().trim().min(1).max(20);

export const traceEntryInputSchema = z.object({
  /**
   * `rnpt`, `customs_declaration` (a bare ДТ number, 3 groups), or `invalid`: a number the core cannot parse,
   * kept as written so that the reconciler reports it (RNPT_INVALID) instead of the import refusing the file.
   */
  kind: z.enum(['rnpt', 'customs_declaration', 'invalid']),
  /** The canonical number (the core's `Rnpt` or ДТ number); for `invalid`, the number as written. */
  number: z.string().trim().min(1).max(40),
  /** РегНомПросл as written in the file. */
  raw: z.string().max(40),
  okei: codeText.optional(),
  /** КолТовПросл; negative in storno lines. */
  quantity: quantityValueSchema.optional(),
  /** СтоимТовПросл in kopecks; negative in storno lines. */
  costKopecks: z.bigint().optional(),
});
export type TraceEntryInput = z.input<typeof traceEntryInputSchema>;

export const declarationLineInputSchema = z.object({
  /** НомерПор. */
  lineNumber: z.number().int().min(0).optional(),
  /** НомСчФПрод as written; stored normalised (trimmed, case-folded) beside it. */
  invoiceNumber: z.string().max(1000),
  invoiceDate: calendarDateSchema.optional(),
  invoiceCorrectionNumber: z.number().int().min(0).optional(),
  invoiceCorrectionDate: calendarDateSchema.optional(),
  correctionInvoiceNumber: z.string().max(256).optional(),
  correctionInvoiceDate: calendarDateSchema.optional(),
  /** The seller (section 8) or buyer (section 9), as written: the first one when there are several. */
  counterpartyInn: codeText.optional(),
  counterpartyKpp: codeText.optional(),
  /** КодВидОпер. */
  operationCodes: z.array(z.string().regex(/^\d{2}$/, { message: 'код вида операции — 2 цифры' })).min(1),
  /** A storno line (negative amounts). */
  storno: z.boolean().default(false),
  amountKopecks: z.bigint().optional(),
  vatKopecks: z.bigint().optional(),
  /** КодВидТовар (section 9). */
  tnvedCodes: z.array(z.string().regex(/^\d{10}$/)).default([]),
  entries: z.array(traceEntryInputSchema).default([]),
});
export type DeclarationLineInput = z.input<typeof declarationLineInputSchema>;

export const importDeclarationOptionsSchema = z.object({
  /** Lines per batch (each batch is a few multi-row INSERTs). */
  batchSize: z.number().int().min(1).max(100_000).default(2_000),
  /** Called after each batch with the lines stored so far (progress bars). */
  onProgress: z.custom<(linesStored: number) => void>((value) => typeof value === 'function').optional(),
});
export type ImportDeclarationOptions = z.input<typeof importDeclarationOptionsSchema>;

export interface ImportDeclarationResult {
  declarationId: bigint;
  /** The same content was already stored: nothing was read or written. */
  duplicate: boolean;
  lines: number;
  entries: number;
}

type ParsedLine = z.output<typeof declarationLineInputSchema>;

/** PostgreSQL: a section this long changes the tables' statistics enough to refresh them at once. */
const ANALYZE_AFTER_LINES = 10_000;

function lineRow(declarationId: bigint, lineIndex: number, line: ParsedLine): NewDeclarationLineRow {
  return {
    declaration_id: declarationId,
    line_index: lineIndex,
    line_number: line.lineNumber ?? null,
    invoice_number: line.invoiceNumber,
    invoice_number_normalized: normalizeInvoiceNumber(line.invoiceNumber),
    invoice_date: line.invoiceDate ?? null,
    invoice_correction_number: line.invoiceCorrectionNumber ?? null,
    invoice_correction_date: line.invoiceCorrectionDate ?? null,
    correction_invoice_number: line.correctionInvoiceNumber ?? null,
    correction_invoice_number_normalized: line.correctionInvoiceNumber === undefined ? null : normalizeInvoiceNumber(line.correctionInvoiceNumber),
    correction_invoice_date: line.correctionInvoiceDate ?? null,
    counterparty_inn: line.counterpartyInn ?? null,
    counterparty_kpp: line.counterpartyKpp ?? null,
    operation_codes: line.operationCodes.join(','),
    is_storno: flag(line.storno),
    amount_kopecks: line.amountKopecks ?? null,
    vat_kopecks: line.vatKopecks ?? null,
    tnved_codes: line.tnvedCodes.length === 0 ? null : line.tnvedCodes.join(','),
  };
}

const LINE_COLUMNS: BulkColumns<'declaration_lines'> = [
  ['declaration_id', 'bigint'],
  ['line_index', 'bigint'],
  ['line_number', 'bigint'],
  ['invoice_number', 'text'],
  ['invoice_number_normalized', 'code'],
  ['invoice_date', 'date'],
  ['invoice_correction_number', 'int'],
  ['invoice_correction_date', 'date'],
  ['correction_invoice_number', 'text'],
  ['correction_invoice_number_normalized', 'code'],
  ['correction_invoice_date', 'date'],
  ['counterparty_inn', 'code'],
  ['counterparty_kpp', 'code'],
  ['operation_codes', 'code'],
  ['is_storno', 'flag'],
  ['amount_kopecks', 'bigint'],
  ['vat_kopecks', 'bigint'],
  ['tnved_codes', 'code'],
];

const ENTRY_COLUMNS: BulkColumns<'declaration_trace_entries'> = [
  ['declaration_id', 'bigint'],
  ['line_index', 'bigint'],
  ['entry_index', 'int'],
  ['registration_kind', 'code'],
  ['registration_number', 'code'],
  ['registration_number_raw', 'text'],
  ['okei', 'code'],
  ['quantity', 'quantity'],
  ['cost_kopecks', 'bigint'],
];

class BatchWriter {
  readonly lines: NewDeclarationLineRow[] = [];
  readonly entries: NewTraceEntryRow[] = [];
  lineCount = 0;
  entryCount = 0;

  constructor(
    private readonly db: Executor,
    private readonly ctx: StoreContext,
    private readonly declarationId: bigint,
  ) {}

  add(input: DeclarationLineInput): void {
    const line = parseInput(declarationLineInputSchema, input, `declaration line #${this.lineCount}`, `строка декларации № ${this.lineCount + 1}`);
    const lineIndex = this.lineCount;
    this.lines.push(lineRow(this.declarationId, lineIndex, line));
    line.entries.forEach((entry, entryIndex) => {
      if (entry.quantity !== undefined) assertQuantityFits(this.ctx.engine, entry.quantity, `${line.invoiceNumber} / ${entry.number}`);
      this.entries.push({
        declaration_id: this.declarationId,
        line_index: lineIndex,
        entry_index: entryIndex,
        registration_kind: entry.kind,
        registration_number: entry.number,
        registration_number_raw: entry.raw,
        okei: entry.okei ?? null,
        quantity: entry.quantity ?? null,
        cost_kopecks: entry.costKopecks ?? null,
      });
    });
    this.lineCount += 1;
    this.entryCount += line.entries.length;
  }

  async flush(): Promise<void> {
    await bulkInsert(this.db, this.ctx, 'declaration_lines', LINE_COLUMNS, this.lines);
    await bulkInsert(this.db, this.ctx, 'declaration_trace_entries', ENTRY_COLUMNS, this.entries);
    this.lines.length = 0;
    this.entries.length = 0;
  }
}

export async function importDeclaration(
  ctx: StoreContext,
  input: DeclarationInput,
  lines: AsyncIterable<DeclarationLineInput> | Iterable<DeclarationLineInput>,
  options: ImportDeclarationOptions = {},
): Promise<ImportDeclarationResult> {
  const declaration = parseInput(declarationInputSchema, input, 'declaration', 'декларация');
  const { batchSize, onProgress } = parseInput(importDeclarationOptionsSchema, options, 'declaration import options', 'параметры загрузки декларации');
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const taxpayerIds = await ensureTaxpayerIds(trx, [declaration.taxpayerInn], now);
    const taxpayerId = taxpayerIds.get(declaration.taxpayerInn) ?? 0n;
    if (declaration.taxpayerKpp !== undefined) {
      await trx.updateTable('taxpayers').set({ kpp: declaration.taxpayerKpp }).where('id', '=', taxpayerId).where('kpp', 'is', null).execute();
    }
    const inserted = await trx
      .insertInto('declarations')
      .values({
        taxpayer_id: taxpayerId,
        year: declaration.year,
        quarter: declaration.quarter,
        correction_number: declaration.correctionNumber,
        section: declaration.section,
        file_name: declaration.fileName,
        content_hash: declaration.contentHash,
        earlier_data_valid: flag(declaration.earlierDataValid),
        source: declaration.source,
        source_ref: declaration.sourceRef,
        line_count: 0,
        entry_count: 0,
        imported_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['taxpayer_id', 'content_hash']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted === undefined) {
      const existing = await trx
        .selectFrom('declarations')
        .select(['id', 'line_count', 'entry_count'])
        .where('taxpayer_id', '=', taxpayerId)
        .where('content_hash', '=', declaration.contentHash)
        .executeTakeFirstOrThrow();
      return { declarationId: existing.id, duplicate: true, lines: 0, entries: 0 };
    }

    const writer = new BatchWriter(trx, ctx, inserted.id);
    for await (const line of lines) {
      writer.add(line);
      if (writer.lines.length >= batchSize) {
        await writer.flush();
        onProgress?.(writer.lineCount);
      }
    }
    await writer.flush();
    onProgress?.(writer.lineCount);
    await trx
      .updateTable('declarations')
      .set({ line_count: writer.lineCount, entry_count: writer.entryCount })
      .where('id', '=', inserted.id)
      .execute();
    if (ctx.engine === 'postgres' && writer.lineCount >= ANALYZE_AFTER_LINES) {
      // Fresh statistics before anyone reads the file: with the tables' old row counts the planner sorts all
      // lines after the cursor for every page of the reconciler's stream (a bitmap scan plus sort, measured
      // at 150 ms a page at 200 000 lines) instead of reading one page in index order. Autovacuum would get
      // there, but only a minute or more after the commit. Inside the transaction ANALYZE sees the new rows.
      await sql`analyze declaration_lines`.execute(trx);
      await sql`analyze declaration_trace_entries`.execute(trx);
    }
    return { declarationId: inserted.id, duplicate: false, lines: writer.lineCount, entries: writer.entryCount };
  });
}
