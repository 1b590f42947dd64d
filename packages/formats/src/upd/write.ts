/**
 * Writes a УПД / счёт-фактура, информация продавца, format 5.03 (ON_NSCHFDOPPR, КНД 1115131).
 * Element order follows the XSD's sequences; the schematron rules that xmllint does not check (which
 * parts each Функция requires, НаимДокОпр only for documents with a transfer part) are checked here,
 * so a written file is accepted by EDO operators, not only by the XSD.
 */
import { formatQuantity } from '@sledopyt/core';
import { text } from '../common/codes.js';
import { writeFio, writeParticipant, type Participant } from '../common/participant.js';
import { assertNoProblems, parseWriterInput, rnptProblem, type WriteProblem } from '../common/write-check.js';
import { edoFileId, newGuid } from '../xml/file-names.js';
import { formatKopecks, formatXmlDate } from '../xml/values.js';
import { el, serializeXml, textEl, type SerializeOptions, type XmlOut } from '../xml/writer.js';
import { hasTraceability, UPD_KND, updDocumentSchema, type GoodsLine, type Traceability, type UpdDocument, type UpdDocumentInput } from './model.js';

/** Writer input: the model, where ИдФайл may be left out (it is then built from ИдОтпр/ИдПол). */
export const updWriteInputSchema = updDocumentSchema.extend({ ИдФайл: text(255).optional() });
export type UpdWriteInput = Omit<UpdDocumentInput, 'ИдФайл'> & { ИдФайл?: string };

export interface WrittenDocument<T> {
  /** `ИдФайл.xml`. */
  fileName: string;
  bytes: Uint8Array;
  /** The model as written (after defaults and normalisation). */
  document: T;
}

export interface UpdWriteOptions extends SerializeOptions {
  /** GUID for a generated ИдФайл (random by default). */
  guid?: string;
}

/** Standard texts of the document's own name (НаимДокОпр) and basis (ПоФактХЖ) per function. */
const DOCUMENT_NAMES: Partial<Record<UpdDocument['Функция'], string>> = {
  СЧФДОП: 'Счет-фактура и документ об отгрузке товаров (выполнении работ), передаче имущественных прав (документ об оказании услуг)',
  ДОП: 'Документ об отгрузке товаров (выполнении работ), передаче имущественных прав (документ об оказании услуг)',
};
const SHIPMENT_BASIS = 'Документ об отгрузке товаров (выполнении работ), передаче имущественных прав (документ об оказании услуг)';

export function writeUpd(input: UpdWriteInput, options: UpdWriteOptions = {}): WrittenDocument<UpdDocument> {
  const parsed = parseWriterInput(updWriteInputSchema, { ...input, ВерсФорм: '5.03' }, 'УПД 5.03');
  const withTransferTexts = parsed.Функция in DOCUMENT_NAMES;
  const document: UpdDocument = {
    ...parsed,
    ИдФайл: parsed.ИдФайл ?? generatedFileId(parsed, options.guid),
    ...(withTransferTexts
      ? { НаимДокОпр: parsed.НаимДокОпр ?? DOCUMENT_NAMES[parsed.Функция], ПоФактХЖ: parsed.ПоФактХЖ ?? SHIPMENT_BASIS }
      : {}),
  };
  assertNoProblems('УПД 5.03', checkUpd503(document));
  return { fileName: `${document.ИдФайл}.xml`, bytes: serializeXml(updTree(document), options), document };
}

function generatedFileId(doc: Omit<UpdDocument, 'ИдФайл'>, guid: string | undefined): string {
  if (doc.ИдОтпр === undefined || doc.ИдПол === undefined) {
    assertNoProblems('УПД 5.03', [
      {
        path: 'ИдФайл',
        message: 'give ИдФайл, or ИдОтпр and ИдПол to build it',
        messageRu: 'укажите ИдФайл или идентификаторы участников ЭДО ИдОтпр и ИдПол, чтобы составить имя файла',
      },
    ]);
  }
  return edoFileId({
    prefix: 'ON_NSCHFDOPPR',
    recipientId: doc.ИдПол ?? '',
    senderId: doc.ИдОтпр ?? '',
    date: doc.ДатаИнфПр,
    guid: guid ?? newGuid(),
    flags: { traceability: hasTraceability(doc), marking: false, alcohol: false, tobacco: false, oil: false, extra: '00' },
  });
}

