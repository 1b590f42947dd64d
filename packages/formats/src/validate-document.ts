/**
 * `sledopyt validate`: every problem of a document, not just the first. Structure problems come from the reader
 * (then nothing else can be checked); traceability rules are checked on the model:
 * - each RNPT passes the core's validator as filed, and is not dated after the document;
 * - a goods line with a ТН ВЭД code traceable on the document date carries СведПрослеж, in the unit of the goods list;
 * - СведПрослеж on a code that is not traceable at that date is flagged (a warning: the seller may know better).
 */
import { classify, formatDateRu, isSledopytError, parseRnpt, type CalendarDate, type Classification } from '@sledopyt/core';
import { readDocument, type ParsedDocument, type ReadDocumentOptions } from './read-document.js';

export interface ValidationProblem {
  severity: 'error' | 'warning';
  /** Stable code: an XML_* reader code, a core code (RNPT_*, TNVED_*), or one of the TRACEABILITY_* codes below. */
  code: string;
  message: string;
  messageRu: string;
  /** Element/attribute path, e.g. `Файл/Документ/ТаблСчФакт/СведТов[2]/ДопСведТов/СведПрослеж[1]/@НомТовПрослеж`. */
  path?: string;
  line?: number;
  details?: Record<string, unknown>;
}

export interface ValidationResult {
  /** The document, when it could be read. */
  parsed?: ParsedDocument;
  problems: ValidationProblem[];
}

export function validateDocument(bytes: Uint8Array, fileName?: string, options: ReadDocumentOptions = {}): ValidationResult {
  let parsed: ParsedDocument;
  try {
    parsed = readDocument(bytes, fileName, { ...options, strictRnpt: false });
  } catch (error) {
    if (!isSledopytError(error)) throw error;
    const problem: ValidationProblem = { severity: 'error', code: error.code, message: error.message, messageRu: error.messageRu, details: error.details };
    if (typeof error.details['path'] === 'string') problem.path = error.details['path'];
    if (typeof error.details['line'] === 'number') problem.line = error.details['line'];
    return { problems: [problem] };
  }
  return { parsed, problems: traceabilityProblems(parsed) };
}

interface CheckedItem {
  path: string;
  rnpt: string | undefined;
  unit: string;
}

interface CheckedLine {
  path: string;
  tnved: string | undefined;
  originCountry: string | undefined;
  /** True when the line is goods (not a service); lines of unknown nature count as goods. */
  goods: boolean;
  items: CheckedItem[];
}

/** The lines and traceability records of a document, with their XML paths, in one shape for the rules. */
function linesOf(parsed: ParsedDocument): { date: CalendarDate | undefined; lines: CheckedLine[] } {
  const at = (base: string, index: number, count: number) => (count > 1 ? `${base}[${index + 1}]` : base);
  switch (parsed.kind) {
    case 'upd': {
      const doc = parsed.document;
      return {
        date: doc.ДатаДок,
        lines: doc.СведТов.map((line, index) => {
          const path = at('Файл/Документ/ТаблСчФакт/СведТов', index, doc.СведТов.length);
          return {
            path,
            tnved: line.КодВидТов,
            originCountry: line.СвДТ[0]?.КодПроисх,
            // ПрТовРаб 2 работа, 3 услуга, 4 имущественные права are not goods; 1 имущество and 5 иное may be.
            goods: line.ПрТовРаб === undefined || line.ПрТовРаб === '1' || line.ПрТовРаб === '5',
            items: line.СведПрослеж.map((item, itemIndex) => ({
              path: at(`${path}/ДопСведТов/СведПрослеж`, itemIndex, line.СведПрослеж.length),
              rnpt: item.НомТовПрослеж,
              unit: item.ЕдИзмПрослеж,
            })),
          };
        }),
      };
    }
    case 'ukd': {
      const doc = parsed.document;
      return {
        date: doc.ДатаКСчФ,
        lines: doc.СведТов.map((line, index) => {
          const path = at('Файл/Документ/ТаблКСчФ/СведТов', index, doc.СведТов.length);
          return {
            path,
            tnved: line.КодВидТов,
            originCountry: undefined,
            goods: true,
            items: line.СведПрослеж.map((item, itemIndex) => ({ path: at(`${path}/СведПрослеж`, itemIndex, line.СведПрослеж.length), rnpt: item.НомТовПрослеж, unit: item.ЕдИзмПрослеж })),
          };
        }),
      };
    }
    case 'import-notice': {
      const goods = parsed.document.СведТовар;
      const path = 'Файл/Документ/УведПрмщТов/СведТовар';
      return { date: parsed.document.ДатаУвед, lines: [{ path, tnved: goods.КодТовТНВЭД, originCountry: undefined, goods: true, items: [{ path, rnpt: goods.РегНомерТов, unit: goods.ЕдинИзмерКол }] }] };
    }
    case 'remains-notice': {
      const goods = parsed.document.УведОстатТов;
      const path = 'Файл/Документ/УведОстатТов';
      return { date: parsed.document.ДатаУвед, lines: [{ path, tnved: goods.КодТНВЭД, originCountry: undefined, goods: true, items: [{ path, rnpt: goods.РегНомерТов, unit: goods.ЕдинИзмерКол }] }] };
    }
    case 'export-notice-transit': {
      const lines = parsed.document.УведВывозТов.flatMap((part, partIndex) =>
        part.СвСопрДок.flatMap((accompanying, documentIndex) =>
          accompanying.УведВывозТовСтр.map((line, lineIndex) => {
            const path = `Файл/Документ/УведВывозТов[${partIndex + 1}]/СвСопрДок[${documentIndex + 1}]/УведВывозТовСтр[${lineIndex + 1}]`;
            return { path, tnved: undefined, originCountry: undefined, goods: true, items: [{ path, rnpt: line.РегНомерТов, unit: line.ЕдинИзмерПер }] };
          }),
        ),
      );
      return { date: parsed.document.ДатаУвед, lines };
    }
    case 'operations-report': {
      const lines = parsed.document.ОтчетОперПрТовСтр.map((line, index) => {
        const path = `Файл/Документ/ОтчетОперПрТов/ОтчетОперПрТовСтр[${index + 1}]`;
        return {
          path,
          tnved: undefined,
          originCountry: undefined,
          goods: true,
          items: line.ТоварПросл.map((goods, goodsIndex) => ({ path: `${path}/ТоварПросл[${goodsIndex + 1}]`, rnpt: goods.РегНомерТов, unit: goods.ЕдинИзмерПер })),
        };
      });
      return { date: undefined, lines };
    }
  }
}

