/**
 * The WebAssembly fast path one window ahead, on the second core: while the scanner builds the values of
 * chunk k, a worker thread (`worker/book-lines-worker.mjs`) tokenises chunk k + 1. The module costs about as
 * much as the JavaScript that turns its tapes into values (package README), so doing both at once is the
 * largest step left towards the machine's read-and-decode speed.
 *
 * The worker cannot know where lines start, so it tries every "<" + line name of the chunk and hands back
 * segments of consecutive lines. `WindowTapes` offers the scanner the line that starts where it stands — only
 * between two lines of the book, where a segment's guess is right by construction — and skips the rest.
 * Chunks must live in SharedArrayBuffers (readFileChunks' `shared`); others are read on the main thread.
 */
import { Worker } from 'node:worker_threads';
import { fastPathError, fillInterned, RECORD, type FastBookLines, type LineTape } from './fast-lines.js';

const WORKER_OFF = 'SLEDOPYT_NDS_WORKER=0';
/** Output slots: the window being read, the one being tokenised, and the one the scanner is leaving. */
const SLOTS = 3;
/**
 * Bytes of window per tape record at the least: an attribute record stands for at least ` ОКЕИ=""` (the
 * shortest name has four letters), every other record for more, and segments never overlap. So a slot of
 * window / 4 records cannot fill up (the pages of a SharedArrayBuffer cost memory only once written).
 */
const MIN_BYTES_PER_RECORD = 4;
/** Bytes per segment at the least: a segment is at least one line. */
const MIN_BYTES_PER_SEGMENT = 64;

interface SlotBuffers {
  readonly tape: SharedArrayBuffer;
  readonly numbers: SharedArrayBuffer;
  readonly segments: SharedArrayBuffer;
}

interface TokenisedWindow {
  readonly id: number;
  readonly segments: number;
  readonly records: number;
  readonly error?: string;
}

/** A worker that tokenises chunks ahead of the scanner; one per file read. */
export class BookLinesAhead {
  /** The strings of the worker's interning slots (every window's tapes refer to them). */
  readonly interned: string[];
  private readonly worker: Worker;
  private readonly slots: SlotBuffers[];
  private readonly waiting = new Map<number, { resolve: (window: TokenisedWindow) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  /**
   * Starts the worker for the book that `fast` was made for. `lineTag` is "<" + the line element's name in the
   * file's encoding; `chunkBytes` (the largest chunk) sizes the output slots.
   */
  constructor(fast: FastBookLines, lineTag: Uint8Array, chunkBytes: number) {
    this.interned = new Array<string>(fast.interned.length).fill('');
    const records = Math.ceil(chunkBytes / MIN_BYTES_PER_RECORD);
    this.slots = Array.from({ length: SLOTS }, () => ({
      tape: new SharedArrayBuffer(records * 16),
      numbers: new SharedArrayBuffer(records * 8),
      segments: new SharedArrayBuffer(Math.ceil(chunkBytes / MIN_BYTES_PER_SEGMENT) * 12),
    }));
    // worker/ is two levels above src/nds/ and dist/nds/ alike.
    this.worker = new Worker(new URL('../../worker/book-lines-worker.mjs', import.meta.url), {
      workerData: { module: fast.module, definition: fast.definition, lineTag, slots: this.slots },
      // It needs none of the process's Node flags, and some (--input-type, --eval's) refuse a worker file.
      execArgv: [],
    });
    // The worker keeps the process alive only while a chunk is with it: a reader that is dropped unfinished
    // must not hold the process, and one that waits for a chunk must not see it exit under its feet.
    this.worker.unref();
    this.worker.on('message', (window: TokenisedWindow) => {
      const waiting = this.waiting.get(window.id);
      this.waiting.delete(window.id);
      if (this.waiting.size === 0) this.worker.unref();
      if (window.error !== undefined) waiting?.reject(fastPathError(`the worker thread failed: ${window.error}`, WORKER_OFF));
      else waiting?.resolve(window);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const waiting of this.waiting.values()) waiting.reject(this.failure);
      this.waiting.clear();
    };
    this.worker.on('error', (error) => fail(fastPathError(`the worker thread failed: ${error.message}`, WORKER_OFF)));
    this.worker.on('exit', (code) => fail(fastPathError(`the worker thread exited (code ${code})`, WORKER_OFF)));
  }

  /**
   * Hands a chunk to the worker; resolves to its tapes once tokenised, or to undefined for a chunk that is
   * not in shared memory. The chunk must stay untouched until the scanner has left it.
   */
  tokenise(chunk: Uint8Array): Promise<WindowTapes | undefined> {
    if (!(chunk.buffer instanceof SharedArrayBuffer)) return Promise.resolve(undefined);
    const tapes = this.failure !== undefined ? Promise.reject(this.failure) : this.handOver(chunk);
    // A window handed over ahead may fail before anyone waits for it: that is reported when it is awaited.
    tapes.catch(() => undefined);
    return tapes;
  }

  private async handOver(chunk: Uint8Array): Promise<WindowTapes> {
    const id = this.nextId++;
    const slot = this.slots[id % SLOTS] as SlotBuffers;
    if (this.waiting.size === 0) this.worker.ref();
    const done = new Promise<TokenisedWindow>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.postMessage({ id, window: chunk.buffer, offset: chunk.byteOffset, length: chunk.byteLength, slot: id % SLOTS });
    return new WindowTapes(slot, await done, this.interned);
  }

  async close(): Promise<void> {
    // Whatever is still being tokenised is not wanted any more (its promise is never awaited).
    this.worker.removeAllListeners('exit');
    this.waiting.clear();
    await this.worker.terminate();
  }
}

/**
 * The tapes of one window, as the scanner reads them: `seek` finds the line that starts where the scanner
 * stands, `first`/`end` are the records it may read from there, `advance` records how far it read. Lines it
 * passes by (read by the JavaScript scanner, or a guess it never arrives at) still have their interning
 * slots filled, in the worker's order.
 */
export class WindowTapes implements LineTape {
  readonly tape: Int32Array;
  readonly numbers: Float64Array;
  readonly offset = 0;
  private readonly segments: Int32Array;
  private readonly count: number;
  private segment = -1;
  /** The next unread record, its segment's end, and the window position its line is read from. */
  first = 0;
  end = 0;
  position = 0;

