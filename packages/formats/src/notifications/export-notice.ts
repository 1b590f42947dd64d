/**
 * Уведомление о перемещении товаров, подлежащих прослеживаемости, с территории РФ на территорию государства —
 * члена ЕАЭС, recommended form with transit (ON_UVVIOZTOV2, КНД 1184054, ВерсФорм 5.01, письмо ФНС
 * СД-4-15/9706@). In this form the goods lines sit inside each accompanying document [I: 1C scheme 501].
 */
import { formatQuantity } from '@sledopyt/core';
import { z } from 'zod';
import { kopecksSchema, okeiSchema, oksmSchema, positiveQuantitySchema, text, OKEI_PATTERN } from '../common/codes.js';
import { checkFileHeader, dropUndefined, finishModel, readRnptAttr, type ReadOptions } from '../common/read-check.js';
import { assertNoProblems, parseWriterInput, rnptProblem, type WriteProblem } from '../common/write-check.js';
import type { WrittenDocument } from '../upd/write.js';
import { loadXml } from '../xml/load.js';
import type { XmlNode } from '../xml/node.js';
import { decimalStringSchema, formatKopecks } from '../xml/values.js';
import { el, serializeXml, textEl, type SerializeOptions } from '../xml/writer.js';
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

export const EXPORT_NOTICE_KND = '1184054';

export const exportNoticeLineSchema = z.object({
  НомТовДок: z.number().int().min(1).max(9999),
  НаимТовДок: text(255),
  КоличТоварДок: decimalStringSchema,
  ЕдинИзмерДок: okeiSchema,
  РегНомерТов: z.string().min(1).max(29),
  ЕдинИзмерПер: okeiSchema,
  КоличТоварПер: positiveQuantitySchema,
  СтТоварБезНДС: kopecksSchema,
});

export const exportNoticeSchema = z.object({
  ВерсФорм: z.literal('5.01').default('5.01'),
  ...noticeHeaderShape,
  /** 1 = transit through other EAEU states. */
  ПризнУвед: z.literal('1').optional(),
  УведВывозТов: z
    .array(
      z.object({
        /** The buyer in the other EAEU state. */
        СвЛицПрд: eaeuPartySchema,
        СвСопрДок: z.array(accompanyingDocumentSchema.extend({ УведВывозТовСтр: z.array(exportNoticeLineSchema).min(1) })).min(1),
        СвПунктНазн: z.array(text(255)).default([]),
        /** Transit states (ОКСМ). */
        ОКСМ: z.array(oksmSchema).default([]),
      }),
    )
    .min(1),
});
export type ExportNotice = z.output<typeof exportNoticeSchema>;
export type ExportNoticeInput = Omit<z.input<typeof exportNoticeSchema>, 'ИдФайл'> & { ИдФайл?: string };

const inputSchema = exportNoticeSchema.extend({ ИдФайл: exportNoticeSchema.shape.ИдФайл.optional() });

