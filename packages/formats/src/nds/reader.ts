/**
 * Streaming reader of a book section (NO_NDS.8/.81/.9/.91) of any size in bounded memory: the file is read in
 * chunks (4 MiB from disk), the byte scanner turns each chunk into complete book lines, and only the part of
 * a line cut by a chunk boundary is carried over. Memory is a few chunks (four, and three tape slots, when a
 * worker thread tokenises one chunk ahead: fast-lines-ahead.ts), one batch of lines and the scanner's tables,
 * whatever the file size.
 *
 * Errors (truncated file, malformed element, non-numeric amount, invalid RNPT…) are SledopytErrors naming the
 * file, the line and the element path; the iterator throws at the first one, after the lines before it. The
 * caller's transaction decides what happens to those: nothing is ever skipped silently.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { SledopytError } from '@sledopyt/core';
import { detectXmlEncoding } from '../xml/encoding.js';
import { formatError } from '../xml/format-error.js';
import { BookLinesAhead, type WindowTapes } from './fast-lines-ahead.js';
import { readFileChunks } from './file-chunks.js';
import type { InvalidRegistrationNumbers, NdsLine, NdsSectionHeader } from './model.js';
import { ObjectLineBuilder, type LineBuilder } from './line-builder.js';
import { BookScanner, NEED_MORE, type BookScannerLimits } from './scanner.js';

/** Bytes of a file: a path, one buffer, or chunks (a Node stream, a web stream, any async iterable). */
export type NdsSource = string | Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

export interface ReadNdsOptions {
  /** The file name used in messages (default: the path, when the source is a path). */
  fileName?: string;
  /** Lines per batch in `batches()` (default 512: a small batch dies young, which keeps GC cheap). */
  batchSize?: number;
  /** Read chunk size for paths (default 4 MiB). */
  chunkBytes?: number;
  limits?: Partial<BookScannerLimits>;
  /**
   * An invalid `СвРегНом/@РегНомПросл` (the core's parser refuses it): 'reject' (default) fails the read with
   * XML_VALUE_INVALID naming file, line and path; 'keep' yields the entry with `kind: 'invalid'` and
   * `number` = the text as written, so that a reconciler can report it. The format's length limits (13–29
   * characters) and everything else stay strict.
   */
  invalidRegistrationNumbers?: InvalidRegistrationNumbers;
  /**
   * The WebAssembly fast path for lines of the usual shape (fast-lines.ts; default true). false reads every
   * line in JavaScript: the same results, slower — for comparison, and as a switch should it ever misbehave
   * (`SLEDOPYT_NDS_WASM=0` does the same for the whole process).
   */
  fastPath?: boolean;
  /**
   * Tokenise the lines one chunk ahead in a worker thread, on another core (fast-lines-ahead.ts): for a file
   * read from a path. Default: for files of WORKER_MIN_BYTES (16 MiB) and more on a machine with two cores or
   * more; `SLEDOPYT_NDS_WORKER=0` turns it off for the whole process. The results are the same either way.
   */
  worker?: boolean;
  /** Filled while reading: how many lines went through the fast path (the rest through the JavaScript scanner), and of those through the worker. */
  stats?: NdsReadStats;
}

export interface NdsReadStats {
  fastLines: number;
  /** Of those, the lines a worker thread tokenised ahead (`worker`). */
  aheadLines: number;
}

export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
/** Smaller files are read without a worker: starting one costs more than it saves (tens of milliseconds). */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;
/** Small chunks (a socket, a test feeding single bytes) are gathered to at least this before scanning. */
const MIN_SCAN_BYTES = 64 * 1024;
/** How much of the head decides the encoding. */
const ENCODING_HEAD_BYTES = 64 * 1024;

/** One pass over a book section: the header, then the lines (one by one, or in batches for speed). */
export interface NdsLineReader<Line extends NdsLine = NdsLine> extends AsyncIterable<Line> {
  /** The header; reads the head of the file if the lines have not been started yet. */
  header(): Promise<NdsSectionHeader>;
  /** The lines in arrays of up to `batchSize` (fewer awaits than line by line). */
  batches(): AsyncIterable<Line[]>;
}

/** A reader's iteration over batches, with the header reported as soon as it is known. */
export type BatchSource = (onHeader: (header: NdsSectionHeader) => void) => AsyncGenerator<NdsLine[]>;

/** Reads a book section with the byte scanner. One pass: iterate once. */
export function readNdsLines(source: NdsSource, options: ReadNdsOptions = {}): NdsLineReader {
  return createLineReader((onHeader) => scanBatches(source, options, new ObjectLineBuilder(), onHeader));
}

