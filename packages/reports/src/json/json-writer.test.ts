import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelOf, manyDiscrepancies, reconciledQuarter } from '../test-support/quarter.js';
import { freshDir } from '../test-support/run.js';
import { writeReports } from '../write-reports.js';

describe('discrepancies.json', () => {
  it('is an array with the documented fields of every discrepancy, in the run order', async () => {
    const quarter = reconciledQuarter();
    const { files } = await writeReports(modelOf(quarter.discrepancies, quarter.fines), { outDir: freshDir('json'), formats: ['json'] });
    const parsed = JSON.parse(readFileSync(files.json ?? '', 'utf8')) as Record<string, unknown>[];
    expect(parsed).toHaveLength(quarter.discrepancies.length);
    parsed.forEach((item, i) => {
      const d = quarter.discrepancies[i];
      expect(Object.keys(item).slice(0, 9)).toEqual(['code', 'severity', 'rnpt', 'document', 'section', 'expected', 'actual', 'fineRub', 'messageRu']);
      expect(item).toMatchObject({
        code: d?.code,
        severity: d?.severity,
        rnpt: d?.rnpt,
        section: d?.section,
        expected: d?.expected,
        actual: d?.actual,
        fineRub: d?.fineRub,
        messageRu: d?.messageRu,
        fixRu: d?.fixRu,
        legalBasisRu: d?.legalBasisRu,
        declarationLineId: d?.declarationLineId,
        movementIds: d?.movementIds,
      });
      expect(item.document).toEqual(d?.document === null ? null : { number: d?.document.number, date: d?.document.date, counterpartyInn: d?.document.counterpartyInn, kind: d?.document.kind });
    });
    expect(parsed.find((item) => item.code === 'QUANTITY_MISMATCH')).toMatchObject({ expected: '15 шт', actual: '16 шт', document: { number: 'ПХ-0103', date: '2026-08-06' } });
  });

  it('writes `[]` for a run without findings and streams a large run element by element', async () => {
    const empty = await writeReports(modelOf([], { byKind: [], totalRub: 0 }), { outDir: freshDir('json-empty'), formats: ['json'] });
    expect(JSON.parse(readFileSync(empty.files.json ?? '', 'utf8'))).toEqual([]);

    const large = await writeReports(modelOf(manyDiscrepancies(25_000), { byKind: [], totalRub: 0 }), { outDir: freshDir('json-large'), formats: ['json'] });
    const text = readFileSync(large.files.json ?? '', 'utf8');
    const parsed = JSON.parse(text) as { code: string }[];
    expect(parsed).toHaveLength(25_000);
    expect(text.split('\n')).toHaveLength(25_000 + 3); // `[`, one line per element, `]`, final newline
    expect(large.summary.total).toBe(25_000);
  });
});
