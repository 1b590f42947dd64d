import { wholeQuantity } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { catchError } from '../test-support/index.js';
import {
  ndsSectionFileId,
  purchaseBookLineSchema,
  salesBookLineSchema,
  salesBookTotals,
  writeNdsSection,
  writeNdsSectionBytes,
  type SalesBookLine,
} from './index.js';
import { oneSalesLine, purchaseLines, readAll, salesLines, SECTION8_FILE, SECTION9_FILE } from './test-support/fixtures.js';

const decode = (bytes: Uint8Array) => new TextDecoder('windows-1251').decode(bytes);

async function writeError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return catchError(() => {
      throw error;
    });
  }
  return expect.fail('expected the writer to refuse');
}

describe('writeNdsSection → readNdsLines round trip', () => {
  it('gives back the same sales book lines (section 9, 5.12), header and totals', async () => {
    const input = salesLines(300);
    const expected = input.map((line) => salesBookLineSchema.parse(line));
    const totals = salesBookTotals(expected);
    const bytes = await writeNdsSectionBytes({ ...SECTION9_FILE, totals }, input);
    const { header, lines } = await readAll(bytes, 'scanner', { fileName: 'NO_NDS.9.xml' });
    expect(lines).toEqual(expected);
    expect(header).toMatchObject({ section: '9', book: 'sales', ВерсФорм: '5.12', Индекс: '0000090', НомКорр: 0, encoding: 'windows-1251' });
    expect(header.taxpayer).toEqual({ ИНН: '7707083893', КПП: '770701001' });
    expect(header.totals).toEqual(totals);
    expect(header.totals?.['СтПродБезНДС22']).toBe(expected.reduce((sum, line) => sum + (line.СтоимПродСФ22 ?? 0n), 0n));
  });

  it('gives back the same purchase book lines (section 8) in UTF-8 too', async () => {
    const input = purchaseLines(120);
    const expected = input.map((line) => purchaseBookLineSchema.parse(line));
    for (const encoding of ['windows-1251', 'utf-8'] as const) {
      const bytes = await writeNdsSectionBytes({ ...SECTION8_FILE, totals: { СумНДСВсКПк: 123_456n } }, input, { encoding });
      const { header, lines } = await readAll(bytes);
      expect(lines).toEqual(expected);
      expect(header.encoding).toBe(encoding);
      expect(header.totals).toEqual({ СумНДСВсКПк: 123_456n });
    }
  });

  it('keeps storno lines negative and ДТ numbers of non-traceable imports without quantity and cost', async () => {
    const [line] = (await readAll(await writeNdsSectionBytes(SECTION9_FILE, salesLines(17).slice(16)))).lines as SalesBookLine[];
    expect(line?.СтоимПродСФ22).toBeLessThan(0n);
    expect(line?.СвРегНом.every((entry) => (entry.КолТовПросл ?? 0n) < 0n)).toBe(true);
    const [withDeclaration] = (await readAll(await writeNdsSectionBytes(SECTION9_FILE, salesLines(3).slice(2)))).lines as SalesBookLine[];
    expect(withDeclaration?.СвРегНом.at(-1)).toEqual({
      РегНомПросл: '10702070/150126/0001234',
      ОКЕИ: undefined,
      КолТовПросл: undefined,
      СтоимТовПросл: undefined,
      kind: 'customs_declaration',
      number: '10702070/150126/0001234',
    });
  });

  it('writes whole roubles of cost for format 5.11 and reads them back as kopecks', async () => {
    const line = { ...oneSalesLine(), СтоимПродСФ22: undefined, СумНДССФ22: undefined, СтоимПродСФ20: 100_000n, СумНДССФ20: 20_000n, СвРегНом: [{ РегНомПросл: '10702070/010126/0000001/001', ОКЕИ: '796', КолТовПросл: wholeQuantity(2), СтоимТовПросл: 100_000n }] };
    const bytes = await writeNdsSectionBytes({ ...SECTION9_FILE, ВерсФорм: '5.11', totals: {} }, [line]);
    expect(decode(bytes)).toContain('<СвРегНом РегНомПросл="10702070/010126/0000001/001" ОКЕИ="796" КолТовПросл="2" СтоимТовПросл="1000"/>');
    const [read] = (await readAll(bytes)).lines as SalesBookLine[];
    expect(read?.СвРегНом[0]?.СтоимТовПросл).toBe(100_000n);
  });

  it('escapes quotes, ampersands and line breaks in values', async () => {
    const line = { ...oneSalesLine(), НомСчФПрод: 'УТ-7 "Север & Юг"\n<копия>' };
    const bytes = await writeNdsSectionBytes(SECTION9_FILE, [line]);
    expect(decode(bytes)).toContain('НомСчФПрод="УТ-7 &quot;Север &amp; Юг&quot;&#10;&lt;копия&gt;"');
    expect(((await readAll(bytes)).lines[0] as SalesBookLine).НомСчФПрод).toBe('УТ-7 "Север & Юг"\n<копия>');
  });

  it('streams: chunks are produced while lines are still being generated', async () => {
    let produced = 0;
    function* lines() {
      for (const line of salesLines(4000)) {
        produced++;
        yield line;
      }
    }
    const iterator = writeNdsSection(SECTION9_FILE, lines(), { chunkChars: 64 * 1024 })[Symbol.asyncIterator]();
    await iterator.next();
    expect(produced).toBeLessThan(4000);
    await iterator.return?.(undefined);
  });
});

