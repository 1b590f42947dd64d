/**
 * The traceability forms filed with ФНС (notifications, report on operations) as store documents of the
 * taxpayer that filed them (`СвНП`). Movements only where the form itself brings goods into traceability:
 * - EAEU import notification with an RNPT → an `eaeu_import` receipt, dated by the accompanying documents
 *   (the day of acceptance on account is not in the form [I]: the latest accompanying document's date);
 * - remains notification with an RNPT → a `remains` receipt on the notification's date [I: the goods enter
 *   traceability when they are notified].
 * A notification without an RNPT (the first filing: ФНС assigns it afterwards), the movement notification
 * (the sale is on the УПД) and the report (a filing about operations booked elsewhere) bring no movements.
 * `eventDate` is the day the form's deadline counts from; the rest of the form goes to `details`.
 */
import { SledopytError, formatQuantity, parseMovement, quarterRange } from '@sledopyt/core';
import type { CalendarDate, Movement, MovementInput, QuarterNumber } from '@sledopyt/core';
import { fioText, parseFileName } from '@sledopyt/formats';
import type { EaeuParty, ExportNotice, FormTaxpayer, ImportNotice, OperationsReport, RemainsNotice } from '@sledopyt/formats';
import type { ImportDocumentInput } from '@sledopyt/store';
import type { FileFacts, PartyFacts } from './file-facts.js';

export type FormDocument = ImportNotice | ExportNotice | RemainsNotice | OperationsReport;

export function formTaxpayer(taxpayer: FormTaxpayer): PartyFacts {
  return taxpayer.kind === 'СведЮЛ'
    ? { inn: taxpayer.ИННЮЛ, kpp: taxpayer.КПП ?? null, name: taxpayer.НаимОрг }
    : { inn: taxpayer.ИННФЛ, kpp: null, name: fioText(taxpayer.ФИО) };
}

const eaeuParty = (party: EaeuParty) => ({ country: party.ОКСМ, id: party.ИдКод, name: party.НаимОрг ?? (party.ФИО === undefined ? null : fioText(party.ФИО)) });

const latest = (dates: readonly CalendarDate[]): CalendarDate | undefined => [...dates].sort().at(-1);

const tnvedIfFull = (code: string | undefined): { tnved?: string } => (code !== undefined && /^\d{10}$/.test(code) ? { tnved: code } : {});

function movementOf(input: MovementInput, fileId: string): Movement {
  const parsed = parseMovement(input);
  if (parsed.ok) return parsed.value;
  throw new SledopytError({
    code: 'IMPORT_MOVEMENT_INVALID',
    message: `${fileId}: the goods of the notification do not form a valid movement: ${parsed.error.message}`,
    messageRu: `Сведения о товаре в уведомлении ${fileId} не образуют допустимое движение: ${parsed.error.messageRu}`,
    actor: 'user',
    details: { fileId, ...parsed.error.details },
    cause: parsed.error,
  });
}

function base(taxpayerInn: string, facts: FileFacts) {
  return { taxpayerInn, source: facts.source, sourceRef: facts.sourceRef, contentHash: facts.contentHash };
}

const header = (form: { ИдФайл: string; НомКорр: number }, facts: FileFacts) => ({ fileId: form.ИдФайл, version: facts.version, correctionNumber: form.НомКорр });

export function importNoticeDocument(notice: ImportNotice, taxpayerInn: string, facts: FileFacts): ImportDocumentInput {
  const goods = notice.СведТовар;
  const documents = notice.СвСопрДок.map((document) => ({ kind: document.ВидСопрДок, number: document.НомСопрДок, date: document.ДатаСопрДок }));
  const acceptedOn = latest(documents.map((document) => document.date)) ?? notice.ДатаУвед;
  const movements =
    goods.РегНомерТов === undefined
      ? []
      : [
          movementOf(
            {
              id: `${notice.ИдФайл}#1`,
              kind: 'eaeu_import',
              taxpayerInn,
              rnpt: goods.РегНомерТов,
              unit: goods.ЕдинИзмерКол,
              quantity: formatQuantity(goods.КоличТоварКол),
              costWithoutVat: goods.СтоимБезНДС,
              date: acceptedOn,
              document: { kind: 'other', number: notice.НомУвед.trim(), date: notice.ДатаУвед },
              ...tnvedIfFull(goods.КодТовТНВЭД),
            },
            notice.ИдФайл,
          ),
        ];
  return {
    ...base(taxpayerInn, facts),
    kind: 'eaeu_import_notification',
    number: notice.НомУвед.trim(),
    date: notice.ДатаУвед,
    eventDate: acceptedOn,
    movements,
    details: {
      format: 'import-notice',
      ...header(notice, facts),
      seller: eaeuParty(notice.СвЛицПрд),
      accompanyingDocuments: documents,
      goods: {
        tnved: goods.КодТовТНВЭД,
        rnpt: goods.РегНомерТов ?? null,
        okei: goods.ЕдинИзмерКол,
        quantity: formatQuantity(goods.КоличТоварКол),
        costKopecks: goods.СтоимБезНДС,
        documentOkei: goods.ЕдинИзмСопрДок,
        documentQuantity: goods.КолТовСопрДок,
      },
    },
  };
}

