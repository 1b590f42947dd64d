/**
 * The measured parts of the store benchmark, each run in a child process of its own (so its peak RSS is its
 * own) and printing one JSON line:
 * - `generate`: the bulk quarter streamed and mapped to store inputs, nothing stored (the data's own cost,
 *   included in the import figures);
 * - `import`: into a fresh store through `importBatch` (customs declarations, then sales) and
 *   `importDeclaration` (section 9, one transaction);
 * - `reconcile`: `reconcileQuarter` on that store (sorted SQL streams merge-joined, findings saved);
 * - `reference`: the same quarter built as arrays and joined by `reconcileInMemory` (a JS Map by invoice).
 */
import { reconcileInMemory } from '@sledopyt/core';
import { BULK_COMPANY, bulkDeclarationLines, bulkReceiptDocuments, bulkSaleDocuments, planBulkQuarter } from '@sledopyt/generators';
import { reconcileQuarter } from '@sledopyt/reconciler';
import { openStore } from '@sledopyt/store';
import { RECEIPTS_PER_BATCH, SALES_PER_BATCH, batchesOf, importDocuments, section9, storeDocument, storeLines } from './store-bench-data.js';

export const STORE_PHASES = ['generate', 'import', 'reconcile', 'reference'] as const;
export type StorePhase = (typeof STORE_PHASES)[number];

export interface PhaseResult {
  phase: StorePhase;
  lines: number;
  /** Wall-clock seconds of the measured part (for the reference: the join only; `buildSeconds` apart). */
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** Named sub-timings and counts. */
  parts: Record<string, number>;
  /** Discrepancies per code (reconcile, reference). */
  byCode?: Record<string, number>;
}

function started(): () => { seconds: number; cpuSeconds: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function generate(lines: number): Promise<PhaseResult> {
  const plan = planBulkQuarter({ lines });
  const stop = started();
  let documents = 0;
  let declarationLines = 0;
  for (const source of [bulkReceiptDocuments(plan), bulkSaleDocuments(plan)]) {
    for (const batch of batchesOf(source, SALES_PER_BATCH)) documents += batch.map(storeDocument).length;
  }
  for (const line of storeLines(bulkDeclarationLines(plan))) declarationLines += line.entries?.length ?? 0;
  return { phase: 'generate', lines, ...stop(), peakRssMb: peakRssMb(), parts: { documents, declarationEntries: declarationLines } };
}

async function importAll(lines: number, url: string): Promise<PhaseResult> {
  const plan = planBulkQuarter({ lines });
  const store = await openStore(url);
  try {
    const stop = started();
    const receipts = await importDocuments(store, bulkReceiptDocuments(plan), RECEIPTS_PER_BATCH);
    const sales = await importDocuments(store, bulkSaleDocuments(plan), SALES_PER_BATCH);
    const documentsSeconds = stop().seconds;
    const declaration = await store.importDeclaration(section9(plan), storeLines(bulkDeclarationLines(plan)));
    const total = stop();
    return {
      phase: 'import',
      lines,
      ...total,
      peakRssMb: peakRssMb(),
      parts: {
        documents: receipts.documents + sales.documents,
        movements: receipts.movements + sales.movements,
        documentsSeconds,
        declarationLines: declaration.lines,
        declarationEntries: declaration.entries,
        declarationSeconds: total.seconds - documentsSeconds,
      },
    };
  } finally {
    await store.close();
  }
}

async function reconcile(lines: number, url: string): Promise<PhaseResult> {
  const plan = planBulkQuarter({ lines });
  const store = await openStore(url);
  try {
    const stop = started();
    const result = await reconcileQuarter({ store, taxpayerInn: BULK_COMPANY.inn, period: plan.period });
    return {
      phase: 'reconcile',
      lines,
      ...stop(),
      peakRssMb: peakRssMb(),
      parts: { ...result.read, discrepancies: result.counts.total },
      byCode: result.counts.byCode as Record<string, number>,
    };
  } finally {
    await store.close();
  }
}

function reference(lines: number): PhaseResult {
  const plan = planBulkQuarter({ lines });
  const build = started();
  const receipts = [...bulkReceiptDocuments(plan)].flatMap((doc) => doc.movements);
  const sales = [...bulkSaleDocuments(plan)].flatMap((doc) => doc.movements);
  const declarationLines = [...bulkDeclarationLines(plan)];
  const buildSeconds = build().seconds;
  const stop = started();
  const result = reconcileInMemory({
    taxpayerInn: BULK_COMPANY.inn,
    period: plan.period,
    lines: declarationLines,
    entries: sales.map((movement) => ({ movement })),
    ledgerMovements: [...receipts, ...sales],
  });
  return {
    phase: 'reference',
    lines,
    ...stop(),
    peakRssMb: peakRssMb(),
    parts: { buildSeconds, movements: receipts.length + sales.length, declarationLines: declarationLines.length, discrepancies: result.counts.total },
    byCode: result.counts.byCode as Record<string, number>,
  };
}

export async function measurePhase(phase: StorePhase, lines: number, url: string): Promise<PhaseResult> {
  switch (phase) {
    case 'generate':
      return generate(lines);
    case 'import':
      return importAll(lines, url);
    case 'reconcile':
      return reconcile(lines, url);
    case 'reference':
      return reference(lines);
  }
}
