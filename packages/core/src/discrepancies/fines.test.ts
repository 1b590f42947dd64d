import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { estimateFines, fineRuleFor, type FineInput } from './fines.js';

const d = (s: string) => s as CalendarDate;

describe('estimateFines', () => {
  it('counts one fine per document, however many problems it has', () => {
    const findings: FineInput[] = [
      { kind: 'document_requisites', documentKey: 'upd|ТС-101', date: d('2026-09-01') },
      { kind: 'document_requisites', documentKey: 'upd|ТС-101', date: d('2026-09-01') },
      { kind: 'document_requisites', documentKey: 'upd|ТС-102', date: d('2026-09-03') },
      { kind: 'notification', documentKey: 'uved|N-1', date: d('2026-08-12') },
      { kind: 'none', documentKey: 'upd|ТС-103', date: d('2026-09-05') },
    ];
    const estimate = estimateFines(findings, 'organisation');
    expect(estimate.perFinding).toEqual([1000, 0, 1000, 1000, 0]);
    expect(estimate.totalRub).toBe(3000);
    expect(estimate.byKind.find((k) => k.kind === 'document_requisites')).toMatchObject({ documents: 2, rub: 2000, capped: false, status: 'draft' });
  });

  it('caps the total per kind: 100 000 ₽ for an organisation, 30 000 ₽ for a sole trader', () => {
    const findings = Array.from({ length: 150 }, (_, i): FineInput => ({ kind: 'document_requisites', documentKey: `upd|${i}`, date: d('2026-07-15') }));
    expect(estimateFines(findings, 'organisation')).toMatchObject({ totalRub: 100_000, byKind: [{ documents: 150, capped: true }] });
    const soleTrader = estimateFines(findings, 'sole_trader');
    expect(soleTrader.totalRub).toBe(30_000);
    expect(soleTrader.perFinding.filter((rub) => rub > 0)).toHaveLength(30);
  });

  it('charges 200 ₽ per paper invoice and nothing before the sanctions start (2026-01-01)', () => {
    const paper = estimateFines([{ kind: 'paper_document', documentKey: 'sf|1', date: d('2026-02-02') }], 'organisation');
    expect(paper.totalRub).toBe(200);
    expect(fineRuleFor('document_requisites', d('2025-12-31'))).toBeNull();
    expect(estimateFines([{ kind: 'document_requisites', documentKey: 'x', date: d('2025-12-31') }], 'organisation').totalRub).toBe(0);
  });
});
