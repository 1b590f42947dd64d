import { isSledopytError, parseQuantity, unwrap, wholeQuantity } from '@sledopyt/core';
import type { SledopytError } from '@sledopyt/core';
import { expect, it } from 'vitest';
import type { Store } from '../store.js';
import { describeEachEngine, freshDatabase } from '../testing/engines.js';
import { BUYER_INN, TAXPAYER_INN, TNVED_FRIDGE, rnpt, sha256 } from '../test-support/fixtures.js';
import type { DeclarationInput, DeclarationLineInput } from './declarations.js';

async function rejection(promise: Promise<unknown>): Promise<SledopytError | Error> {
  try {
    await promise;
  } catch (error) {
    if (isSledopytError(error) || error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const section9 = (overrides: Partial<DeclarationInput> = {}): DeclarationInput => ({
  taxpayerInn: TAXPAYER_INN,
  taxpayerKpp: '772801001',
  year: 2026,
  quarter: 1,
  correctionNumber: 0,
  section: '9',
  fileName: `NO_NDS.9_7728_7728_${TAXPAYER_INN}772801001_20260424_5f0c1d2e-8a3b-4c5d-9e6f-7a8b9c0d1e2f`,
  contentHash: sha256('NO_NDS.9 Q1 2026'),
  source: 'file',
  sourceRef: '/srv/nds/2026Q1/NO_NDS.9.xml',
  ...overrides,
});

/** Sales-book lines: invoices РН-1… to one buyer, each with one RNPT of a refrigerator batch. */
function saleLine(n: number): DeclarationLineInput {
  return {
    lineNumber: n + 1,
    invoiceNumber: ` РН-${n + 1} `,
    invoiceDate: '2026-02-03',
    counterpartyInn: BUYER_INN,
    counterpartyKpp: '781001001',
    operationCodes: ['01'],
    amountKopecks: 54_000_000n,
    vatKopecks: 11_880_000n,
    tnvedCodes: [TNVED_FRIDGE],
    entries: [
      {
        kind: 'rnpt',
        number: rnpt((n % 999) + 1, Math.floor(n / 999) + 1),
        raw: rnpt((n % 999) + 1, Math.floor(n / 999) + 1),
        okei: '796',
        quantity: wholeQuantity(12),
        costKopecks: 45_000_000n,
      },
    ],
  };
}

async function* lines(count: number, onYield: (index: number) => void = () => undefined): AsyncGenerator<DeclarationLineInput> {
  for (let n = 0; n < count; n += 1) {
    onYield(n);
    yield saleLine(n);
  }
}

async function tableCount(store: Store, table: 'declarations' | 'declaration_lines' | 'declaration_trace_entries'): Promise<bigint> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

describeEachEngine('declarations', (engine) => {
  it('stores a section with its lines and entries, normalising the invoice number', async () => {
    const { store } = await freshDatabase(engine);
    const storno: DeclarationLineInput = {
      ...saleLine(1),
      storno: true,
      amountKopecks: -54_000_000n,
      entries: [{ kind: 'rnpt', number: rnpt(2), raw: rnpt(2), okei: '796', quantity: unwrap(parseQuantity('-12')), costKopecks: -45_000_000n }],
    };
    const customs: DeclarationLineInput = {
      ...saleLine(2),
      operationCodes: ['01', '06'],
      entries: [{ kind: 'customs_declaration', number: '10702070/150126/0000001', raw: '10702070/150126/0000001' }],
    };
    const result = await store.importDeclaration(section9(), [saleLine(0), storno, customs]);
    expect(result).toMatchObject({ duplicate: false, lines: 3, entries: 3 });

    const stored = await store.db
      .selectFrom('declaration_lines')
      .select(['line_index', 'invoice_number', 'invoice_number_normalized', 'invoice_date', 'counterparty_inn', 'operation_codes', 'is_storno', 'amount_kopecks'])
      .where('declaration_id', '=', result.declarationId)
      .orderBy('line_index')
      .execute();
    expect(stored).toEqual([
      { line_index: 0n, invoice_number: ' РН-1 ', invoice_number_normalized: 'рн-1', invoice_date: '2026-02-03', counterparty_inn: BUYER_INN, operation_codes: '01', is_storno: 0n, amount_kopecks: 54_000_000n },
      { line_index: 1n, invoice_number: ' РН-2 ', invoice_number_normalized: 'рн-2', invoice_date: '2026-02-03', counterparty_inn: BUYER_INN, operation_codes: '01', is_storno: 1n, amount_kopecks: -54_000_000n },
      { line_index: 2n, invoice_number: ' РН-3 ', invoice_number_normalized: 'рн-3', invoice_date: '2026-02-03', counterparty_inn: BUYER_INN, operation_codes: '01,06', is_storno: 0n, amount_kopecks: 54_000_000n },
    ]);
    const entries = await store.db
      .selectFrom('declaration_trace_entries')
      .select(['line_index', 'registration_kind', 'registration_number', 'okei', 'quantity', 'cost_kopecks'])
      .orderBy('line_index')
      .execute();
    expect(entries).toEqual([
      { line_index: 0n, registration_kind: 'rnpt', registration_number: rnpt(1), okei: '796', quantity: wholeQuantity(12), cost_kopecks: 45_000_000n },
      { line_index: 1n, registration_kind: 'rnpt', registration_number: rnpt(2), okei: '796', quantity: -wholeQuantity(12), cost_kopecks: -45_000_000n },
      { line_index: 2n, registration_kind: 'customs_declaration', registration_number: '10702070/150126/0000001', okei: null, quantity: null, cost_kopecks: null },
    ]);
    const declaration = await store.db.selectFrom('declarations').selectAll().executeTakeFirstOrThrow();
    expect(declaration).toMatchObject({ year: 2026n, quarter: 1n, section: '9', correction_number: 0n, line_count: 3n, entry_count: 3n });
    expect(await store.findTaxpayer(TAXPAYER_INN)).toMatchObject({ kpp: '772801001' });
  });

  it.skipIf(engine !== 'postgres')('refreshes PostgreSQL statistics after a long section, so the reconciler reads pages in index order', async () => {
    const { store } = await freshDatabase(engine);
    const before = await store.sql<{ reltuples: number }>`select reltuples from pg_class where oid = 'declaration_lines'::regclass`.execute(store.db);
    expect(Number(before.rows[0]?.reltuples)).toBeLessThan(1);
    await store.importDeclaration(section9(), Array.from({ length: 12_000 }, (_, n) => saleLine(n)));
    const after = await store.sql<{ reltuples: number }>`select reltuples from pg_class where oid = 'declaration_lines'::regclass`.execute(store.db);
    expect(Number(after.rows[0]?.reltuples)).toBe(12_000);
  });

  it('keeps amounts up to the int8 maximum exact', async () => {
    const { store } = await freshDatabase(engine);
    const max = 2n ** 63n - 1n;
    await store.importDeclaration(section9(), [{ ...saleLine(0), amountKopecks: max, vatKopecks: 2n ** 53n + 1n }]);
    const row = await store.db.selectFrom('declaration_lines').select(['amount_kopecks', 'vat_kopecks']).executeTakeFirstOrThrow();
    expect(row).toEqual({ amount_kopecks: max, vat_kopecks: 2n ** 53n + 1n });
  });

  it('skips a section file already stored, without reading its lines', async () => {
    const { store } = await freshDatabase(engine);
    const first = await store.importDeclaration(section9(), lines(10));
    let read = 0;
    const again = await store.importDeclaration(section9(), lines(10, () => (read += 1)));
    expect(again).toEqual({ declarationId: first.declarationId, duplicate: true, lines: 0, entries: 0 });
    expect(read).toBe(0);
    expect(await tableCount(store, 'declaration_lines')).toBe(10n);
    expect(await store.hasContentHash(TAXPAYER_INN, section9().contentHash)).toBe(true);
  });

  it('leaves nothing of a file whose reading fails halfway', async () => {
    const { store } = await freshDatabase(engine);
    async function* brokenFile(): AsyncGenerator<DeclarationLineInput> {
      yield* lines(5_000); // more than two batches are written before the failure
      throw new Error('saxes: unexpected end of input at line 431 207');
    }
    const error = await rejection(store.importDeclaration(section9(), brokenFile(), { batchSize: 2_000 }));
    expect(error.message).toContain('unexpected end of input');
    expect(await tableCount(store, 'declarations')).toBe(0n);
    expect(await tableCount(store, 'declaration_lines')).toBe(0n);
    expect(await tableCount(store, 'declaration_trace_entries')).toBe(0n);
  });

  it('refuses an invalid line, naming it, and stores nothing', async () => {
    const { store } = await freshDatabase(engine);
    const bad = { ...saleLine(3), operationCodes: ['1'] };
    const error = await rejection(store.importDeclaration(section9(), [saleLine(0), saleLine(1), saleLine(2), bad]));
    expect((error as SledopytError).code).toBe('STORE_INPUT_INVALID');
    expect((error as SledopytError).messageRu).toContain('строка декларации № 4');
    expect(await tableCount(store, 'declarations')).toBe(0n);
  });

  it(
    'streams 200 000 lines in one transaction with at most one batch in memory',
    async () => {
      const { store } = await freshDatabase(engine);
      const total = 200_000;
      const batchSize = 5_000;
      let stored = 0;
      let maxAhead = 0;
      const progress: number[] = [];
      const result = await store.importDeclaration(
        section9(),
        lines(total, (index) => {
          maxAhead = Math.max(maxAhead, index - stored);
        }),
        {
          batchSize,
          onProgress: (linesStored) => {
            stored = linesStored;
            progress.push(linesStored);
          },
        },
      );
      expect(result).toMatchObject({ duplicate: false, lines: total, entries: total });
      // The reader is never more than one batch ahead of what has been written: memory is bounded by batchSize.
      expect(maxAhead).toBeLessThanOrEqual(batchSize);
      expect(progress.length).toBeGreaterThanOrEqual(total / batchSize);
      expect(await tableCount(store, 'declaration_lines')).toBe(BigInt(total));
      expect(await tableCount(store, 'declaration_trace_entries')).toBe(BigInt(total));
      const { rows } = await store.sql<{ quantity: bigint }>`select sum(quantity) as quantity from declaration_trace_entries`.execute(store.db);
      expect(rows[0]?.quantity).toBe(wholeQuantity(12 * total));
    },
    180_000,
  );
});
