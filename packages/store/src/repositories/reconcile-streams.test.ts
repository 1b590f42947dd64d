import { normalizeInvoiceNumber, wholeQuantity } from '@sledopyt/core';
import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabase } from '../testing/engines.js';
import { BUYER_INN, SUPPLIER_INN, TAXPAYER_INN, TNVED_FRIDGE, documentOf, movement, rnpt, sha256 } from '../test-support/fixtures.js';
import type { DeclarationInput, DeclarationLineInput } from './declarations.js';

const section = (section: '8' | '9', correctionNumber: number, extra: Partial<DeclarationInput> = {}): DeclarationInput => ({
  taxpayerInn: TAXPAYER_INN,
  year: 2026,
  quarter: 1,
  correctionNumber,
  section,
  fileName: `NO_NDS.${section}_${correctionNumber}`,
  contentHash: sha256(`NO_NDS.${section} Q1 2026 corr ${correctionNumber} ${JSON.stringify(extra)}`),
  source: 'file',
  sourceRef: `/srv/nds/2026Q1/NO_NDS.${section}.${correctionNumber}.xml`,
  ...extra,
});

const line = (invoiceNumber: string, date: string, entries: number, counterpartyInn = BUYER_INN): DeclarationLineInput => ({
  invoiceNumber,
  invoiceDate: date,
  counterpartyInn,
  operationCodes: ['01'],
  tnvedCodes: [TNVED_FRIDGE],
  entries: Array.from({ length: entries }, (_, i) => ({ kind: 'rnpt' as const, number: rnpt(i + 1), raw: rnpt(i + 1), okei: '796', quantity: wholeQuantity(i + 1), costKopecks: 100_000n * BigInt(i + 1) })),
});

describeEachEngine('sorted streams for the reconciler', (engine) => {
  it('yields the lines in force of one direction, ordered by invoice, each with all its entries across pages', async () => {
    const { store } = await freshDatabase(engine);
    // Section 9 filed, then corrected (НомКорр 1) with other lines; section 8 once.
    await store.importDeclaration(section('9', 0), [line('РН-9', '2026-02-01', 1)]);
    await store.importDeclaration(section('9', 1), [line('РН-20', '2026-03-01', 3), line(' рн-3 ', '2026-01-15', 2), line('РН-3', '2026-01-10', 1), line('Б-1', '2026-02-02', 0)]);
    await store.importDeclaration(section('8', 0), [line('ВХ-1', '2026-01-05', 1, SUPPLIER_INN)]);
    const sales = [];
    for await (const l of store.declarationLinesByInvoice({ taxpayerInn: TAXPAYER_INN, year: 2026, quarter: 1, direction: 'disposal' }, { pageSize: 2 })) sales.push(l);
    expect(sales.map((l) => [normalizeInvoiceNumber(l.invoiceNumber), l.invoiceDate, l.entries.length])).toEqual([
      ['б-1', '2026-02-02', 0],
      ['рн-20', '2026-03-01', 3],
      ['рн-3', '2026-01-10', 1],
      ['рн-3', '2026-01-15', 2],
    ]);
    expect(sales.every((l) => l.section === '9' && l.id.startsWith('NO_NDS.9_1#9:'))).toBe(true);
    expect(sales[1]?.entries.map((e) => e.registrationNumber)).toEqual([rnpt(1), rnpt(2), rnpt(3)]);
    const purchases = [];
    for await (const l of store.declarationLinesByInvoice({ taxpayerInn: TAXPAYER_INN, year: 2026, quarter: 1, direction: 'receipt' })) purchases.push(l);
    expect(purchases.map((l) => l.invoiceNumber)).toEqual(['ВХ-1']);
  });

  it('keeps the earlier correction when the latest says its data stays valid (ПризнСвед = 1)', async () => {
    const { store } = await freshDatabase(engine);
    await store.importDeclaration(section('9', 0), [line('РН-1', '2026-02-01', 1)]);
    await store.importDeclaration(section('9', 1, { earlierDataValid: true }), []);
    const lines = [];
    for await (const l of store.declarationLinesByInvoice({ taxpayerInn: TAXPAYER_INN, year: 2026, quarter: 1, direction: 'disposal' })) lines.push(l);
    expect(lines.map((l) => l.invoiceNumber)).toEqual(['РН-1']);
  });

  it('yields movements of the given kinds whose document is in the period, ordered by document number and date', async () => {
    const { store } = await freshDatabase(engine);
    const sale = (number: string, date: string, rnptItem: number) =>
      movement({ kind: 'sale', rnpt: rnpt(rnptItem), date, document: { kind: 'upd', number, date }, counterpartyInn: BUYER_INN });
    await store.importBatch({
      documents: [
        documentOf([movement()]), // a purchase: not asked for
        documentOf([sale('РН-3', '2026-01-15', 1), sale('РН-3', '2026-01-15', 2)]),
        documentOf([sale('Б-1', '2026-02-02', 3)]),
        documentOf([sale('РН-20', '2026-04-01', 4)]), // next quarter
      ],
    });
    const found = [];
    for await (const m of store.movementsByInvoice({ taxpayerInn: TAXPAYER_INN, from: '2026-01-01', to: '2026-03-31', kinds: ['sale'] }, { pageSize: 1 })) found.push(m);
    expect(found.map((m) => [m.document.number, m.rnpt])).toEqual([
      ['Б-1', rnpt(3)],
      ['РН-3', rnpt(1)],
      ['РН-3', rnpt(2)],
    ]);
  });
});
