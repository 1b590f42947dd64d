/** Reads a УКД 5.01 (ON_NKORSCHFDOPPR) into the model; structure per the 1C XDTO import [I]. */
import { INN_FL_PATTERN, INN_UL_PATTERN, OKEI_PATTERN, OKV_PATTERN } from '../common/codes.js';
import { readFio, readParticipant } from '../common/participant.js';
import { checkFileHeader, dropUndefined, finishModel, readRnptAttr, type ReadOptions } from '../common/read-check.js';
import { VAT_RATES } from '../upd/model.js';
import { loadXml } from '../xml/load.js';
import type { XmlNode } from '../xml/node.js';
import { UKD_FUNCTIONS, UKD_KND, UKD_VERSIONS, ukdDocumentSchema, type UkdDocument } from './model.js';

export function readUkd(bytes: Uint8Array, options: ReadOptions = {}): UkdDocument {
  return readUkdTree(loadXml(bytes, { file: options.file }).root, options);
}

export function readUkdTree(root: XmlNode, options: ReadOptions = {}): UkdDocument {
  const { version, document } = checkFileHeader(root, { titleRu: 'УКД (корректировочный счёт-фактура)', versions: UKD_VERSIONS, knd: UKD_KND });
  const participants = root.child('СвУчДокОбор');
  const header = document.child('СвКСчФ');
  const table = document.child('ТаблКСчФ');
  const content = document.optChild('СодФХЖ3');
  const model = dropUndefined({
    ВерсФорм: version,
    ИдФайл: root.attr('ИдФайл'),
    ВерсПрог: root.attr('ВерсПрог'),
    ИдОтпр: participants.attr('ИдОтпр'),
    ИдПол: participants.attr('ИдПол'),
    Функция: document.oneOf('Функция', UKD_FUNCTIONS),
    ПоФактХЖ: document.optAttr('ПоФактХЖ'),
    НаимДокОпр: document.optAttr('НаимДокОпр'),
    ДатаИнфПр: document.date('ДатаИнфПр'),
    ВремИнфПр: document.matching('ВремИнфПр', /^([01][0-9]|2[0-3])\.[0-5][0-9]\.[0-5][0-9]$/, 'a time HH.MM.SS', 'время ЧЧ.ММ.СС'),
    НаимЭконСубСост: document.attr('НаимЭконСубСост'),
    НомерКСчФ: header.attr('НомерКСчФ'),
    ДатаКСчФ: header.date('ДатаКСчФ'),
    КодОКВ: header.matching('КодОКВ', OKV_PATTERN, 'an ОКВ currency code', 'код валюты ОКВ (3 цифры)'),
    СчФ: header.children('СчФ').map((invoice) => ({ НомерСчФ: invoice.attr('НомерСчФ'), ДатаСчФ: invoice.date('ДатаСчФ') })),
    СвПрод: readParticipant(header.child('СвПрод')),
    СвПокуп: readParticipant(header.child('СвПокуп')),
    СведТов: table.children('СведТов').map((line) => readLine(line, options)),
    ВсегоУвел: readTotals(table.optChild('ВсегоУвел')),
    ВсегоУм: readTotals(table.optChild('ВсегоУм')),
    СодФХЖ3:
      content &&
      dropUndefined({
        СодОпер: content.attr('СодОпер'),
        ДатаНапр: content.optDate('ДатаНапр'),
        ПередатДокум: content.children('ПередатДокум').map(readBasis),
        ДокумОснКор: content.children('ДокумОснКор').map(readBasis),
      }),
    Подписант: document.children('Подписант').map(readSigner),
  });
  return finishModel(ukdDocumentSchema, model, root);
}

const readBasis = (node: XmlNode) => dropUndefined({ НаимОсн: node.attr('НаимОсн'), НомОсн: node.optAttr('НомОсн'), ДатаОсн: node.optDate('ДатаОсн') });

function readCost(node: XmlNode | undefined) {
  if (node === undefined) return undefined;
  return dropUndefined({
    СтоимДоИзм: node.optKopecks('СтоимДоИзм'),
    СтоимПослеИзм: node.optKopecks('СтоимПослеИзм'),
    СтоимУвел: node.optKopecks('СтоимУвел'),
    СтоимУм: node.optKopecks('СтоимУм'),
  });
}

function readExcise(node: XmlNode): bigint | 'без акциза' {
  const { name, node: value } = node.choice(['СумАкциз', 'БезАкциз']);
  return name === 'СумАкциз' ? value.textKopecks() : 'без акциза';
}

function readVat(node: XmlNode | undefined): bigint | 'без НДС' | undefined {
  if (node === undefined) return undefined;
  const { name, node: value } = node.choice(['СумНДС', 'БезНДС']);
  return name === 'СумНДС' ? value.textKopecks() : 'без НДС';
}

