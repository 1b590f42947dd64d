/**
 * Discrepancies found by a run, in the catalog's terms (discrepancies.md): code, severity, the RNPT, the
 * document, the declaration line, expected vs found, the fine risk and the Russian explanation. Saved in
 * batches inside one transaction; read back page by page for the reports.
 */
import { calendarDateSchema, innSchema } from '@sledopyt/core';
import type { CalendarDate } from '@sledopyt/core';
import { z } from 'zod';
import type { StoreContext } from '../context.js';
import type { NewDiscrepancyRow } from '../schema.js';
import { bulkInsert } from '../bulk-insert.js';
import type { BulkColumns } from '../bulk-insert.js';
import { parseInput, readJson, toNullableBigInt, toNumber, writeJson } from '../values.js';
import { pageOptionsSchema } from './movements.js';
import type { PageOptions } from './movements.js';
import { ensureTaxpayerIds } from './taxpayers.js';

export const DISCREPANCY_SEVERITIES = ['error', 'warning', 'info'] as const;
export type DiscrepancySeverity = (typeof DISCREPANCY_SEVERITIES)[number];

const integer = z.union([z.bigint(), z.number().int()]).transform((value) => BigInt(value));

export const discrepancyInputSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, { message: 'код расхождения — ЗАГЛАВНЫЕ_БУКВЫ' }),
  severity: z.enum(DISCREPANCY_SEVERITIES),
  taxpayerInn: innSchema.optional(),
  period: z.object({ year: z.number().int().min(2021).max(2100), quarter: z.number().int().min(1).max(4) }).optional(),
  rnpt: z.string().trim().min(1).max(40).optional(),
  document: z
    .object({
      id: integer.optional(),
      number: z.string(),
      date: calendarDateSchema.optional(),
      counterpartyInn: z.string().optional(),
    })
    .optional(),
  declarationLine: z.object({ declarationId: integer, lineIndex: integer }).optional(),
  /** Declaration section (8, 8.1, 9, 9.1) or another place, e.g. `report`. */
  section: z.string().trim().min(1).max(20).optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** Fine risk in whole roubles. */
  fineRub: integer.default(0n),
  messageRu: z.string().trim().min(1),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type DiscrepancyInput = z.input<typeof discrepancyInputSchema>;

export interface StoredDiscrepancy {
  id: bigint;
  runId: bigint;
  code: string;
  severity: DiscrepancySeverity;
  taxpayerInn: string | null;
  period: { year: number; quarter: number } | null;
  rnpt: string | null;
  document: { id: bigint | null; number: string | null; date: CalendarDate | null; counterpartyInn: string | null };
  declarationLine: { declarationId: bigint; lineIndex: bigint } | null;
  section: string | null;
  expected: string | null;
  actual: string | null;
  fineRub: bigint;
  messageRu: string;
  details: Record<string, unknown> | null;
}

const DISCREPANCY_COLUMNS: BulkColumns<'discrepancies'> = [
  ['run_id', 'bigint'],
  ['taxpayer_id', 'bigint'],
  ['year', 'int'],
  ['quarter', 'int'],
  ['code', 'code'],
  ['severity', 'code'],
  ['rnpt', 'code'],
  ['document_id', 'bigint'],
  ['document_number', 'text'],
  ['document_date', 'date'],
  ['counterparty_inn', 'code'],
  ['declaration_id', 'bigint'],
  ['declaration_line_index', 'bigint'],
  ['section', 'code'],
  ['expected', 'text'],
  ['actual', 'text'],
  ['fine_rub', 'bigint'],
  ['message_ru', 'text'],
  ['details', 'json'],
];

type Parsed = z.output<typeof discrepancyInputSchema>;

function toRow(runId: bigint, d: Parsed, taxpayerId: bigint | null): NewDiscrepancyRow {
  return {
    run_id: runId,
    taxpayer_id: taxpayerId,
    year: d.period?.year ?? null,
    quarter: d.period?.quarter ?? null,
    code: d.code,
    severity: d.severity,
    rnpt: d.rnpt ?? null,
    document_id: d.document?.id ?? null,
    document_number: d.document?.number ?? null,
    document_date: d.document?.date ?? null,
    counterparty_inn: d.document?.counterpartyInn ?? null,
    declaration_id: d.declarationLine?.declarationId ?? null,
    declaration_line_index: d.declarationLine?.lineIndex ?? null,
    section: d.section ?? null,
    expected: d.expected ?? null,
    actual: d.actual ?? null,
    fine_rub: d.fineRub,
    message_ru: d.messageRu,
    details: writeJson(d.details),
  };
}

/** Stores the discrepancies of a run in one transaction; returns how many. */
export async function saveDiscrepancies(
  ctx: StoreContext,
  runId: bigint,
  items: Iterable<DiscrepancyInput> | AsyncIterable<DiscrepancyInput>,
  options: { batchSize?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 2_000;
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const taxpayers = new Map<string, bigint>();
    let batch: { parsed: Parsed }[] = [];
    let count = 0;
    const flush = async (): Promise<void> => {
      const missing = batch.map((b) => b.parsed.taxpayerInn).filter((inn): inn is NonNullable<typeof inn> => inn !== undefined && !taxpayers.has(inn));
      for (const [inn, id] of await ensureTaxpayerIds(trx, missing, now)) taxpayers.set(inn, id);
      const rows = batch.map(({ parsed }) => toRow(runId, parsed, parsed.taxpayerInn === undefined ? null : (taxpayers.get(parsed.taxpayerInn) ?? null)));
      await bulkInsert(trx, ctx, 'discrepancies', DISCREPANCY_COLUMNS, rows);
      batch = [];
    };
    for await (const item of items) {
      batch.push({ parsed: parseInput(discrepancyInputSchema, item, `discrepancy #${count}`, `расхождение № ${count + 1}`) });
      count += 1;
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    return count;
  });
}

/** The discrepancies of a run in the order they were saved, one page per query. */
export async function* iterateDiscrepancies(ctx: StoreContext, runId: bigint, options: PageOptions = {}): AsyncGenerator<StoredDiscrepancy> {
  const { pageSize } = parseInput(pageOptionsSchema, options, 'page options', 'размер страницы');
  let afterId = 0n;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('discrepancies as d')
      .leftJoin('taxpayers as t', 't.id', 'd.taxpayer_id')
      .selectAll('d')
      .select('t.inn as taxpayer_inn')
      .where('d.run_id', '=', runId)
      .where('d.id', '>', afterId)
      .orderBy('d.id')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const lineIndex = toNullableBigInt(row.declaration_line_index);
      const declarationId = toNullableBigInt(row.declaration_id);
      yield {
        id: row.id,
        runId: row.run_id,
        code: row.code,
        severity: row.severity as DiscrepancySeverity,
        taxpayerInn: row.taxpayer_inn,
        period: row.year === null || row.quarter === null ? null : { year: toNumber(row.year), quarter: toNumber(row.quarter) },
        rnpt: row.rnpt,
        document: {
          id: toNullableBigInt(row.document_id),
          number: row.document_number,
          date: row.document_date as CalendarDate | null,
          counterpartyInn: row.counterparty_inn,
        },
        declarationLine: declarationId === null || lineIndex === null ? null : { declarationId, lineIndex },
        section: row.section,
        expected: row.expected,
        actual: row.actual,
        fineRub: row.fine_rub,
        messageRu: row.message_ru,
        details: readJson(row.details) as Record<string, unknown> | null,
      };
    }
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return;
    afterId = last.id;
  }
}