/** Wraps a batch generator in the reader interface (shared with the saxes reference reader). */
export function createLineReader(run: BatchSource): NdsLineReader {
  const reader = createBatchReader(run);
  return { ...reader, [Symbol.asyncIterator]: () => linesOf(reader.batches()) };
}

/** One pass over a section in batches of any kind (line arrays, column batches), with the header first. */
export interface NdsBatchReader<Batch> {
  header(): Promise<NdsSectionHeader>;
  batches(): AsyncGenerator<Batch>;
}

export function createBatchReader<Batch extends { readonly length: number }>(
  run: (onHeader: (header: NdsSectionHeader) => void) => AsyncGenerator<Batch>,
): NdsBatchReader<Batch> {
  let header: NdsSectionHeader | undefined;
  let iterator: AsyncGenerator<Batch> | undefined;
  const buffered: Batch[] = [];
  let started = false;
  const start = () => {
    if (started) {
      throw new SledopytError({
        code: 'NDS_READER_REUSED',
        message: 'A section reader can be iterated only once: create another with readNdsLines()',
        messageRu: 'раздел декларации читается за один проход; для повторного чтения откройте его заново',
        actor: 'developer',
      });
    }
    started = true;
  };
  const open = () => {
    iterator ??= run((value) => {
      header = value;
    });
    return iterator;
  };

  async function* batches(): AsyncGenerator<Batch> {
    start();
    const source = open();
    while (buffered.length > 0) {
      const batch = buffered.shift();
      if (batch !== undefined && batch.length > 0) yield batch;
    }
    for await (const batch of { [Symbol.asyncIterator]: () => source }) if (batch.length > 0) yield batch;
  }

  return {
    async header() {
      const source = open();
      while (header === undefined) {
        const next = await source.next();
        if (next.done === true) break;
        buffered.push(next.value);
      }
      if (header === undefined) {
        throw formatError({ code: 'XML_TRUNCATED', message: 'The file ends before its header', messageRu: 'файл обрывается раньше заголовка' });
      }
      return header;
    },
    batches,
  };
}

/**
 * Lines one by one from batches, as a plain iterator: a line from the current batch is one resolved promise,
 * where `yield*` in an async generator would cost several microtask turns per line.
 */
function linesOf(source: AsyncGenerator<NdsLine[]>): AsyncIterator<NdsLine> {
  let batch: NdsLine[] = [];
  let index = 0;
  return {
    next: async () => {
      while (index >= batch.length) {
        const next = await source.next();
        if (next.done === true) return { done: true, value: undefined };
        batch = next.value;
        index = 0;
      }
      return { done: false, value: batch[index++] as NdsLine };
    },
    return: async () => {
      await source.return(undefined);
      return { done: true, value: undefined };
    },
  };
}

/**
 * The scanner's batches through `builder` (line objects or column batches). The header is reported first,
 * followed by an empty batch (`empty()`), so that a caller waiting for it can stop pulling.
 */
export async function* scanBatches<Batch extends { readonly length: number }>(
  source: NdsSource,
  options: ReadNdsOptions,
  builder: LineBuilder<Batch>,
  onHeader: (header: NdsSectionHeader) => void,
): AsyncGenerator<Batch> {
  const file = options.fileName ?? (typeof source === 'string' ? source : undefined);
  const batchSize = options.batchSize ?? 512;
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const withWorker = typeof source === 'string' && (await wantsWorker(source, options));
  const chunks = new ChunkPuller(
    typeof source === 'string' && withWorker ? readFileChunks(source, chunkBytes, { shared: true, buffers: 4 }) : openSource(source, chunkBytes),
  );
  let ahead: ChunksAhead | undefined;
  try {
    const first = await chunks.next();
    if (first === undefined) {
      throw formatError({ code: 'XML_TRUNCATED', file, line: 1, message: 'The file is empty', messageRu: 'файл пуст' });
    }
    const head = first.subarray(0, ENCODING_HEAD_BYTES);
    const { encoding, bomLength } = detectXmlEncoding(head, { file, partial: head.length < first.length || !chunks.ended });
    const scanner = new BookScanner({
      file,
      encoding,
      bomLength,
      limits: options.limits ?? {},
      ...(options.invalidRegistrationNumbers === undefined ? {} : { invalidRegistrationNumbers: options.invalidRegistrationNumbers }),
      fastPath: options.fastPath ?? true,
      ...(options.stats === undefined ? {} : { stats: options.stats }),
      builder,
    });
    scanner.push(first);
    let headerSent = false;
    while (!scanner.done) {
      let needMore = false;
      try {
        scanner.run(batchSize);
      } catch (caught) {
        if (caught !== NEED_MORE) {
          // The lines before the error are complete: hand them over, then fail.
          if (builder.count > 0) yield builder.take();
          throw caught;
        }
        needMore = true;
      }
      const header = scanner.header;
      if (!headerSent && header !== undefined) {
        headerSent = true;
        const grammar = withWorker ? scanner.linesAheadGrammar : undefined;
        if (grammar !== undefined) ahead = await ChunksAhead.start(chunks, new BookLinesAhead(grammar.fast, grammar.lineTag, chunkBytes));
        onHeader(header);
        yield builder.take();
      }
      if (builder.count > 0) yield builder.take();
      if (needMore && !scanner.extend()) {
        const next = ahead !== undefined ? await ahead.next() : { chunk: await chunks.next(), tapes: undefined };
        if (next?.chunk === undefined) scanner.finish();
        else scanner.push(next.chunk, next.tapes);
      }
    }
  } finally {
    await ahead?.close();
    await chunks.close();
  }
}

