/** Reads the отчёт об операциях (ON_OTCHOPTOV 5.02). */
import { OKEI_PATTERN } from '../common/codes.js';
import { checkFileHeader, dropUndefined, finishModel, readRnptAttr, type ReadOptions } from '../common/read-check.js';
import { readSigner, readTaxpayer } from '../notifications/common.js';
import { loadXml } from '../xml/load.js';
import type { XmlNode } from '../xml/node.js';
import { OPERATIONS_REPORT_KND, REPORT_PERIODS, operationsReportSchema, type OperationsReport } from './model.js';

export function readOperationsReport(bytes: Uint8Array, options: ReadOptions = {}): OperationsReport {
  return readOperationsReportTree(loadXml(bytes, { file: options.file }).root, options);
}

export function readOperationsReportTree(root: XmlNode, options: ReadOptions = {}): OperationsReport {
  const { version, document } = checkFileHeader(root, { titleRu: 'отчёт об операциях с прослеживаемыми товарами', versions: ['5.02'] as const, knd: OPERATIONS_REPORT_KND });
  return finishModel(
    operationsReportSchema,
    dropUndefined({
      ВерсФорм: version,
      ИдФайл: root.attr('ИдФайл'),
      ВерсПрог: root.optAttr('ВерсПрог'),
      ОтчетГод: document.matching('ОтчетГод', /^[0-9]{4}$/, 'a year', 'год из 4 цифр'),
      Период: document.oneOf('Период', REPORT_PERIODS),
      НомКорр: document.integer('НомКорр', 3),
      КодНО: document.matching('КодНО', /^[0-9]{4}$/, 'a 4-digit tax office code', 'код налогового органа из 4 цифр'),
      ПоМесту: document.matching('ПоМесту', /^[0-9]{3}$/, 'a 3-digit code', 'код из 3 цифр'),
      СвНП: readTaxpayer(document.child('СвНП')),
      Подписант: readSigner(document.child('Подписант')),
      ОтчетОперПрТовСтр: document.child('ОтчетОперПрТов').children('ОтчетОперПрТовСтр').map((line) => readLine(line, options)),
    }),
    root,
  );
}

function readLine(line: XmlNode, options: ReadOptions) {
  const primary = line.child('РеквПервичДок');
  const counterparty = line.optChild('Контрагент');
  return dropUndefined({
    НомерПор: line.integer('НомерПор', 12),
    ДатаОпер: line.date('ДатаОпер'),
    КодВидОпер: line.matching('КодВидОпер', /^(0[1-9]|[12][0-9]|3[0-9])$/, 'an operation code 01–39', 'код операции 01–39'),
    РеквПервичДок: { ВидДок: primary.oneOf('ВидДок', ['1', '2', '3', '4', '5']), НомДок: primary.attr('НомДок'), ДатаДок: primary.date('ДатаДок') },
    Контрагент: counterparty && readTaxpayer(counterparty),
    ТоварПросл: line.children('ТоварПросл').map((goods) => ({
      РегНомерТов: readRnptAttr(goods, 'РегНомерТов', options),
      ЕдинИзмерПер: goods.matching('ЕдинИзмерПер', OKEI_PATTERN, 'an ОКЕИ code', 'код ОКЕИ (3–4 цифры)'),
      КоличТоварПер: goods.quantity('КоличТоварПер'),
      СтТоварБезНДС: goods.kopecks('СтТоварБезНДС'),
    })),
  });
}
