import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoDeclaration, generateDemoQuarter } from '@sledopyt/generators';
import { freshDatabase } from '@sledopyt/store/testing';
import { describe, expect, it } from 'vitest';
import { seedDemoStore } from '../demo/seed-demo.js';
import { runReconcile } from './run-reconcile.js';

describe('runReconcile', () => {
  const quarter = generateDemoQuarter();
  const declaration = generateDemoDeclaration(quarter);

  it('reconciles the only taxpayer of the store and writes the JSON and CSV reports', async () => {
    const { store } = await freshDatabase('sqlite');
    await seedDemoStore(store, quarter, declaration.lines);
    const outDir = mkdtempSync(join(tmpdir(), 'sledopyt-reconcile-'));
    const { taxpayer, result, reports, failing } = await runReconcile({ store, period: quarter.period, outDir, formats: ['json', 'csv'], failOn: 'error' });
    expect(taxpayer.inn).toBe(quarter.company.inn);
    expect(failing).toBe(result.counts.bySeverity.error);
    expect(failing).toBeGreaterThan(5);
    const json = JSON.parse(readFileSync(reports.files.json as string, 'utf8'));
    expect(json).toHaveLength(result.counts.total);
    expect(json[0]).toEqual(expect.objectContaining({ code: expect.any(String), severity: 'error', document: expect.objectContaining({ number: expect.any(String) }), fineRub: expect.any(Number), messageRu: expect.any(String) }));
    const csv = readFileSync(reports.files.csv as string, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toContain(';');
  });

  it('fails only at the chosen threshold', async () => {
    const { store } = await freshDatabase('sqlite');
    await seedDemoStore(store, quarter, declaration.lines);
    const outDir = mkdtempSync(join(tmpdir(), 'sledopyt-reconcile-'));
    const never = await runReconcile({ store, period: quarter.period, outDir, formats: ['json'], failOn: 'never' });
    expect(never.failing).toBe(0);
    const warnings = await runReconcile({ store, period: quarter.period, outDir, formats: ['json'], failOn: 'warning' });
    expect(warnings.failing).toBe(warnings.result.counts.bySeverity.error + warnings.result.counts.bySeverity.warning);
  });

  it('finds the taxpayer by ИНН, and says so when the ИНН is not in the store', async () => {
    const { store } = await freshDatabase('sqlite');
    await seedDemoStore(store, quarter, declaration.lines);
    const outDir = mkdtempSync(join(tmpdir(), 'sledopyt-reconcile-'));
    const found = await runReconcile({ store, taxpayerInn: quarter.company.inn, period: quarter.period, outDir, formats: ['json'], failOn: 'never' });
    expect(found.taxpayer.inn).toBe(quarter.company.inn);
    await expect(runReconcile({ store, taxpayerInn: '7707083893', period: quarter.period, outDir, formats: ['json'], failOn: 'never' })).rejects.toMatchObject({
      code: 'RECONCILE_TAXPAYER_UNKNOWN',
    });
  });

  it('asks for --inn when the store is empty', async () => {
    const { store } = await freshDatabase('sqlite');
    await expect(runReconcile({ store, period: '2026-Q3', outDir: tmpdir(), formats: ['json'], failOn: 'error' })).rejects.toMatchObject({ code: 'RECONCILE_TAXPAYER_UNKNOWN' });
  });
});
