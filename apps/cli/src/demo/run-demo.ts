/**
 * `sledopyt demo`, the main job on built-in data: a demo importer's quarter and its spoiled VAT declaration
 * go into a fresh SQLite store, the quarter is reconciled, the auditors' reports are written, and the
 * core's own checks (catalog, RNPTs of documents, notification deadlines, the 2026 EAEU rule) run beside it.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '@sledopyt/contract';
import { generateDemoDeclaration, generateDemoQuarter, type DemoQuarter, type PlantedProblem } from '@sledopyt/generators';
import { runReconcile, seedDemoStore, type RunReconcileResult } from '@sledopyt/reconciler';
import { REPORT_FORMATS } from '@sledopyt/reports';
import { openStore } from '@sledopyt/store';
import { analyseDemoQuarter, type DemoAnalysis } from './analyse.js';

export interface DemoOptions {
  period: string;
  seed: number;
  /** The demo's own database file (recreated each run; never the user's store). */
  dbPath: string;
  outDir: string;
  logger: Logger;
}

export interface DemoRun {
  quarter: DemoQuarter;
  core: DemoAnalysis;
  reconcile: RunReconcileResult;
  dbPath: string;
  planted: { problem: PlantedProblem; found: boolean }[];
}

export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const quarter = generateDemoQuarter({ period: options.period, seed: options.seed });
  const declaration = generateDemoDeclaration(quarter);
  const core = analyseDemoQuarter(quarter);
  const dbPath = resolve(options.dbPath);
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${dbPath}${suffix}`, { force: true });
  const store = await openStore(`sqlite:${dbPath}`);
  try {
    await seedDemoStore(store, quarter, declaration.lines);
    const reconcile = await runReconcile({ store, period: quarter.period, outDir: options.outDir, formats: REPORT_FORMATS, failOn: 'never', logger: options.logger });
    const found = new Set(core.foundRefs);
    for (const d of reconcile.result.discrepancies) {
      if (d.document) found.add(`${d.code}|${d.document.number}`);
      for (const id of d.movementIds) found.add(`${d.code}|${id}`);
    }
    const planted = [...quarter.planted, ...declaration.planted].map((problem) => ({ problem, found: found.has(`${problem.code}|${problem.ref}`) }));
    return { quarter, core, reconcile, dbPath, planted };
  } finally {
    await store.close();
  }
}
