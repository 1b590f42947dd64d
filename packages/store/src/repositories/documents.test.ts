import { parseQuantity, unwrap } from '@sledopyt/core';
import type { Movement } from '@sledopyt/core';
import { expect, it } from 'vitest';
import type { Store } from '../store.js';
import { describeEachEngine, freshDatabase } from '../testing/engines.js';
import { BUYER_INN, TAXPAYER_INN, TNVED_WASHER, documentOf, movement, rnpt, sha256 } from '../test-support/fixtures.js';
import type { StoredMovement } from './movements.js';
import { rejected as rejection } from '@sledopyt/core/testing';

async function count(store: Store, table: 'documents' | 'movements' | 'sync_checkpoints' | 'taxpayers'): Promise<bigint> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const withoutStoreIds = ({ storeId: _s, documentId: _d, ...rest }: StoredMovement): Movement => rest;

/** A purchase УПД with two RNPTs and a sale УПД of part of them. */
function quarterDocuments() {
  const purchase = [
    movement({ rnpt: rnpt(1), quantity: '40', costWithoutVat: '1800000.00', id: 'a1b2c3d4-0001:1' }),
    movement({ rnpt: rnpt(2), tnved: TNVED_WASHER, quantity: '25', costWithoutVat: '937500.00', id: 'a1b2c3d4-0001:2' }),
  ];
  const saleDoc = { kind: 'upd' as const, number: 'РН-0087', date: '2026-02-03' };
  const sale = [
    movement({ kind: 'sale', rnpt: rnpt(1), quantity: '12', costWithoutVat: '540000.00', date: '2026-02-03', document: saleDoc, counterpartyInn: BUYER_INN }),
  ];
  return [documentOf(purchase), documentOf(sale)];
}