/** Rules of the 5.03 XSD that are stricter than the shared model, and its schematron rules. */
export function checkUpd503(doc: UpdDocument): WriteProblem[] {
  const problems: WriteProblem[] = [];
  const add = (path: string, message: string, messageRu: string) => problems.push({ path, message, messageRu });
  const withInvoice = doc.Функция === 'СЧФ' || doc.Функция === 'СЧФДОП';
  const withTransfer = doc.Функция === 'ДОП' || doc.Функция === 'СЧФДОП';

  if (doc.Функция === 'СЧФ' && doc.НаимДокОпр !== undefined) {
    add('НаимДокОпр', 'must be absent for Функция СЧФ', 'для функции СЧФ наименование документа не указывается');
  }
  if (withInvoice && doc.СведТов.length === 0) add('СведТов', 'a СЧФ/СЧФДОП needs goods lines', 'в счёте-фактуре нет ни одной строки товаров');
  if (withInvoice && doc.ВсегоОпл === undefined) add('ВсегоОпл', 'totals are required for СЧФ/СЧФДОП', 'не указаны итоги (ВсегоОпл)');
  if (withInvoice && doc.ВсегоОпл !== undefined) {
    if (doc.ВсегоОпл.СтТовБезНДСВсего === undefined) add('ВсегоОпл.СтТовБезНДСВсего', 'required', 'не указана стоимость без НДС всего');
    if (doc.ВсегоОпл.СтТовУчНалВсего === undefined) add('ВсегоОпл.СтТовУчНалВсего', 'required', 'не указана стоимость с НДС всего');
  }
  if (withTransfer && doc.СвПер === undefined) add('СвПер', 'the transfer part is required for ДОП/СЧФДОП', 'не указаны сведения о передаче товаров (СвПер)');
  doc.СвПер?.ОснПер.forEach((basis, index) => {
    if (basis.РеквНомерДок === undefined || basis.РеквДатаДок === undefined) {
      add(`СвПер.ОснПер.${index}`, 'number and date of the basis document are required in 5.03', 'укажите номер и дату документа-основания');
    }
  });
  if (withTransfer && doc.СвПер !== undefined && doc.СвПер.ДатаПер === undefined) {
    add('СвПер.ДатаПер', 'the shipment date is required for ДОП/СЧФДОП', 'не указана дата отгрузки (ДатаПер)');
  }
  if (doc.ДенИзм.НаимОКВ === undefined) add('ДенИзм.НаимОКВ', 'required in 5.03', 'не указано наименование валюты');
  if (doc.Подписант.length === 0) add('Подписант', 'at least one signer is required', 'не указан подписант');
  doc.Подписант.forEach((signer, index) => {
    if (signer.СпосПодтПолном === undefined) {
      add(`Подписант.${index}.СпосПодтПолном`, 'required in 5.03', 'не указан способ подтверждения полномочий подписанта (СпосПодтПолном)');
    }
  });
  checkParticipant503('СвПрод', doc.СвПрод, withInvoice, add);
  checkParticipant503('СвПокуп', doc.СвПокуп, withInvoice, add);

  doc.СведТов.forEach((line, index) => {
    const at = `СведТов.${index}`;
    if (withInvoice) {
      if (line.НаимТов === undefined) add(`${at}.НаимТов`, 'required for СЧФ/СЧФДОП', 'не указано наименование товара');
      if (line.СтТовБезНДС === undefined) add(`${at}.СтТовБезНДС`, 'required for СЧФ/СЧФДОП', 'не указана стоимость без НДС');
      if (line.СтТовУчНал === undefined) add(`${at}.СтТовУчНал`, 'required for СЧФ/СЧФДОП', 'не указана стоимость с НДС');
      if (line.ОКЕИ_Тов !== undefined && (line.КолТов === undefined || line.КолТов <= 0n)) {
        add(`${at}.КолТов`, 'a positive quantity is required when ОКЕИ_Тов is given', 'не указано количество товара (больше нуля)');
      }
      if (line.КолТов !== undefined && line.ЦенаТов === undefined) add(`${at}.ЦенаТов`, 'required with КолТов', 'не указана цена товара');
    }
    if (line.ОКЕИ_Тов !== undefined && line.НаимЕдИзм === undefined) add(`${at}.НаимЕдИзм`, 'required with ОКЕИ_Тов', 'не указано наименование единицы измерения');
    if (line.КолТов !== undefined && line.КолТов <= 0n) add(`${at}.КолТов`, 'must be > 0 in 5.03', 'количество должно быть больше нуля');
    line.СведПрослеж.forEach((item, itemIndex) => {
      const itemAt = `${at}.СведПрослеж.${itemIndex}`;
      const rnpt = rnptProblem(`${itemAt}.НомТовПрослеж`, item.НомТовПрослеж);
      if (rnpt !== undefined) problems.push(rnpt);
      if (item.СтТовБезНДСПрослеж === undefined) {
        add(`${itemAt}.СтТовБезНДСПрослеж`, 'the cost without VAT is required in 5.03', 'не указана стоимость прослеживаемого товара без НДС (графа 14)');
      }
    });
  });
  return problems;
}