describe('writeNdsSection refuses what the format does not allow', () => {
  it('names the line and field of an invalid RNPT (checked with the core parser)', async () => {
    const line = { ...oneSalesLine(), СвРегНом: [{ РегНомПросл: '10702070/310226/0000001/001', ОКЕИ: '796', КолТовПросл: wholeQuantity(1), СтоимТовПросл: 100n }] };
    const error = await writeError(writeNdsSectionBytes(SECTION9_FILE, [line]));
    expect(error.code).toBe('XML_WRITE_INVALID');
    expect(error.messageRu).toContain('строку 1');
    expect(error.messageRu).toContain('СвРегНом.0.РегНомПросл');
  });

  it('refuses 22 % columns before 5.12 and kopecks of cost before 5.12', async () => {
    const line = oneSalesLine();
    const error = await writeError(writeNdsSectionBytes({ ...SECTION9_FILE, ВерсФорм: '5.11', totals: {} }, [line]));
    expect(error.message).toContain('no 22 % columns in format 5.11');
    const kopecks = { ...line, СтоимПродСФ22: undefined, СумНДССФ22: undefined, СвРегНом: [{ РегНомПросл: '10702070/010126/0000001/001', ОКЕИ: '796', КолТовПросл: wholeQuantity(1), СтоимТовПросл: 100_050n }] };
    const costError = await writeError(writeNdsSectionBytes({ ...SECTION9_FILE, ВерсФорм: '5.11', totals: {} }, [kopecks]));
    expect(costError.messageRu).toContain('в целых рублях');
  });

  it('refuses an RNPT without unit/quantity/cost, a ДТ number with them, and fractional quantities', async () => {
    const base = oneSalesLine();
    const bare = { ...base, СвРегНом: [{ РегНомПросл: '10702070/010126/0000001/001' }] };
    expect((await writeError(writeNdsSectionBytes(SECTION9_FILE, [bare]))).messageRu).toContain('для РНПТ нужны');
    const declaration = { ...base, СвРегНом: [{ РегНомПросл: '10702070/010126/0000001', ОКЕИ: '796', КолТовПросл: wholeQuantity(1), СтоимТовПросл: 100n }] };
    expect((await writeError(writeNdsSectionBytes(SECTION9_FILE, [declaration]))).messageRu).toContain('номер декларации на товары');
    const fraction = { ...base, СвРегНом: [{ РегНомПросл: '10702070/010126/0000001/001', ОКЕИ: '166', КолТовПросл: '12.5', СтоимТовПросл: 100n }] };
    expect((await writeError(writeNdsSectionBytes(SECTION9_FILE, [fraction]))).messageRu).toContain('целое число');
  });

  it('requires the section 8 total and refuses totals the section does not have', async () => {
    expect((await writeError(writeNdsSectionBytes({ ...SECTION8_FILE, totals: {} }, purchaseLines(1)))).messageRu).toContain('СумНДСВсКПк');
    expect((await writeError(writeNdsSectionBytes({ ...SECTION9_FILE, totals: { СумНДСВсКПк: 1n } }, []))).messageRu).toContain('нет показателя СумНДСВсКПк');
  });

  it('writes no book at all when a correction says the earlier data is still valid', async () => {
    const bytes = await writeNdsSectionBytes({ ...SECTION9_FILE, НомКорр: 1, ПризнСвед: '1', totals: {} }, []);
    expect(decode(bytes)).toContain('<Документ Индекс="0000090" НомКорр="1" ПризнСвед9="1"/>');
    const { header, lines } = await readAll(bytes);
    expect(lines).toEqual([]);
    expect(header).toMatchObject({ НомКорр: 1, ПризнСвед: '1', totals: undefined });
  });
});

describe('ndsSectionFileId', () => {
  it('follows NO_NDS.9_<A>_<K>_<ИНН+КПП>_<ГГГГММДД>_<GUID>', () => {
    expect(ndsSectionFileId(SECTION9_FILE)).toBe('NO_NDS.9_7701_7701_7707083893770701001_20260420_5f34036f-27c9-438b-8ccc-0c5059326d04');
    expect(ndsSectionFileId({ ...SECTION8_FILE, fileName: { ...SECTION8_FILE.fileName, guid: undefined } })).toMatch(
      /^NO_NDS\.8_7701_7701_7707083893770701001_20260420_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });
});

describe('writeNdsSection encoding', () => {
  it('refuses a character windows-1251 cannot hold instead of writing "?"', async () => {
    const error = await writeError(writeNdsSectionBytes(SECTION9_FILE, [{ ...oneSalesLine(), НомСчФПрод: 'УТ-1 🚚' }]));
    expect(error.code).toBe('XML_WRITE_INVALID');
    expect(error.messageRu).toContain('🚚');
  });
});