describeEachEngine('documents', (engine) => {
  it('imports documents with their movements and reads the movements back unchanged', async () => {
    const { store } = await freshDatabase(engine);
    const documents = quarterDocuments();
    const result = await store.importBatch({ documents });
    expect(result).toEqual({ inserted: 2, duplicates: [], superseded: 0, movements: 3 });

    // pageSize 2 crosses a page boundary in the middle of the quarter.
    const read = await all(store.movements({ taxpayerInn: TAXPAYER_INN }, { pageSize: 2 }));
    expect(read.map(withoutStoreIds)).toEqual(documents.flatMap((d) => d.movements));
    expect(await all(store.movements({ taxpayerInn: TAXPAYER_INN, from: '2026-02-01', to: '2026-02-28' }))).toHaveLength(1);
    expect(await store.findTaxpayer(TAXPAYER_INN)).toMatchObject({ inn: TAXPAYER_INN, kpp: null });
  });

  it('is idempotent: the same content twice changes nothing and is reported as a duplicate', async () => {
    const { store } = await freshDatabase(engine);
    const documents = quarterDocuments();
    await store.importBatch({ documents });
    const before = [await count(store, 'documents'), await count(store, 'movements')];

    const again = await store.importBatch({ documents });
    expect(again.inserted).toBe(0);
    expect(again.movements).toBe(0);
    expect(again.duplicates).toEqual(documents.map((d) => ({ contentHash: d.contentHash, sourceRef: d.sourceRef })));
    expect([await count(store, 'documents'), await count(store, 'movements')]).toEqual(before);
    expect(await store.hasContentHash(TAXPAYER_INN, documents[0]!.contentHash)).toBe(true);
    expect(await store.hasContentHash(TAXPAYER_INN, sha256('another file'))).toBe(false);
  });

  it('treats the second of two identical documents in one batch as a duplicate', async () => {
    const { store } = await freshDatabase(engine);
    const [purchase] = quarterDocuments();
    const result = await store.importBatch({ documents: [purchase!, purchase!] });
    expect(result.inserted).toBe(1);
    expect(result.movements).toBe(2);
    expect(result.duplicates).toHaveLength(1);
  });

  it('leaves nothing of a batch that fails inside its transaction', async () => {
    const { store } = await freshDatabase(engine);
    const documents = quarterDocuments();
    // The core accepts any non-negative cost; int8 does not. The database refuses this movement after the
    // taxpayer and the documents of the batch have been written.
    const absurd = documentOf([movement({ rnpt: rnpt(9), costWithoutVat: 2n ** 63n, document: { kind: 'upd', number: 'УТ-99', date: '2026-01-20' } })]);
    const key = { source: 'onec:http://1c.local/trade', entitySet: 'Document_ПоступлениеТоваровУслуг' };
    await expect(store.importBatch({ documents: [...documents, absurd], checkpoint: { ...key, dataVersion: 'AAAAAQAAAAA=' } })).rejects.toThrow();
    expect(await count(store, 'documents')).toBe(0n);
    expect(await count(store, 'movements')).toBe(0n);
    expect(await count(store, 'taxpayers')).toBe(0n);
    expect(await store.getCheckpoint(key)).toBeUndefined();
    expect(await store.hasContentHash(TAXPAYER_INN, documents[0]!.contentHash)).toBe(false);
    // The failure left the store usable: the same documents without the bad one go in.
    expect((await store.importBatch({ documents })).inserted).toBe(2);
  });

  it('validates the checkpoint before writing anything', async () => {
    const { store } = await freshDatabase(engine);
    const error = await rejection(store.importBatch({ documents: quarterDocuments(), checkpoint: { source: '', entitySet: 'Document_РеализацияТоваровУслуг' } }));
    expect(error.code).toBe('STORE_INPUT_INVALID');
    expect(await count(store, 'documents')).toBe(0n);
  });

  it('saves the sync checkpoint with the batch it covers', async () => {
    const { store } = await freshDatabase(engine);
    const key = { source: 'onec:http://1c.local/trade', entitySet: 'Document_РеализацияТоваровУслуг' };
    await store.importBatch({ documents: quarterDocuments(), checkpoint: { ...key, dataVersion: 'AAAAAQAAAAA=', cursor: null } });
    expect(await store.getCheckpoint(key)).toMatchObject({ ...key, dataVersion: 'AAAAAQAAAAA=', cursor: null });
    await store.saveCheckpoint({ ...key, dataVersion: 'AAAAAgAAAAA=' });
    expect((await store.getCheckpoint(key))?.dataVersion).toBe('AAAAAgAAAAA=');
  });

  it('round-trips kopecks above 2^53 exactly, and sums them exactly in SQL', async () => {
    const { store } = await freshDatabase(engine);
    const huge = 2n ** 53n + 7n; // 90 071 992 547 409.99 ₽: a double would round the last digit
    const docs = [1, 2].map((n) =>
      documentOf([movement({ rnpt: rnpt(n), costWithoutVat: huge, document: { kind: 'upd', number: `ВЭД-${n}`, date: '2026-01-20' } })]),
    );
    await store.importBatch({ documents: docs });
    const read = await all(store.movements({ taxpayerInn: TAXPAYER_INN }));
    expect(read.map((m) => m.costWithoutVat)).toEqual([huge, huge]);
    const { rows } = await store.sql<{ total: bigint }>`select sum(cost_kopecks) as total from movements`.execute(store.db);
    expect(rows[0]?.total).toBe(2n * huge);
  });

  it('keeps quantities with 11 decimals exact', async () => {
    const { store } = await freshDatabase(engine);
    const quantities = ['0.00000000001', '1234.56789012345', '92233720.36854775807'];
    const docs = quantities.map((quantity, n) =>
      documentOf([movement({ rnpt: rnpt(n + 1), unit: '166', quantity, document: { kind: 'upd', number: `К-${n}`, date: '2026-01-20' } })]),
    );
    await store.importBatch({ documents: docs });
    const read = await all(store.movements({ taxpayerInn: TAXPAYER_INN }));
    expect(read.map((m) => m.quantity)).toEqual(quantities.map((q) => unwrap(parseQuantity(q))));
  });

  it.runIf(engine === 'postgres')('holds quantities beyond int64 exactly (numeric)', async () => {
    const { store } = await freshDatabase(engine);
    const quantity = '999999999999999.99999999999'; // the largest N(26.11)
    await store.importBatch({ documents: [documentOf([movement({ unit: '166', quantity })])] });
    const [read] = await all(store.movements({ taxpayerInn: TAXPAYER_INN }));
    expect(read?.quantity).toBe(unwrap(parseQuantity(quantity)));
  });

  it.runIf(engine === 'sqlite')('refuses a quantity beyond int64 with a clear error, storing nothing', async () => {
    const { store } = await freshDatabase(engine);
    const error = await rejection(store.importBatch({ documents: [documentOf([movement({ unit: '166', quantity: '92233720.36854775808' })])] }));
    expect(error.code).toBe('STORE_QUANTITY_OUT_OF_RANGE');
    expect(error.messageRu).toContain('PostgreSQL');
    expect(await count(store, 'documents')).toBe(0n);
  });

  it('retracts a document: its movements stop counting, the document stays for the record', async () => {
    const { store } = await freshDatabase(engine);
    const documents = quarterDocuments().map((d, i) => ({ ...d, source: 'onec' as const, sourceRef: `a1b2c3d4-000${i + 1}` }));
    await store.importBatch({ documents });
    const result = await store.retractDocument({ taxpayerInn: TAXPAYER_INN, source: 'onec', sourceRef: 'a1b2c3d4-0002' });
    expect(result).toEqual({ documents: 1, movements: 1 });
    expect((await all(store.movements({ taxpayerInn: TAXPAYER_INN }))).map((m) => m.kind)).toEqual(['purchase', 'purchase']);
    const statuses = await store.db.selectFrom('documents').select(['source_ref', 'status']).orderBy('source_ref').execute();
    expect(statuses).toEqual([
      { source_ref: 'a1b2c3d4-0001', status: 'active' },
      { source_ref: 'a1b2c3d4-0002', status: 'retracted' },
    ]);
    // Re-posted unchanged in 1С: the same content is imported again, not taken for a duplicate.
    const repost = await store.importBatch({ documents: [documents[1]!] });
    expect(repost.inserted).toBe(1);
    expect(await all(store.movements({ taxpayerInn: TAXPAYER_INN }))).toHaveLength(3);
    expect(await store.retractDocument({ taxpayerInn: TAXPAYER_INN, source: 'onec', sourceRef: 'no-such-guid' })).toEqual({ documents: 0, movements: 0 });
  });

  it('supersedes an earlier version of a 1С document when asked', async () => {
    const { store } = await freshDatabase(engine);
    const v1 = { ...documentOf([movement({ quantity: '40' })]), source: 'onec' as const, sourceRef: 'b7e1c0de-0042' };
    const v2 = { ...documentOf([movement({ quantity: '38' })]), source: 'onec' as const, sourceRef: 'b7e1c0de-0042' };
    await store.importBatch({ documents: [v1], supersedeBySourceRef: true });
    const result = await store.importBatch({ documents: [v2], supersedeBySourceRef: true });
    expect(result).toMatchObject({ inserted: 1, superseded: 1, movements: 1 });
    const read = await all(store.movements({ taxpayerInn: TAXPAYER_INN }));
    expect(read.map((m) => m.quantity)).toEqual([unwrap(parseQuantity('38'))]);
  });

  it('keeps only the highest revision of an invoice active (исправленный УПД), whichever arrives first', async () => {
    const { store } = await freshDatabase(engine);
    const original = documentOf([movement({ quantity: '40' })], { sourceRef: '/srv/edo/in/ON_NSCHFDOPPR_УТ-15.xml' });
    const corrected = documentOf([movement({ quantity: '38' })], { sourceRef: '/srv/edo/in/ON_NSCHFDOPPR_УТ-15_испр1.xml', revision: 1 });
    await store.importBatch({ documents: [original] });
    expect(await store.importBatch({ documents: [corrected] })).toMatchObject({ inserted: 1, superseded: 1, movements: 1 });
    const quantities = async () => (await all(store.movements({ taxpayerInn: TAXPAYER_INN }))).map((m) => m.quantity);
    expect(await quantities()).toEqual([unwrap(parseQuantity('38'))]);
    const statuses = (await store.db.selectFrom('documents').select(['revision', 'status']).orderBy('id').execute()).map((row) => ({ revision: Number(row.revision), status: row.status }));
    expect(statuses).toEqual([
      { revision: 0, status: 'superseded' },
      { revision: 1, status: 'active' },
    ]);

    // The original arriving again, in another copy, after its correction: stored for the record, counted never.
    const lateCopy = { ...original, sourceRef: '/srv/sftp/inbox/УТ-15.xml', contentHash: sha256('another copy of УТ-15') };
    expect(await store.importBatch({ documents: [lateCopy] })).toMatchObject({ inserted: 1, superseded: 1, movements: 0 });
    expect(await quantities()).toEqual([unwrap(parseQuantity('38'))]);

    // Another invoice with the same number (another supplier, another date) is not a version of this one.
    const other = documentOf([movement({ quantity: '5', counterpartyInn: BUYER_INN, kind: 'sale' })]);
    expect(await store.importBatch({ documents: [other] })).toMatchObject({ inserted: 1, superseded: 0, movements: 1 });
  });

  it('refuses a movement that belongs to another document', async () => {
    const { store } = await freshDatabase(engine);
    const doc = documentOf([movement()]);
    const error = await rejection(store.importBatch({ documents: [{ ...doc, number: 'УТ-16' }] }));
    expect(error.code).toBe('STORE_MOVEMENT_DOCUMENT_MISMATCH');
    expect(error.details['field']).toBe('document.number');
  });

  it('validates the document fields, listing the wrong ones', async () => {
    const { store } = await freshDatabase(engine);
    const doc = documentOf([movement()]);
    const error = await rejection(store.importBatch({ documents: [{ ...doc, contentHash: 'abc', source: 'ftp' as 'sftp' }] }));
    expect(error.code).toBe('STORE_INPUT_INVALID');
    const paths = (error.details['issues'] as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(['source', 'contentHash']);
  });
});