export function exportNoticeDocument(notice: ExportNotice, taxpayerInn: string, facts: FileFacts): ImportDocumentInput {
  const parts = notice.УведВывозТов.map((part) => ({
    buyer: eaeuParty(part.СвЛицПрд),
    destinations: part.СвПунктНазн,
    transitCountries: part.ОКСМ,
    documents: part.СвСопрДок.map((document) => ({
      kind: document.ВидСопрДок,
      number: document.НомСопрДок,
      date: document.ДатаСопрДок,
      lines: document.УведВывозТовСтр.map((line) => ({
        line: line.НомТовДок,
        rnpt: line.РегНомерТов,
        okei: line.ЕдинИзмерПер,
        quantity: formatQuantity(line.КоличТоварПер),
        costKopecks: line.СтТоварБезНДС,
      })),
    })),
  }));
  return {
    ...base(taxpayerInn, facts),
    kind: 'eaeu_movement_notification',
    number: notice.НомУвед.trim(),
    date: notice.ДатаУвед,
    eventDate: latest(parts.flatMap((part) => part.documents.map((document) => document.date))) ?? notice.ДатаУвед,
    movements: [],
    details: { format: 'export-notice', ...header(notice, facts), transit: notice.ПризнУвед === '1', parts },
  };
}

export function remainsNoticeDocument(notice: RemainsNotice, taxpayerInn: string, facts: FileFacts): ImportDocumentInput {
  const goods = notice.УведОстатТов;
  const movements =
    goods.РегНомерТов === undefined
      ? []
      : [
          movementOf(
            {
              id: `${notice.ИдФайл}#1`,
              kind: 'remains',
              taxpayerInn,
              rnpt: goods.РегНомерТов,
              unit: goods.ЕдинИзмерКол,
              quantity: formatQuantity(goods.КоличТоварКол),
              costWithoutVat: goods.СтТоварБезНДС,
              date: notice.ДатаУвед,
              document: { kind: 'other', number: notice.НомУвед.trim(), date: notice.ДатаУвед },
              ...tnvedIfFull(goods.КодТНВЭД),
            },
            notice.ИдФайл,
          ),
        ];
  return {
    ...base(taxpayerInn, facts),
    kind: 'remains_notification',
    number: notice.НомУвед.trim(),
    date: notice.ДатаУвед,
    eventDate: goods.ДатаПервичДок,
    movements,
    details: {
      format: 'remains-notice',
      ...header(notice, facts),
      basis: notice.ПризнУвед ?? null,
      sellerInns: notice.ИНН,
      primaryDocument: { name: goods.НаимПервичДок, number: goods.НомПервичДок, date: goods.ДатаПервичДок },
      goods: {
        name: goods.НаимТовДок,
        tnved: goods.КодТНВЭД ?? null,
        okpd2: goods.КодОКПД2 ?? null,
        rnpt: goods.РегНомерТов ?? null,
        okei: goods.ЕдинИзмерКол,
        quantity: formatQuantity(goods.КоличТоварКол),
        costKopecks: goods.СтТоварБезНДС,
      },
    },
  };
}

/** `Период` of the report: 21–24 = I–IV quarter. */
const REPORT_QUARTERS: Readonly<Record<OperationsReport['Период'], QuarterNumber>> = { '21': 1, '22': 2, '23': 3, '24': 4 };

export function operationsReportDocument(report: OperationsReport, taxpayerInn: string, facts: FileFacts): ImportDocumentInput {
  const year = Number(report.ОтчетГод);
  const quarter = REPORT_QUARTERS[report.Период];
  const quarterEnd = quarterRange({ year, quarter }).to;
  // The form has no date of its own; the file name carries the day it was formed [I: taken as the filing day].
  const formedOn = parseFileName(report.ИдФайл)?.date;
  return {
    ...base(taxpayerInn, facts),
    kind: 'operations_report',
    number: `${year}-Q${quarter}${report.НомКорр > 0 ? ` корр. ${report.НомКорр}` : ''}`,
    date: formedOn ?? quarterEnd,
    eventDate: quarterEnd,
    movements: [],
    details: {
      format: 'operations-report',
      ...header(report, facts),
      year,
      quarter,
      dateSource: formedOn === undefined ? 'quarter-end' : 'file-name',
      taxOffice: report.КодНО,
      place: report.ПоМесту,
      lines: report.ОтчетОперПрТовСтр.map((line) => ({
        line: line.НомерПор,
        date: line.ДатаОпер,
        operationCode: line.КодВидОпер,
        document: { kind: line.РеквПервичДок.ВидДок, number: line.РеквПервичДок.НомДок, date: line.РеквПервичДок.ДатаДок },
        counterparty: line.Контрагент === undefined ? null : formTaxpayer(line.Контрагент),
        goods: line.ТоварПросл.map((item) => ({ rnpt: item.РегНомерТов, okei: item.ЕдинИзмерПер, quantity: formatQuantity(item.КоличТоварПер), costKopecks: item.СтТоварБезНДС })),
      })),
    },
  };
}

