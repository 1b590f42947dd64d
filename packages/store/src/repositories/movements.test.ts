import { DOCUMENT_KINDS, completeInn, computeBalances, parseCalendarDate } from '@sledopyt/core';
import type { DocumentKind } from '@sledopyt/core';
import type { LedgerBalance, Movement, MovementInput } from '@sledopyt/core';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabase } from '../testing/engines.js';
import { BUYER_INN, SUPPLIER_INN, TAXPAYER_INN, TNVED_WASHER, documentOf, movement, rnpt } from '../test-support/fixtures.js';
import type { ImportDocumentInput } from './documents.js';

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const OTHER_TAXPAYER = completeInn('771234567');

const isDocumentKind = (kind: string): kind is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(kind);

let documentNumber = 0;
/** One movement in a document of its own kind, as 1С would post it. */
function posted(kind: MovementInput['kind'], input: Partial<MovementInput>, documentKind: ImportDocumentInput['kind'] = 'upd'): ImportDocumentInput {
  documentNumber += 1;
  const date = input.date ?? '2026-01-20';
  const coreKind = isDocumentKind(documentKind) ? documentKind : 'other';
  const m = movement({ kind, date, document: { kind: coreKind, number: `Д-${documentNumber}`, date }, ...input });
  return { ...documentOf([m]), kind: documentKind };
}

/**
 * A quarter of an importer: purchases, customs imports and remains; sales and their corrections; a
 * write-off, a shortage and a renewal; production with a return; a sale beyond what was received; a sale
 * of an RNPT never received; one RNPT in two units; fractional kilograms.
 */
function quarter(): ImportDocumentInput[] {
  return [
    posted('remains', { rnpt: rnpt(5), quantity: '100', date: '2026-01-10', counterpartyInn: undefined }, 'remains_notification'),
    posted('customs_import', { rnpt: rnpt(2), tnved: TNVED_WASHER, quantity: '25', date: '2026-01-15', counterpartyInn: undefined }, 'customs_declaration'),
    posted('purchase', { rnpt: rnpt(1), quantity: '40', date: '2026-01-20' }),
    posted('purchase', { rnpt: rnpt(1), unit: '715', quantity: '5', date: '2026-01-20' }),
    posted('purchase', { rnpt: rnpt(3), unit: '166', quantity: '1234.56789012345', date: '2026-01-25' }),
    posted('transfer_out', { rnpt: rnpt(5), quantity: '10', date: '2026-02-01' }),
    posted('sale', { rnpt: rnpt(1), quantity: '12', date: '2026-02-03', counterpartyInn: BUYER_INN }),
    posted('sale_correction_increase', { rnpt: rnpt(5), quantity: '3', date: '2026-02-05', counterpartyInn: BUYER_INN }, 'ukd'),
    posted('sale_correction_decrease', { rnpt: rnpt(1), quantity: '2', date: '2026-02-10', counterpartyInn: BUYER_INN }, 'ukd'),
    posted('write_off', { rnpt: rnpt(1), quantity: '1', date: '2026-02-15', counterpartyInn: undefined }, 'inventory_act'),
    posted('sale', { rnpt: rnpt(2), tnved: TNVED_WASHER, quantity: '30', date: '2026-02-20', counterpartyInn: BUYER_INN }),
    posted('purchase_correction_decrease', { rnpt: rnpt(2), tnved: TNVED_WASHER, quantity: '1', date: '2026-02-25', counterpartyInn: SUPPLIER_INN }, 'ukd'),
    posted('shortage', { rnpt: rnpt(1), quantity: '3', date: '2026-03-01', counterpartyInn: undefined }, 'inventory_act'),
    posted('found_after_shortage', { rnpt: rnpt(1), quantity: '2', date: '2026-03-10', counterpartyInn: undefined }, 'inventory_act'),
    posted('production', { rnpt: rnpt(3), unit: '166', quantity: '1000.5', date: '2026-03-15', counterpartyInn: undefined }, 'other'),
    posted('returned_from_production', { rnpt: rnpt(3), unit: '166', quantity: '0.00000000001', date: '2026-03-20', counterpartyInn: undefined }, 'other'),
    posted('sale', { rnpt: rnpt(4), quantity: '7', date: '2026-03-25', counterpartyInn: BUYER_INN }),
    // Another taxpayer of the holding with the same RNPT: never in the first one's balances.
    posted('purchase', { taxpayerInn: OTHER_TAXPAYER, rnpt: rnpt(1), quantity: '500', date: '2026-01-05' }),
  ];
}

