import { createHash } from 'node:crypto';
import { parseMovement, reconcileInMemory, unwrap, wholeQuantity, type Discrepancy, type Movement, type MovementInput } from '@sledopyt/core';
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

  it('matches invoices whose numbers are prefixes of each other ("15", "150", "15А") in the order SQL sorts them', async () => {
    const { store } = await freshDatabase(engine);
    const inn = '7707083893';
    const buyer = '7736050003';
    const rnpt = '10702070/010626/0000001/001';
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    const movement = (input: Partial<MovementInput> & Pick<MovementInput, 'kind' | 'date' | 'document'>): Movement =>
      unwrap(parseMovement({ taxpayerInn: inn, rnpt, unit: '796', quantity: '1', costWithoutVat: '100.00', ...input }));
    const receipt = movement({ kind: 'customs_import', quantity: '10', costWithoutVat: '1000.00', date: '2026-06-01', document: { kind: 'customs_declaration', number: '10702070/010626/0000001', date: '2026-06-01' } });
    const sale = (number: string, date: string) => movement({ kind: 'sale', date, counterpartyInn: buyer, document: { kind: 'upd', number, date } });
    const sales = [sale('15', '2026-07-10'), sale('150', '2026-07-09'), sale('15А', '2026-07-08'), sale('1', '2026-07-11')];
    const documentOf = (m: Movement) => ({
      taxpayerInn: inn,
      kind: m.document.kind,
      number: m.document.number,
      date: m.document.date,
      ...(m.counterpartyInn === undefined ? {} : { counterpartyInn: m.counterpartyInn }),
      source: 'file' as const,
      sourceRef: `edo/${m.document.number}.xml`,
      contentHash: hash(m.document.number),
      movements: [m],
    });
    await store.importBatch({ documents: [receipt, ...sales].map(documentOf) });
    const line = (m: Movement) => ({
      invoiceNumber: m.document.number,
      invoiceDate: m.document.date,
      counterpartyInn: buyer,
      operationCodes: ['01'],
      entries: [{ kind: 'rnpt' as const, number: rnpt, raw: rnpt, okei: '796', quantity: wholeQuantity(1), costKopecks: 10_000n }],
    });
    await store.importDeclaration(
      { taxpayerInn: inn, year: 2026, quarter: 3, correctionNumber: 0, section: '9', fileName: 'NO_NDS.9_7707_7707_7707083893770701001_20261020_prefix', contentHash: hash('section 9'), source: 'file', sourceRef: 'fns/NO_NDS.9.xml' },
      sales.map(line),
    );
    const result = await reconcileQuarter({ store, taxpayerInn: inn, period: '2026-Q3' });
    expect(result.read).toMatchObject({ declarationLines: 4, declaredMovements: 4 });
    expect(result.discrepancies).toEqual([]);
  });

  it('refuses a taxpayer the store knows nothing about, with a hint', async () => {
    const { store } = await freshDatabase(engine);
    await expect(reconcileQuarter({ store, taxpayerInn: quarter.company.inn, period: quarter.period })).rejects.toMatchObject({ code: 'RECONCILE_TAXPAYER_UNKNOWN' });
  });
});
