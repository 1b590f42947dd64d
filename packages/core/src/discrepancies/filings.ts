/**
 * The traceability forms a taxpayer filed with ФНС — notifications of EAEU import (КНД 1169008), of EAEU
 * movement (1169009), of remains (1169011) and the quarterly report on operations (1169010) — in the
 * core's terms: what the reconciler needs to check deadlines, coverage and the report's rows. The store
 * keeps them as documents; adapters (file import, 1С) map them here through `filingSchema`.
 */
import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date.js';
import type { Kopecks } from '../money/money.js';
import { quantitySchema } from '../money/quantity.js';

export const FILING_KINDS = ['eaeu_import_notification', 'eaeu_movement_notification', 'remains_notification', 'operations_report'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];

export const FILING_LABELS_RU: Readonly<Record<FilingKind, string>> = {
  eaeu_import_notification: 'уведомление о ввозе из ЕАЭС',
  eaeu_movement_notification: 'уведомление о перемещении в ЕАЭС',
  remains_notification: 'уведомление об остатках',
  operations_report: 'отчёт об операциях',
};

/** Kopecks as stored (decimal string) or as bigint; may be negative only where the rules allow (checked later). */
const kopecksValueSchema = z.union([z.bigint(), z.string().regex(/^-?\d{1,19}$/, 'стоимость в копейках: целое число')]).transform((value) => BigInt(value) as Kopecks);

export const reportGoodsSchema = z.object({
  rnpt: z.string().trim().min(1).max(40),
  unit: z.string().trim().min(1).max(4),
  quantity: quantitySchema,
  cost: kopecksValueSchema,
});
export type ReportGoods = z.output<typeof reportGoodsSchema>;

/** One row of the report on operations (`ОтчетОперПрТовСтр`). */
export const reportRowSchema = z.object({
  lineNumber: z.number().int().nonnegative(),
  date: calendarDateSchema,
  /** `КодВидОпер` as filed (validated by the checks, not here: a wrong code is a finding). */
  operationCode: z.string().trim().min(1).max(4),
  document: z.object({ number: z.string(), date: calendarDateSchema }),
  counterpartyInn: z.string().trim().min(1).nullable(),
  goods: z.array(reportGoodsSchema),
});
export type ReportRow = z.output<typeof reportRowSchema>;

export const filingSchema = z.object({
  /** A stable reference for findings: the store's document id or the file's `ИдФайл`. */
  id: z.string().min(1),
  kind: z.enum(FILING_KINDS),
  number: z.string().trim().min(1),
  /** The day it was filed (for the report: the file-name date, the form has no date of its own). */
  filedOn: calendarDateSchema,
  /** The day its deadline counts from: acceptance of imported goods, shipment, end of the quarter. */
  eventDate: calendarDateSchema.nullable(),
  /** 0 = the first filing; corrections repeat it with another number. */
  correctionNumber: z.number().int().nonnegative().default(0),
  /** The RNPTs the form names (an import notification filed before ФНС assigned one names none). */
  rnpts: z.array(z.string().trim().min(1)).default([]),
  report: z
    .object({
      year: z.number().int().min(2021).max(2100),
      quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      rows: z.array(reportRowSchema),
    })
    .optional(),
});
export type Filing = z.output<typeof filingSchema>;
export type FilingInput = z.input<typeof filingSchema>;
