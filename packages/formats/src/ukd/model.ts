/**
 * The УКД / корректировочный счёт-фактура model (информация продавца, ON_NKORSCHFDOPPR, КНД 1115133), format 5.01
 * (приказ ЕД-7-26/736@). No official XSD was found: the structure is 1C's machine import of the ФНС schema
 * (shared/fns-formats/derived/ukd-ON_NKORSCHFDOPPR-5.01-from-1C-XDTO.structure.tsv) — [I], easy to correct here.
 * Names are the official ones; amounts in kopecks, quantities as the core's Quantity, dates as CalendarDate.
 */
import { calendarDateSchema } from '@sledopyt/core';
import { z } from 'zod';
import { innFlSchema, innUlSchema, nonNegativeKopecksSchema, okeiSchema, okvSchema, quantityValueSchema, text } from '../common/codes.js';
import { fioSchema, participantSchema } from '../common/participant.js';
import { VAT_RATES } from '../upd/model.js';
import { edoIdSchema } from '../xml/file-names.js';
import { decimalStringSchema } from '../xml/values.js';

export const UKD_VERSIONS = ['5.01'] as const;
export const UKD_KND = '1115133';
export const UKD_FUNCTIONS = ['КСЧФ', 'КСЧФДИС', 'ДИС', 'СвИСРК', 'СвИСЗК'] as const;

/** СтоимТип: a value before and after the correction and the difference (kopecks). */
export const costChangeSchema = z.object({
  СтоимДоИзм: nonNegativeKopecksSchema.optional(),
  СтоимПослеИзм: nonNegativeKopecksSchema.optional(),
  СтоимУвел: nonNegativeKopecksSchema.optional(),
  СтоимУм: nonNegativeKopecksSchema.optional(),
});
export type CostChange = z.output<typeof costChangeSchema>;

const vatAmount = z.union([nonNegativeKopecksSchema, z.literal('без НДС')]);
const exciseAmount = z.union([nonNegativeKopecksSchema, z.literal('без акциза')]);

/** `ТаблКСчФ/СведТов/СведПрослеж`: the batch and the change of its quantity (no cost field in 5.01). */
export const ukdTraceabilitySchema = z.object({
  НомТовПрослеж: z.string().min(1).max(29),
  ЕдИзмПрослеж: okeiSchema,
  /** `ДопПрослеж` in the file. */
  ДопИнфПрослеж: text(255).optional(),
  ИзмКолЕдПТ: z
    .object({
      КолТовЕдПТДо: quantityValueSchema,
      КолТовЕдПТПосле: quantityValueSchema,
      КолТовЕдПТУвел: quantityValueSchema.optional(),
      КолТовЕдПТУм: quantityValueSchema.optional(),
    })
    .optional(),
});
export type UkdTraceability = z.output<typeof ukdTraceabilitySchema>;

export const ukdLineSchema = z.object({
  НомСтр: z.number().int().min(0).max(999_999),
  ПорНомТовВСЧФ: z.number().int().min(0).max(999_999).optional(),
  НаимТов: text(1000).optional(),
  ОКЕИ_ТовДо: okeiSchema.optional(),
  ОКЕИ_ТовПосле: okeiSchema.optional(),
  КолТовДо: quantityValueSchema.optional(),
  КолТовПосле: quantityValueSchema.optional(),
  ЦенаТовДо: decimalStringSchema.optional(),
  ЦенаТовПосле: decimalStringSchema.optional(),
  НалСтДо: z.enum(VAT_RATES),
  НалСтПосле: z.enum(VAT_RATES),
  СтТовБезНДС: costChangeSchema.optional(),
  АкцизДо: exciseAmount.default('без акциза'),
  АкцизПосле: exciseAmount.default('без акциза'),
  СумНалДо: vatAmount.optional(),
  СумНалПосле: vatAmount.optional(),
  СумНалРазн: z.object({ СумУвел: nonNegativeKopecksSchema.optional(), СумУм: nonNegativeKopecksSchema.optional() }).optional(),
  СтТовУчНал: costChangeSchema.optional(),
  /** `ДопСведТов/@КодВидТов`: ТН ВЭД ЕАЭС. */
  КодВидТов: z.string().regex(/^[0-9]{10}$/, 'код ТН ВЭД ЕАЭС: 10 цифр').optional(),
  СведПрослеж: z.array(ukdTraceabilitySchema).default([]),
});
export type UkdLine = z.output<typeof ukdLineSchema>;

const ukdTotalsSchema = z.object({
  СтТовБезНДСВсего: nonNegativeKopecksSchema,
  СтТовУчНалВсего: nonNegativeKopecksSchema.optional(),
  СумНал: vatAmount.optional(),
});

const basisSchema = z.object({ НаимОсн: text(255), НомОсн: text(255).optional(), ДатаОсн: calendarDateSchema.optional() });

/** 5.01 signer (`Подписант`): authority, status and the person (organisation employee, sole trader or individual). */
export const ukdSignerSchema = z.object({
  ОблПолн: z.enum(['0', '3', '6']),
  Статус: z.enum(['1', '2', '3', '4']),
  ОснПолн: text(255),
  kind: z.enum(['ЮЛ', 'ИП', 'ФЛ']),
  ИННЮЛ: innUlSchema.optional(),
  ИННФЛ: innFlSchema.optional(),
  НаимОрг: text(1000).optional(),
  Должн: text(128).optional(),
  ФИО: fioSchema,
});

export const ukdDocumentSchema = z.object({
  ВерсФорм: z.enum(UKD_VERSIONS),
  ИдФайл: text(255),
  ВерсПрог: text(40),
  ИдОтпр: edoIdSchema,
  ИдПол: edoIdSchema,
  Функция: z.enum(UKD_FUNCTIONS),
  ПоФактХЖ: text(255).optional(),
  НаимДокОпр: text(255).optional(),
  ДатаИнфПр: calendarDateSchema,
  ВремИнфПр: z.string().regex(/^([01][0-9]|2[0-3])\.[0-5][0-9]\.[0-5][0-9]$/, 'время ЧЧ.ММ.СС'),
  НаимЭконСубСост: text(1000),
  НомерКСчФ: text(1000),
  ДатаКСчФ: calendarDateSchema,
  КодОКВ: okvSchema,
  /** The invoices being corrected. */
  СчФ: z.array(z.object({ НомерСчФ: text(1000), ДатаСчФ: calendarDateSchema })).min(1),
  СвПрод: participantSchema,
  СвПокуп: participantSchema,
  СведТов: z.array(ukdLineSchema).min(1),
  ВсегоУвел: ukdTotalsSchema.optional(),
  ВсегоУм: ukdTotalsSchema.optional(),
  СодФХЖ3: z
    .object({
      СодОпер: text(255),
      ДатаНапр: calendarDateSchema.optional(),
      ПередатДокум: z.array(basisSchema).min(1),
      ДокумОснКор: z.array(basisSchema).min(1),
    })
    .optional(),
  Подписант: z.array(ukdSignerSchema).min(1),
});

export type UkdDocument = z.output<typeof ukdDocumentSchema>;
export type UkdDocumentInput = z.input<typeof ukdDocumentSchema>;