export function writeExportNotice(input: ExportNoticeInput, options: FormWriteOptions & SerializeOptions = {}): WrittenDocument<ExportNotice> {
  const parsed = parseWriterInput(inputSchema, input, 'уведомление о перемещении');
  const notice: ExportNotice = { ...parsed, ИдФайл: parsed.ИдФайл ?? formFileId('ON_UVVIOZTOV2', parsed.СвНП, parsed.ДатаУвед, options) };
  const problems: WriteProblem[] = [];
  notice.УведВывозТов.forEach((part, partIndex) =>
    part.СвСопрДок.forEach((document, documentIndex) =>
      document.УведВывозТовСтр.forEach((line, lineIndex) => {
        const problem = rnptProblem(`УведВывозТов.${partIndex}.СвСопрДок.${documentIndex}.УведВывозТовСтр.${lineIndex}.РегНомерТов`, line.РегНомерТов);
        if (problem !== undefined) problems.push(problem);
      }),
    ),
  );
  assertNoProblems('уведомление о перемещении', problems);
  const tree = el(
    'Файл',
    { ИдФайл: notice.ИдФайл, ВерсПрог: notice.ВерсПрог, ВерсФорм: notice.ВерсФорм },
    el(
      'Документ',
      { ...noticeDocumentAttributes(EXPORT_NOTICE_KND, notice), ПризнУвед: notice.ПризнУвед },
      writeTaxpayer('СвНП', notice.СвНП),
      writeSigner(notice.Подписант),
      notice.УведВывозТов.map((part) =>
        el(
          'УведВывозТов',
          {},
          writeEaeuParty(part.СвЛицПрд),
          part.СвСопрДок.map((document) =>
            writeAccompanyingDocument(
              document,
              ...document.УведВывозТовСтр.map((line) =>
                el('УведВывозТовСтр', {
                  НомТовДок: String(line.НомТовДок),
                  НаимТовДок: line.НаимТовДок,
                  КоличТоварДок: line.КоличТоварДок,
                  ЕдинИзмерДок: line.ЕдинИзмерДок,
                  РегНомерТов: line.РегНомерТов,
                  ЕдинИзмерПер: line.ЕдинИзмерПер,
                  КоличТоварПер: formatQuantity(line.КоличТоварПер),
                  СтТоварБезНДС: formatKopecks(line.СтТоварБезНДС),
                }),
              ),
            ),
          ),
          part.СвПунктНазн.map((point) => textEl('СвПунктНазн', point)),
          part.ОКСМ.map((country) => textEl('ОКСМ', country)),
        ),
      ),
    ),
  );
  return { fileName: `${notice.ИдФайл}.xml`, bytes: serializeXml(tree, options), document: notice };
}

export function readExportNotice(bytes: Uint8Array, options: ReadOptions = {}): ExportNotice {
  return readExportNoticeTree(loadXml(bytes, { file: options.file }).root, options);
}

export function readExportNoticeTree(root: XmlNode, options: ReadOptions = {}): ExportNotice {
  const { version, document } = checkFileHeader(root, { titleRu: 'уведомление о перемещении товаров в ЕАЭС', versions: ['5.01'] as const, knd: EXPORT_NOTICE_KND });
  return finishModel(
    exportNoticeSchema,
    dropUndefined({
      ВерсФорм: version,
      ...readNoticeHeader(root, document),
      ПризнУвед: document.optAttr('ПризнУвед') === undefined ? undefined : document.oneOf('ПризнУвед', ['1']),
      УведВывозТов: document.children('УведВывозТов').map((part) => ({
        СвЛицПрд: readEaeuParty(part.child('СвЛицПрд')),
        СвСопрДок: part.children('СвСопрДок').map((accompanying) => ({
          ...readAccompanyingDocument(accompanying),
          УведВывозТовСтр: accompanying.children('УведВывозТовСтр').map((line) => readLine(line, options)),
        })),
        СвПунктНазн: part.children('СвПунктНазн').map((point) => point.requiredText()),
        ОКСМ: part.children('ОКСМ').map((country) => country.requiredText()),
      })),
    }),
    root,
  );
}

function readLine(line: XmlNode, options: ReadOptions) {
  const okei = (attribute: string) => line.matching(attribute, OKEI_PATTERN, 'an ОКЕИ code', 'код ОКЕИ (3–4 цифры)');
  return {
    НомТовДок: line.integer('НомТовДок', 4),
    НаимТовДок: line.attr('НаимТовДок'),
    КоличТоварДок: line.decimal('КоличТоварДок', 19, 6),
    ЕдинИзмерДок: okei('ЕдинИзмерДок'),
    РегНомерТов: readRnptAttr(line, 'РегНомерТов', options),
    ЕдинИзмерПер: okei('ЕдинИзмерПер'),
    КоличТоварПер: line.quantity('КоличТоварПер'),
    СтТоварБезНДС: line.kopecks('СтТоварБезНДС'),
  };
}
