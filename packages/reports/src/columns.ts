/**
 * The columns of the tabular reports (CSV and the XLSX type sheets), with Russian headers. A column says
 * what kind of value it holds; each writer renders the kinds its own way (CSV: `1234,56` and `ДД.ММ.ГГГГ`;
 * XLSX: numbers with a rouble format and real dates).
 */
import { SEVERITY_LABELS_RU, detailsRu, documentKindRu } from './format-ru.js';
import type { ReportRow } from './rows.js';

export type ColumnKind = 'text' | 'integer' | 'money' | 'date';

export interface ColumnContext {
  counterpartyNames: Readonly<Record<string, string>>;
}

export interface ReportColumn {
  key: string;
  headerRu: string;
  kind: ColumnKind;
  /** Width in characters (XLSX). */
  width: number;
  /** Repeated on a sheet of one type, so left out there. */
  sameOnTypeSheet?: true;
  /** `number` for integer/money, an ISO date for date, text otherwise; null for an empty cell. */
  value(row: ReportRow, index: number, context: ColumnContext): string | number | null;
}

export const REPORT_COLUMNS: readonly ReportColumn[] = [
  { key: 'index', headerRu: '№', kind: 'integer', width: 8, value: (_row, index) => index + 1 },
  { key: 'code', headerRu: 'Код', kind: 'text', width: 26, sameOnTypeSheet: true, value: (row) => row.code },
  { key: 'title', headerRu: 'Расхождение', kind: 'text', width: 34, sameOnTypeSheet: true, value: (row) => row.titleRu },
  { key: 'severity', headerRu: 'Важность', kind: 'text', width: 16, value: (row) => SEVERITY_LABELS_RU[row.severity] },
  { key: 'rnpt', headerRu: 'РНПТ', kind: 'text', width: 30, value: (row) => row.rnpt },
  { key: 'documentKind', headerRu: 'Документ', kind: 'text', width: 18, value: (row) => (row.document ? documentKindRu(row.document.kind) : null) },
  { key: 'documentNumber', headerRu: 'Номер документа', kind: 'text', width: 20, value: (row) => row.document?.number ?? null },
  { key: 'documentDate', headerRu: 'Дата документа', kind: 'date', width: 14, value: (row) => row.document?.date ?? null },
  { key: 'counterpartyInn', headerRu: 'ИНН контрагента', kind: 'text', width: 15, value: (row) => row.document?.counterpartyInn ?? null },
  {
    key: 'counterpartyName',
    headerRu: 'Контрагент',
    kind: 'text',
    width: 30,
    value: (row, _index, context) => {
      const inn = row.document?.counterpartyInn;
      return inn ? (context.counterpartyNames[inn] ?? null) : null;
    },
  },
  { key: 'section', headerRu: 'Раздел декларации', kind: 'text', width: 10, value: (row) => row.section },
  { key: 'declarationLine', headerRu: 'Строка декларации', kind: 'text', width: 22, value: (row) => row.declarationLineId },
  { key: 'expected', headerRu: 'Ожидалось', kind: 'text', width: 24, value: (row) => row.expected },
  { key: 'actual', headerRu: 'Фактически', kind: 'text', width: 24, value: (row) => row.actual },
  { key: 'fine', headerRu: 'Риск штрафа, ₽', kind: 'money', width: 14, value: (row) => row.fineRub },
  { key: 'message', headerRu: 'Описание', kind: 'text', width: 70, value: (row) => row.messageRu },
  { key: 'fix', headerRu: 'Что сделать', kind: 'text', width: 60, value: (row) => row.fixRu },
  { key: 'legalBasis', headerRu: 'Основание', kind: 'text', width: 50, value: (row) => row.legalBasisRu },
  { key: 'movements', headerRu: 'Движения учёта', kind: 'text', width: 20, value: (row) => (row.movementIds.length > 0 ? row.movementIds.join(', ') : null) },
  { key: 'details', headerRu: 'Подробности', kind: 'text', width: 40, value: (row) => (Object.keys(row.details).length > 0 ? detailsRu(row.details) : null) },
];

export const TYPE_SHEET_COLUMNS: readonly ReportColumn[] = REPORT_COLUMNS.filter((column) => column.sameOnTypeSheet !== true);
