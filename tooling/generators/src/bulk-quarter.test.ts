import { isInn, parseMovement, parseRnpt, reconcileInMemory } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { BULK_COMPANY, BULK_PLANTS, bulkDeclarationLines, bulkReceiptDocuments, bulkSaleDocuments, planBulkQuarter } from './bulk-quarter.js';

describe('bulk quarter', () => {
  const plan = planBulkQuarter({ lines: 3_000, plantEvery: 1_000 });
  const receipts = [...bulkReceiptDocuments(plan)];
  const sales = [...bulkSaleDocuments(plan)];
  const lines = [...bulkDeclarationLines(plan)];

  it('refuses sizes too small to plant every problem', () => {
    expect(() => planBulkQuarter({ lines: 999 })).toThrow(RangeError);
    expect(() => planBulkQuarter({ lines: 5_000, plantEvery: 500 })).toThrow(RangeError);
  });

  it('gives the same data on every call (the store path and the reference read the same quarter)', () => {
    expect([...bulkDeclarationLines(plan)]).toEqual(lines);
    expect([...bulkSaleDocuments(plan)].map((d) => d.movements)).toEqual(sales.map((d) => d.movements));
  });

  it('has one line per sale, less the planted gaps, and every RNPT received once', () => {
    expect(plan.rnpts).toBe(300);
    expect(receipts).toHaveLength(plan.customsDeclarations);
    expect(receipts.flatMap((d) => d.movements)).toHaveLength(300);
    expect(sales).toHaveLength(3_000 - plan.planted.NOT_IN_BOOKS);
    expect(lines).toHaveLength(3_000 - plan.planted.NOT_IN_DECLARATION);
    expect(lines.map((l) => l.lineNumber)).toEqual(lines.map((_, index) => index + 1));
  });

  it('produces valid movements and real-shaped RNPTs and ИНН, receipts before the quarter in date order', () => {
    for (const m of [...receipts, ...sales].flatMap((d) => d.movements)) {
      // Bigint roubles are kopecks already; quantities go in as whole pieces.
      const parsed = parseMovement({ ...m, quantity: String(m.quantity / 100_000_000_000n) });
      expect(parsed.ok ? parsed.value : parsed.error.message, m.id).toEqual(m);
    }
    const rnpt = parseRnpt(receipts[0]?.movements[0]?.rnpt ?? '', { strict: true });
    expect(rnpt.ok).toBe(true);
    expect(receipts[0]?.movements[0]?.rnpt).toMatch(/^\d{8}\/\d{6}\/\d{7}\/001$/);
    const dates = receipts.map((d) => d.date as string);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((date) => date < plan.from)).toBe(true);
    expect(sales.every((d) => d.date >= plan.from && d.date <= plan.to && d.counterpartyInn !== undefined && isInn(d.counterpartyInn))).toBe(true);
  });

  it('lets the reconciler find each planted problem, and nothing else on the clean lines', () => {
    const result = reconcileInMemory({
      taxpayerInn: BULK_COMPANY.inn,
      period: plan.period,
      lines,
      entries: sales.flatMap((d) => d.movements).map((movement) => ({ movement })),
      ledgerMovements: [...receipts, ...sales].flatMap((d) => d.movements),
    });
    const byCode = result.counts.byCode as Record<string, number>;
    for (const code of Object.keys(BULK_PLANTS)) expect(byCode[code], code).toBe(plan.planted[code as keyof typeof BULK_PLANTS]);
    expect(byCode['NEGATIVE_BALANCE']).toBeGreaterThanOrEqual(1);
    const expected = new Set([...Object.keys(BULK_PLANTS), 'NEGATIVE_BALANCE']);
    expect(Object.keys(byCode).filter((code) => !expected.has(code))).toEqual([]);
  });
});
