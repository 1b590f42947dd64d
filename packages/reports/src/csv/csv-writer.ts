/**
 * `discrepancies.csv` as Russian Excel opens it with a double click: UTF-8 with a BOM (without it Excel
 * reads cp1251), `;` between fields (the list separator of the Russian locale), CRLF line ends, fields
 * quoted when they hold `;`, quotes or line breaks, money as `1234,56`, dates as `ДД.ММ.ГГГГ`.
 */
import { REPORT_COLUMNS, type ColumnContext, type ReportColumn } from '../columns.js';
import { dateRu } from '../format-ru.js';
import type { TextFile } from '../io/text-file.js';
import type { ReportRow } from '../rows.js';

export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A leading = + - @ would make Excel evaluate the text as a formula (CSV injection): prefix an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted only when it must be. */
export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** `1234,56`: no thousands separator, so Excel takes it as a number in the Russian locale. */
export const csvMoney = (rub: number): string => rub.toFixed(2).replace('.', ',');

export function csvCell(column: ReportColumn, value: string | number | null): string {
  if (value === null) return '';
  switch (column.kind) {
    case 'money':
      return csvMoney(Number(value));
    case 'integer':
      return String(value);
    case 'date':
      return dateRu(String(value));
    case 'text': {
      const text = String(value);
      return csvField(FORMULA_START.test(text) ? `'${text}` : text);
    }
  }
}

export class CsvWriter {
  constructor(
    private readonly file: TextFile,
    private readonly context: ColumnContext,
    private readonly columns: readonly ReportColumn[] = REPORT_COLUMNS,
  ) {}

  async open(): Promise<void> {
    await this.file.write(BOM + this.columns.map((column) => csvField(column.headerRu)).join(CSV_SEPARATOR) + CRLF);
  }

  /** `index`: the row's 0-based place in the run (its № column). */
  async row(row: ReportRow, index: number): Promise<void> {
    await this.file.write(this.columns.map((column) => csvCell(column, column.value(row, index, this.context))).join(CSV_SEPARATOR) + CRLF);
  }

  close(): Promise<string> {
    return this.file.close();
  }

  abort(): Promise<void> {
    return this.file.abort();
  }
}
