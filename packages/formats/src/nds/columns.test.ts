import { isSledopytError, type SledopytError } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../test-support/index.js';
import { readNdsColumns, writeNdsSectionBytes, type NdsLine, type NdsSource, type ReadNdsOptions, type SalesBookLine } from './index.js';
import { chunked, generatedBooks, readAll, readUntilError, SALES_HEAD, SALES_LINE, SALES_TAIL, salesLines, salesSection, SECTION9_FILE } from './test-support/fixtures.js';

const HEAD = SALES_HEAD;
const TAIL = SALES_TAIL;
const LINE = SALES_LINE;
const section = (lines: string) => salesSection(lines);

/** Column batches of a source, as lines (via `line(i)`), with the columns checked against those lines. */
async function columnLines(source: NdsSource, options: ReadNdsOptions = {}): Promise<NdsLine[]> {
  const lines: NdsLine[] = [];
  for await (const batch of readNdsColumns(source, options).batches()) {
    // No child of a line cut by a chunk boundary is left behind in a batch.
    expect([batch.entryStart[batch.length], batch.operationCodeStart[batch.length], batch.goodsCodeStart[batch.length]]).toEqual([
      batch.entryCount,
      batch.operationCodes.length,
      batch.goodsCodes.length,
    ]);
    for (let index = 0; index < batch.length; index++) {
      const line = batch.line(index);
      // The columns say what the model line says.
      const from = batch.entryStart[index] as number;
      expect(batch.entryStart[index + 1]! - from).toBe(line.СвРегНом.length);
      line.СвРегНом.forEach((entry, offset) => {
        expect(batch.РегНомПросл[from + offset]).toBe(entry.РегНомПросл);
        expect(batch.number[from + offset]).toBe(entry.number);
        expect(batch.kind[from + offset]).toBe(entry.kind);
        expect(batch.ОКЕИ[from + offset]).toBe(entry.ОКЕИ);
        expect(batch.СтоимТовПросл[from + offset]).toBe(entry.СтоимТовПросл === undefined ? Number.NaN : Number(entry.СтоимТовПросл));
        expect(batch.КолТовПросл[from + offset]).toBe(entry.КолТовПросл === undefined ? Number.NaN : Number(entry.КолТовПросл) / 1e11);
      });
      const parties = line.book === 'sales' ? line.СвПокуп : line.СвПрод;
      const first = parties[0];
      expect(batch.counterpartyInn[index]).toBe(first === undefined ? undefined : first.kind === 'СведЮЛ' ? first.ИННЮЛ : first.ИННФЛ);
      expect(batch.operationCodes.slice(batch.operationCodeStart[index], batch.operationCodeStart[index + 1])).toEqual(line.КодВидОпер);
      expect(batch.values[index]?.[0]).toBe(line.НомерПор);
      lines.push(line);
    }
  }
  return lines;
}

/** Columns = byte scanner lines = saxes lines, whole and in chunks. */
async function allReaders(bytes: Uint8Array, chunkSize?: number, options: ReadNdsOptions = {}) {
  const source = () => (chunkSize === undefined ? bytes : chunked(bytes, chunkSize));
  const columns = await columnLines(source(), options);
  const scanner = await readAll(source(), 'scanner', options);
  const reference = await readAll(source(), 'saxes', options);
  expect(columns.length).toBe(reference.lines.length);
  columns.forEach((line, index) => expect(line, `line ${index + 1}`).toStrictEqual(reference.lines[index]));
  expect(scanner.lines).toStrictEqual(reference.lines);
  return columns;
}

function asError(error: unknown): SledopytError {
  if (!isSledopytError(error)) return expect.fail(`expected a SledopytError, got ${String(error)}`);
  return error;
}

