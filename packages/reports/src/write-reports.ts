/**
 * Writes the auditors' reports of one run into a folder, reading the discrepancies exactly once:
 * every row is validated, counted into the summary, and handed to each format's writer (JSON and CSV
 * write it out, HTML renders its table row, XLSX spools it by code). Then the HTML page and the
 * workbook, which need the totals first, are assembled. Memory stays bounded by the summary, not by
 * the number of rows.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SledopytError, isSledopytError } from '@sledopyt/core';
import { z } from 'zod';
import type { ColumnContext } from './columns.js';
import { CsvWriter } from './csv/csv-writer.js';
import { DEFAULT_HTML_ROW_LIMIT, HtmlReportWriter } from './html/html-writer.js';
import { TextFile } from './io/text-file.js';
import { JsonArrayWriter } from './json/json-writer.js';
import { parseReportModel, type ReportModelInput } from './model.js';
import { readRows, toReportRow, type ReportRow } from './rows.js';
import { SummaryBuilder, type ReportSummary } from './summary/summarize.js';
import { CodeSpool } from './xlsx/spool.js';
import { writeXlsxReport } from './xlsx/xlsx-writer.js';

export const REPORT_FORMATS = ['html', 'xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILE_NAMES: Readonly<Record<ReportFormat, string>> = {
  html: 'report.html',
  xlsx: 'report.xlsx',
  csv: 'discrepancies.csv',
  json: 'discrepancies.json',
};

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const writeReportsOptionsSchema = z.object({
  outDir: z.string().trim().min(1, { message: 'укажите папку для отчётов' }),
  formats: z
    .array(z.enum(REPORT_FORMATS))
    .min(1, { message: 'укажите хотя бы один формат: html, xlsx, csv, json' })
    .default([...REPORT_FORMATS])
    .transform((formats) => REPORT_FORMATS.filter((format) => formats.includes(format))),
  /** Rows in the HTML table; the rest are in the XLSX and CSV. */
  htmlRowLimit: z.number().int().nonnegative().default(DEFAULT_HTML_ROW_LIMIT),
  /** RNPTs and counterparties named in the charts and the summary sheet. */
  topN: z.number().int().min(1).max(100).default(15),
  /** The zone the generation time is shown in. */
  timeZone: z.string().refine(isTimeZone, { message: 'неизвестный часовой пояс' }).default('Europe/Moscow'),
});
export type WriteReportsOptions = z.input<typeof writeReportsOptionsSchema>;

export interface WrittenReports {
  outDir: string;
  /** The path of each format written. */
  files: Partial<Record<ReportFormat, string>>;
  /** The same paths, in the order html, xlsx, csv, json. */
  paths: string[];
  summary: ReportSummary;
}

const isFileSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code ?? '');

interface RowSink {
  row(row: ReportRow, index: number): Promise<void>;
  abort(): Promise<void>;
}

export async function writeReports(modelInput: ReportModelInput, optionsInput: WriteReportsOptions): Promise<WrittenReports> {
  const model = parseReportModel(modelInput);
  const parsedOptions = writeReportsOptionsSchema.safeParse(optionsInput);
  if (!parsedOptions.success) {
    const issues = parsedOptions.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new SledopytError({
      code: 'REPORT_OPTIONS_INVALID',
      message: `Invalid report options: ${issues.join('; ')}`,
      messageRu: `Неверные параметры отчётов — ${issues.join('; ')}`,
      actor: 'user',
      details: { issues },
    });
  }
  const options = parsedOptions.data;
  const outDir = resolve(options.outDir);
  const pathOf = (format: ReportFormat) => join(outDir, REPORT_FILE_NAMES[format]);
  const wants = (format: ReportFormat) => options.formats.includes(format);

  let tempDir: string | undefined;
  const sinks: RowSink[] = [];
  try {
    await mkdir(outDir, { recursive: true });
    tempDir = await mkdtemp(join(tmpdir(), 'sledopyt-report-'));
    const columns: ColumnContext = { counterpartyNames: model.counterpartyNames };
    const json = wants('json') ? new JsonArrayWriter(TextFile.create(pathOf('json'))) : null;
    const csv = wants('csv') ? new CsvWriter(TextFile.create(pathOf('csv')), columns) : null;
    const html = wants('html') ? new HtmlReportWriter(pathOf('html'), join(tempDir, 'table-rows.html'), options.htmlRowLimit, { catalog: model.catalog, counterpartyNames: model.counterpartyNames }) : null;
    const spool = wants('xlsx') ? new CodeSpool(tempDir) : null;
    await csv?.open();
    for (const sink of [json, csv, html]) if (sink !== null) sinks.push(sink);
    if (spool !== null) sinks.push({ row: (row, index) => spool.add(row, index), abort: () => spool.abort() });

    const summary = new SummaryBuilder({ topN: options.topN });
    let index = 0;
    for await (const input of readRows(model.discrepancies)) {
      const row = toReportRow(input, index, model.catalog);
      summary.add(row);
      for (const sink of sinks) await sink.row(row, index);
      index += 1;
    }
    const totals = summary.finish();

    const files: Partial<Record<ReportFormat, string>> = {};
    if (json !== null) files.json = await json.close();
    if (csv !== null) files.csv = await csv.close();
    if (spool !== null) {
      await spool.close();
      files.xlsx = await writeXlsxReport(pathOf('xlsx'), { model, summary: totals, spool, timeZone: options.timeZone });
    }
    if (html !== null) {
      const companionFiles = (['xlsx', 'csv'] as const).filter(wants).map((format) => REPORT_FILE_NAMES[format]);
      files.html = await html.finish({ model, summary: totals, timeZone: options.timeZone, companionFiles });
    }
    const paths = REPORT_FORMATS.flatMap((format) => (files[format] === undefined ? [] : [files[format]]));
    return { outDir, files, paths, summary: totals };
  } catch (error) {
    await Promise.allSettled(sinks.map((sink) => sink.abort()));
    // Only the file system's failures are the administrator's to fix; anything else is a bug and goes up as is.
    if (isSledopytError(error) || !isFileSystemError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SledopytError({
      code: 'REPORT_WRITE_FAILED',
      message: `Could not write the reports to ${outDir}: ${reason}`,
      messageRu: `Не удалось записать отчёты в папку «${outDir}»: ${reason}. Проверьте, что папка доступна для записи и на диске есть место`,
      actor: 'admin',
      details: { outDir, reason },
      cause: error,
    });
  } finally {
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
  }
}
