/**
 * One discrepancy as the report reads it. The core's `Discrepancy` fits as is; rows from elsewhere (the
 * store) may leave out the catalog texts, which are then taken from the report's catalog.
 */
import { SledopytError, calendarDateSchema, discrepancyCodeSchema } from '@sledopyt/core';
import { z } from 'zod';
import type { ReportCatalog } from './model.js';

const detailValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const reportDiscrepancySchema = z.object({
  code: discrepancyCodeSchema,
  severity: z.enum(['error', 'warning', 'info']),
  rnpt: z.string().nullable().default(null),
  document: z
    .object({
      kind: z.string(),
      number: z.string(),
      date: calendarDateSchema,
      counterpartyInn: z.string().nullable().default(null),
    })
    .nullable()
    .default(null),
  /** Declaration section (8, 8.1, 9, 9.1) or null. */
  section: z.string().nullable().default(null),
  declarationLineId: z.string().nullable().default(null),
  movementIds: z.array(z.string()).default([]),
  expected: z.string().nullable().default(null),
  actual: z.string().nullable().default(null),
  /** Roubles attributed to this finding (one fine per document). */
  fineRub: z
    .union([z.number(), z.bigint()])
    .transform(Number)
    .pipe(z.number().finite().nonnegative())
    .default(0),
  messageRu: z.string().trim().min(1),
  titleRu: z.string().optional(),
  fixRu: z.string().optional(),
  legalBasisRu: z.string().optional(),
  details: z.record(z.string(), detailValueSchema).default({}),
});

export type ReportDiscrepancyInput = z.input<typeof reportDiscrepancySchema>;
type ParsedRow = z.output<typeof reportDiscrepancySchema>;

/** A validated row with every text filled in. */
export type ReportRow = Omit<ParsedRow, 'titleRu' | 'fixRu' | 'legalBasisRu'> & { titleRu: string; fixRu: string; legalBasisRu: string };

/** Validates row number `index` (0-based) and fills the texts it leaves out from the catalog. */
export function toReportRow(input: unknown, index: number, catalog: ReportCatalog): ReportRow {
  const parsed = reportDiscrepancySchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(строка)'}: ${issue.message}`);
    throw new SledopytError({
      code: 'REPORT_ROW_INVALID',
      message: `Discrepancy #${index + 1} cannot be reported: ${issues.join('; ')}`,
      messageRu: `Расхождение № ${index + 1} не удалось включить в отчёт: ${issues.join('; ')}`,
      actor: 'developer',
      details: { index, issues },
    });
  }
  const row = parsed.data;
  const rule = catalog[row.code];
  return { ...row, titleRu: row.titleRu ?? rule.titleRu, fixRu: row.fixRu ?? rule.fixRu, legalBasisRu: row.legalBasisRu ?? rule.legalBasisRu };
}

/** Reads a sync or async iterable with one loop. */
export async function* readRows<T>(source: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* source;
}
