/** Writes the отчёт об операциях (ON_OTCHOPTOV 5.02). */
import { formatQuantity, maxDate, parseCalendarDate } from '@sledopyt/core';
import { assertNoProblems, parseWriterInput, rnptProblem, type WriteProblem } from '../common/write-check.js';
import { formFileId, writeSigner, writeTaxpayer, type FormWriteOptions } from '../notifications/common.js';
import type { WrittenDocument } from '../upd/write.js';
import { formatKopecks, formatXmlDate } from '../xml/values.js';
import { el, serializeXml, type SerializeOptions } from '../xml/writer.js';
import { OPERATIONS_REPORT_KND, operationsReportSchema, type OperationsReport, type OperationsReportInput } from './model.js';

const inputSchema = operationsReportSchema.extend({ ИдФайл: operationsReportSchema.shape.ИдФайл.optional() });

/** The file is named for the tax office in `КодНО` unless `options.taxOffice` says otherwise; `date` = filing day (YYYY-MM-DD). */
export function writeOperationsReport(input: OperationsReportInput, options: FormWriteOptions & SerializeOptions & { date?: string } = {}): WrittenDocument<OperationsReport> {
  const parsed = parseWriterInput(inputSchema, input, 'отчёт об операциях');
  // The file date: the one given (the day of filing), else the last operation of the quarter.
  const fileDate = options.date === undefined ? parsed.ОтчетОперПрТовСтр.map((line) => line.ДатаОпер).reduce(maxDate) : parseCalendarDate(options.date);
  const report: OperationsReport = {
    ...parsed,
    ИдФайл: parsed.ИдФайл ?? formFileId('ON_OTCHOPTOV', parsed.СвНП, fileDate, { taxOffice: parsed.КодНО, ...options }),
  };
  const problems: WriteProblem[] = [];
  report.ОтчетОперПрТовСтр.forEach((line, lineIndex) =>
    line.ТоварПросл.forEach((goods, goodsIndex) => {
      const problem = rnptProblem(`ОтчетОперПрТовСтр.${lineIndex}.ТоварПросл.${goodsIndex}.РегНомерТов`, goods.РегНомерТов);
      if (problem !== undefined) problems.push(problem);
    }),
  );
  assertNoProblems('отчёт об операциях', problems);
  const tree = el(
    'Файл',
    { ИдФайл: report.ИдФайл, ВерсПрог: report.ВерсПрог, ВерсФорм: report.ВерсФорм },
    el(
      'Документ',
      { КНД: OPERATIONS_REPORT_KND, ОтчетГод: report.ОтчетГод, Период: report.Период, НомКорр: String(report.НомКорр), КодНО: report.КодНО, ПоМесту: report.ПоМесту },
      writeTaxpayer('СвНП', report.СвНП),
      writeSigner(report.Подписант),
      el(
        'ОтчетОперПрТов',
        {},
        report.ОтчетОперПрТовСтр.map((line) =>
          el(
            'ОтчетОперПрТовСтр',
            { НомерПор: String(line.НомерПор), ДатаОпер: formatXmlDate(line.ДатаОпер), КодВидОпер: line.КодВидОпер },
            el('РеквПервичДок', { ВидДок: line.РеквПервичДок.ВидДок, НомДок: line.РеквПервичДок.НомДок, ДатаДок: formatXmlDate(line.РеквПервичДок.ДатаДок) }),
            line.Контрагент && writeTaxpayer('Контрагент', line.Контрагент),
            line.ТоварПросл.map((goods) =>
              el('ТоварПросл', {
                РегНомерТов: goods.РегНомерТов,
                ЕдинИзмерПер: goods.ЕдинИзмерПер,
                КоличТоварПер: formatQuantity(goods.КоличТоварПер),
                СтТоварБезНДС: formatKopecks(goods.СтТоварБезНДС),
              }),
            ),
          ),
        ),
      ),
    ),
  );
  return { fileName: `${report.ИдФайл}.xml`, bytes: serializeXml(tree, options), document: report };
}
