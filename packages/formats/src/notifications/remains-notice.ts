/**
 * Уведомление об имеющихся остатках товаров, подлежащих прослеживаемости (ON_UVOSTTOV, КНД 1169011,
 * ВерсФорм 5.02) [I: 1C scheme 502]. The RNPT is assigned by ФНС in reply, so `РегНомерТов` is usually absent.
 */
import { calendarDateSchema, formatQuantity } from '@sledopyt/core';
import { z } from 'zod';
import { INN_FL_PATTERN, INN_UL_PATTERN, OKEI_PATTERN, kopecksSchema, okeiSchema, positiveQuantitySchema, text } from '../common/codes.js';
import { checkFileHeader, dropUndefined, finishModel, readRnptAttr, type ReadOptions } from '../common/read-check.js';
import { assertNoProblems, parseWriterInput, rnptProblem } from '../common/write-check.js';
import type { WrittenDocument } from '../upd/write.js';
import { loadXml } from '../xml/load.js';
import type { XmlNode } from '../xml/node.js';
import { decimalStringSchema, formatKopecks, formatXmlDate } from '../xml/values.js';
import { el, serializeXml, textEl, type SerializeOptions } from '../xml/writer.js';
import { formFileId, noticeDocumentAttributes, noticeHeaderShape, readNoticeHeader, writeSigner, writeTaxpayer, type FormWriteOptions } from './common.js';

export const REMAINS_NOTICE_KND = '1169011';

export const remainsNoticeSchema = z.object({
  ВерсФорм: z.literal('5.02').default('5.02'),
  ...noticeHeaderShape,
  /** 1 = bought from individuals / НПД payers or returned by them; 2 = confiscated goods bought from Росимущество. */
  ПризнУвед: z.enum(['1', '2']).optional(),
  /** ИНН of the sellers (`ИНН/ИННЮЛ` or `ИНН/ИННФЛ`). */
  ИНН: z.array(z.string().regex(/^([0-9]{10}|[0-9]{12})$/, 'ИНН: 10 или 12 цифр')).default([]),
  УведОстатТов: z.object({
    НаимПервичДок: text(255),
    НомПервичДок: text(255),
    ДатаПервичДок: calendarDateSchema,
    НаимТовДок: text(255),
    КодТНВЭД: z.string().regex(/^[0-9]{6,10}$/, 'код ТН ВЭД ЕАЭС: 6–10 цифр').optional(),
    КодОКПД2: z.string().min(2).max(12).optional(),
    КолТоварДок: decimalStringSchema,
    ЕдинИзмерДок: okeiSchema,
    РегНомерТов: z.string().min(1).max(29).optional(),
    ЕдинИзмерКол: okeiSchema,
    КоличТоварКол: positiveQuantitySchema,
    СтТоварБезНДС: kopecksSchema,
  }),
});
export type RemainsNotice = z.output<typeof remainsNoticeSchema>;
export type RemainsNoticeInput = Omit<z.input<typeof remainsNoticeSchema>, 'ИдФайл'> & { ИдФайл?: string };

const inputSchema = remainsNoticeSchema.extend({ ИдФайл: remainsNoticeSchema.shape.ИдФайл.optional() });

