/**
 * The demo's filings with ФНС as the formats package's writer inputs: EAEU import, remains and movement
 * notifications, and the quarter's report on operations — filed late, without one retail sale, and with one
 * row dated outside the quarter (NOT_IN_REPORT, REPORT_LATE, REPORT_FIELD_INVALID).
 */
import { addDays, computeDeadline, formatDateRu, type CalendarDate } from '@sledopyt/core';
import type { ExportNoticeInput, FormSigner, FormTaxpayer, ImportNoticeInput, OperationsReportInput, RemainsNoticeInput } from '@sledopyt/formats';
import { DEMO_COMPANY } from './demo-catalog.js';
import type { DemoBookOperation, DemoImportNotice, DemoMovementNotice, DemoPlant, DemoQuarterPlan, DemoRemainsNotice } from './demo-files-plan.js';
import { costOf } from './demo-files-upd.js';

export const DEMO_TAX_OFFICE = '7810';

export const DEMO_TAXPAYER: FormTaxpayer = { kind: 'СведЮЛ', НаимОрг: DEMO_COMPANY.name, ИННЮЛ: DEMO_COMPANY.inn, ...(DEMO_COMPANY.kpp === null ? {} : { КПП: DEMO_COMPANY.kpp }) };
const SIGNER: FormSigner = { ПрПодп: '1', ФИО: { Фамилия: 'Орлова', Имя: 'Марина', Отчество: 'Сергеевна' } };
const PROGRAM = '1С:Бухгалтерия 3.0';

export function importNoticeInput(notice: DemoImportNotice): ImportNoticeInput {
  const { goods, supplier } = notice;
  const quantity = String(goods.quantity);
  return {
    ВерсПрог: PROGRAM,
    НомУвед: notice.number,
    ДатаУвед: notice.filed,
    СвНП: DEMO_TAXPAYER,
    Подписант: SIGNER,
    СвЛицПрд: { ОКСМ: supplier.country === 'BY' ? '112' : '398', ИдКод: supplier.taxId, Адрес: supplier.country === 'BY' ? 'Республика Беларусь, г. Минск, ул. Тимирязева, д. 65' : 'Республика Казахстан, г. Алматы, пр. Абая, д. 10', НаимОрг: supplier.name },
    СвСопрДок: [
      { ВидСопрДок: '3', ДатаСопрДок: addDays(notice.accepted, -1), НомСопрДок: `CMR ${notice.number}-${goods.rnpt.slice(18, 22)}` },
      { ВидСопрДок: '1', ДатаСопрДок: notice.accepted, НомСопрДок: `${supplier.country}-${goods.rnpt.slice(18, 22)}` },
    ],
    СведТовар: { КодТовТНВЭД: goods.item.tnved, КолТовСопрДок: quantity, ЕдинИзмСопрДок: '796', РегНомерТов: goods.rnpt, ЕдинИзмерКол: '796', КоличТоварКол: quantity, СтоимБезНДС: costOf(goods) },
  };
}

export function remainsNoticeInput(notice: DemoRemainsNotice): RemainsNoticeInput {
  const { goods } = notice;
  const quantity = String(goods.quantity);
  return {
    НомУвед: notice.number,
    ДатаУвед: notice.filed,
    ПризнУвед: '1',
    СвНП: DEMO_TAXPAYER,
    Подписант: SIGNER,
    ИНН: ['781623450012'],
    УведОстатТов: {
      НаимПервичДок: 'Договор купли-продажи',
      НомПервичДок: `ФЛ-${notice.number}`,
      ДатаПервичДок: notice.primaryDate,
      НаимТовДок: goods.item.name,
      КодТНВЭД: goods.item.tnved,
      КолТоварДок: quantity,
      ЕдинИзмерДок: '796',
      РегНомерТов: goods.rnpt,
      ЕдинИзмерКол: '796',
      КоличТоварКол: quantity,
      СтТоварБезНДС: costOf(goods),
    },
  };
}

