/**
 * One entry point for "what is this file?": detect the format from the head, read it with the right reader,
 * and return a discriminated union with a short summary (what the CLI's `sledopyt parse` prints).
 * Every failure is a SledopytError naming the file and, where known, the line and element; never a partial result.
 */
import type { CalendarDate } from '@sledopyt/core';
import { fioText, participantInn, participantName, type Fio } from './common/participant.js';
import type { ReadOptions } from './common/read-check.js';
import { readExportNoticeTree, type ExportNotice } from './notifications/export-notice.js';
import { readImportNoticeTree, type ImportNotice } from './notifications/import-notice.js';
import { readRemainsNoticeTree, type RemainsNotice } from './notifications/remains-notice.js';
import type { OperationsReport } from './report/model.js';
import { readOperationsReportTree } from './report/read.js';
import type { UkdDocument } from './ukd/model.js';
import { readUkdTree } from './ukd/read.js';
import type { UpdDocument } from './upd/model.js';
import { readUpdTree } from './upd/read.js';
import { FORMAT_KINDS, detectFormat, type FormatKind } from './xml/detect.js';
import { formatError } from './xml/format-error.js';
import { loadXml } from './xml/load.js';
import type { XmlNode } from './xml/node.js';

/** What `sledopyt parse` prints about any document. Amounts in kopecks. */
export interface DocumentSummary {
  kind: FormatKind;
  /** Russian name of the document kind. */
  titleRu: string;
  version: string;
  fileId: string;
  /** Document number and date (invoice, correction, notice), or the period of a report. */
  number?: string;
  date?: CalendarDate;
  period?: string;
  /** Parties with their role (Russian) and ИНН where known. */
  parties: { role: string; name: string; inn?: string }[];
  /** Goods lines or report lines. */
  lines: number;
  /** Traceability records (СведПрослеж, ТоварПросл, notice goods). */
  traceableItems: number;
  /** Distinct RNPTs mentioned, in document order. */
  rnpts: string[];
  /** Total cost without VAT of the traceable items, kopecks. */
  traceableCostWithoutVat: bigint;
}

interface Parsed<K extends FormatKind, D> {
  kind: K;
  version: string;
  fileName?: string;
  document: D;
  summary: DocumentSummary;
}

export type ParsedDocument =
  | Parsed<'upd', UpdDocument>
  | Parsed<'ukd', UkdDocument>
  | Parsed<'import-notice', ImportNotice>
  | Parsed<'export-notice-transit', ExportNotice>
  | Parsed<'remains-notice', RemainsNotice>
  | Parsed<'operations-report', OperationsReport>;

export type ReadDocumentOptions = Omit<ReadOptions, 'file'>;

/**
 * In-memory readers by kind. The VAT declaration sections (`nds-*`) are read by the streaming reader
 * (packages/formats/src/nds), not here.
 */
const TREE_READERS: { [K in ParsedDocument['kind']]: (root: XmlNode, options: ReadOptions) => Extract<ParsedDocument, { kind: K }>['document'] } = {
  upd: readUpdTree,
  ukd: readUkdTree,
  'import-notice': readImportNoticeTree,
  'export-notice-transit': readExportNoticeTree,
  'remains-notice': readRemainsNoticeTree,
  'operations-report': readOperationsReportTree,
};

const isTreeKind = (kind: FormatKind): kind is ParsedDocument['kind'] => kind in TREE_READERS;