export function writeRemainsNotice(input: RemainsNoticeInput, options: FormWriteOptions & SerializeOptions = {}): WrittenDocument<RemainsNotice> {
  const parsed = parseWriterInput(inputSchema, input, 'уведомление об остатках');
  const notice: RemainsNotice = { ...parsed, ИдФайл: parsed.ИдФайл ?? formFileId('ON_UVOSTTOV', parsed.СвНП, parsed.ДатаУвед, options) };
  const goods = notice.УведОстатТов;
  const problem = goods.РегНомерТов === undefined ? undefined : rnptProblem('УведОстатТов.РегНомерТов', goods.РегНомерТов);
  assertNoProblems('уведомление об остатках', problem === undefined ? [] : [problem]);
  const tree = el(
    'Файл',
    { ИдФайл: notice.ИдФайл, ВерсПрог: notice.ВерсПрог, ВерсФорм: notice.ВерсФорм },
    el(
      'Документ',
      { ...noticeDocumentAttributes(REMAINS_NOTICE_KND, notice), ПризнУвед: notice.ПризнУвед },
      writeTaxpayer('СвНП', notice.СвНП),
      writeSigner(notice.Подписант),
      notice.ИНН.map((inn) => el('ИНН', {}, textEl(inn.length === 10 ? 'ИННЮЛ' : 'ИННФЛ', inn))),
      el('УведОстатТов', {
        НаимПервичДок: goods.НаимПервичДок,
        НомПервичДок: goods.НомПервичДок,
        ДатаПервичДок: formatXmlDate(goods.ДатаПервичДок),
        НаимТовДок: goods.НаимТовДок,
        КодТНВЭД: goods.КодТНВЭД,
        КодОКПД2: goods.КодОКПД2,
        КолТоварДок: goods.КолТоварДок,
        ЕдинИзмерДок: goods.ЕдинИзмерДок,
        РегНомерТов: goods.РегНомерТов,
        ЕдинИзмерКол: goods.ЕдинИзмерКол,
        КоличТоварКол: formatQuantity(goods.КоличТоварКол),
        СтТоварБезНДС: formatKopecks(goods.СтТоварБезНДС),
      }),
    ),
  );
  return { fileName: `${notice.ИдФайл}.xml`, bytes: serializeXml(tree, options), document: notice };
}

export function readRemainsNotice(bytes: Uint8Array, options: ReadOptions = {}): RemainsNotice {
  return readRemainsNoticeTree(loadXml(bytes, { file: options.file }).root, options);
}

export function readRemainsNoticeTree(root: XmlNode, options: ReadOptions = {}): RemainsNotice {
  const { version, document } = checkFileHeader(root, { titleRu: 'уведомление об остатках', versions: ['5.02'] as const, knd: REMAINS_NOTICE_KND });
  const goods = document.child('УведОстатТов');
  const okei = (attribute: string) => goods.matching(attribute, OKEI_PATTERN, 'an ОКЕИ code', 'код ОКЕИ (3–4 цифры)');
  return finishModel(
    remainsNoticeSchema,
    dropUndefined({
      ВерсФорм: version,
      ...readNoticeHeader(root, document),
      ПризнУвед: document.optAttr('ПризнУвед') === undefined ? undefined : document.oneOf('ПризнУвед', ['1', '2']),
      ИНН: document.children('ИНН').map((inn) => {
        const { name, node } = inn.choice(['ИННЮЛ', 'ИННФЛ']);
        const value = node.requiredText();
        if (!(name === 'ИННЮЛ' ? INN_UL_PATTERN : INN_FL_PATTERN).test(value)) throw node.invalid(undefined, value, 'an ИНН', name === 'ИННЮЛ' ? 'ИНН организации: 10 цифр' : 'ИНН из 12 цифр');
        return value;
      }),
      УведОстатТов: dropUndefined({
        НаимПервичДок: goods.attr('НаимПервичДок'),
        НомПервичДок: goods.attr('НомПервичДок'),
        ДатаПервичДок: goods.date('ДатаПервичДок'),
        НаимТовДок: goods.attr('НаимТовДок'),
        КодТНВЭД: goods.optMatching('КодТНВЭД', /^[0-9]{6,10}$/, 'a ТН ВЭД code of 6–10 digits', 'код ТН ВЭД ЕАЭС из 6–10 цифр'),
        КодОКПД2: goods.optAttr('КодОКПД2'),
        КолТоварДок: goods.decimal('КолТоварДок', 19, 6),
        ЕдинИзмерДок: okei('ЕдинИзмерДок'),
        РегНомерТов: goods.has('РегНомерТов') ? readRnptAttr(goods, 'РегНомерТов', options) : undefined,
        ЕдинИзмерКол: okei('ЕдинИзмерКол'),
        КоличТоварКол: goods.quantity('КоличТоварКол'),
        СтТоварБезНДС: goods.kopecks('СтТоварБезНДС'),
      }),
    }),
    root,
  );
}
