import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DISCREPANCY_CATALOG, DISCREPANCY_CODES, type DiscrepancyCode } from './catalog.js';

describe('the discrepancy catalog', () => {
  it('has exactly the codes and severities of shared/domain/discrepancies.md', () => {
    const markdown = readFileSync(fileURLToPath(new URL('../../../../../shared/domain/discrepancies.md', import.meta.url)), 'utf8');
    const rows = [...markdown.matchAll(/^\| `([A-Z_]+)` \| (error|warning|info)/gm)].map((m) => [m[1], m[2]]);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.map(([code]) => code).sort()).toEqual([...DISCREPANCY_CODES].sort());
    for (const [code, severity] of rows) expect(DISCREPANCY_CATALOG[code as DiscrepancyCode].severity).toBe(severity);
  });

  it('explains every code in Russian', () => {
    for (const code of DISCREPANCY_CODES) {
      const rule = DISCREPANCY_CATALOG[code];
      expect(rule.code).toBe(code);
      for (const text of [rule.titleRu, rule.whenRu, rule.whyRu, rule.fixRu, rule.legalBasisRu]) expect(text).toMatch(/[А-Яа-яЁё].{8,}/);
    }
  });

  it('keeps the catalog severities: EAEU rule configurable warning, paper invoice info, NOT_TRACEABLE warning', () => {
    expect(DISCREPANCY_CATALOG.EAEU_RNPT_AFTER_IMPORT).toMatchObject({ severity: 'warning', severityConfigurable: true });
    expect(DISCREPANCY_CATALOG.PAPER_INVOICE).toMatchObject({ severity: 'info', fine: 'paper_document' });
    expect(DISCREPANCY_CATALOG.NOT_TRACEABLE.severity).toBe('warning');
    expect(DISCREPANCY_CATALOG.NEGATIVE_BALANCE.severity).toBe('error');
  });
});
