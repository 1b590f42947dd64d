/**
 * `sledopyt demo`, the main job on built-in data, through the same path as real files: a demo importer's
 * quarter is written as ФНС XML files into a fresh inbox, imported with `importFiles` (as `sledopyt import`
 * does) into a fresh SQLite store beside the operations only 1C knows, the quarter is reconciled and the
 * auditors' reports are written. A planted problem counts as found only when the reconciler reports it.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger, Progress } from '@sledopyt/contract';
import { noopLogger, silentProgress } from '@sledopyt/contract';
import { DEMO_ITEMS, generateDemoFiles, type DemoFileKind, type DemoFiles } from '@sledopyt/generators';
import { importFiles, runReconcile, storeDemoBook, type ImportSummary, type RunReconcileResult } from '@sledopyt/reconciler';
import { REPORT_FORMATS } from '@sledopyt/reports';
import { openStore } from '@sledopyt/store';
import { demoOverview, type DemoOverview } from './analyse.js';
import { writeDemoInbox } from './inbox.js';
import { matchPlanted, type PlantedResult } from './planted.js';

export interface DemoOptions {
  period: string;
  seed: number;
  /** The demo's own database file (recreated each run; never the user's store). */
  dbPath: string;
  /** Where the generated files go (recreated each run). */
  inboxDir: string;
  outDir: string;
  logger: Logger;
  progress?: Progress | undefined;
  /** One line per step, for the user to see the demo moving. */
  onStep?: ((text: string) => void) | undefined;
}

export interface DemoRun {
  period: string;
  company: DemoFiles['company'];
  overview: DemoOverview;
  inboxDir: string;
  filesByKind: Partial<Record<DemoFileKind, number>>;
  files: number;
  imported: ImportSummary;
  book: { documents: number; movements: number };
  reconcile: RunReconcileResult;
  dbPath: string;
  planted: PlantedResult[];
  seconds: number;
}

export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const started = Date.now();
  const step = options.onStep ?? (() => undefined);
  step(`Демо: формирую квартал ${options.period} — УПД, УКД, уведомления, отчёт об операциях, декларация по НДС…`);
  const demo = await generateDemoFiles({ period: options.period, seed: options.seed });
  const inboxDir = resolve(options.inboxDir);
  await writeDemoInbox(inboxDir, demo.files);
  step(`Демо: ${demo.files.length} файлов ФНС записано в ${inboxDir}`);

  const dbPath = resolve(options.dbPath);
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${dbPath}${suffix}`, { force: true });
  const store = await openStore(`sqlite:${dbPath}`);
  try {
    step(`Демо: загружаю файлы в ${dbPath} (как sledopyt import)…`);
    // Per-file log lines would bury the summary: failures are listed in it instead.
    const imported = await importFiles(store, [inboxDir], { source: 'file', logger: noopLogger, progress: options.progress ?? silentProgress });
    const book = await storeDemoBook(store, demo.company.inn, demo.book);
    step(`Демо: загружено файлов ${imported.imported} из ${imported.files}, операций из 1С ${book.documents}; сверяю квартал…`);
    const reconcile = await runReconcile({
      store,
      taxpayerInn: demo.company.inn,
      period: demo.period,
      outDir: options.outDir,
      formats: REPORT_FORMATS,
      failOn: 'never',
      logger: options.logger,
    });
    const filesByKind: DemoRun['filesByKind'] = {};
    for (const file of demo.files) filesByKind[file.kind] = (filesByKind[file.kind] ?? 0) + 1;
    return {
      period: demo.period,
      company: demo.company,
      overview: demoOverview(demo.period, DEMO_ITEMS),
      inboxDir,
      filesByKind,
      files: demo.files.length,
      imported,
      book,
      reconcile,
      dbPath,
      planted: matchPlanted(demo.planted, reconcile.result.discrepancies),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await store.close();
  }
}
