/**
 * Уведомление о ввозе товаров, подлежащих прослеживаемости, с территории государства — члена ЕАЭС
 * (ON_UVVOZTOV, КНД 1169008, ВерсФорм 5.02). One notice per traceable item (`СведТовар` is single) [I: 1C scheme].
 */
import { formatQuantity } from '@sledopyt/core';
import { z } from 'zod';
import { kopecksSchema, okeiSchema, positiveQuantitySchema, OKEI_PATTERN } from '../common/codes.js';
import { checkFileHeader, dropUndefined, finishModel, readRnptAttr, type ReadOptions } from '../common/read-check.js';
import { assertNoProblems, parseWriterInput, rnptProblem } from '../common/write-check.js';
import type { WrittenDocument } from '../upd/write.js';
import { loadXml } from '../xml/load.js';
import type { XmlNode } from '../xml/node.js';
import { decimalStringSchema, formatKopecks } from '../xml/values.js';
import { el, serializeXml, type SerializeOptions } from '../xml/writer.js';
import {
  accompanyingDocumentSchema,
  eaeuPartySchema,
  formFileId,
  noticeDocumentAttributes,
  noticeHeaderShape,
  readAccompanyingDocument,
  readEaeuParty,
  readNoticeHeader,
  writeAccompanyingDocument,
  writeEaeuParty,
  writeSigner,
  writeTaxpayer,
  type FormWriteOptions,
} from './common.js';

export const IMPORT_NOTICE_KND = '1169008';

export const importNoticeSchema = z.object({
  ВерсФорм: z.literal('5.02').default('5.02'),
  ...noticeHeaderShape,
  /** The seller in the other EAEU state. */
  СвЛицПрд: eaeuPartySchema,
  СвСопрДок: z.array(accompanyingDocumentSchema).min(1),
  СведТовар: z.object({
    КодТовТНВЭД: z.string().regex(/^[0-9]{6,10}$/, 'код ТН ВЭД ЕАЭС: 6–10 цифр'),
    /** Quantity per the accompanying document, N(19.6). */
    КолТовСопрДок: decimalStringSchema,
    ЕдинИзмСопрДок: okeiSchema,
    /** Assigned by ФНС after the notice; absent in the first filing. */
    РегНомерТов: z.string().min(1).max(29).optional(),
    ЕдинИзмерКол: okeiSchema,
    КоличТоварКол: positiveQuantitySchema,
    СтоимБезНДС: kopecksSchema,
  }),
});
export type ImportNotice = z.output<typeof importNoticeSchema>;
export type ImportNoticeInput = Omit<z.input<typeof importNoticeSchema>, 'ИдФайл'> & { ИдФайл?: string };

const inputSchema = importNoticeSchema.extend({ ИдФайл: importNoticeSchema.shape.ИдФайл.optional() });

export function writeImportNotice(input: ImportNoticeInput, options: FormWriteOptions & SerializeOptions = {}): WrittenDocument<ImportNotice> {
  const parsed = parseWriterInput(inputSchema, input, 'уведомление о ввозе');
  const notice: ImportNotice = { ...parsed, ИдФайл: parsed.ИдФайл ?? formFileId('ON_UVVOZTOV', parsed.СвНП, parsed.ДатаУвед, options) };
  const rnpt = notice.СведТовар.РегНомерТов;
  const problem = rnpt === undefined ? undefined : rnptProblem('СведТовар.РегНомерТов', rnpt);
  assertNoProblems('уведомление о ввозе', problem === undefined ? [] : [problem]);
  const goods = notice.СведТовар;
  const tree = el(
    'Файл',
    { ИдФайл: notice.ИдФайл, ВерсПрог: notice.ВерсПрог, ВерсФорм: notice.ВерсФорм },
    el(
      'Документ',
      noticeDocumentAttributes(IMPORT_NOTICE_KND, notice),
      writeTaxpayer('СвНП', notice.СвНП),
      writeSigner(notice.Подписант),
      el(
        'УведПрмщТов',
        {},
        writeEaeuParty(notice.СвЛицПрд),
        notice.СвСопрДок.map((document) => writeAccompanyingDocument(document)),
        el('СведТовар', {
          КодТовТНВЭД: goods.КодТовТНВЭД,
          КолТовСопрДок: goods.КолТовСопрДок,
          ЕдинИзмСопрДок: goods.ЕдинИзмСопрДок,
          РегНомерТов: goods.РегНомерТов,
          ЕдинИзмерКол: goods.ЕдинИзмерКол,
          КоличТоварКол: formatQuantity(goods.КоличТоварКол),
          СтоимБезНДС: formatKopecks(goods.СтоимБезНДС),
        }),
      ),
    ),
  );
  return { fileName: `${notice.ИдФайл}.xml`, bytes: serializeXml(tree, options), document: notice };
}

export function readImportNotice(bytes: Uint8Array, options: ReadOptions = {}): ImportNotice {
  return readImportNoticeTree(loadXml(bytes, { file: options.file }).root, options);
}

export function readImportNoticeTree(root: XmlNode, options: ReadOptions = {}): ImportNotice {
  const { version, document } = checkFileHeader(root, { titleRu: 'уведомление о ввозе товаров из ЕАЭС', versions: ['5.02'] as const, knd: IMPORT_NOTICE_KND });
  const content = document.child('УведПрмщТов');
  const goods = content.child('СведТовар');
  const okei = (attribute: string) => goods.matching(attribute, OKEI_PATTERN, 'an ОКЕИ code', 'код ОКЕИ (3–4 цифры)');
  return finishModel(
    importNoticeSchema,
    {
      ВерсФорм: version,
      ...readNoticeHeader(root, document),
      СвЛицПрд: readEaeuParty(content.child('СвЛицПрд')),
      СвСопрДок: content.children('СвСопрДок').map(readAccompanyingDocument),
      СведТовар: dropUndefined({
        КодТовТНВЭД: goods.matching('КодТовТНВЭД', /^[0-9]{6,10}$/, 'a ТН ВЭД code of 6–10 digits', 'код ТН ВЭД ЕАЭС из 6–10 цифр'),
        КолТовСопрДок: goods.decimal('КолТовСопрДок', 19, 6),
        ЕдинИзмСопрДок: okei('ЕдинИзмСопрДок'),
        РегНомерТов: goods.has('РегНомерТов') ? readRnptAttr(goods, 'РегНомерТов', options) : undefined,
        ЕдинИзмерКол: okei('ЕдинИзмерКол'),
        КоличТоварКол: goods.quantity('КоличТоварКол'),
        СтоимБезНДС: goods.kopecks('СтоимБезНДС'),
      }),
    },
    root,
  );
}
