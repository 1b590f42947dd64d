// @ts-check
/**
 * The book scanner's WebAssembly fast path one window ahead, in a worker thread (started by
 * src/nds/fast-lines-ahead.ts). The main thread hands over each file chunk (a SharedArrayBuffer) while it is
 * still reading the previous one; this thread tokenises every line of the usual shape in it and writes the
 * tapes into a shared output slot, as segments of consecutive lines that start at a "<" of a line element.
 *
 * It cannot know where the lines start (the chunk may begin inside a line, and "<КнПродСтр" may stand in a
 * comment), so it tries every occurrence of the line's name; a segment is only a guess until the scanner,
 * reading the file from the start, arrives at its first byte between two lines. The tape of a line depends on
 * its bytes alone, so a guess the scanner arrives at is exactly what the module would have read there.
 *
 * Plain JavaScript: a worker is started from a file, and this one must run from the sources (tests) and from
 * dist/ alike. Everything it knows about the book comes from the main thread (the module's definition calls).
 */
import { parentPort, workerData } from 'node:worker_threads';

/** @type {{ module: WebAssembly.Module, definition: { pool: Uint8Array, calls: [string, ...number[]][] }, lineTag: Uint8Array, slots: { tape: SharedArrayBuffer, numbers: SharedArrayBuffer, segments: SharedArrayBuffer }[] }} */
const { module, definition, lineTag, slots } = workerData;

const instance = new WebAssembly.Instance(module, {
  env: {
    abort() {
      throw new Error('book-lines.wasm aborted');
    },
  },
});
/** @type {Record<string, any>} */
const x = instance.exports;
const DATA = x.DATA.value;
const TAPE = x.TAPE.value;
const NUMBERS = x.NUMBERS.value;

// The module starts with no memory: its tables and tape lie below DATA.
reserve(DATA + 65536);
new Uint8Array(x.memory.buffer).set(definition.pool, x.POOL.value);
for (const [name, ...args] of definition.calls) x[name](...args);

const tag = Buffer.from(lineTag);
const outputs = slots.map((slot) => ({
  tape: new Int32Array(slot.tape),
  numbers: new Float64Array(slot.numbers),
  segments: new Int32Array(slot.segments),
}));

parentPort?.on('message', (/** @type {{ id: number, window: SharedArrayBuffer, offset: number, length: number, slot: number }} */ message) => {
  try {
    const result = tokenise(Buffer.from(message.window, message.offset, message.length), /** @type {typeof outputs[0]} */ (outputs[message.slot]));
    parentPort?.postMessage({ id: message.id, ...result });
  } catch (caught) {
    parentPort?.postMessage({ id: message.id, error: caught instanceof Error ? caught.message : String(caught) });
  }
});

/** Grows the module's memory to at least `bytes`. @param {number} bytes */
function reserve(bytes) {
  const have = x.memory.buffer.byteLength;
  if (bytes > have) x.memory.grow(Math.ceil((bytes - have) / 65536));
}

/**
 * Every line of the usual shape in `window`, into `out`: segments of (first byte, first record, end record).
 * @param {Buffer} window
 * @param {typeof outputs[0]} out
 */
function tokenise(window, out) {
  // The module reads 16 bytes at a time: 64 bytes of room past the window.
  reserve(DATA + window.length + 64);
  const memory = x.memory.buffer;
  new Uint8Array(memory).set(window, DATA);
  const tape = new Int32Array(memory, TAPE);
  const numbers = new Float64Array(memory, NUMBERS);
  const maxRecords = out.numbers.length;
  const maxSegments = Math.floor(out.segments.length / 3);
  let records = 0;
  let segments = 0;
  let from = 0;
  for (;;) {
    const start = window.indexOf(tag, from);
    if (start < 0) return { segments, records };
    const lines = x.scan(start, window.length, 0x7fffffff);
    if (lines === 0) {
      from = start + 1;
      continue;
    }
    const count = x.records.value;
    // The main thread sizes the slots for the densest possible window (fast-lines-ahead.ts): never reached.
    if (records + count > maxRecords || segments === maxSegments) throw new Error('the output slot is full');
    out.tape.set(tape.subarray(0, count * 4), records * 4);
    out.numbers.set(numbers.subarray(0, count), records);
    out.segments[segments * 3] = start;
    out.segments[segments * 3 + 1] = records;
    out.segments[segments * 3 + 2] = records + count;
    segments++;
    records += count;
    // The last record is the last line's end: its start is the position after the line.
    from = /** @type {number} */ (tape[(count - 1) * 4 + 1]);
  }
}
