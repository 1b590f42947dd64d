import { reconcileInMemory, parseMovement, type Movement } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { generateDemoDeclaration } from './demo-declaration.js';
import { generateDemoQuarter } from './demo-quarter.js';

describe('generateDemoDeclaration', () => {
  const quarter = generateDemoQuarter();
  const declaration = generateDemoDeclaration(quarter);
  const movements = quarter.lines.flatMap((l) => {
    const parsed = parseMovement(l.movement);
    return parsed.ok ? [parsed.value as Movement] : [];
  });

  it('plants each declaration problem once, on its own line', () => {
    const codes = declaration.planted.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(declaration.planted.map((p) => p.ref)).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(12);
  });

  it('is found by the reconciliation: every planted code appears at its invoice', () => {
    const result = reconcileInMemory({ taxpayerInn: quarter.company.inn, period: quarter.period, lines: declaration.lines, entries: movements.map((movement) => ({ movement })) });
    const found = new Set(result.discrepancies.map((d) => `${d.code}|${d.document?.number}`));
    for (const p of declaration.planted) expect(found, `${p.code} at ${p.ref}`).toContain(`${p.code}|${p.ref}`);
  });

  it('without the planted problems the honest lines reconcile cleanly against the books', () => {
    const honest = generateDemoDeclaration(quarter).lines.filter((l) => !declaration.planted.some((p) => p.ref === l.invoiceNumber));
    const plantedRefs = new Set(declaration.planted.map((p) => p.ref));
    const result = reconcileInMemory({
      taxpayerInn: quarter.company.inn,
      period: quarter.period,
      lines: honest,
      entries: movements.filter((m) => !plantedRefs.has(m.document.number)).map((movement) => ({ movement })),
    });
    const matching = result.discrepancies.filter((d) => ['QUANTITY_MISMATCH', 'COST_MISMATCH', 'NOT_IN_BOOKS', 'NOT_IN_DECLARATION', 'RNPT_MISMATCH'].includes(d.code));
    expect(matching).toEqual([]);
  });
});