function checkParticipant503(
  path: string,
  participant: Participant,
  addressRequired: boolean,
  add: (path: string, message: string, messageRu: string) => void,
): void {
  const id = participant.ИдСв;
  if (id.kind === 'СвИнНеУч' && (id.ИдСтат === undefined || id.КодСтр === undefined || id.НаимСтран === undefined)) {
    add(`${path}.ИдСв`, 'a foreign participant needs ИдСтат, КодСтр and НаимСтран in 5.03', 'для иностранного лица укажите статус, код и наименование страны');
  }
  const address = participant.Адрес;
  if (address === undefined) {
    if (addressRequired) add(`${path}.Адрес`, 'the address is required for СЧФ/СЧФДОП', 'не указан адрес');
  } else if (address.kind === 'АдрРФ' && address.НаимРегион === undefined) {
    add(`${path}.Адрес.НаимРегион`, 'the region name is required in 5.03', 'не указано наименование субъекта РФ');
  } else if (address.kind === 'АдрИнф' && address.НаимСтран === undefined) {
    add(`${path}.Адрес.НаимСтран`, 'the country name is required in 5.03', 'не указано наименование страны');
  }
}

/** `<СумНал><СумНал>1.00</СумНал></СумНал>` or `<СумНал><БезНДС>без НДС</БезНДС></СумНал>` (and the same for Акциз). */
const amountOrLabel = (name: string, value: bigint | string, amountElement: string, labelElement: string): XmlOut =>
  el(name, {}, typeof value === 'bigint' ? textEl(amountElement, formatKopecks(value)) : textEl(labelElement, value));

const optionalKopecks = (value: bigint | undefined) => (value === undefined ? undefined : formatKopecks(value));

function traceabilityTree(item: Traceability): XmlOut {
  return el('СведПрослеж', {
    НомТовПрослеж: item.НомТовПрослеж,
    ЕдИзмПрослеж: item.ЕдИзмПрослеж,
    НаимЕдИзмПрослеж: item.НаимЕдИзмПрослеж,
    КолВЕдПрослеж: formatQuantity(item.КолВЕдПрослеж),
    СтТовБезНДСПрослеж: optionalKopecks(item.СтТовБезНДСПрослеж),
    ДопИнфПрослеж: item.ДопИнфПрослеж,
  });
}

