/**
 * The УПД / счёт-фактура model (информация продавца, ON_NSCHFDOPPR). One model for 5.01, 5.02 and 5.03:
 * field names are the official 5.03 element/attribute names; amounts are kopecks (bigint), quantities are
 * canonical decimal strings, dates are CalendarDate. Only what traceability and the ledger need is modelled;
 * other parts of a document read are ignored (and a written document omits them).
 */
import { calendarDateSchema } from '@sledopyt/core';
import { z } from 'zod';
import {
  kopecksSchema,
  nonNegativeKopecksSchema,
  nonNegativeQuantityValueSchema,
  okeiSchema,
  okvSchema,
  oksmSchema,
  positiveQuantitySchema,
  text,
} from '../common/codes.js';
import { fioSchema, participantSchema } from '../common/participant.js';
import { edoIdSchema } from '../xml/file-names.js';
import { decimalStringSchema } from '../xml/values.js';

export const UPD_VERSIONS = ['5.01', '5.02', '5.03'] as const;
export type UpdVersion = (typeof UPD_VERSIONS)[number];

/** КНД of the seller's title in all three versions. */
export const UPD_KND = '1115131';

export const UPD_FUNCTIONS = ['СЧФ', 'СЧФДОП', 'ДОП', 'СвРК', 'СвЗК'] as const;
export type UpdFunction = (typeof UPD_FUNCTIONS)[number];

/** НалСт of 5.03 (revision _05, with 22 %); 5.01/5.02 allow a subset. */
export const VAT_RATES = [
  '0%', '5%', '7%', '9,09%', '10%', '16,67%', '18%', '18,03%', '20%', '22%',
  '5/105', '7/107', '10/110', '18/118', '20/120', '22/122', 'без НДС', 'НДС исчисляется налоговым агентом',
] as const;
export type VatRate = (typeof VAT_RATES)[number];

const nonNegativeDecimal = decimalStringSchema.refine((value) => !value.startsWith('-'), 'must be ≥ 0');

/** `СведПрослеж` — one traceable batch on a goods line (graphs 11–14 of the УПД). */
export const traceabilitySchema = z.object({
  /** RNPT as written in the document (graph 11). */
  НомТовПрослеж: z.string().min(1).max(29),
  /** Traceability unit, ОКЕИ code (graph 12). */
  ЕдИзмПрослеж: okeiSchema,
  /** Its name (graph 12а). */
  НаимЕдИзмПрослеж: text(255),
  /** Quantity in the traceability unit (graph 13), > 0. */
  КолВЕдПрослеж: positiveQuantitySchema,
  /** Cost without VAT in kopecks (graph 14): absent in 5.01, whole roubles in 5.02. */
  СтТовБезНДСПрослеж: kopecksSchema.optional(),
  /** Extra information (5.01: `ДопПрослеж`). */
  ДопИнфПрослеж: text(255).optional(),
});
export type Traceability = z.output<typeof traceabilitySchema>;

/** `СвДТ` (5.01: `СвТД`): country of origin and customs declaration number (graphs 10, 11 of the СФ). */
export const customsInfoSchema = z.object({
  КодПроисх: oksmSchema.optional(),
  НомерДТ: text(29).optional(),
});

/** `СведТов` — one line of the goods table. */
export const goodsLineSchema = z.object({
  НомСтр: z.number().int().min(0).max(999_999),
  НаимТов: text(2000).optional(),
  ОКЕИ_Тов: okeiSchema.optional(),
  НаимЕдИзм: text(255).optional(),
  КолТов: nonNegativeQuantityValueSchema.optional(),
  ЦенаТов: nonNegativeDecimal.optional(),
  СтТовБезНДС: nonNegativeKopecksSchema.optional(),
  НалСт: z.enum(VAT_RATES),
  /** Excise in kopecks, or «без акциза». */
  Акциз: z.union([nonNegativeKopecksSchema, z.literal('без акциза')]).optional(),
  /** VAT in kopecks, or «без НДС». */
  СумНал: z.union([nonNegativeKopecksSchema, z.literal('без НДС')]),
  СтТовУчНал: nonNegativeKopecksSchema.optional(),
  СвДТ: z.array(customsInfoSchema).default([]),
  /** `ДопСведТов/@КодВидТов` (graph 1б): the ТН ВЭД ЕАЭС code, 10 digits. */
  КодВидТов: z.string().regex(/^[0-9]{10}$/, 'код ТН ВЭД ЕАЭС: 10 цифр').optional(),
  /** `ДопСведТов/@КодТов` (graph 1а): the seller's own product code, not ТН ВЭД. */
  КодТов: text(100).optional(),
  АртикулТов: text(50).optional(),
  /** `ДопСведТов/@ПрТовРаб`: 1 имущество, 2 работа, 3 услуга, 4 имущественные права, 5 иное. */
  ПрТовРаб: z.enum(['1', '2', '3', '4', '5']).optional(),
  СведПрослеж: z.array(traceabilitySchema).default([]),
});
export type GoodsLine = z.output<typeof goodsLineSchema>;

