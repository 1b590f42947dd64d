/**
 * `report.xlsx` with exceljs's streaming WorkbookWriter: «Сводка» first, then one sheet per discrepancy
 * type, each with a frozen, filterable header row, column widths, money as numbers in roubles and dates
 * as real dates. Shared strings are off (they would keep every text in memory); sheets are written one
 * after another from the per-code spool, so memory stays bounded whatever the number of rows.
 */
import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { DiscrepancyCode } from '@sledopyt/core';
import { TYPE_SHEET_COLUMNS, type ColumnContext, type ReportColumn } from '../columns.js';
import type { ReportModel } from '../model.js';
import type { ReportSummary } from '../summary/summarize.js';
import { SheetNames } from './sheet-names.js';
import type { CodeSpool } from './spool.js';
import { DATE_FORMAT, RUB_FORMAT, SEVERITY_ARGB, excelDate, styleHeaderRow } from './styles.js';
import { writeSummarySheet, type TypeSheetRef } from './summary-sheet.js';

const CELL_STYLES: Readonly<Record<ReportColumn['kind'], Partial<ExcelJS.Style>>> = {
  text: {},
  integer: {},
  money: { numFmt: RUB_FORMAT },
  date: { numFmt: DATE_FORMAT },
};

/** Excel's limit is 1 048 576 rows; a type with more continues on «… (2)». */
export const MAX_ROWS_PER_SHEET = 1_000_000;

export interface XlsxReportInput {
  model: ReportModel;
  summary: ReportSummary;
  spool: CodeSpool;
  timeZone: string;
  maxRowsPerSheet?: number;
}

export async function writeXlsxReport(path: string, input: XlsxReportInput): Promise<string> {
  const part = `${path}.part`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: part, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Sledopyt';
  workbook.created = input.model.generatedAt;
  try {
    const names = new SheetNames();
    const summaryName = names.claim('Сводка');
    const typeSheets: TypeSheetRef[] = input.summary.byCode.map((code) => ({ code: code.code, titleRu: code.titleRu, sheetName: names.claim(code.titleRu) }));
    writeSummarySheet(workbook.addWorksheet(summaryName), input.model, input.summary, typeSheets, input.timeZone);
    const context: ColumnContext = { counterpartyNames: input.model.counterpartyNames };
    for (const [i, ref] of typeSheets.entries()) {
      const code = input.summary.byCode[i];
      if (code === undefined) continue;
      await writeTypeSheets(workbook, names, ref, SEVERITY_ARGB[code.severity], input, context);
    }
    await workbook.commit();
    await rename(part, path);
    return path;
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
}

async function writeTypeSheets(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  names: SheetNames,
  ref: TypeSheetRef,
  tabColor: string,
  input: XlsxReportInput,
  context: ColumnContext,
): Promise<void> {
  const columns = TYPE_SHEET_COLUMNS;
  const limit = input.maxRowsPerSheet ?? MAX_ROWS_PER_SHEET;
  let sheet = openTypeSheet(workbook, ref.sheetName, tabColor, columns);
  let rows = 0;
  for await (const { index, row } of input.spool.read(ref.code as DiscrepancyCode)) {
    if (rows === limit) {
      closeTypeSheet(sheet, rows, columns.length);
      sheet = openTypeSheet(workbook, names.claim(ref.titleRu), tabColor, columns);
      rows = 0;
    }
    const values = columns.map((column) => cellValue(column, column.value(row, index, context)));
    const excelRow = sheet.addRow(values);
    // One shared style object per kind: exceljs caches style ids by object, a new object per cell costs a lookup each.
    columns.forEach((column, i) => (excelRow.getCell(i + 1).style = CELL_STYLES[column.kind]));
    excelRow.commit();
    rows += 1;
    // Let the zip stream take what was written before more rows pile up in its buffer.
    if (rows % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  closeTypeSheet(sheet, rows, columns.length);
}

function openTypeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, tabColor: string, columns: readonly ReportColumn[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }], properties: { tabColor: { argb: tabColor } } });
  sheet.columns = columns.map((column) => ({ key: column.key, width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.headerRu));
  styleHeaderRow(header);
  header.height = 30;
  header.commit();
  return sheet;
}

function closeTypeSheet(sheet: ExcelJS.Worksheet, rows: number, columnCount: number): void {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columnCount } };
  sheet.commit();
}

function cellValue(column: ReportColumn, value: string | number | null): ExcelJS.CellValue {
  if (value === null) return null;
  return column.kind === 'date' ? excelDate(String(value)) : value;
}
