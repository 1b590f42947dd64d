import { computeBalances, parseMovement, parseRnpt, quarterRange, parseQuarter, type Movement } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { generateDemoQuarter } from './demo-quarter.js';

describe('generateDemoQuarter', () => {
  const quarter = generateDemoQuarter();

  it('is deterministic per seed and differs between seeds', () => {
    expect(generateDemoQuarter()).toEqual(quarter);
    const other = generateDemoQuarter({ seed: 7 });
    expect(other.lines.map((l) => l.movement.rnpt)).not.toEqual(quarter.lines.map((l) => l.movement.rnpt));
  });

  it('keeps every line inside the quarter, in date order, for the demo company', () => {
    const { from, to } = quarterRange(parseQuarter(quarter.period));
    const dates = quarter.lines.map((l) => l.movement.date as string);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]! >= from && dates.at(-1)! <= to).toBe(true);
    expect(new Set(quarter.lines.map((l) => l.movement.taxpayerInn))).toEqual(new Set([quarter.company.inn]));
    expect(quarter.lines.length).toBeGreaterThan(40);
  });

  it('has only valid lines apart from the one planted bad RNPT', () => {
    const invalid = quarter.lines.filter((l) => !parseMovement(l.movement).ok);
    expect(invalid).toHaveLength(1);
    const rnpt = parseRnpt(invalid[0]!.movement.rnpt);
    expect(rnpt.ok ? null : rnpt.error.code).toBe('RNPT_DATE_INVALID');
    expect(quarter.planted.find((p) => p.code === 'RNPT_INVALID')?.ref).toBe(invalid[0]!.movement.id);
  });

  it('plants exactly the ledger problems the ledger finds, at the planted documents', () => {
    const movements = quarter.lines.flatMap((l) => {
      const parsed = parseMovement(l.movement);
      return parsed.ok ? [parsed.value as Movement] : [];
    });
    const { findings } = computeBalances(movements);
    const found = findings.map((f) => `${f.code}|${f.movementId}`).sort();
    const planted = quarter.planted
      .filter((p) => ['NEGATIVE_BALANCE', 'RNPT_UNKNOWN', 'OPERATION_AFTER_TERMINATION'].includes(p.code))
      .map((p) => `${p.code}|${p.ref}`)
      .sort();
    expect(found).toEqual(planted);
  });

  it('files one EAEU import notification late and one on time, and the movement notification late', () => {
    const kinds = quarter.notifications.map((n) => n.kind).sort();
    expect(kinds).toEqual(['eaeu-import-notification', 'eaeu-import-notification', 'eaeu-movement-notification']);
    expect(quarter.planted.filter((p) => p.code === 'NOTIFICATION_LATE')).toHaveLength(2);
  });
});