function rnptAttribute(parsed: ParsedDocument): string {
  return parsed.kind === 'upd' || parsed.kind === 'ukd' ? 'НомТовПрослеж' : 'РегНомерТов';
}

function traceabilityProblems(parsed: ParsedDocument): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const { date, lines } = linesOf(parsed);
  const rnptAttr = rnptAttribute(parsed);
  for (const line of lines) {
    for (const item of line.items) {
      if (item.rnpt === undefined) continue;
      const checked = parseRnpt(item.rnpt, { strict: true, today: date });
      const path = `${item.path}/@${rnptAttr}`;
      if (!checked.ok) {
        // Checked with today = the document date: "in the future" means "after the document".
        const afterDocument = checked.error.code === 'RNPT_DATE_FUTURE' && date !== undefined ? ` (дата в РНПТ позже даты документа ${formatDateRu(date)})` : '';
        problems.push({
          severity: 'error',
          code: checked.error.code,
          message: `RNPT "${item.rnpt}": ${checked.error.message}`,
          messageRu: `РНПТ «${item.rnpt}»: ${checked.error.messageRu}${afterDocument}`,
          path,
          details: { rnpt: item.rnpt, ...checked.error.details },
        });
      } else {
        for (const warning of checked.value.warnings) {
          problems.push({ severity: 'warning', code: warning.code, message: `RNPT "${item.rnpt}": ${warning.message}`, messageRu: `РНПТ «${item.rnpt}»: ${warning.messageRu}`, path, details: { rnpt: item.rnpt, ...warning.details } });
        }
      }
    }
    if (line.tnved === undefined || date === undefined || !line.goods) {
      if (line.tnved === undefined && line.items.length > 0 && (parsed.kind === 'upd' || parsed.kind === 'ukd')) {
        problems.push({
          severity: 'warning',
          code: 'TRACEABILITY_TNVED_MISSING',
          message: 'The line has traceability data but no ТН ВЭД code (КодВидТов): the unit cannot be checked against the goods list',
          messageRu: 'в строке есть сведения о прослеживаемости, но не указан код ТН ВЭД ЕАЭС (графа 1б, КодВидТов): единицу измерения не с чем сверить',
          path: line.path,
        });
      }
      continue;
    }
    let classification: Classification;
    try {
      classification = classify(line.tnved, date, line.originCountry === undefined ? {} : { originCountry: line.originCountry });
    } catch (error) {
      if (!isSledopytError(error)) throw error;
      problems.push({ severity: 'error', code: error.code, message: error.message, messageRu: error.messageRu, path: line.path, details: error.details });
      continue;
    }
    problems.push(...classificationProblems(parsed, line, classification));
  }
  return problems;
}

function classificationProblems(parsed: ParsedDocument, line: CheckedLine, classification: Classification): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const details = { tnved: classification.tnved, reasonCode: classification.reasonCode };
  if (classification.traceable) {
    if (line.items.length === 0 && (parsed.kind === 'upd' || parsed.kind === 'ukd')) {
      problems.push({
        severity: 'error',
        code: 'TRACEABILITY_MISSING',
        message: `ТН ВЭД ${classification.tnvedDisplay} is traceable on ${classification.date}, but the line has no СведПрослеж`,
        messageRu: `товар с кодом ТН ВЭД ${classification.tnvedDisplay} подлежит прослеживаемости (${classification.reason}), но в строке нет реквизитов прослеживаемости (графы 11–14). За документ без них — штраф`,
        path: line.path,
        details,
      });
    }
    const unit = classification.unit;
    for (const item of line.items) {
      if (unit !== null && item.unit !== unit.code) {
        problems.push({
          severity: 'error',
          code: 'TRACEABILITY_UNIT_MISMATCH',
          message: `Traceability unit ${item.unit} does not match the goods list unit ${unit.code} (${unit.name}) for ТН ВЭД ${classification.tnvedDisplay}`,
          messageRu: `единица прослеживаемости ${item.unit} не совпадает с единицей из перечня товаров: ${unit.code} (${unit.shortName}) для кода ТН ВЭД ${classification.tnvedDisplay}`,
          path: item.path,
          details: { ...details, unit: item.unit, expectedUnit: unit.code },
        });
      }
    }
  } else if (line.items.length > 0 && classification.dependsOnOrigin === null && classification.dependsOnCode === null) {
    problems.push({
      severity: 'warning',
      code: 'TRACEABILITY_NOT_REQUIRED',
      message: `ТН ВЭД ${classification.tnvedDisplay} is not traceable on ${classification.date} (${classification.reasonCode}), yet the line carries traceability data`,
      messageRu: `товар с кодом ТН ВЭД ${classification.tnvedDisplay} на дату документа не подлежит прослеживаемости: ${classification.reason.replace(/\.$/, '')}. Проверьте код или уберите реквизиты прослеживаемости`,
      path: line.path,
      details,
    });
  }
  return problems;
}
