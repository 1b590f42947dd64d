/** Cell formats and colours shared by the XLSX sheets. */
import type { FindingSeverity } from '@sledopyt/core';
import type ExcelJS from 'exceljs';

/** Whole and fractional roubles with the sign, in the format codes Excel stores (shown per locale). */
export const RUB_FORMAT = '#,##0.00 "₽"';
export const DATE_FORMAT = 'dd.mm.yyyy';
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';
export const COUNT_FORMAT = '#,##0';

export const SEVERITY_ARGB: Readonly<Record<FindingSeverity, string>> = {
  error: 'FFC62828',
  warning: 'FFEF6C00',
  info: 'FF1565C0',
};

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EAED' } };

export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA0A6' } } };
  });
}

/** A calendar date as Excel stores it: the day at UTC midnight (exceljs converts with UTC). */
export function excelDate(isoDate: string): Date {
  return new Date(Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))));
}
