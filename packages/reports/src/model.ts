/**
 * The report model: who and which quarter, when and by which run it was made, the fine estimate, the
 * catalog texts, and the discrepancies themselves as an iterable (sync or async) that is read once, so
 * a run with hundreds of thousands of findings can stream from the store without being held in memory.
 */
import {
  DISCREPANCY_CATALOG,
  SledopytError,
  discrepancyCodeSchema,
  formatQuarter,
  innSchema,
  isQuarterId,
  kppSchema,
  parseQuarter,
  type DiscrepancyCode,
  type DiscrepancyRule,
  type QuarterId,
} from '@sledopyt/core';
import { z } from 'zod';
import type { ReportDiscrepancyInput } from './rows.js';

export const reportTaxpayerSchema = z.object({
  inn: innSchema,
  /** An organisation's КПП; a sole trader has none. */
  kpp: kppSchema.nullable().default(null),
  name: z.string().trim().min(1, { message: 'укажите наименование налогоплательщика' }),
});

export const reportPeriodSchema = z
  .string()
  .refine((text) => isQuarterId(text), { message: 'квартал в виде ГГГГ-QN, например 2026-Q3' })
  .transform((text): QuarterId => formatQuarter(parseQuarter(text)));

const instantSchema = z.union([z.date(), z.string()]).transform((value, ctx): Date => {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: `не дата и время: ${String(value)}` });
    return z.NEVER;
  }
  return date;
});

const fineKindTotalSchema = z.object({
  kind: z.enum(['document_requisites', 'paper_document', 'notification', 'report']),
  documents: z.number().int().nonnegative(),
  rub: z.number().nonnegative(),
  capped: z.boolean(),
  status: z.enum(['draft', 'adopted']),
});

/** The core's FineEstimate without its per-finding array (each row carries its own `fineRub`). */
export const reportFinesSchema = z.object({
  byKind: z.array(fineKindTotalSchema),
  totalRub: z.number().nonnegative(),
});
export type ReportFines = z.output<typeof reportFinesSchema>;

const catalogEntrySchema = z.object({
  code: discrepancyCodeSchema,
  severity: z.enum(['error', 'warning', 'info']),
  severityConfigurable: z.boolean(),
  titleRu: z.string().min(1),
  whenRu: z.string(),
  whyRu: z.string(),
  fixRu: z.string(),
  legalBasisRu: z.string(),
  fine: z.enum(['document_requisites', 'paper_document', 'notification', 'report', 'none']),
});
export type ReportCatalog = Readonly<Record<DiscrepancyCode, DiscrepancyRule>>;

const discrepancySourceSchema = z.custom<DiscrepancySource>(
  (value) => typeof value === 'object' && value !== null && (Symbol.iterator in value || Symbol.asyncIterator in value),
  { message: 'расхождения — итерируемый (или асинхронно итерируемый) список' },
);

export const reportModelSchema = z.object({
  taxpayer: reportTaxpayerSchema,
  period: reportPeriodSchema,
  generatedAt: instantSchema,
  runId: z.union([z.string().trim().min(1), z.number().int(), z.bigint()]).transform(String),
  fines: reportFinesSchema,
  /** Read exactly once, in order (the reconciler's order: errors first). */
  discrepancies: discrepancySourceSchema,
  /** Names for counterparty ИНН in charts and tables, when known. */
  counterpartyNames: z.record(z.string(), z.string()).default({}),
  /** The catalog the run used (titles, why it matters, fixes); default: the core's. */
  catalog: z
    .record(discrepancyCodeSchema, catalogEntrySchema)
    .optional()
    .transform((catalog): ReportCatalog => catalog ?? DISCREPANCY_CATALOG),
});

export type DiscrepancySource = Iterable<ReportDiscrepancyInput> | AsyncIterable<ReportDiscrepancyInput>;
export type ReportModelInput = z.input<typeof reportModelSchema>;
export type ReportModel = z.output<typeof reportModelSchema>;
export type ReportTaxpayer = ReportModel['taxpayer'];

/** Validates the model's header; the discrepancies are validated one by one as they are read. */
export function parseReportModel(input: ReportModelInput): ReportModel {
  const parsed = reportModelSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(модель)'}: ${issue.message}`);
  throw new SledopytError({
    code: 'REPORT_MODEL_INVALID',
    message: `The report model is invalid: ${issues.join('; ')}`,
    messageRu: `Отчёт не построен: неверные данные — ${issues.join('; ')}`,
    actor: 'developer',
    details: { issues },
  });
}
