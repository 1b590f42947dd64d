import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabase } from '../testing/engines.js';
import { BUYER_INN, TAXPAYER_INN, documentOf, movement } from '../test-support/fixtures.js';

describeEachEngine('paperDocumentIds', (engine) => {
  it('returns the period’s documents marked as paper, not the electronic or unknown ones, nor other periods', async () => {
    const { store } = await freshDatabase(engine);
    const sale = (number: string, date: string) => movement({ kind: 'sale', counterpartyInn: BUYER_INN, date, document: { kind: 'invoice', number, date } });
    await store.importBatch({
      documents: [
        documentOf([sale('ТС-П-41', '2026-02-03')], { electronic: false }),
        documentOf([sale('ТС-101', '2026-02-04')], { electronic: true }),
        documentOf([sale('ТС-102', '2026-02-05')]),
        documentOf([sale('ТС-П-12', '2025-12-29')], { electronic: false }),
      ],
    });
    const ids = await store.paperDocumentIds({ taxpayerInn: TAXPAYER_INN, from: '2026-01-01', to: '2026-03-31' });
    const numbers = await store.db.selectFrom('documents').select(['id', 'number']).execute();
    expect(numbers.filter((row) => ids.has(BigInt(row.id))).map((row) => row.number)).toEqual(['ТС-П-41']);
    expect(await store.paperDocumentIds({ taxpayerInn: '7707083893', from: '2026-01-01', to: '2026-03-31' })).toEqual(new Set());
  });
});
