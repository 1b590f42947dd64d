import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';

const places = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sledopyt-demo-'));
  return ['--out', join(dir, 'out'), '--db-file', join(dir, 'demo.db')];
};

describe('sledopyt demo', () => {
  it('imports, reconciles and reports the demo quarter, finding every planted problem', async () => {
    const { code, stdout } = await run('demo', ...places());
    expect(code).toBe(0);
    expect(stdout).toContain('3 квартал 2026');
    expect(stdout).toMatch(/Заложено в демо-данные проблем: (\d+), найдено: \1\n/);
    for (const finding of ['RNPT_DATE_INVALID', 'NEGATIVE_BALANCE', 'RNPT_UNKNOWN', 'OPERATION_AFTER_TERMINATION', 'NOTIFICATION_LATE', 'EAEU_RNPT_AFTER_IMPORT']) {
      expect(stdout).toContain(finding);
    }
    expect(stdout).toMatch(/Декларация по НДС: не позднее 26\.10\.2026/);
  });

  it('gives the same findings as JSON, with every planted problem found', async () => {
    const { code, stdout } = await run('demo', '--json', ...places());
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    for (const path of Object.values(out.reports) as string[]) expect(existsSync(path)).toBe(true);
    expect(readFileSync(out.reports.html, 'utf8')).toContain('<svg');
    expect(out.reconcile.counts.total).toBeGreaterThan(10);
    expect(out.period).toBe('2026-Q3');
    expect(out.planted.length).toBeGreaterThanOrEqual(7);
    expect(out.planted.every((p: { found: boolean }) => p.found)).toBe(true);
    const classified = Object.fromEntries(out.catalog.map((c: { sku: string; classification: { reasonCode: string } }) => [c.sku, c.classification.reasonCode]));
    expect(classified).toMatchObject({ 'MON-27Q': 'LISTED', 'REF-BY-A4': 'EXCLUDED_BY_ORIGIN', 'WM-PARTS': 'EXCLUDED_CODE', 'WM-RU-5': 'MADE_IN_RUSSIA', 'NB-15': 'NOT_LISTED' });
  });

  it('refuses a malformed period with exit 2', async () => {
    const { code, stderr } = await run('demo', '--period', '2026-3', ...places());
    expect(code).toBe(2);
    expect(stderr).toContain('QUARTER_FORMAT');
  });
});
