import { decodeXml, encodeXml } from '@sledopyt/formats';
import { describeEachEngine, freshDatabase } from '@sledopyt/store/testing';
import { expect, it } from 'vitest';
import { importFiles } from './import-files.js';
import { RNPT_WASHER, sectionFileName, writeFilesUnder, writeSection9 } from './testing/import-fixtures.js';
import { rowCounts, tempFolder } from './test-support/helpers.js';

/** 31.02.2026 does not exist: the core refuses this RNPT (RNPT_DATE_INVALID). */
const BAD_RNPT = '10702070/310226/0000042/003';

/** Our section 9 with the washer RNPT of line 1 misspelt (the writer refuses invalid numbers, so it is patched in). */
async function section9WithBadRnpt(guid: string): Promise<Uint8Array> {
  const text = decodeXml(await writeSection9({ guid })).text;
  const at = text.indexOf(`РегНомПросл="${RNPT_WASHER}"`);
  if (at < 0 || text.indexOf(RNPT_WASHER, at + 20) >= 0) throw new RangeError('the fixture should name the washer RNPT exactly once');
  return encodeXml(text.replace(RNPT_WASHER, BAD_RNPT), 'windows-1251');
}

describeEachEngine('importDeclarationFile', (engine) => {
  it('imports a section 9 with an invalid RNPT and stores that entry as invalid, as written, for RNPT_INVALID', async () => {
    const { store } = await freshDatabase(engine);
    const guid = '3c8e5a11-7b2d-4f0e-9a61-2d4b6c8e0f13';
    const paths = writeFilesUnder(tempFolder(), { [sectionFileName('9', guid)]: await section9WithBadRnpt(guid) });
    const summary = await importFiles(store, Object.values(paths), { period: '2026-Q1' });
    expect(summary).toMatchObject({ files: 1, imported: 1, failed: [], declarations: 1, declarationLines: 3, declarationEntries: 5 });

    const entries = await store.db
      .selectFrom('declaration_trace_entries')
      .select(['line_index', 'entry_index', 'registration_kind', 'registration_number', 'registration_number_raw', 'okei', 'quantity', 'cost_kopecks'])
      .orderBy('line_index')
      .orderBy('entry_index')
      .execute();
    expect(entries.map((entry) => entry.registration_kind)).toEqual(['rnpt', 'invalid', 'rnpt', 'rnpt', 'customs_declaration']);
    const invalid = entries.find((entry) => entry.registration_kind === 'invalid');
    expect(invalid).toMatchObject({ registration_number: BAD_RNPT, registration_number_raw: BAD_RNPT, okei: '796' });
    expect(Number(invalid?.cost_kopecks)).toBe(97_500_00);
    expect(await rowCounts(store)).toMatchObject({ declarations: 1, declaration_lines: 3, declaration_trace_entries: 5 });
  });
});
