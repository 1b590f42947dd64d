/**
 * Book lines for the fast-path tests (fast-lines.test.ts, fast-lines-ahead.test.ts): ordinary lines with codes
 * that collide in the interning table, the unusual shapes the fast path leaves to JavaScript, and a reader that
 * runs both public readers over a source and checks that they agree.
 */
import { isSledopytError } from '@sledopyt/core';
import { expect } from 'vitest';
import { readNdsColumns, readNdsLines, type NdsLine, type NdsReadStats, type NdsSource, type ReadNdsOptions } from '../index.js';
import { salesSection } from './fixtures.js';

/** A sales line `n` with a КПП of its own (distinct codes collide in the interning table) and three entries. */
export function line(n: number): string {
  const kpp = String(770100000 + ((n * 7919) % 99991)).padStart(9, '0');
  const rnpt = (i: number) => `10702070/0${1 + (i % 9)}0126/${String(n * 3 + i).padStart(7, '0')}/00${1 + (i % 9)}`;
  const entries = [0, 1, 2].map((i) => `    <СвРегНом РегНомПросл="${rnpt(i)}" ОКЕИ="${i === 1 ? '166' : '796'}" КолТовПросл="${1 + i}" СтоимТовПросл="${(n + i) * 100}.5${i}"/>\n`).join('');
  return `   <КнПродСтр НомерПор="${n}" НомСчФПрод="ЧК-${n}" ДатаСчФПрод="1${n % 9}.01.2026" СтоимПродСФ="${n * 122}.00" СтоимПродСФ22="${n * 100}.00" СумНДССФ22="${n * 22}.00">
    <КодВидОпер>01</КодВидОпер>
${entries}    <СвПокуп><СведЮЛ ИННЮЛ="77${String(n).padStart(8, '0')}" КПП="${kpp}"/></СвПокуп>
   </КнПродСтр>
`;
}

/** Variations of line n that the fast path leaves to JavaScript, and the JavaScript scanner reads. */
export const UNUSUAL: readonly ((text: string) => string)[] = [
  (text) => text.replace('НомСчФПрод="ЧК-', 'НомСчФПрод="ЧК &amp; К-'), // a reference
  (text) => text.replace('<КодВидОпер>', '<!-- комментарий --><КодВидОпер>'), // a comment
  (text) => text.replace(' ДатаСчФПрод=', '\n      ДатаСчФПрод ='), // a line break and a space before "="
  (text) => text.replace("ОКЕИ=\"796\"", "ОКЕИ='796'"), // apostrophes
  (text) => text.replace('<СвПокуп>', '<НовыйЭлемент Версия="5.13"/><СвПокуп>'), // an element of a later version
  (text) => text.replace(' СтоимПродСФ=', ' НовыйАтрибут="1" СтоимПродСФ='), // an attribute of a later version
  (text) => text.replace('КолТовПросл="2"', 'КолТовПросл="2.5"'), // a fraction: the general number path
  (text) => text.replace(/РегНомПросл="[^"]+"/, 'РегНомПросл="10702070/150126/0001234"'), // a customs declaration number
  // An invalid RNPT in the last entry, after two interned ОКЕИ (kept: invalidRegistrationNumbers 'keep').
  (text) => {
    const at = text.lastIndexOf('РегНомПросл="') + 'РегНомПросл="'.length;
    return text.slice(0, at) + '10702070/310226/0000001/001' + text.slice(text.indexOf('"', at));
  },
];

export const section = (lines: string): Uint8Array => salesSection(lines);

/** A file of `count` lines where every `every`-th line has one of the unusual shapes. */
export function mixedSection(count: number, every: number): Uint8Array {
  let text = '';
  for (let n = 1; n <= count; n++) {
    const unusual = UNUSUAL[Math.floor(n / every) % UNUSUAL.length] as (text: string) => string;
    text += n % every === 0 ? unusual(line(n)) : line(n);
  }
  return section(text);
}

export interface Read {
  lines: NdsLine[];
  error: unknown;
  fastLines: number;
  aheadLines: number;
}

/** All lines through the columns reader (as model lines) and the lines reader, which must agree. */
export async function read(source: () => NdsSource, options: ReadNdsOptions = {}): Promise<Read> {
  const stats: NdsReadStats = { fastLines: 0, aheadLines: 0 };
  const lines: NdsLine[] = [];
  let error: unknown;
  try {
    for await (const batch of readNdsColumns(source(), { ...options, stats }).batches()) for (let i = 0; i < batch.length; i++) lines.push(batch.line(i));
  } catch (caught) {
    error = caught;
  }
  const objects: NdsLine[] = [];
  let objectError: unknown;
  try {
    for await (const object of readNdsLines(source(), options)) objects.push(object);
  } catch (caught) {
    objectError = caught;
  }
  expect(objects).toStrictEqual(lines);
  expect(detailsOf(objectError)).toEqual(detailsOf(error));
  return { lines, error, fastLines: stats.fastLines, aheadLines: stats.aheadLines };
}

export const detailsOf = (error: unknown) => (error === undefined ? undefined : isSledopytError(error) ? { code: error.code, details: error.details } : String(error));
