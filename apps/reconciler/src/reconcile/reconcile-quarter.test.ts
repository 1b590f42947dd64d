import { reconcileInMemory, type Discrepancy } from '@sledopyt/core';
import { generateDemoDeclaration, generateDemoQuarter } from '@sledopyt/generators';
import { describeEachEngine, freshDatabase } from '@sledopyt/store/testing';
import { expect, it } from 'vitest';
import { demoMovements, seedDemoStore } from '../demo/seed-demo.js';
import { reconcileQuarter } from './reconcile-quarter.js';

// Everything that identifies a finding; ids of lines differ between the store and memory by design.
const comparable = (d: Discrepancy): string =>
  [d.code, d.severity, d.rnpt, d.document?.number, d.document?.date, d.section, d.expected, d.actual, d.messageRu].join(' | ');

describeEachEngine('reconcileQuarter', (engine) => {
  const quarter = generateDemoQuarter();
  const declaration = generateDemoDeclaration(quarter);

  it('finds, from the store, exactly what the in-memory reference finds on the same data', async () => {
    const { store } = await freshDatabase(engine);
    await seedDemoStore(store, quarter, declaration.lines);
    const fromStore = await reconcileQuarter({ store, taxpayerInn: quarter.company.inn, period: quarter.period });
    const movements = demoMovements(quarter);
    const reference = reconcileInMemory({ taxpayerInn: quarter.company.inn, period: quarter.period, lines: declaration.lines, entries: movements.map((movement) => ({ movement })) });
    expect(fromStore.discrepancies.map(comparable).sort()).toEqual(reference.discrepancies.map(comparable).sort());
    expect(fromStore.fines.totalRub).toBe(reference.fines.totalRub);
    expect(fromStore.counts).toEqual(reference.counts);
    for (const planted of [...quarter.planted, ...declaration.planted].filter((p) => !['NOTIFICATION_LATE', 'EAEU_RNPT_AFTER_IMPORT', 'RNPT_INVALID'].includes(p.code))) {
      expect(fromStore.discrepancies.some((d) => d.code === planted.code), planted.code).toBe(true);
    }
  });

  it('records the run and its discrepancies in the store', async () => {
    const { store } = await freshDatabase(engine);
    await seedDemoStore(store, quarter, declaration.lines);
    const result = await reconcileQuarter({ store, taxpayerInn: quarter.company.inn, period: quarter.period });
    const run = await store.getRun(result.runId);
    expect(run).toMatchObject({ job: 'reconcile', outcome: 'succeeded' });
    const saved = [];
    for await (const d of store.discrepancies(result.runId)) saved.push(d);
    expect(saved).toHaveLength(result.discrepancies.length);
    expect(saved.reduce((sum, d) => sum + d.fineRub, 0n)).toBe(BigInt(result.fines.totalRub));
  });

  it('refuses a taxpayer the store knows nothing about, with a hint', async () => {
    const { store } = await freshDatabase(engine);
    await expect(reconcileQuarter({ store, taxpayerInn: quarter.company.inn, period: quarter.period })).rejects.toMatchObject({ code: 'RECONCILE_TAXPAYER_UNKNOWN' });
  });
});
