/**
 * The WebAssembly fast path (fast-lines.ts, assembly/book-lines.ts) against the JavaScript scanner it stands
 * in for: the same lines, values and errors whatever the shape of the file, and the fast path really used on
 * ordinary files (a build without the module would still pass every other test, only slower).
 */
import { isSledopytError } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../test-support/index.js';
import type { NdsLine, ReadNdsOptions } from './index.js';
import { detailsOf, line, mixedSection, read, section, type Read } from './test-support/fast-path.js';
import { chunked, generatedBooks } from './test-support/fixtures.js';


/** The fast path and the JavaScript scanner on the same bytes: equal results; returns the fast read. */
async function both(bytes: Uint8Array, chunkSize?: number, options: ReadNdsOptions = {}): Promise<Read> {
  const source = () => (chunkSize === undefined ? bytes : chunked(bytes, chunkSize));
  const fast = await read(source, options);
  const slow = await read(source, { ...options, fastPath: false });
  expect(slow.fastLines).toBe(0);
  expect(fast.lines).toStrictEqual(slow.lines);
  expect(detailsOf(fast.error)).toEqual(detailsOf(slow.error));
  return fast;
}

describe('the WebAssembly fast path of the book reader', () => {
  it('reads the lines of generated sales (windows-1251) and purchase (UTF-8) books as the JavaScript scanner does', async () => {
    for (const bytes of await generatedBooks(400, 300)) {
      const whole = await both(bytes);
      expect(whole.error).toBeUndefined();
      // Most lines take the fast path (the generator writes references into some invoice numbers).
      expect(whole.fastLines).toBeGreaterThan(whole.lines.length * 0.6);
      for (const size of [4096, 65_536 + 17]) expect((await both(bytes, size)).lines).toStrictEqual(whole.lines);
    }
  });

  it('hands every unusual line to the JavaScript scanner and keeps the interned codes right around them', async () => {
    const bytes = mixedSection(3000, 7);
    const keep: ReadNdsOptions = { invalidRegistrationNumbers: 'keep' };
    const result = await both(bytes, 100_003, keep);
    expect(result.error).toBeUndefined();
    expect(result.lines).toHaveLength(3000);
    expect(result.fastLines).toBeGreaterThan(2400);
    expect(result.fastLines).toBeLessThan(3000);
    const sample = result.lines[2999 - 1] as NdsLine & { book: 'sales' };
    expect(sample.СвПокуп[0]).toEqual({ kind: 'СведЮЛ', ИННЮЛ: '7700002999', КПП: String(770100000 + ((2999 * 7919) % 99991)) });
    expect(sample.СвРегНом.map((entry) => entry.ОКЕИ)).toEqual(['796', '166', '796']);
    // In UTF-8 too (two bytes per Cyrillic letter in every name).
    const text = new TextDecoder('windows-1251').decode(bytes).replace('windows-1251', 'UTF-8');
    expect((await both(utf8(text), 65_536, keep)).lines).toStrictEqual(result.lines);
    expect(result.lines.flatMap((read) => read.СвРегНом).filter((entry) => entry.kind === 'invalid').length).toBeGreaterThan(30);
  });

  it('grows its memory for a window larger than usual, and leaves a line too long for its tape to JavaScript', async () => {
    // One 7 MB buffer is one window (the module starts with room for 4 MiB).
    const big = mixedSection(12_000, 50);
    expect(big.length).toBeGreaterThan(7_000_000);
    const whole = await both(big, undefined, { invalidRegistrationNumbers: 'keep' });
    expect(whole.error).toBeUndefined();
    expect(whole.lines).toHaveLength(12_000);
    expect(whole.fastLines).toBeGreaterThan(11_000);
    // 20 000 СвРегНом in one line: more records than the tape holds.
    const entry = (i: number) => `<СвРегНом РегНомПросл="10702070/010126/${String(i).padStart(7, '0')}/001" ОКЕИ="796" КолТовПросл="1" СтоимТовПросл="100"/>`;
    const huge = line(2).replace('<КодВидОпер>01</КодВидОпер>', `<КодВидОпер>01</КодВидОпер>${Array.from({ length: 20_000 }, (_, i) => entry(i + 1)).join('')}`);
    const result = await both(section(line(1) + huge + line(3)));
    expect(result.lines.map((read) => read.СвРегНом.length)).toEqual([3, 20_003, 3]);
    expect(result.fastLines).toBe(2);
  });

  it('classifies RNPTs at the edges of the canonical shape as the core does (leap days, impossible dates, item 000)', async () => {
    // The module recognises canonical RNPTs on their bytes; anything it wrongly accepted would skip the core's parser.
    const numbers = [
      '10702070/290224/0000001/001', // 29.02.2024: a leap day
      '10702070/290226/0000001/001', // 29.02.2026: no such day
      '10702070/310426/0000001/001', // 31.04: no such day
      '10702070/300426/0000001/001',
      '10702070/000126/0000001/001',
      '10702070/011326/0000001/001',
      '10702070/010126/0000001/000', // item 000
      '10702070/010126/0000001/100',
      '1070207X/010126/0000001/001',
      '10702070/010126/0000001/0010',
    ];
    let text = '';
    numbers.forEach((number, index) => {
      text += line(index + 1).replace(/РегНомПросл="[^"]+"/, `РегНомПросл="${number}"`);
    });
    const result = await both(section(text), undefined, { invalidRegistrationNumbers: 'keep' });
    expect(result.lines.map((read) => read.СвРегНом[0]?.kind)).toEqual(['rnpt', 'invalid', 'invalid', 'rnpt', 'invalid', 'invalid', 'invalid', 'rnpt', 'invalid', 'invalid']);
  });

  it('reads files of another shape entirely through JavaScript, and right', async () => {
    let text = '';
    for (let n = 1; n <= 600; n++) text += line(n).replace('<КодВидОпер>', '<!-- 1С --><КодВидОпер>');
    const result = await both(section(text));
    expect(result.lines).toHaveLength(600);
    expect(result.fastLines).toBe(0);
  });

  it('fails where the JavaScript scanner fails, with the same file, line and path, after the same lines', async () => {
    const broken: readonly [string, (text: string) => string][] = [
      ['a malformed amount', (text) => text.replace(/СумНДССФ22="[^"]+"/, 'СумНДССФ22="18 480,00"')],
      ['an invalid RNPT', (text) => text.replace(/РегНомПросл="[^"]+"/, 'РегНомПросл="10702070/310226/0000001/001"')],
      ['a missing required attribute', (text) => text.replace(/ НомСчФПрод="[^"]+"/, '')],
      ['a repeated attribute', (text) => text.replace(' ОКЕИ="796"', ' ОКЕИ="796" ОКЕИ="796"')],
      ['a missing КодВидОпер', (text) => text.replace('<КодВидОпер>01</КодВидОпер>', '')],
      ['an impossible date', (text) => text.replace(/ДатаСчФПрод="[^"]+"/, 'ДатаСчФПрод="30.02.2026"')],
      ['a text too long', (text) => text.replace('КПП="', 'КПП="1')],
      ['an unknown entity', (text) => text.replace('НомСчФПрод="ЧК-', 'НомСчФПрод="ЧК&nbsp;')],
      ['a mismatched end tag', (text) => text.replace('</СвПокуп>', '</СвПрод>')],
    ];
    for (const [what, breakIt] of broken) {
      let text = '';
      for (let n = 1; n <= 900; n++) text += n === 700 ? breakIt(line(n)) : line(n);
      for (const size of [undefined, 65_536]) {
        const result = await both(section(text), size);
        expect(result.lines, what).toHaveLength(699);
        expect(isSledopytError(result.error), what).toBe(true);
        expect((result.error as { details: { line: number; path: string } }).details, what).toMatchObject({ path: expect.stringContaining('КнПродСтр[700]') });
      }
    }
  });

  it("keeps an invalid RNPT with invalidRegistrationNumbers: 'keep' on either path", async () => {
    let text = '';
    for (let n = 1; n <= 50; n++) text += n === 20 ? line(n).replace(/РегНомПросл="[^"]+"/, 'РегНомПросл="10702070/310226/0000001/001"') : line(n);
    const result = await both(section(text), undefined, { invalidRegistrationNumbers: 'keep' });
    expect(result.lines[19]?.СвРегНом[0]).toMatchObject({ kind: 'invalid', number: '10702070/310226/0000001/001' });
    expect(result.fastLines).toBeGreaterThan(40);
  });
});
