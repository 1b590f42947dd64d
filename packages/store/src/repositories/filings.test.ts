import { expect, it } from 'vitest';
import type { ImportDocumentInput } from './documents.js';
import type { StoredFiling } from './filings.js';
import { describeEachEngine, freshDatabase } from '../testing/engines.js';
import { TAXPAYER_INN, documentOf, movement, rnpt, sha256 } from '../test-support/fixtures.js';

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

function form(kind: ImportDocumentInput['kind'], number: string, date: string, eventDate: string, details: Record<string, unknown>): ImportDocumentInput {
  return { taxpayerInn: TAXPAYER_INN, kind, number, date, eventDate, source: 'file', sourceRef: `inbox/${number}.xml`, contentHash: sha256(`${kind}|${number}|${date}`), details, movements: [] };
}

const summary = (f: StoredFiling) => `${f.kind} ${f.number} ${f.date} ${f.eventDate ?? '-'}`;

describeEachEngine('filings', (engine) => {
  it('reads back the notifications and reports a taxpayer filed, with their details, by kind and date, across pages', async () => {
    const { store } = await freshDatabase(engine);
    await store.importBatch({
      documents: [
        documentOf([movement({ rnpt: rnpt(1) })]), // an УПД: not a filing
        form('eaeu_import_notification', 'УВ-7', '2026-01-22', '2026-01-12', { goods: { rnpt: rnpt(3), quantity: '20' } }),
        form('remains_notification', 'УО-2', '2026-02-10', '2025-12-31', { goods: { rnpt: rnpt(4) } }),
        form('operations_report', '2025-Q4', '2026-01-26', '2025-12-31', { year: 2025, quarter: 4, lines: [] }),
        form('eaeu_movement_notification', 'УП-3', '2026-03-02', '2026-02-24', { parts: [] }),
      ],
    });
    const everything = await all(store.filings({ taxpayerInn: TAXPAYER_INN }, { pageSize: 2 }));
    expect(everything.map(summary)).toEqual([
      'eaeu_import_notification УВ-7 2026-01-22 2026-01-12',
      'remains_notification УО-2 2026-02-10 2025-12-31',
      'operations_report 2025-Q4 2026-01-26 2025-12-31',
      'eaeu_movement_notification УП-3 2026-03-02 2026-02-24',
    ]);
    expect(everything[0]?.details).toEqual({ goods: { rnpt: rnpt(3), quantity: '20' } });
    expect(everything[0]?.sourceRef).toBe('inbox/УВ-7.xml');

    const notices = await all(store.filings({ taxpayerInn: TAXPAYER_INN, kinds: ['eaeu_import_notification', 'eaeu_movement_notification'], from: '2026-02-01' }));
    expect(notices.map((f) => f.number)).toEqual(['УП-3']);
    // An event inside the range is enough (a late filing of an earlier event is still found by its event).
    const byEvent = await all(store.filings({ taxpayerInn: TAXPAYER_INN, from: '2026-02-20', to: '2026-03-31' }));
    expect(byEvent.map((f) => f.number)).toEqual(['УП-3']);
    expect(await all(store.filings({ taxpayerInn: '7707083893' }))).toEqual([]);
  });

  it('forgets a retracted filing', async () => {
    const { store } = await freshDatabase(engine);
    const notice = form('eaeu_import_notification', 'УВ-9', '2026-01-22', '2026-01-12', {});
    await store.importBatch({ documents: [notice] });
    await store.retractDocument({ taxpayerInn: TAXPAYER_INN, source: 'file', sourceRef: notice.sourceRef });
    expect(await all(store.filings({ taxpayerInn: TAXPAYER_INN }))).toEqual([]);
  });
});
