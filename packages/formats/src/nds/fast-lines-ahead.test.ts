/**
 * The fast path one chunk ahead (fast-lines-ahead.ts, worker/book-lines-worker.mjs) against the JavaScript
 * scanner: files read from a path in chunks of 128 KiB and a little more, so that most windows are tokenised
 * by the worker thread, lines and comments are cut by chunk ends, and the worker's guesses (every "<" + line
 * name, comments included) meet every situation the scanner may be in.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSledopytError } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { BookLinesAhead } from './fast-lines-ahead.js';
import { bookLinesModule, type FastBookLines } from './fast-lines.js';
import { utf8 } from '../test-support/index.js';
import { readNdsColumns, type NdsReadStats, type ReadNdsOptions } from './index.js';
import { WORKER_MIN_BYTES } from './reader.js';
import { detailsOf, line, mixedSection, read, section, type Read } from './test-support/fast-path.js';
import { generatedBooks } from './test-support/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'sledopyt-nds-ahead-'));
let files = 0;

function fileOf(bytes: Uint8Array): string {
  const path = join(dir, `NO_NDS.9-${++files}.xml`);
  writeFileSync(path, bytes);
  return path;
}

/** The worker and the JavaScript scanner on the same file: equal results; returns the worker's read. */
async function ahead(bytes: Uint8Array, chunkBytes: number, options: ReadNdsOptions = {}): Promise<Read> {
  const path = fileOf(bytes);
  const worker = await read(() => path, { ...options, worker: true, chunkBytes });
  const js = await read(() => path, { ...options, fastPath: false });
  expect(js.fastLines).toBe(0);
  expect(worker.lines).toStrictEqual(js.lines);
  expect(detailsOf(worker.error)).toEqual(detailsOf(js.error));
  return worker;
}

const kppOf = (text: string) => /КПП="(\d+)"/.exec(text)?.[1] as string;