const ownMovements = (documents: ImportDocumentInput[]): Movement[] =>
  documents.flatMap((d) => d.movements).filter((m) => m.taxpayerInn === TAXPAYER_INN);

describeEachEngine('movements and balances', (engine) => {
  it('computes balances in SQL equal to the core ledger, for the quarter and up to a day', async () => {
    const { store } = await freshDatabase(engine);
    const documents = quarter();
    await store.importBatch({ documents });
    const movements = ownMovements(documents);

    const sqlBalances: LedgerBalance[] = await all(store.balances({ taxpayerInn: TAXPAYER_INN }, { pageSize: 2 }));
    const coreBalances = computeBalances(movements).balances;
    expect(sqlBalances).toEqual(coreBalances);
    // The ledger itself is not trivial here: a negative balance, a sale with no receipt, fractional kilograms.
    expect(sqlBalances.find((b) => b.rnpt === rnpt(2))?.onHand).toBeLessThan(0n);
    expect(sqlBalances.find((b) => b.rnpt === rnpt(4))?.firstReceiptDate).toBeNull();
    expect(sqlBalances.filter((b) => b.rnpt === rnpt(1)).map((b) => b.unit)).toEqual(['715', '796']);

    const untilFebruary = await all(store.balances({ taxpayerInn: TAXPAYER_INN, until: '2026-02-28' }));
    expect(untilFebruary).toEqual(computeBalances(movements, { until: parseCalendarDate('2026-02-28') }).balances);
    expect(untilFebruary.some((b) => b.rnpt === rnpt(4))).toBe(false);
  });

  it('feeds the core ledger from the paged iterator with the same result as from memory', async () => {
    const { store } = await freshDatabase(engine);
    const documents = quarter();
    await store.importBatch({ documents });
    const read = await all(store.movements({ taxpayerInn: TAXPAYER_INN }, { pageSize: 3 }));
    expect(read).toHaveLength(ownMovements(documents).length);
    expect(computeBalances(read)).toEqual(computeBalances(ownMovements(documents)));
    // Notifications read back as «иной документ», the core's kind for them.
    expect(read.find((m) => m.kind === 'remains')?.document.kind).toBe('other');
  });

  it('drops retracted documents from the balances', async () => {
    const { store } = await freshDatabase(engine);
    const documents = quarter().map((d, i) => ({ ...d, source: 'onec' as const, sourceRef: `c0ffee00-${String(i).padStart(4, '0')}` }));
    await store.importBatch({ documents });
    const sale = documents.findIndex((d) => d.movements[0]?.kind === 'sale' && d.movements[0].rnpt === rnpt(2));
    await store.retractDocument({ taxpayerInn: TAXPAYER_INN, source: 'onec', sourceRef: documents[sale]!.sourceRef });
    const remaining = ownMovements(documents.filter((_, i) => i !== sale));
    expect(await all(store.balances({ taxpayerInn: TAXPAYER_INN }))).toEqual(computeBalances(remaining).balances);
  });

  it('returns nothing for a taxpayer the store does not know', async () => {
    const { store } = await freshDatabase(engine);
    expect(await all(store.balances({ taxpayerInn: OTHER_TAXPAYER }))).toEqual([]);
    expect(await all(store.movements({ taxpayerInn: OTHER_TAXPAYER }))).toEqual([]);
  });
});
