import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DISCREPANCY_CATALOG, FINE_EXEMPTION_RU } from '@sledopyt/core';
import { TYPE_SHEET_COLUMNS } from '../columns.js';
import { COMPANY, COUNTERPARTY_NAMES, modelOf, manyWithFines, reconciledQuarter } from '../test-support/quarter.js';
import { freshDir } from '../test-support/run.js';
import { writeReports } from '../write-reports.js';
import { DATE_FORMAT, RUB_FORMAT } from './styles.js';

async function readWorkbook(path: string | undefined): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path ?? '');
  return workbook;
}

/** The value in column B next to a label in column A of the summary sheet. */
function labelled(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Cell | undefined {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label) found = row.getCell(2);
  });
  return found;
}

const column = (key: string) => TYPE_SHEET_COLUMNS.findIndex((c) => c.key === key) + 1;

describe('report.xlsx', () => {
  const quarter = reconciledQuarter();

  it('has a summary and a sheet per type with frozen, filterable headers, rouble numbers and real dates', async () => {
    const { files, summary } = await writeReports(modelOf(quarter.discrepancies, quarter.fines), { outDir: freshDir('xlsx'), formats: ['xlsx'] });
    const workbook = await readWorkbook(files.xlsx);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe('Сводка');
    // One sheet per type found, named by its Russian title (cut to Excel's 31 characters).
    expect(names).toHaveLength(1 + summary.byCode.length);
    summary.byCode.forEach((code, i) => {
      const name = names[i + 1] ?? '';
      expect([...name].length).toBeLessThanOrEqual(31);
      expect(DISCREPANCY_CATALOG[code.code].titleRu.startsWith(name.replace(/…$/, ''))).toBe(true);
    });
    expect(names).toContain('Нет документа к строке деклара…');

    const overview = workbook.getWorksheet('Сводка');
    if (overview === undefined) throw new Error('no summary sheet');
    expect(labelled(overview, 'Налогоплательщик')?.value).toBe(COMPANY.name);
    expect(labelled(overview, 'ИНН')?.value).toBe(COMPANY.inn);
    expect(labelled(overview, 'КПП')?.value).toBe(COMPANY.kpp);
    expect(labelled(overview, 'Период')?.value).toBe('3 квартал 2026 г. (2026-Q3)');
    expect(labelled(overview, 'Всего расхождений')?.value).toBe(quarter.discrepancies.length);
    expect(labelled(overview, 'Ошибки')?.value).toBe(quarter.discrepancies.filter((d) => d.severity === 'error').length);
    const risk = labelled(overview, 'Риск штрафа, ₽');
    expect(risk?.value).toBe(quarter.fines.totalRub);
    expect(risk?.numFmt).toBe(RUB_FORMAT);
    expect(String(labelled(overview, 'Статус оценки')?.value)).toContain('проект');
    expect(labelled(overview, 'Как избежать штрафа')?.value).toBe(FINE_EXEMPTION_RU);
    const generated = labelled(overview, 'Сформирован (МСК)')?.value;
    expect(generated).toBeInstanceOf(Date);
    expect((generated as Date).toISOString()).toBe('2026-10-20T14:05:00.000Z'); // 11:05 UTC is 14:05 in Moscow

    const cost = quarter.discrepancies.find((d) => d.code === 'COST_MISMATCH');
    const sheet = workbook.getWorksheet(DISCREPANCY_CATALOG.COST_MISMATCH.titleRu);
    if (sheet === undefined || cost === undefined) throw new Error('no COST_MISMATCH sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(column('fine')).value).toBe('Риск штрафа, ₽');
    const row = sheet.getRow(2);
    expect(row.getCell(column('rnpt')).value).toBe(cost.rnpt);
    expect(row.getCell(column('fine')).value).toBe(1000);
    expect(row.getCell(column('fine')).numFmt).toBe(RUB_FORMAT);
    const date = row.getCell(column('documentDate'));
    expect(date.value).toEqual(new Date(`${cost.document?.date ?? ''}T00:00:00Z`));
    expect(date.numFmt).toBe(DATE_FORMAT);
    expect(row.getCell(column('counterpartyName')).value).toBe(COUNTERPARTY_NAMES[cost.document?.counterpartyInn ?? '']);
    expect(row.getCell(column('message')).value).toBe(cost.messageRu);
    expect(sheet.getColumn(column('message')).width).toBeGreaterThan(40);
  });

  it('has only the summary, saying so, when the run found nothing', async () => {
    const { files } = await writeReports(modelOf([], { byKind: [], totalRub: 0 }), { outDir: freshDir('xlsx-empty'), formats: ['xlsx'] });
    const workbook = await readWorkbook(files.xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Сводка']);
    const texts: unknown[] = [];
    workbook.getWorksheet('Сводка')?.eachRow((row) => texts.push(row.getCell(1).value));
    expect(texts).toContain('Расхождений не найдено');
  });

  it('puts every one of many findings on its type’s sheet', async () => {
    const many = manyWithFines(12_000, 11);
    const { files, summary } = await writeReports(modelOf(many.discrepancies, many.fines), { outDir: freshDir('xlsx-many'), formats: ['xlsx'] });
    const workbook = await readWorkbook(files.xlsx);
    expect(workbook.worksheets).toHaveLength(1 + summary.byCode.length);
    const rows = workbook.worksheets.slice(1).reduce((sum, sheet) => sum + sheet.rowCount - 1, 0);
    expect(rows).toBe(12_000);
    const numbers = new Set<number>();
    for (const sheet of workbook.worksheets.slice(1)) sheet.eachRow((row, n) => n > 1 && numbers.add(Number(row.getCell(1).value)));
    expect(numbers.size).toBe(12_000);
  }, 120_000); // writing and reading back 12 000 rows with exceljs takes tens of seconds on a busy 2-core machine
});