export function movementNoticeInput(notice: DemoMovementNotice): ExportNoticeInput {
  const { sale } = notice;
  const buyer = sale.foreignBuyer;
  return {
    ВерсПрог: PROGRAM,
    НомУвед: notice.number,
    ДатаУвед: notice.filed,
    СвНП: DEMO_TAXPAYER,
    Подписант: SIGNER,
    УведВывозТов: [
      {
        СвЛицПрд: { ОКСМ: '398', ИдКод: buyer?.taxId ?? '200140098765', Адрес: 'Республика Казахстан, г. Астана, пр. Мангилик Ел, д. 55', НаимОрг: buyer?.name ?? 'ТОО «Астана Электроникс»' },
        СвСопрДок: [
          {
            ВидСопрДок: '2',
            ДатаСопрДок: sale.date,
            НомСопрДок: sale.number,
            УведВывозТовСтр: sale.goods.map((goods, index) => ({
              НомТовДок: index + 1,
              НаимТовДок: goods.item.name,
              КоличТоварДок: String(goods.quantity),
              ЕдинИзмерДок: '796',
              РегНомерТов: goods.rnpt,
              ЕдинИзмерПер: '796',
              КоличТоварПер: String(goods.quantity),
              СтТоварБезНДС: costOf(goods),
            })),
          },
        ],
        СвПунктНазн: ['г. Астана'],
      },
    ],
  };
}

export interface DemoReport {
  input: OperationsReportInput;
  /** The filing day: the file name's date. */
  filed: CalendarDate;
  planted: DemoPlant[];
}

/**
 * The report on operations of the quarter: the 1C operations with codes 01–14, except the last retail sale
 * (NOT_IN_REPORT); the write-off row dated before the quarter (REPORT_FIELD_INVALID); filed three days
 * after the deadline (REPORT_LATE).
 */
export function operationsReport(plan: DemoQuarterPlan): DemoReport {
  const reported = plan.book.filter((op): op is DemoBookOperation & { reportCode: string } => op.reportCode !== null);
  const left = [...reported].reverse().find((op) => op.reportCode === '04') as DemoBookOperation;
  const misdated = reported.find((op) => op.reportCode === '02') as DemoBookOperation;
  const wrongDate = addDays(plan.from, -2);
  const rows = reported
    .filter((op) => op !== left)
    .map((op, index) => ({
      НомерПор: index + 1,
      ДатаОпер: op === misdated ? wrongDate : op.date,
      КодВидОпер: op.reportCode,
      РеквПервичДок: { ВидДок: '5' as const, НомДок: op.number, ДатаДок: op.date },
      ТоварПросл: [{ РегНомерТов: op.goods.rnpt, ЕдинИзмерПер: '796', КоличТоварПер: String(op.goods.quantity), СтТоварБезНДС: costOf(op.goods) }],
    }));
  const quarter = Number(plan.period.slice(-1));
  const due = computeDeadline({ kind: 'operations-report', date: plan.period }).due;
  const filed = addDays(due, 3);
  return {
    input: {
      ВерсПрог: PROGRAM,
      ОтчетГод: plan.period.slice(0, 4),
      Период: String(20 + quarter) as '21' | '22' | '23' | '24',
      КодНО: DEMO_TAX_OFFICE,
      ПоМесту: '214',
      СвНП: DEMO_TAXPAYER,
      Подписант: SIGNER,
      ОтчетОперПрТовСтр: rows,
    },
    filed,
    planted: [
      { code: 'NOT_IN_REPORT', ref: left.goods.rnpt, rnpt: left.goods.rnpt, descriptionRu: `розничная продажа (код 04, чек ${left.number}) не включена в отчёт об операциях` },
      { code: 'REPORT_LATE', ref: plan.period, descriptionRu: `отчёт об операциях подан ${formatDateRu(filed)}, срок — ${formatDateRu(due)}` },
      {
        code: 'REPORT_FIELD_INVALID',
        ref: misdated.number,
        rnpt: misdated.goods.rnpt,
        descriptionRu: `в отчёте дата операции списания (акт ${misdated.number}) ${formatDateRu(wrongDate)} — вне квартала`,
      },
    ],
  };
}
