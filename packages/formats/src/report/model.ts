/**
 * Отчёт об операциях с товарами, подлежащими прослеживаемости (ON_OTCHOPTOV, КНД 1169010, ВерсФорм 5.02),
 * filed quarterly by those who do not pay VAT [I: structure from 1C's scheme 502].
 */
import { calendarDateSchema } from '@sledopyt/core';
import { z } from 'zod';
import { kopecksSchema, okeiSchema, positiveQuantitySchema, text } from '../common/codes.js';
import { formSignerSchema, formTaxpayerSchema } from '../notifications/common.js';

export const OPERATIONS_REPORT_KND = '1169010';

/** 21–24 = I–IV quarter. */
export const REPORT_PERIODS = ['21', '22', '23', '24'] as const;

export const reportGoodsSchema = z.object({
  РегНомерТов: z.string().min(1).max(29),
  ЕдинИзмерПер: okeiSchema,
  КоличТоварПер: positiveQuantitySchema,
  СтТоварБезНДС: kopecksSchema,
});

export const reportLineSchema = z.object({
  НомерПор: z.number().int().min(1).max(999_999_999_999),
  ДатаОпер: calendarDateSchema,
  /** Operation code 01–39 (derived/otchet-operacii-KodVidOper-codes.tsv). */
  КодВидОпер: z.string().regex(/^(0[1-9]|[12][0-9]|3[0-9])$/, 'код операции: 01–39'),
  /** ВидДок 1 СФ, 2 КСФ, 3 УПД, 4 УКД, 5 иной. */
  РеквПервичДок: z.object({ ВидДок: z.enum(['1', '2', '3', '4', '5']), НомДок: text(255), ДатаДок: calendarDateSchema }),
  Контрагент: formTaxpayerSchema.optional(),
  ТоварПросл: z.array(reportGoodsSchema).min(1),
});
export type ReportLine = z.output<typeof reportLineSchema>;

export const operationsReportSchema = z.object({
  ВерсФорм: z.literal('5.02').default('5.02'),
  ИдФайл: text(255),
  ВерсПрог: text(40).optional(),
  ОтчетГод: z.string().regex(/^[0-9]{4}$/),
  Период: z.enum(REPORT_PERIODS),
  НомКорр: z.number().int().min(0).max(999).default(0),
  КодНО: z.string().regex(/^[0-9]{4}$/, 'код налогового органа: 4 цифры'),
  /** Код по месту нахождения (учёта), e.g. 214 (организация), 120 (ИП) — 1C lists 116, 213–216, 227, 231, 250, 331 [V BP]. */
  ПоМесту: z.string().regex(/^[0-9]{3}$/),
  СвНП: formTaxpayerSchema,
  Подписант: formSignerSchema,
  ОтчетОперПрТовСтр: z.array(reportLineSchema).min(1),
});
export type OperationsReport = z.output<typeof operationsReportSchema>;
export type OperationsReportInput = Omit<z.input<typeof operationsReportSchema>, 'ИдФайл'> & { ИдФайл?: string };