function readLine(line: XmlNode, options: ReadOptions) {
  const okei = (attribute: string) => line.optMatching(attribute, OKEI_PATTERN, 'an ОКЕИ code', 'код ОКЕИ (3–4 цифры)');
  const difference = line.optChild('СумНалРазн');
  return dropUndefined({
    НомСтр: line.integer('НомСтр', 6),
    ПорНомТовВСЧФ: line.has('ПорНомТовВСЧФ') ? line.integer('ПорНомТовВСЧФ', 6) : undefined,
    НаимТов: line.optAttr('НаимТов'),
    ОКЕИ_ТовДо: okei('ОКЕИ_ТовДо'),
    ОКЕИ_ТовПосле: okei('ОКЕИ_ТовПосле'),
    КолТовДо: line.optQuantity('КолТовДо'),
    КолТовПосле: line.optQuantity('КолТовПосле'),
    ЦенаТовДо: line.optDecimal('ЦенаТовДо'),
    ЦенаТовПосле: line.optDecimal('ЦенаТовПосле'),
    НалСтДо: line.oneOf('НалСтДо', VAT_RATES),
    НалСтПосле: line.oneOf('НалСтПосле', VAT_RATES),
    СтТовБезНДС: readCost(line.optChild('СтТовБезНДС')),
    АкцизДо: readExcise(line.child('АкцизДо')),
    АкцизПосле: readExcise(line.child('АкцизПосле')),
    СумНалДо: readVat(line.optChild('СумНалДо')),
    СумНалПосле: readVat(line.optChild('СумНалПосле')),
    СумНалРазн: difference && dropUndefined({ СумУвел: difference.optChild('СумУвел')?.textKopecks(), СумУм: difference.optChild('СумУм')?.textKopecks() }),
    СтТовУчНал: readCost(line.optChild('СтТовУчНал')),
    КодВидТов: line.optChild('ДопСведТов')?.optMatching('КодВидТов', /^[0-9]{10}$/, 'a 10-digit ТН ВЭД code', 'код ТН ВЭД ЕАЭС из 10 цифр'),
    СведПрослеж: line.children('СведПрослеж').map((item) => {
      const change = item.optChild('ИзмКолЕдПТ');
      return dropUndefined({
        НомТовПрослеж: readRnptAttr(item, 'НомТовПрослеж', options),
        ЕдИзмПрослеж: item.matching('ЕдИзмПрослеж', OKEI_PATTERN, 'an ОКЕИ code', 'код ОКЕИ (3–4 цифры)'),
        ДопИнфПрослеж: item.optAttr('ДопПрослеж'),
        ИзмКолЕдПТ:
          change &&
          dropUndefined({
            КолТовЕдПТДо: change.quantity('КолТовЕдПТДо'),
            КолТовЕдПТПосле: change.quantity('КолТовЕдПТПосле'),
            КолТовЕдПТУвел: textQuantity(change.optChild('КолТовЕдПТУвел')),
            КолТовЕдПТУм: textQuantity(change.optChild('КолТовЕдПТУм')),
          }),
      });
    }),
  });
}

/** Quantities written as element text (`<КолТовЕдПТУм>2</КолТовЕдПТУм>`). */
function textQuantity(node: XmlNode | undefined) {
  if (node === undefined) return undefined;
  return node.textQuantity();
}

function readTotals(node: XmlNode | undefined) {
  if (node === undefined) return undefined;
  return dropUndefined({
    СтТовБезНДСВсего: node.kopecks('СтТовБезНДСВсего'),
    СтТовУчНалВсего: node.optKopecks('СтТовУчНалВсего'),
    СумНал: readVat(node.optChild('СумНал')),
  });
}

function readSigner(signer: XmlNode) {
  const { name, node } = signer.choice(['ЮЛ', 'ИП', 'ФЛ']);
  return dropUndefined({
    ОблПолн: signer.oneOf('ОблПолн', ['0', '3', '6']),
    Статус: signer.oneOf('Статус', ['1', '2', '3', '4']),
    ОснПолн: signer.attr('ОснПолн'),
    kind: name,
    ИННЮЛ: name === 'ЮЛ' ? node.matching('ИННЮЛ', INN_UL_PATTERN, 'an organisation ИНН', 'ИНН организации: 10 цифр') : undefined,
    ИННФЛ: name === 'ЮЛ' ? undefined : node.optMatching('ИННФЛ', INN_FL_PATTERN, 'a 12-digit ИНН', 'ИНН из 12 цифр'),
    НаимОрг: name === 'ЮЛ' ? node.optAttr('НаимОрг') : undefined,
    Должн: name === 'ЮЛ' ? node.attr('Должн') : undefined,
    ФИО: readFio(node.child('ФИО')),
  });
}