  constructor(
    slot: SlotBuffers,
    tokenised: TokenisedWindow,
    readonly interned: string[],
  ) {
    this.tape = new Int32Array(slot.tape, 0, tokenised.records * 4);
    this.numbers = new Float64Array(slot.numbers, 0, tokenised.records);
    this.segments = new Int32Array(slot.segments, 0, tokenised.segments * 3);
    this.count = tokenised.segments;
    this.nextSegment();
  }

  /**
   * The scanner stands at `pos` between two lines of `buf` (this window). Returns the line breaks between
   * `pos` and the next tape line when only whitespace separates them (the scanner moves to `position`), or
   * -1 when no tape line starts here.
   */
  seek(buf: Buffer, pos: number): number {
    while (this.first < this.end && this.position < pos) this.skipLine(buf);
    if (this.first >= this.end) return -1;
    let breaks = 0;
    for (let p = pos; p < this.position; p++) {
      const byte = buf[p] as number;
      if (byte === 0x0a) breaks++;
      else if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return -1;
    }
    return breaks;
  }

  /** The scanner read up to record `record` (the start of the next line), which is at `position`. */
  advance(record: number, position: number): void {
    this.first = record;
    this.position = position;
    if (record >= this.end) this.nextSegment();
  }

  /** The scanner leaves the window: the slots of every record it did not read. */
  drain(buf: Buffer): void {
    while (this.first < this.end) {
      fillInterned(this, buf, this.first, this.end);
      this.nextSegment();
    }
  }

  private skipLine(buf: Buffer): void {
    let r = this.first;
    while (((this.tape[r * 4] as number) & 0xff) !== RECORD.lineEnd) r++;
    fillInterned(this, buf, this.first, r);
    this.advance(r + 1, this.tape[r * 4 + 1] as number);
  }

  private nextSegment(): void {
    const segment = ++this.segment;
    if (segment >= this.count) {
      this.first = this.end = 0;
      this.position = Number.MAX_SAFE_INTEGER;
      return;
    }
    this.position = this.segments[segment * 3] as number;
    this.first = this.segments[segment * 3 + 1] as number;
    this.end = this.segments[segment * 3 + 2] as number;
  }
}
