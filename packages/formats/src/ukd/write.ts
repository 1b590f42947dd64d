/**
 * Writes a УКД 5.01 (ON_NKORSCHFDOPPR, КНД 1115133). Element order follows the 1C XDTO import of the ФНС schema [I];
 * tests check the output against that structure table, as no official XSD is available.
 */
import { formatQuantity } from '@sledopyt/core';
import { text } from '../common/codes.js';
import { participantAs501, writeFio, writeParticipant } from '../common/participant.js';
import { assertNoProblems, parseWriterInput, rnptProblem, type WriteProblem } from '../common/write-check.js';
import type { WrittenDocument } from '../upd/write.js';
import { edoFileId, newGuid } from '../xml/file-names.js';
import { formatKopecks, formatXmlDate } from '../xml/values.js';
import { el, serializeXml, textEl, type SerializeOptions, type XmlOut } from '../xml/writer.js';
import { UKD_KND, ukdDocumentSchema, type CostChange, type UkdDocument, type UkdDocumentInput, type UkdLine } from './model.js';

export const ukdWriteInputSchema = ukdDocumentSchema.extend({ ИдФайл: text(255).optional() });
export type UkdWriteInput = Omit<UkdDocumentInput, 'ИдФайл' | 'ВерсФорм'> & { ИдФайл?: string; ВерсФорм?: '5.01' };

export function writeUkd(input: UkdWriteInput, options: SerializeOptions & { guid?: string } = {}): WrittenDocument<UkdDocument> {
  const parsed = parseWriterInput(ukdWriteInputSchema, { ...input, ВерсФорм: '5.01' }, 'УКД 5.01');
  const traceable = parsed.СведТов.some((line) => line.СведПрослеж.length > 0);
  const document: UkdDocument = {
    ...parsed,
    СвПрод: participantAs501(parsed.СвПрод),
    СвПокуп: participantAs501(parsed.СвПокуп),
    ИдФайл:
      parsed.ИдФайл ??
      edoFileId({
        prefix: 'ON_NKORSCHFDOPPR',
        ...(traceable ? { suffix: 'PROS' as const } : {}),
        recipientId: parsed.ИдПол,
        senderId: parsed.ИдОтпр,
        date: parsed.ДатаИнфПр,
        guid: options.guid ?? newGuid(),
      }),
  };
  assertNoProblems('УКД 5.01', checkUkd(document));
  return { fileName: `${document.ИдФайл}.xml`, bytes: serializeXml(ukdTree(document), options), document };
}

function checkUkd(doc: UkdDocument): WriteProblem[] {
  const problems: WriteProblem[] = [];
  doc.СведТов.forEach((line, index) =>
    line.СведПрослеж.forEach((item, itemIndex) => {
      const problem = rnptProblem(`СведТов.${index}.СведПрослеж.${itemIndex}.НомТовПрослеж`, item.НомТовПрослеж);
      if (problem !== undefined) problems.push(problem);
    }),
  );
  doc.Подписант.forEach((signer, index) => {
    if (signer.kind === 'ЮЛ' && (signer.ИННЮЛ === undefined || signer.Должн === undefined)) {
      problems.push({ path: `Подписант.${index}`, message: 'an organisation signer needs ИННЮЛ and Должн', messageRu: 'для подписанта-работника организации укажите ИНН организации и должность' });
    }
    if (signer.kind === 'ИП' && signer.ИННФЛ === undefined) {
      problems.push({ path: `Подписант.${index}`, message: 'a sole trader signer needs ИННФЛ', messageRu: 'для подписанта-ИП укажите ИНН' });
    }
  });
  return problems;
}

const kopecks = (value: bigint | undefined) => (value === undefined ? undefined : formatKopecks(value));

function costTree(name: string, cost: CostChange | undefined): XmlOut | undefined {
  if (cost === undefined) return undefined;
  return el(name, { СтоимДоИзм: kopecks(cost.СтоимДоИзм), СтоимПослеИзм: kopecks(cost.СтоимПослеИзм), СтоимУвел: kopecks(cost.СтоимУвел), СтоимУм: kopecks(cost.СтоимУм) });
}

const excise = (name: string, value: bigint | 'без акциза') =>
  el(name, {}, typeof value === 'bigint' ? textEl('СумАкциз', formatKopecks(value)) : textEl('БезАкциз', value));
const vat = (name: string, value: bigint | 'без НДС' | undefined) =>
  value === undefined ? undefined : el(name, {}, typeof value === 'bigint' ? textEl('СумНДС', formatKopecks(value)) : textEl('БезНДС', value));

