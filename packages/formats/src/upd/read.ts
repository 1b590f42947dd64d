/**
 * Reads a УПД / счёт-фактура (информация продавца) of format 5.01, 5.02 or 5.03 into the one model.
 * Version differences handled here (NOTES.md §1): 5.01 names the number/date НомерСчФ/ДатаСчФ, keeps the
 * currency on СвСчФакт and ДопСвФХЖ1, has СвТД instead of СвДТ, НаимЕдИзм on ДопСведТов, ДопПрослеж and no
 * cost in СведПрослеж; 5.02 states that cost in whole roubles; 5.01 has sender/recipient in СвУчДокОбор,
 * 5.02/5.03 only in the file name.
 */
import { INN_FL_PATTERN, OKEI_PATTERN, OKSM_PATTERN, OKV_PATTERN } from '../common/codes.js';
import { readFio, readParticipant } from '../common/participant.js';
import { checkFileHeader, dropUndefined, finishModel, readRnptAttr, type ReadOptions } from '../common/read-check.js';
import { EDO_ID_PATTERN, parseFileName } from '../xml/file-names.js';
import { loadXml } from '../xml/load.js';
import type { XmlNode } from '../xml/node.js';
import {
  UPD_KND,
  UPD_VERSIONS,
  VAT_RATES,
  updDocumentSchema,
  type GoodsLine,
  type Traceability,
  type UpdDocument,
  type UpdVersion,
} from './model.js';

export function readUpd(bytes: Uint8Array, options: ReadOptions = {}): UpdDocument {
  const { root } = loadXml(bytes, { file: options.file });
  return readUpdTree(root, options);
}

/** Reads an already parsed tree (used by `readDocument` after format detection). */
export function readUpdTree(root: XmlNode, options: ReadOptions = {}): UpdDocument {
  const { version, document } = checkFileHeader(root, { titleRu: 'УПД (счёт-фактура)', versions: UPD_VERSIONS, knd: UPD_KND });
  const v501 = version === '5.01';
  const invoice = document.child('СвСчФакт');
  const fileId = root.attr('ИдФайл');

  const model: Record<string, unknown> = {
    ВерсФорм: version,
    ИдФайл: fileId,
    ВерсПрог: root.attr('ВерсПрог'),
    ...edoIds(root, fileId, v501),
    Функция: document.oneOf('Функция', ['СЧФ', 'СЧФДОП', 'ДОП', 'СвРК', 'СвЗК']),
    ПоФактХЖ: document.optAttr('ПоФактХЖ'),
    НаимДокОпр: document.optAttr('НаимДокОпр'),
    ДатаИнфПр: document.date('ДатаИнфПр'),
    ВремИнфПр: document.matching('ВремИнфПр', /^([01][0-9]|2[0-3])\.[0-5][0-9]\.[0-5][0-9]$/, 'a time HH.MM.SS', 'время ЧЧ.ММ.СС'),
    НаимЭконСубСост: document.optAttr('НаимЭконСубСост'),
    НомерДок: invoice.attr(v501 ? 'НомерСчФ' : 'НомерДок'),
    ДатаДок: invoice.date(v501 ? 'ДатаСчФ' : 'ДатаДок'),
    ИспрДок: readCorrection(invoice, v501),
    СвПрод: readParticipant(invoice.child('СвПрод')),
    СвПокуп: readParticipant(invoice.child('СвПокуп')),
    ДенИзм: readCurrency(invoice, v501),
    СведТов: [] as GoodsLine[],
    Подписант: document.children('Подписант').map((signer) => readSigner(signer, v501)),
  };
  const table = document.optChild('ТаблСчФакт');
  if (table !== undefined) {
    model['СведТов'] = table.children('СведТов').map((line) => readGoodsLine(line, version, options));
    const totals = table.child('ВсегоОпл');
    model['ВсегоОпл'] = dropUndefined({
      СтТовБезНДСВсего: totals.optKopecks('СтТовБезНДСВсего'),
      СтТовУчНалВсего: totals.optKopecks('СтТовУчНалВсего'),
      СумНалВсего: readVatAmount(totals.child('СумНалВсего')),
    });
  }
  const transfer = document.optChild('СвПродПер')?.child('СвПер');
  if (transfer !== undefined) model['СвПер'] = readTransfer(transfer, v501);
  return finishModel(updDocumentSchema, dropUndefined(model), root);
}

