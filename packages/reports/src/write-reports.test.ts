import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSledopytError } from '@sledopyt/core';
import { modelOf, manyDiscrepancies, reconciledQuarter } from './test-support/quarter.js';
import { freshDir } from './test-support/run.js';
import { REPORT_FILE_NAMES, writeReports } from './write-reports.js';

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('writeReports', () => {
  const quarter = reconciledQuarter();

  it('writes the four files by default and returns their paths with the summary', async () => {
    const dir = freshDir('all');
    const written = await writeReports(modelOf(quarter.discrepancies, quarter.fines), { outDir: dir });
    expect(written.paths).toEqual(['report.html', 'report.xlsx', 'discrepancies.csv', 'discrepancies.json'].map((name) => join(dir, name)));
    expect(readdirSync(dir).sort()).toEqual(Object.values(REPORT_FILE_NAMES).sort());
    expect(written.summary.total).toBe(quarter.discrepancies.length);
    expect(written.summary.fineRub).toBe(quarter.fines.totalRub);
    expect(written.summary.byCode.map((c) => c.code).sort()).toEqual([...new Set(quarter.discrepancies.map((d) => d.code))].sort());
    expect(written.summary.byCode[0]?.severity).toBe('error');
  });

  it('writes only the formats asked for, into a folder it creates', async () => {
    const dir = join(freshDir('some'), 'out', '2026-Q3');
    const written = await writeReports(modelOf(quarter.discrepancies, quarter.fines), { outDir: dir, formats: ['json', 'html'] });
    expect(Object.keys(written.files).sort()).toEqual(['html', 'json']);
    expect(readdirSync(dir).sort()).toEqual(['discrepancies.json', 'report.html']);
  });

  it('reads an async source once, in bounded memory, with totals and top lists from one pass', async () => {
    let reads = 0;
    async function* fromStore() {
      for (const d of manyDiscrepancies(40_000, 3)) {
        reads += 1;
        yield d;
      }
    }
    const before = process.memoryUsage().heapUsed;
    const written = await writeReports(modelOf(fromStore(), { byKind: [], totalRub: 0 }), { outDir: freshDir('async'), formats: ['csv', 'json', 'xlsx'] });
    expect(reads).toBe(40_000);
    expect(written.summary.total).toBe(40_000);
    expect(written.summary.byRnpt.top).toHaveLength(15);
    expect(written.summary.byRnpt.approximate).toBe(false);
    expect(written.summary.byCode.reduce((sum, c) => sum + c.count, 0)).toBe(40_000);
    // 40 000 rows are ~60 MB of CSV+JSON text; the writer never holds them.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(150 * 1024 * 1024);
    expect(readFileSync(written.files.csv ?? '', 'utf8').split('\r\n')).toHaveLength(40_000 + 2);
  }, 120_000);

  it('rejects a bad model or options with a Russian message, before writing anything', async () => {
    const dir = freshDir('bad');
    const badModel = await caught(writeReports(modelOf([], { byKind: [], totalRub: 0 }, { period: '2026-Q5', taxpayer: { inn: '7805123471', name: 'ООО' } }), { outDir: dir }));
    expect(isSledopytError(badModel) && badModel.code).toBe('REPORT_MODEL_INVALID');
    const messageRu = isSledopytError(badModel) ? badModel.messageRu : '';
    expect(messageRu).toContain('period: квартал в виде ГГГГ-QN');
    expect(messageRu).toContain('taxpayer.inn: ИНН «7805123471» указан неверно');
    const badOptions = await caught(writeReports(modelOf([], { byKind: [], totalRub: 0 }), { outDir: dir, formats: [] }));
    expect(isSledopytError(badOptions) && badOptions.code).toBe('REPORT_OPTIONS_INVALID');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops at an invalid row, naming it, and leaves no half-written file', async () => {
    const dir = freshDir('bad-row');
    const rows = [...quarter.discrepancies.slice(0, 3), { ...quarter.discrepancies[3], code: 'NO_SUCH_CODE' }];
    const error = await caught(writeReports(modelOf(rows as typeof quarter.discrepancies, quarter.fines), { outDir: dir }));
    expect(isSledopytError(error) && error.code).toBe('REPORT_ROW_INVALID');
    expect(isSledopytError(error) && error.messageRu).toContain('Расхождение № 4');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fills texts a stored row leaves out from the catalog, and says which folder it could not write', async () => {
    const stored = { code: 'RNPT_INVALID' as const, severity: 'error' as const, rnpt: '10702070/310626/0045511/001', fineRub: 1000n, messageRu: 'Строка 7 раздела 9: РНПТ с датой 31.06.2026' };
    const written = await writeReports(modelOf([stored], { byKind: [], totalRub: 1000 }), { outDir: freshDir('stored'), formats: ['json'] });
    expect(JSON.parse(readFileSync(written.files.json ?? '', 'utf8'))).toEqual([
      expect.objectContaining({ code: 'RNPT_INVALID', titleRu: 'Неверный РНПТ', fineRub: 1000, document: null, section: null, movementIds: [] }),
    ]);

    const blocked = join(freshDir('blocked'), 'file');
    await writeReports(modelOf([], { byKind: [], totalRub: 0 }), { outDir: blocked, formats: ['json'] });
    const error = await caught(writeReports(modelOf([], { byKind: [], totalRub: 0 }), { outDir: join(blocked, 'discrepancies.json'), formats: ['json'] }));
    expect(isSledopytError(error) && error.code).toBe('REPORT_WRITE_FAILED');
    expect(isSledopytError(error) && error.actor).toBe('admin');
    expect(existsSync(join(blocked, 'discrepancies.json'))).toBe(true);
  });
});