export function readDocument(bytes: Uint8Array, fileName?: string, options: ReadDocumentOptions = {}): ParsedDocument {
  const detected = detectFormat(bytes, fileName);
  if (!isTreeKind(detected.kind)) {
    throw formatError({
      code: 'XML_FORMAT_UNKNOWN',
      file: fileName,
      message: `${detected.kind} ${detected.version} is not read by readDocument (VAT declaration sections use the streaming reader)`,
      messageRu: `«${FORMAT_KINDS[detected.kind].titleRu}» этой функцией не читается${detected.kind.startsWith('nds') ? ' — для разделов декларации по НДС используется потоковое чтение' : ''}`,
      extra: { kind: detected.kind, version: detected.version },
    });
  }
  const { root } = loadXml(bytes, { file: fileName });
  const readOptions: ReadOptions = { ...options, file: fileName };
  const kind = detected.kind;
  const base = { version: detected.version, ...(fileName === undefined ? {} : { fileName }) };
  switch (kind) {
    case 'upd': {
      const document = TREE_READERS.upd(root, readOptions);
      return { kind, ...base, document, summary: summarizeUpd(document) };
    }
    case 'ukd': {
      const document = TREE_READERS.ukd(root, readOptions);
      return { kind, ...base, document, summary: summarizeUkd(document) };
    }
    case 'import-notice': {
      const document = TREE_READERS['import-notice'](root, readOptions);
      const goods = document.СведТовар;
      return {
        kind,
        ...base,
        document,
        summary: summary(kind, document.ВерсФорм, document.ИдФайл, {
          number: document.НомУвед,
          date: document.ДатаУвед,
          parties: [taxpayerParty('налогоплательщик', document.СвНП), { role: 'продавец (ЕАЭС)', name: document.СвЛицПрд.НаимОрг ?? fio(document.СвЛицПрд.ФИО) }],
          lines: 1,
          items: [{ rnpt: goods.РегНомерТов, cost: goods.СтоимБезНДС }],
        }),
      };
    }
    case 'export-notice-transit': {
      const document = TREE_READERS['export-notice-transit'](root, readOptions);
      const lines = document.УведВывозТов.flatMap((part) => part.СвСопрДок.flatMap((accompanying) => accompanying.УведВывозТовСтр));
      return {
        kind,
        ...base,
        document,
        summary: summary(kind, document.ВерсФорм, document.ИдФайл, {
          number: document.НомУвед,
          date: document.ДатаУвед,
          parties: [
            taxpayerParty('налогоплательщик', document.СвНП),
            ...document.УведВывозТов.map((part) => ({ role: 'покупатель (ЕАЭС)', name: part.СвЛицПрд.НаимОрг ?? fio(part.СвЛицПрд.ФИО) })),
          ],
          lines: lines.length,
          items: lines.map((line) => ({ rnpt: line.РегНомерТов, cost: line.СтТоварБезНДС })),
        }),
      };
    }
    case 'remains-notice': {
      const document = TREE_READERS['remains-notice'](root, readOptions);
      return {
        kind,
        ...base,
        document,
        summary: summary(kind, document.ВерсФорм, document.ИдФайл, {
          number: document.НомУвед,
          date: document.ДатаУвед,
          parties: [taxpayerParty('налогоплательщик', document.СвНП)],
          lines: 1,
          items: [{ rnpt: document.УведОстатТов.РегНомерТов, cost: document.УведОстатТов.СтТоварБезНДС }],
        }),
      };
    }
    case 'operations-report': {
      const document = TREE_READERS['operations-report'](root, readOptions);
      const goods = document.ОтчетОперПрТовСтр.flatMap((line) => line.ТоварПросл);
      return {
        kind,
        ...base,
        document,
        summary: summary(kind, document.ВерсФорм, document.ИдФайл, {
          period: `${document.Период} ${document.ОтчетГод}`,
          parties: [taxpayerParty('налогоплательщик', document.СвНП)],
          lines: document.ОтчетОперПрТовСтр.length,
          items: goods.map((item) => ({ rnpt: item.РегНомерТов, cost: item.СтТоварБезНДС })),
        }),
      };
    }
  }
}

function summarizeUpd(doc: UpdDocument): DocumentSummary {
  const items = doc.СведТов.flatMap((line) => line.СведПрослеж);
  return summary('upd', doc.ВерсФорм, doc.ИдФайл, {
    number: doc.НомерДок,
    date: doc.ДатаДок,
    parties: [participantParty('продавец', doc.СвПрод), participantParty('покупатель', doc.СвПокуп)],
    lines: doc.СведТов.length,
    items: items.map((item) => ({ rnpt: item.НомТовПрослеж, cost: item.СтТовБезНДСПрослеж ?? 0n })),
  });
}

function summarizeUkd(doc: UkdDocument): DocumentSummary {
  const items = doc.СведТов.flatMap((line) => line.СведПрослеж);
  return summary('ukd', doc.ВерсФорм, doc.ИдФайл, {
    number: doc.НомерКСчФ,
    date: doc.ДатаКСчФ,
    parties: [participantParty('продавец', doc.СвПрод), participantParty('покупатель', doc.СвПокуп)],
    lines: doc.СведТов.length,
    items: items.map((item) => ({ rnpt: item.НомТовПрослеж, cost: 0n })),
  });
}

interface SummaryFacts {
  number?: string;
  date?: CalendarDate;
  period?: string;
  parties: DocumentSummary['parties'];
  lines: number;
  items: { rnpt: string | undefined; cost: bigint }[];
}

function summary(kind: FormatKind, version: string, fileId: string, facts: SummaryFacts): DocumentSummary {
  const result: DocumentSummary = {
    kind,
    titleRu: FORMAT_KINDS[kind].titleRu,
    version,
    fileId,
    parties: facts.parties,
    lines: facts.lines,
    traceableItems: facts.items.length,
    rnpts: [...new Set(facts.items.flatMap((item) => (item.rnpt === undefined ? [] : [item.rnpt])))],
    traceableCostWithoutVat: facts.items.reduce((sum, item) => sum + item.cost, 0n),
  };
  if (facts.number !== undefined) result.number = facts.number;
  if (facts.date !== undefined) result.date = facts.date;
  if (facts.period !== undefined) result.period = facts.period;
  return result;
}

function participantParty(role: string, participant: UpdDocument['СвПрод']): DocumentSummary['parties'][number] {
  const inn = participantInn(participant);
  return inn === undefined ? { role, name: participantName(participant) } : { role, name: participantName(participant), inn };
}

function taxpayerParty(role: string, taxpayer: ImportNotice['СвНП']): DocumentSummary['parties'][number] {
  return taxpayer.kind === 'СведЮЛ' ? { role, name: taxpayer.НаимОрг, inn: taxpayer.ИННЮЛ } : { role, name: fio(taxpayer.ФИО), inn: taxpayer.ИННФЛ };
}

const fio = (value: Fio | undefined): string => (value === undefined ? '' : fioText(value));