function edoIds(root: XmlNode, fileId: string, v501: boolean): { ИдОтпр?: string; ИдПол?: string } {
  if (v501) {
    const participants = root.child('СвУчДокОбор');
    return { ИдОтпр: participants.attr('ИдОтпр'), ИдПол: participants.attr('ИдПол') };
  }
  const parsed = parseFileName(fileId);
  if (parsed?.family !== 'edo' || !EDO_ID_PATTERN.test(parsed.senderId) || !EDO_ID_PATTERN.test(parsed.recipientId)) return {};
  return { ИдОтпр: parsed.senderId, ИдПол: parsed.recipientId };
}

function readCorrection(invoice: XmlNode, v501: boolean) {
  const node = invoice.optChild(v501 ? 'ИспрСчФ' : 'ИспрДок');
  if (node === undefined) return undefined;
  const numberAttr = v501 ? 'НомИспрСчФ' : 'НомИспр';
  if (v501 && !node.has(numberAttr)) return undefined; // ДефНомИспрСчФ="-": no correction number
  return { НомИспр: node.integer(numberAttr, 3), ДатаИспр: node.date(v501 ? 'ДатаИспрСчФ' : 'ДатаИспр') };
}

function readCurrency(invoice: XmlNode, v501: boolean) {
  if (v501) {
    const extra = invoice.optChild('ДопСвФХЖ1');
    return dropUndefined({
      КодОКВ: invoice.matching('КодОКВ', OKV_PATTERN, 'an ОКВ currency code', 'код валюты ОКВ (3 цифры)'),
      НаимОКВ: extra?.optAttr('НаимОКВ'),
      КурсВал: extra?.optDecimal('КурсВал', 10, 4),
    });
  }
  const currency = invoice.child('ДенИзм');
  return dropUndefined({
    КодОКВ: currency.matching('КодОКВ', OKV_PATTERN, 'an ОКВ currency code', 'код валюты ОКВ (3 цифры)'),
    НаимОКВ: currency.optAttr('НаимОКВ'),
    КурсВал: currency.optDecimal('КурсВал', 10, 4),
  });
}

/** `<СумНал><СумНал>…</СумНал> | <БезНДС>без НДС</БезНДС></СумНал>` */
function readVatAmount(node: XmlNode): bigint | 'без НДС' {
  const { name, node: value } = node.choice(['СумНал', 'БезНДС']);
  return name === 'СумНал' ? value.textKopecks() : 'без НДС';
}

function readExcise(node: XmlNode | undefined): bigint | 'без акциза' | undefined {
  if (node === undefined) return undefined;
  const { name, node: value } = node.choice(['СумАкциз', 'БезАкциз']);
  return name === 'СумАкциз' ? value.textKopecks() : 'без акциза';
}