describe('the fast path one chunk ahead, in a worker thread', () => {
  it('reads generated sales (windows-1251) and purchase (UTF-8) books as the JavaScript scanner does', async () => {
    for (const bytes of await generatedBooks(2500, 2000)) {
      for (const chunkBytes of [131_072, 200_003]) {
        const result = await ahead(bytes, chunkBytes);
        expect(result.error).toBeUndefined();
        expect(result.lines.length).toBeGreaterThan(1900);
        // The first chunk (with the header) is read on the main thread, nearly all the others by the worker.
        expect(result.aheadLines).toBeGreaterThan(result.lines.length * 0.5);
      }
    }
  });

  it('leaves every unusual line to the JavaScript scanner and keeps the interned codes right around them', async () => {
    const result = await ahead(mixedSection(3000, 7), 131_072 + 101, { invalidRegistrationNumbers: 'keep' });
    expect(result.error).toBeUndefined();
    expect(result.lines).toHaveLength(3000);
    expect(result.aheadLines).toBeGreaterThan(2000);
  });

  it('never uses a guess the scanner does not arrive at: lines inside comments, whole or cut by a chunk end', async () => {
    // Every fifth line is preceded by a comment holding a line with a КПП seen nowhere before, which the next
    // real line repeats: the worker interns the value in the comment, the scanner reads the comment as a
    // comment — or leaves the chunk while the comment is cut after its line (the long remark) — and must
    // still know the string of that slot.
    const remark = `  ${'строка исключена из книги при исправлении; '.repeat(40)}\n`;
    let text = '';
    for (let n = 1; n <= 2000; n++) {
      if (n % 5 === 0) {
        const commented = line(n + 10_000).replace(/КПП="\d+"/, `КПП="99${String(n).padStart(7, '0')}"`);
        text += `<!--\n${commented}${remark}-->\n${line(n).replace(/КПП="\d+"/, `КПП="${kppOf(commented)}"`)}`;
      } else {
        text += line(n);
      }
    }
    for (const chunkBytes of [131_072, 131_072 + 333, 150_001]) {
      const result = await ahead(section(text), chunkBytes);
      expect(result.error).toBeUndefined();
      expect(result.lines.map((read) => read.НомерПор)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
      const fifth = result.lines[1999] as (typeof result.lines)[number] & { book: 'sales' };
      expect(fifth.СвПокуп[0]).toMatchObject({ КПП: '990002000' });
      expect(result.aheadLines).toBeGreaterThan(1500);
    }
  });

  it('reads UTF-8 with a byte-order mark and CRLF line ends as the JavaScript scanner does (line numbers included)', async () => {
    const text = new TextDecoder('windows-1251').decode(mixedSection(2000, 11)).replace('windows-1251', 'UTF-8').replaceAll('\n', '\r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const result = await ahead(bytes, 131_072, { invalidRegistrationNumbers: 'keep' });
    expect(result.error).toBeUndefined();
    expect(result.lines).toHaveLength(2000);
    expect(result.aheadLines).toBeGreaterThan(1500);
    // A broken line late in the file: the same line number on both paths (ahead() compares the errors).
    const broken = text.replace('НомерПор="1900"', 'НомерПор="1900" НомерПор="1900"');
    const failed = await ahead(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(broken)]), 131_072, { invalidRegistrationNumbers: 'keep' });
    expect(failed.lines).toHaveLength(1899);
    expect((failed.error as { details: { line: number } }).details.line).toBeGreaterThan(1900 * 5);
  });

  it('fails where the JavaScript scanner fails, with the same file, line and path, after the same lines', async () => {
    const broken: readonly ((text: string) => string)[] = [
      (text) => text.replace(/РегНомПросл="[^"]+"/, 'РегНомПросл="10702070/310226/0000001/001"'),
      (text) => text.replace('</СвПокуп>', '</СвПрод>'),
      (text) => text.replace(/СумНДССФ22="[^"]+"/, 'СумНДССФ22="18 480,00"'),
    ];
    for (const breakIt of broken) {
      let text = '';
      for (let n = 1; n <= 900; n++) text += n === 700 ? breakIt(line(n)) : line(n);
      const result = await ahead(section(text), 131_072);
      expect(result.lines).toHaveLength(699);
      expect(result.aheadLines).toBeGreaterThan(300);
      expect((result.error as { details: { path: string } }).details.path).toContain('КнПродСтр[700]');
    }
  });

  it('is used for large files by default (two cores or more), not for small ones, and lets a reader stop early', async () => {
    // WORKER_MIN_BYTES and more, default options: the worker when the machine has a second core.
    const large = fileOf(section(Array.from({ length: 30_000 }, (_, i) => line(i + 1)).join('')));
    expect(statSync(large).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const stats: NdsReadStats = { fastLines: 0, aheadLines: 0 };
    let count = 0;
    for await (const batch of readNdsColumns(large, { stats }).batches()) count += batch.length;
    expect(count).toBe(30_000);
    expect(stats.aheadLines > 20_000).toBe(availableParallelism() >= 2);
    let text = '';
    for (let n = 1; n <= 1200; n++) text += line(n);
    const path = fileOf(section(text));
    // Under 16 MiB: the main thread only (a worker costs more than it saves).
    expect((await read(() => path, { chunkBytes: 131_072 })).aheadLines).toBe(0);
    expect((await read(() => path, { chunkBytes: 131_072, worker: false })).aheadLines).toBe(0);
    // A reader that stops after its first batch ends the worker, and the file reads again whole.
    for await (const batch of readNdsColumns(path, { worker: true, chunkBytes: 131_072, batchSize: 100 }).batches()) {
      expect(batch.length).toBe(100);
      break;
    }
    const again = await read(() => path, { worker: true, chunkBytes: 131_072 });
    expect(again.lines).toHaveLength(1200);
    expect(again.aheadLines).toBeGreaterThan(800);
  });

  it('keeps the process alive while a chunk is with the worker: a script that only reads a file gets every line', () => {
    // Nothing else keeps such a process alive (a CLI reading one file): were the worker unreferenced while the
    // reader waits for its tapes, Node would end the process mid-file (exit code 13, no output).
    let text = '';
    for (let n = 1; n <= 5000; n++) text += line(n);
    const path = fileOf(section(text));
    const built = new URL('../../dist/index.js', import.meta.url).href;
    const script = `import { readNdsColumns } from '${built}';
      let lines = 0;
      for await (const batch of readNdsColumns(process.env.BOOK, { worker: true, chunkBytes: 131072 }).batches()) lines += batch.length;
      console.log(lines);`;
    for (let run = 0; run < 3; run++) {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, BOOK: path }, encoding: 'utf8' });
      expect({ status: child.status, stdout: child.stdout.trim(), stderr: child.stderr }).toEqual({ status: 0, stdout: '5000', stderr: '' });
    }
  });

  it('reports a worker that fails as a fault of the fast path, with the switch that reads without it', async () => {
    // A definition the module does not know: the worker fails while starting, before any chunk.
    const broken = { module: bookLinesModule(), definition: { pool: new Uint8Array(0), calls: [['defineNothing']] }, interned: [] } as unknown as FastBookLines;
    const worker = new BookLinesAhead(broken, new Uint8Array([0x3c]), 131_072);
    const chunk = Buffer.from(new SharedArrayBuffer(131_072));
    const failure = await worker.tokenise(chunk).catch((caught: unknown) => caught);
    expect(isSledopytError(failure) && failure.code).toBe('NDS_FAST_PATH_FAILED');
    expect((failure as Error).message).toContain('SLEDOPYT_NDS_WORKER=0');
    // Later chunks fail at once, with the same error — also when it is awaited only later (as a chunk handed
    // over ahead is): no unhandled rejection in between.
    const later = worker.tokenise(chunk);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(later).rejects.toBe(failure);
    await worker.close();
  });
});