describe('readNdsColumns agrees with readNdsLines and saxes', () => {
  it('on generated sales (windows-1251) and purchase (UTF-8) books, whole and in chunks of 1, 7 and 4096 bytes', async () => {
    for (const bytes of await generatedBooks(150, 60)) {
      const whole = await allReaders(bytes);
      expect(whole.length).toBeGreaterThan(50);
      for (const size of [1, 7, 4096]) expect(await allReaders(bytes, size)).toStrictEqual(whole);
    }
  });

  it('on small batches: every line once, in order, with the children of its own line', async () => {
    const bytes = await writeNdsSectionBytes(SECTION9_FILE, salesLines(100));
    const numbers: number[] = [];
    for await (const batch of readNdsColumns(chunked(bytes, 333), { batchSize: 7 }).batches()) {
      expect(batch.length).toBeLessThanOrEqual(7);
      expect(batch.entryStart).toHaveLength(batch.length + 1);
      for (let index = 0; index < batch.length; index++) numbers.push(batch.line(index).НомерПор);
    }
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
  });

  it('on rare shapes: two buyers, a partial invoice, a fractional quantity, an amount beyond 2^53 kopecks, entities, comments', async () => {
    const rare = LINE.replace('НомерПор="1"', 'НомерПор="2"')
      .replace('НомСчФПрод="УТ-1"', 'НомСчФПрод="УТ-2 &quot;Север&quot;"')
      .replace('СтоимПродСФ="102480.00"', 'СтоимПродСФ="99999999999999999.99"')
      .replace('КолТовПросл="2"', 'КолТовПросл="2.5"')
      .replace('<КодВидОпер>01</КодВидОпер>', '<!-- a --><КодВидОпер>01</КодВидОпер><КодВидОпер>26</КодВидОпер>')
      .replace('</СвПокуп>', '</СвПокуп><СвПокуп><СведИП ИННФЛ="772112345678"/></СвПокуп><СвЧастСчФ НомЧастСчФ="1" ДатаЧастСчФ="20.01.2026"/>');
    const lines = await allReaders(section(LINE + rare));
    const line = lines[1] as SalesBookLine;
    expect(line.СтоимПродСФ).toBe(9_999_999_999_999_999_999n);
    expect(line.СвРегНом[0]?.КолТовПросл).toBe(250_000_000_000n);
    expect(line.СвПокуп).toEqual([
      { kind: 'СведЮЛ', ИННЮЛ: '7701234567', КПП: '770101001' },
      { kind: 'СведИП', ИННФЛ: '772112345678' },
    ]);
    for (const size of [1, 7]) expect(await allReaders(section(LINE + rare), size)).toStrictEqual(lines);
    const utf = await allReaders(utf8((HEAD + LINE + rare + TAIL).replace('windows-1251', 'UTF-8')), 7);
    expect(utf).toStrictEqual(lines);
  });

  it("keeps an invalid RNPT with invalidRegistrationNumbers: 'keep', like readNdsLines", async () => {
    const bad = LINE.replace('10702070/010126/0000001/001', '10702070/310226/0000001/001');
    const lines = await allReaders(section(bad), 7, { invalidRegistrationNumbers: 'keep' });
    expect((lines[0] as SalesBookLine).СвРегНом[0]).toMatchObject({ kind: 'invalid', number: '10702070/310226/0000001/001' });
  });

  it('fails like readNdsLines: the lines before the error, then the error with file, line and path', async () => {
    const broken = section(LINE + LINE.replace('НомерПор="1"', 'НомерПор="2"') + LINE.replace('НомерПор="1"', 'НомерПор="3"').replace('СумНДССФ22="18480.00"', 'СумНДССФ22="18 480,00"'));
    for (const size of [undefined, 1, 7]) {
      const source = () => (size === undefined ? broken : chunked(broken, size));
      const expected = await readUntilError(source(), 'scanner', { fileName: 'NO_NDS.9.xml' });
      const numbers: number[] = [];
      let error: unknown;
      try {
        for await (const batch of readNdsColumns(source(), { fileName: 'NO_NDS.9.xml' }).batches()) for (let i = 0; i < batch.length; i++) numbers.push(batch.line(i).НомерПор);
      } catch (caught) {
        error = caught;
      }
      expect(numbers).toEqual(expected.lines.map((line) => line.НомерПор));
      expect(numbers).toEqual([1, 2]);
      expect(asError(error).details).toEqual(asError(expected.error).details);
      expect(asError(error).details).toMatchObject({ file: 'NO_NDS.9.xml', line: 7, path: 'Файл/Документ/КнигаПрод/КнПродСтр[3]', attribute: 'СумНДССФ22' });
    }
  });
});
