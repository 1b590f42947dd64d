/**
 * The «Сводка» sheet: the taxpayer and period, totals by severity, the fine risk with its draft status
 * and the exemption text, then the counts by type (with the sheet that lists them), and the RNPTs and
 * counterparties with the most findings.
 */
import type ExcelJS from 'exceljs';
import { FINE_EXEMPTION_RU, fineKindRu, fineStatusNoteRu, fineStatusRu } from '../fines-note.js';
import { SEVERITIES, SEVERITY_LABELS_RU, SEVERITY_PLURALS_RU, periodRu, wallClock } from '../format-ru.js';
import type { ReportModel } from '../model.js';
import type { ReportSummary } from '../summary/summarize.js';
import type { TopList } from '../summary/top-counter.js';
import { COUNT_FORMAT, DATE_TIME_FORMAT, RUB_FORMAT, SEVERITY_ARGB, styleHeaderRow } from './styles.js';

export interface TypeSheetRef {
  code: string;
  titleRu: string;
  sheetName: string;
}

type Cell = string | number | Date | null;

export const SUMMARY_COLUMN_WIDTHS = [46, 40, 16, 18, 18, 34];

export function writeSummarySheet(sheet: ExcelJS.Worksheet, model: ReportModel, summary: ReportSummary, typeSheets: readonly TypeSheetRef[], timeZone: string): void {
  sheet.columns = SUMMARY_COLUMN_WIDTHS.map((width) => ({ width }));
  const add = (values: Cell[], formats: Record<number, string> = {}): ExcelJS.Row => {
    const row = sheet.addRow(values);
    for (const [column, numFmt] of Object.entries(formats)) row.getCell(Number(column)).numFmt = numFmt;
    row.alignment = { vertical: 'top' };
    return row;
  };
  const heading = (text: string, size = 12) => {
    add([]).commit();
    const row = add([text]);
    row.font = { bold: true, size };
    row.commit();
  };
  const header = (values: string[]) => {
    const row = add(values);
    styleHeaderRow(row);
    row.commit();
  };
  /** A long text across B:F, tall enough to read without resizing. */
  const note = (label: string, text: string) => {
    const row = add([label, text]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = 15 * Math.max(1, Math.ceil(text.length / 110));
    sheet.mergeCells(row.number, 2, row.number, 6);
    row.commit();
  };

  const title = add(['Расхождения прослеживаемости: отчёт для аудитора']);
  title.font = { bold: true, size: 14 };
  title.commit();
  add([]).commit();
  add(['Налогоплательщик', model.taxpayer.name]).commit();
  add(['ИНН', model.taxpayer.inn]).commit();
  if (model.taxpayer.kpp !== null) add(['КПП', model.taxpayer.kpp]).commit();
  add(['Период', `${periodRu(model.period)} (${model.period})`]).commit();
  const t = wallClock(model.generatedAt, timeZone);
  add([`Сформирован (${timeZone === 'Europe/Moscow' ? 'МСК' : timeZone})`, new Date(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second))], { 2: DATE_TIME_FORMAT }).commit();
  add(['Запуск сверки', model.runId]).commit();

  heading('Итого');
  add(['Всего расхождений', summary.total], { 2: COUNT_FORMAT }).commit();
  for (const severity of SEVERITIES) {
    const row = add([SEVERITY_PLURALS_RU[severity], summary.bySeverity[severity]], { 2: COUNT_FORMAT });
    row.getCell(1).font = { color: { argb: SEVERITY_ARGB[severity] }, bold: true };
    row.commit();
  }
  const risk = add(['Риск штрафа, ₽', model.fines.totalRub], { 2: RUB_FORMAT });
  risk.font = { bold: true };
  risk.commit();
  note('Статус оценки', fineStatusNoteRu(model.fines));
  note('Как избежать штрафа', FINE_EXEMPTION_RU);

  if (model.fines.byKind.length > 0) {
    heading('Риск штрафа по видам нарушений');
    header(['Вид нарушения', 'Документов', 'Сумма, ₽', 'Достигнут предел', 'Статус нормы']);
    for (const kind of model.fines.byKind) {
      add([fineKindRu(kind.kind), kind.documents, kind.rub, kind.capped ? 'да' : 'нет', fineStatusRu(kind.status)], { 2: COUNT_FORMAT, 3: RUB_FORMAT }).commit();
    }
  }

  heading('Расхождения по типам');
  if (summary.byCode.length === 0) {
    add(['Расхождений не найдено']).commit();
  } else {
    header(['Расхождение', 'Код', 'Важность', 'Количество', 'Риск штрафа, ₽', 'Лист']);
    for (const code of summary.byCode) {
      const sheetName = typeSheets.find((s) => s.code === code.code)?.sheetName ?? '';
      const row = add([code.titleRu, code.code, SEVERITY_LABELS_RU[code.severity], code.count, code.fineRub, sheetName], { 4: COUNT_FORMAT, 5: RUB_FORMAT });
      row.getCell(3).font = { color: { argb: SEVERITY_ARGB[code.severity] } };
      row.commit();
    }
  }

  const topTable = (headingText: string, keyHeader: string, list: TopList, label: (key: string) => string) => {
    if (list.top.length === 0) return;
    const scope = list.approximate ? `${list.top.length} первых; подсчёт приблизительный` : `${list.top.length} из ${list.distinct}`;
    heading(`${headingText} (${scope})`);
    header([keyHeader, 'Всего', SEVERITY_PLURALS_RU.error, SEVERITY_PLURALS_RU.warning, 'Риск штрафа, ₽']);
    for (const tally of list.top) {
      add([label(tally.key), tally.count, tally.bySeverity.error, tally.bySeverity.warning, tally.fineRub], { 2: COUNT_FORMAT, 3: COUNT_FORMAT, 4: COUNT_FORMAT, 5: RUB_FORMAT }).commit();
    }
  };
  topTable('РНПТ с наибольшим числом расхождений', 'РНПТ', summary.byRnpt, (key) => key);
  topTable('Контрагенты с наибольшим числом расхождений', 'ИНН — контрагент', summary.byCounterparty, (inn) => {
    const name = model.counterpartyNames[inn];
    return name === undefined ? inn : `${inn} — ${name}`;
  });
  sheet.commit();
}
