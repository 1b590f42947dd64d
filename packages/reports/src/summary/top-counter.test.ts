import { describe, expect, it } from 'vitest';
import { manyDiscrepancies } from '../test-support/quarter.js';
import { TopCounter } from './top-counter.js';

describe('TopCounter', () => {
  const rows = [...manyDiscrepancies(20_000, 7)];
  const exact = new Map<string, number>();
  for (const d of rows) if (d.rnpt !== null) exact.set(d.rnpt, (exact.get(d.rnpt) ?? 0) + 1);
  const trueTop = [...exact].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15);

  it('is exact while the distinct keys fit, and counts keyless findings apart', () => {
    const counter = new TopCounter(5_000);
    for (const d of rows) counter.add(d.rnpt, d.severity, d.fineRub);
    counter.add(null, 'error', 0);
    const result = counter.result(15);
    expect(result.approximate).toBe(false);
    expect(result.distinct).toBe(exact.size);
    expect(result.withoutKey).toBe(1);
    expect(result.top.map((t) => [t.key, t.count])).toEqual(trueTop);
    for (const t of result.top) expect(t.bySeverity.error + t.bySeverity.warning + t.bySeverity.info).toBe(t.count);
  });

  it('keeps the heavy hitters, with counts that are lower bounds, when it must drop rare keys', () => {
    expect(exact.size).toBeGreaterThan(200); // the skewed spread has a long tail to drop
    const counter = new TopCounter(50);
    for (const d of rows) counter.add(d.rnpt, d.severity, d.fineRub);
    const result = counter.result(15);
    expect(result.approximate).toBe(true);
    expect(new Set(result.top.slice(0, 5).map((t) => t.key))).toEqual(new Set(trueTop.slice(0, 5).map(([key]) => key)));
    for (const t of result.top.slice(0, 5)) {
      const truth = exact.get(t.key) ?? 0;
      expect(t.count).toBeLessThanOrEqual(truth);
      expect(t.count).toBeGreaterThanOrEqual(truth * 0.9);
    }
  });
});