function lineTree(line: UkdLine): XmlOut {
  const quantity = (value: UkdLine['КолТовДо']) => (value === undefined ? undefined : formatQuantity(value));
  return el(
    'СведТов',
    {
      НомСтр: String(line.НомСтр),
      ПорНомТовВСЧФ: line.ПорНомТовВСЧФ === undefined ? undefined : String(line.ПорНомТовВСЧФ),
      НаимТов: line.НаимТов,
      ОКЕИ_ТовДо: line.ОКЕИ_ТовДо,
      ОКЕИ_ТовПосле: line.ОКЕИ_ТовПосле,
      КолТовДо: quantity(line.КолТовДо),
      КолТовПосле: quantity(line.КолТовПосле),
      ЦенаТовДо: line.ЦенаТовДо,
      ЦенаТовПосле: line.ЦенаТовПосле,
      НалСтДо: line.НалСтДо,
      НалСтПосле: line.НалСтПосле,
    },
    costTree('СтТовБезНДС', line.СтТовБезНДС),
    excise('АкцизДо', line.АкцизДо),
    excise('АкцизПосле', line.АкцизПосле),
    vat('СумНалДо', line.СумНалДо),
    vat('СумНалПосле', line.СумНалПосле),
    line.СумНалРазн && el('СумНалРазн', {}, line.СумНалРазн.СумУвел !== undefined && textEl('СумУвел', formatKopecks(line.СумНалРазн.СумУвел)), line.СумНалРазн.СумУм !== undefined && textEl('СумУм', formatKopecks(line.СумНалРазн.СумУм))),
    costTree('СтТовУчНал', line.СтТовУчНал),
    line.КодВидТов !== undefined && el('ДопСведТов', { КодВидТов: line.КодВидТов }),
    line.СведПрослеж.map((item) =>
      el(
        'СведПрослеж',
        { НомТовПрослеж: item.НомТовПрослеж, ЕдИзмПрослеж: item.ЕдИзмПрослеж, ДопПрослеж: item.ДопИнфПрослеж },
        item.ИзмКолЕдПТ &&
          el(
            'ИзмКолЕдПТ',
            { КолТовЕдПТДо: formatQuantity(item.ИзмКолЕдПТ.КолТовЕдПТДо), КолТовЕдПТПосле: formatQuantity(item.ИзмКолЕдПТ.КолТовЕдПТПосле) },
            item.ИзмКолЕдПТ.КолТовЕдПТУвел !== undefined && textEl('КолТовЕдПТУвел', formatQuantity(item.ИзмКолЕдПТ.КолТовЕдПТУвел)),
            item.ИзмКолЕдПТ.КолТовЕдПТУм !== undefined && textEl('КолТовЕдПТУм', formatQuantity(item.ИзмКолЕдПТ.КолТовЕдПТУм)),
          ),
      ),
    ),
  );
}

function totalsTree(name: string, totals: UkdDocument['ВсегоУвел']): XmlOut | undefined {
  if (totals === undefined) return undefined;
  return el(name, { СтТовБезНДСВсего: formatKopecks(totals.СтТовБезНДСВсего), СтТовУчНалВсего: kopecks(totals.СтТовУчНалВсего) }, vat('СумНал', totals.СумНал));
}

const basisTree = (name: string) => (basis: { НаимОсн: string; НомОсн?: string | undefined; ДатаОсн?: UkdDocument['ДатаКСчФ'] | undefined }) =>
  el(name, { НаимОсн: basis.НаимОсн, НомОсн: basis.НомОсн, ДатаОсн: basis.ДатаОсн && formatXmlDate(basis.ДатаОсн) });

function ukdTree(doc: UkdDocument): XmlOut {
  return el(
    'Файл',
    { ИдФайл: doc.ИдФайл, ВерсФорм: '5.01', ВерсПрог: doc.ВерсПрог },
    el('СвУчДокОбор', { ИдОтпр: doc.ИдОтпр, ИдПол: doc.ИдПол }),
    el(
      'Документ',
      {
        КНД: UKD_KND,
        Функция: doc.Функция,
        ПоФактХЖ: doc.ПоФактХЖ,
        НаимДокОпр: doc.НаимДокОпр,
        ДатаИнфПр: formatXmlDate(doc.ДатаИнфПр),
        ВремИнфПр: doc.ВремИнфПр,
        НаимЭконСубСост: doc.НаимЭконСубСост,
      },
      el(
        'СвКСчФ',
        { НомерКСчФ: doc.НомерКСчФ, ДатаКСчФ: formatXmlDate(doc.ДатаКСчФ), КодОКВ: doc.КодОКВ },
        doc.СчФ.map((invoice) => el('СчФ', { НомерСчФ: invoice.НомерСчФ, ДатаСчФ: formatXmlDate(invoice.ДатаСчФ) })),
        writeParticipant('СвПрод', doc.СвПрод, true),
        writeParticipant('СвПокуп', doc.СвПокуп, true),
      ),
      el('ТаблКСчФ', {}, doc.СведТов.map(lineTree), totalsTree('ВсегоУвел', doc.ВсегоУвел), totalsTree('ВсегоУм', doc.ВсегоУм)),
      doc.СодФХЖ3 &&
        el(
          'СодФХЖ3',
          { СодОпер: doc.СодФХЖ3.СодОпер, ДатаНапр: doc.СодФХЖ3.ДатаНапр && formatXmlDate(doc.СодФХЖ3.ДатаНапр) },
          doc.СодФХЖ3.ПередатДокум.map(basisTree('ПередатДокум')),
          doc.СодФХЖ3.ДокумОснКор.map(basisTree('ДокумОснКор')),
        ),
      doc.Подписант.map((signer) =>
        el(
          'Подписант',
          { ОблПолн: signer.ОблПолн, Статус: signer.Статус, ОснПолн: signer.ОснПолн },
          signer.kind === 'ЮЛ'
            ? el('ЮЛ', { ИННЮЛ: signer.ИННЮЛ, НаимОрг: signer.НаимОрг, Должн: signer.Должн }, writeFio(signer.ФИО))
            : el(signer.kind, { ИННФЛ: signer.ИННФЛ }, writeFio(signer.ФИО)),
        ),
      ),
    ),
  );
}