export const totalsSchema = z.object({
  СтТовБезНДСВсего: kopecksSchema.optional(),
  СтТовУчНалВсего: kopecksSchema.optional(),
  СумНалВсего: z.union([nonNegativeKopecksSchema, z.literal('без НДС')]),
});

/** A basis document of the transfer (РеквДокТип; 5.01 ОснованиеТип). */
export const basisDocumentSchema = z.object({
  РеквНаимДок: text(255),
  РеквНомерДок: text(255).optional(),
  РеквДатаДок: calendarDateSchema.optional(),
});

/** `СвПродПер/СвПер`: the transfer of goods. */
export const transferSchema = z.object({
  СодОпер: text(255),
  ВидОпер: text(255).optional(),
  ДатаПер: calendarDateSchema.optional(),
  /** Empty = `БезДокОснПер` (no basis document). */
  ОснПер: z.array(basisDocumentSchema).default([]),
});

export const signerSchema = z.object({
  ФИО: fioSchema,
  Должн: text(255).optional(),
  /** `СпосПодтПолном` 1..6 (5.02/5.03): how the signer's authority is confirmed; 5.01 has none. */
  СпосПодтПолном: z.enum(['1', '2', '3', '4', '5', '6']).optional(),
});

export const updDocumentSchema = z.object({
  ВерсФорм: z.enum(UPD_VERSIONS),
  ИдФайл: text(255),
  ВерсПрог: text(40),
  /** EDO ids of sender and recipient: from `СвУчДокОбор` (5.01) or the file name (5.02/5.03). */
  ИдОтпр: edoIdSchema.optional(),
  ИдПол: edoIdSchema.optional(),
  Функция: z.enum(UPD_FUNCTIONS),
  ПоФактХЖ: text(255).optional(),
  НаимДокОпр: text(255).optional(),
  ДатаИнфПр: calendarDateSchema,
  ВремИнфПр: z.string().regex(/^([01][0-9]|2[0-3])\.[0-5][0-9]\.[0-5][0-9]$/, 'время ЧЧ.ММ.СС'),
  НаимЭконСубСост: text(1000).optional(),
  /** Invoice number and date (5.01: `НомерСчФ`, `ДатаСчФ`). */
  НомерДок: text(1000),
  ДатаДок: calendarDateSchema,
  ИспрДок: z.object({ НомИспр: z.number().int().min(1).max(999), ДатаИспр: calendarDateSchema }).optional(),
  СвПрод: participantSchema,
  СвПокуп: participantSchema,
  ДенИзм: z.object({ КодОКВ: okvSchema, НаимОКВ: text(100).optional(), КурсВал: decimalStringSchema.optional() }),
  СведТов: z.array(goodsLineSchema).default([]),
  ВсегоОпл: totalsSchema.optional(),
  СвПер: transferSchema.optional(),
  Подписант: z.array(signerSchema).default([]),
});

/** A УПД as read, or as given to the writer (after zod parsing). */
export type UpdDocument = z.output<typeof updDocumentSchema>;
/** What callers may pass to the writer (strings for dates, defaults for empty lists). */
export type UpdDocumentInput = z.input<typeof updDocumentSchema>;

/** True when any line carries traceability data (file-name flag N2 / 5.01 PROS). */
export const hasTraceability = (doc: Pick<UpdDocument, 'СведТов'>): boolean => doc.СведТов.some((line) => line.СведПрослеж.length > 0);
