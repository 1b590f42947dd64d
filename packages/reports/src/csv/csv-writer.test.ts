import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_COLUMNS } from '../columns.js';
import { parseCsv } from '../test-support/csv.js';
import { COUNTERPARTY_NAMES, modelOf, reconciledQuarter } from '../test-support/quarter.js';
import { freshDir } from '../test-support/run.js';
import { writeReports } from '../write-reports.js';
import { csvField, csvMoney } from './csv-writer.js';

describe('csvField and csvMoney', () => {
  it('quote only what Excel would split or lose, doubling quotes', () => {
    expect(csvField('ТС-101')).toBe('ТС-101');
    expect(csvField('ООО "Рога; Копыта"')).toBe('"ООО ""Рога; Копыта"""');
    expect(csvField('две\r\nстроки')).toBe('"две\r\nстроки"');
    expect(csvField(' отступ')).toBe('" отступ"');
    expect(csvMoney(1000)).toBe('1000,00');
    expect(csvMoney(205750.5)).toBe('205750,50');
  });
});

describe('discrepancies.csv', () => {
  const quarter = reconciledQuarter();

  it('is UTF-8 with a BOM, `;`-separated with CRLF, Russian headers, one line per discrepancy', async () => {
    const dir = freshDir('csv');
    const { files } = await writeReports(modelOf(quarter.discrepancies, quarter.fines), { outDir: dir, formats: ['csv'] });
    const bytes = readFileSync(files.csv ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(REPORT_COLUMNS.map((c) => c.headerRu));
    expect(rows).toHaveLength(quarter.discrepancies.length + 1);
    for (const row of rows) expect(row).toHaveLength(REPORT_COLUMNS.length);

    const column = (header: string) => REPORT_COLUMNS.findIndex((c) => c.headerRu === header);
    const cost = quarter.discrepancies.findIndex((d) => d.code === 'COST_MISMATCH');
    const line = rows[cost + 1] ?? [];
    const d = quarter.discrepancies[cost];
    expect(line[column('№')]).toBe(String(cost + 1));
    expect(line[column('Код')]).toBe('COST_MISMATCH');
    expect(line[column('Важность')]).toBe('Ошибка');
    expect(line[column('РНПТ')]).toBe(d?.rnpt);
    expect(line[column('Дата документа')]).toMatch(/^\d{2}\.\d{2}\.2026$/);
    expect(line[column('Дата документа')]).toBe(d?.document?.date.split('-').reverse().join('.'));
    expect(line[column('Риск штрафа, ₽')]).toBe('1000,00');
    expect(line[column('Описание')]).toBe(d?.messageRu);
    // The buyer's name has a quote and a `;`: it survives the round trip.
    expect(line[column('Контрагент')]).toBe(COUNTERPARTY_NAMES[d?.document?.counterpartyInn ?? '']);
  });

  it('keeps a text that Excel would run as a formula inert', async () => {
    const first = quarter.discrepancies[0]!;
    const dir = freshDir('csv-formula');
    const { files } = await writeReports(modelOf([{ ...first, messageRu: '=HYPERLINK("http://evil","нажми")' }], quarter.fines), { outDir: dir, formats: ['csv'] });
    const rows = parseCsv(readFileSync(files.csv ?? '', 'utf8').slice(1));
    expect(rows[1]?.[REPORT_COLUMNS.findIndex((c) => c.key === 'message')]).toBe(`'=HYPERLINK("http://evil","нажми")`);
  });

  it('has just the header when the run found nothing', async () => {
    const { files } = await writeReports(modelOf([], { byKind: [], totalRub: 0 }), { outDir: freshDir('csv-empty'), formats: ['csv'] });
    expect(parseCsv(readFileSync(files.csv ?? '', 'utf8').slice(1))).toHaveLength(1);
  });
});