function goodsLineTree(line: GoodsLine): XmlOut {
  const needsExtra =
    line.КодВидТов !== undefined || line.КодТов !== undefined || line.АртикулТов !== undefined || line.ПрТовРаб !== undefined || line.СведПрослеж.length > 0;
  return el(
    'СведТов',
    {
      НомСтр: String(line.НомСтр),
      НаимТов: line.НаимТов,
      ОКЕИ_Тов: line.ОКЕИ_Тов,
      НаимЕдИзм: line.НаимЕдИзм,
      КолТов: line.КолТов === undefined ? undefined : formatQuantity(line.КолТов),
      ЦенаТов: line.ЦенаТов,
      СтТовБезНДС: optionalKopecks(line.СтТовБезНДС),
      НалСт: line.НалСт,
      СтТовУчНал: optionalKopecks(line.СтТовУчНал),
    },
    line.СвДТ.map((customs) => el('СвДТ', { КодПроисх: customs.КодПроисх, НомерДТ: customs.НомерДТ })),
    needsExtra &&
      el(
        'ДопСведТов',
        { ПрТовРаб: line.ПрТовРаб, АртикулТов: line.АртикулТов, КодТов: line.КодТов, КодВидТов: line.КодВидТов },
        line.СведПрослеж.map(traceabilityTree),
      ),
    line.Акциз !== undefined && amountOrLabel('Акциз', line.Акциз, 'СумАкциз', 'БезАкциз'),
    amountOrLabel('СумНал', line.СумНал, 'СумНал', 'БезНДС'),
  );
}

function updTree(doc: UpdDocument): XmlOut {
  const totals = doc.ВсегоОпл;
  return el(
    'Файл',
    { ИдФайл: doc.ИдФайл, ВерсФорм: '5.03', ВерсПрог: doc.ВерсПрог },
    el(
      'Документ',
      {
        КНД: UPD_KND,
        Функция: doc.Функция,
        ПоФактХЖ: doc.ПоФактХЖ,
        НаимДокОпр: doc.НаимДокОпр,
        ДатаИнфПр: formatXmlDate(doc.ДатаИнфПр),
        ВремИнфПр: doc.ВремИнфПр,
        НаимЭконСубСост: doc.НаимЭконСубСост,
      },
      el(
        'СвСчФакт',
        { НомерДок: doc.НомерДок, ДатаДок: formatXmlDate(doc.ДатаДок) },
        doc.ИспрДок && el('ИспрДок', { НомИспр: String(doc.ИспрДок.НомИспр), ДатаИспр: formatXmlDate(doc.ИспрДок.ДатаИспр) }),
        writeParticipant('СвПрод', doc.СвПрод),
        writeParticipant('СвПокуп', doc.СвПокуп),
        el('ДенИзм', { КодОКВ: doc.ДенИзм.КодОКВ, НаимОКВ: doc.ДенИзм.НаимОКВ, КурсВал: doc.ДенИзм.КурсВал }),
      ),
      doc.СведТов.length > 0 &&
        el(
          'ТаблСчФакт',
          {},
          doc.СведТов.map(goodsLineTree),
          el(
            'ВсегоОпл',
            { СтТовБезНДСВсего: optionalKopecks(totals?.СтТовБезНДСВсего), СтТовУчНалВсего: optionalKopecks(totals?.СтТовУчНалВсего) },
            amountOrLabel('СумНалВсего', totals?.СумНалВсего ?? 'без НДС', 'СумНал', 'БезНДС'),
          ),
        ),
      doc.СвПер &&
        el(
          'СвПродПер',
          {},
          el(
            'СвПер',
            { СодОпер: doc.СвПер.СодОпер, ВидОпер: doc.СвПер.ВидОпер, ДатаПер: doc.СвПер.ДатаПер && formatXmlDate(doc.СвПер.ДатаПер) },
            doc.СвПер.ОснПер.length === 0
              ? textEl('БезДокОснПер', '1')
              : doc.СвПер.ОснПер.map((basis) =>
                  el('ОснПер', {
                    РеквНаимДок: basis.РеквНаимДок,
                    РеквНомерДок: basis.РеквНомерДок,
                    РеквДатаДок: basis.РеквДатаДок && formatXmlDate(basis.РеквДатаДок),
                  }),
                ),
          ),
        ),
      doc.Подписант.map((signer) => el('Подписант', { Должн: signer.Должн, СпосПодтПолном: signer.СпосПодтПолном }, writeFio(signer.ФИО))),
    ),
  );
}
