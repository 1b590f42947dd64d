import { describe, expect, it } from 'vitest';
import { isTraceabilityEntry, salesBookLineSchema } from './model.js';
import { summarizeNdsSection } from './summary.js';
import { writeNdsSectionBytes } from './writer.js';
import { chunked, SECTION9_FILE, salesLines } from './test-support/fixtures.js';

describe('summarizeNdsSection', () => {
  it('counts the lines, traceability entries, RNPTs and cost of a section 9 file read as a stream', async () => {
    const input = salesLines(400);
    const bytes = await writeNdsSectionBytes(SECTION9_FILE, input);
    const summary = await summarizeNdsSection(chunked(bytes, 4096), 'NO_NDS.9.xml');
    const lines = input.map((line) => salesBookLineSchema.parse(line));
    const entries = lines.flatMap((line) => line.СвРегНом.filter(isTraceabilityEntry));
    expect(summary).toMatchObject({ kind: 'nds-9', lines: 400, traceableItems: entries.length, distinctRnptsAtLeast: false });
    expect(summary.traceableCostWithoutVat).toBe(entries.reduce((sum, e) => sum + (e.СтоимТовПросл ?? 0n), 0n));
    expect(summary.distinctRnpts).toBe(new Set(entries.filter((e) => e.kind === 'rnpt').map((e) => e.number)).size);
    expect(summary.titleRu).toContain('раздел 9');
    // The taxpayer comes from ИдФайл, which has its ИНН and КПП but no name.
    expect(summary.parties).toEqual([{ role: 'налогоплательщик', name: expect.stringMatching(/^по имени файла \(ИдФайл\), КПП \d{9}$/), inn: expect.stringMatching(/^\d{10}$/) }]);
  });
});