function readGoodsLine(line: XmlNode, version: UpdVersion, options: ReadOptions): GoodsLine {
  const v501 = version === '5.01';
  const extra = line.optChild('ДопСведТов');
  const unitName = line.optAttr('НаимЕдИзм') ?? extra?.optAttr('НаимЕдИзм');
  const model: Record<string, unknown> = {
    НомСтр: line.integer('НомСтр', 6),
    НаимТов: line.optAttr('НаимТов'),
    ОКЕИ_Тов: line.optMatching('ОКЕИ_Тов', OKEI_PATTERN, 'an ОКЕИ code', 'код ОКЕИ (3–4 цифры)'),
    НаимЕдИзм: unitName,
    КолТов: line.optQuantity('КолТов'),
    ЦенаТов: line.optDecimal('ЦенаТов'),
    СтТовБезНДС: line.optKopecks('СтТовБезНДС'),
    НалСт: line.oneOf('НалСт', VAT_RATES),
    Акциз: readExcise(line.optChild('Акциз')),
    СумНал: readVatAmount(line.child('СумНал')),
    СтТовУчНал: line.optKopecks('СтТовУчНал'),
    СвДТ: line.children(v501 ? 'СвТД' : 'СвДТ').map((customs) =>
      dropUndefined({
        КодПроисх: customs.optMatching('КодПроисх', OKSM_PATTERN, 'an ОКСМ country code', 'код страны ОКСМ (3 цифры)'),
        НомерДТ: customs.optAttr(v501 ? 'НомерТД' : 'НомерДТ'),
      }),
    ),
    КодВидТов: extra?.optMatching('КодВидТов', /^[0-9]{10}$/, 'a 10-digit ТН ВЭД code', 'код ТН ВЭД ЕАЭС из 10 цифр'),
    КодТов: extra?.optAttr('КодТов'),
    АртикулТов: extra?.optAttr('АртикулТов'),
    ПрТовРаб: extra?.optAttr('ПрТовРаб'),
    СведПрослеж: extra?.children('СведПрослеж').map((item) => readTraceability(item, version, options)) ?? [],
  };
  return dropUndefined(model) as GoodsLine;
}

function readTraceability(item: XmlNode, version: UpdVersion, options: ReadOptions): Traceability {
  const traceability: Traceability = {
    НомТовПрослеж: readRnptAttr(item, 'НомТовПрослеж', options),
    ЕдИзмПрослеж: item.matching('ЕдИзмПрослеж', OKEI_PATTERN, 'an ОКЕИ code', 'код ОКЕИ (3–4 цифры)'),
    НаимЕдИзмПрослеж: item.attr('НаимЕдИзмПрослеж'),
    КолВЕдПрослеж: item.quantity('КолВЕдПрослеж'),
  };
  if (traceability.КолВЕдПрослеж <= 0n) {
    throw item.invalid('КолВЕдПрослеж', item.attr('КолВЕдПрослеж'), 'a quantity > 0', 'количество больше нуля');
  }
  if (version === '5.03') traceability.СтТовБезНДСПрослеж = item.kopecks('СтТовБезНДСПрослеж');
  if (version === '5.02') traceability.СтТовБезНДСПрослеж = item.wholeRoubles('СтТовБезНДСПрослеж');
  const info = item.optAttr(version === '5.01' ? 'ДопПрослеж' : 'ДопИнфПрослеж');
  if (info !== undefined) traceability.ДопИнфПрослеж = info;
  return traceability;
}

function readTransfer(transfer: XmlNode, v501: boolean) {
  const basis = transfer.children('ОснПер').map((node) =>
    v501
      ? dropUndefined({ РеквНаимДок: node.attr('НаимОсн'), РеквНомерДок: node.optAttr('НомОсн'), РеквДатаДок: node.optDate('ДатаОсн') })
      : dropUndefined({ РеквНаимДок: node.attr('РеквНаимДок'), РеквНомерДок: node.optAttr('РеквНомерДок'), РеквДатаДок: node.optDate('РеквДатаДок') }),
  );
  return dropUndefined({
    СодОпер: transfer.attr('СодОпер'),
    ВидОпер: transfer.optAttr('ВидОпер'),
    ДатаПер: transfer.optDate('ДатаПер'),
    ОснПер: basis,
  });
}

function readSigner(signer: XmlNode, v501: boolean) {
  if (!v501) {
    return dropUndefined({
      ФИО: readFio(signer.child('ФИО')),
      Должн: signer.optAttr('Должн'),
      СпосПодтПолном: signer.optAttr('СпосПодтПолном'),
    });
  }
  const { name, node } = signer.choice(['ЮЛ', 'ИП', 'ФЛ']);
  if (name === 'ИП' || name === 'ФЛ') node.optMatching('ИННФЛ', INN_FL_PATTERN, 'a 12-digit ИНН', 'ИНН из 12 цифр');
  return dropUndefined({ ФИО: readFio(node.child('ФИО')), Должн: name === 'ЮЛ' ? node.optAttr('Должн') : undefined });
}
