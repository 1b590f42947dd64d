/**
 * Streaming reader of a book section (NO_NDS.8/.81/.9/.91) of any size in bounded memory: the file is read in
 * chunks (4 MiB from disk), the byte scanner turns each chunk into complete book lines, and only the part of
 * a line cut by a chunk boundary is carried over. Memory is one chunk, one batch of lines and the scanner's
 * tables, whatever the file size.
 *
 * Errors (truncated file, malformed element, non-numeric amount, invalid RNPT…) are SledopytErrors naming the
 * file, the line and the element path; the iterator throws at the first one, after the lines before it. The
 * caller's transaction decides what happens to those: nothing is ever skipped silently.
 */
import { SledopytError } from '@sledopyt/core';
import { detectXmlEncoding } from '../xml/encoding.js';
import { formatError } from '../xml/format-error.js';
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
  /** Filled while reading: how many lines went through the fast path (the rest through the JavaScript scanner). */
  stats?: NdsReadStats;
}

export interface NdsReadStats {
  fastLines: number;
}

export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
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
  const chunks = new ChunkPuller(openSource(source, options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
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
        onHeader(header);
        yield builder.take();
      }
      if (builder.count > 0) yield builder.take();
      if (needMore && !scanner.extend()) {
        const next = await chunks.next();
        if (next === undefined) scanner.finish();
        else scanner.push(next);
      }
    }
  } finally {
    await chunks.close();
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