async function wantsWorker(path: string, options: ReadNdsOptions): Promise<boolean> {
  if (options.fastPath === false || options.worker === false || process.env.SLEDOPYT_NDS_WORKER === '0') return false;
  if (options.worker === true) return true;
  // On one core the worker would only add its own work (the tape crosses threads, the GC is shared).
  if (availableParallelism() < 2) return false;
  const size = await stat(path).then((stats) => stats.size, () => 0);
  return size >= WORKER_MIN_BYTES;
}

/**
 * The chunks of a file with their lines tokenised by a worker, one chunk ahead: the worker reads chunk k + 1
 * while the scanner reads chunk k. Pulling chunk k + 1 starts the read of k + 2 into the fourth buffer, so
 * chunk k - 1, which the scanner is leaving, stays intact until it has taken what it keeps of it.
 */
class ChunksAhead {
  /** The next chunk, already with the worker. */
  private queued: { chunk: Uint8Array; tapes: Promise<WindowTapes | undefined> } | undefined;
  private ended = false;

  private constructor(
    private readonly chunks: ChunkPuller,
    private readonly worker: BookLinesAhead,
  ) {}

  /** Starts with the chunk after the one being read already with the worker. */
  static async start(chunks: ChunkPuller, worker: BookLinesAhead): Promise<ChunksAhead> {
    const ahead = new ChunksAhead(chunks, worker);
    ahead.queued = await ahead.pull();
    return ahead;
  }

  /**
   * The next chunk with its tapes. The chunk after it is pulled and handed to the worker before this returns:
   * the scanner then reads synchronously, and a read that completes meanwhile would only be seen (and handed
   * over) when it next waits — after the chunk, too late for the worker to have read it ahead.
   */
  async next(): Promise<{ chunk: Uint8Array; tapes: WindowTapes | undefined } | undefined> {
    const next = this.queued ?? (await this.pull());
    if (next === undefined) return undefined;
    const tapes = await next.tapes;
    this.queued = await this.pull();
    return { chunk: next.chunk, tapes };
  }

  async close(): Promise<void> {
    await this.worker.close();
  }

  private async pull(): Promise<{ chunk: Uint8Array; tapes: Promise<WindowTapes | undefined> } | undefined> {
    const chunk = this.ended ? undefined : await this.chunks.next();
    if (chunk === undefined) {
      this.ended = true;
      return undefined;
    }
    return { chunk, tapes: this.worker.tokenise(chunk) };
  }
}

export function openSource(source: NdsSource, chunkBytes: number): AsyncIterator<Uint8Array> | Iterator<Uint8Array> {
  if (typeof source === 'string') return readFileChunks(source, chunkBytes);
  if (source instanceof Uint8Array) return [source][Symbol.iterator]();
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  return source[Symbol.iterator]();
}

/**
 * Pulls chunks, gathering small ones to at least MIN_SCAN_BYTES. Gathered chunks are copied at once: a source
 * may reuse its buffers (readFileChunks does), so a chunk is only valid until the next ones are pulled.
 */
export class ChunkPuller {
  ended = false;

  constructor(private readonly iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array>) {}

  async next(): Promise<Uint8Array | undefined> {
    const first = await this.pull();
    if (first === undefined || first.length >= MIN_SCAN_BYTES) return first;
    const parts: Uint8Array[] = [Uint8Array.from(first)];
    let size = first.length;
    while (size < MIN_SCAN_BYTES) {
      const chunk = await this.pull();
      if (chunk === undefined) break;
      parts.push(Uint8Array.from(chunk));
      size += chunk.length;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
  }

  private async pull(): Promise<Uint8Array | undefined> {
    while (!this.ended) {
      const result = await this.iterator.next();
      if (result.done === true) {
        this.ended = true;
        return undefined;
      }
      const chunk = typeof result.value === 'string' ? Buffer.from(result.value as string) : result.value;
      if (chunk.length > 0) return chunk;
    }
    return undefined;
  }

  async close(): Promise<void> {
    if (!this.ended) await this.iterator.return?.();
  }
}
