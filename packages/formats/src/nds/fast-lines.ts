/**
 * The WebAssembly fast path of the book scanner (source: `assembly/book-lines.ts`, compiled by the package's
 * build into `wasm/book-lines.wasm`): one instance per scanner, told the book's element and attribute names
 * in the file's encoding; the scanner copies its window in once and asks it for lines. What it returns is a
 * tape of records that the scanner turns into the same values and builder calls as its own path
 * (`BookScanner.fastLines`), or nothing, and the scanner reads the next line itself.
 *
 * The fast path is an optimisation only: without the compiled module (a source checkout that was not
 * built) or with `SLEDOPYT_NDS_WASM=0` the scanner reads every line in JavaScript, with the same results.
 */
import { readFileSync } from 'node:fs';
import { SledopytError } from '@sledopyt/core';
import { encodeXml, type XmlEncoding } from '../xml/encoding.js';
import { asciiText } from './span-text.js';
import { ROLE_CODES, type ChildRole } from './line-rules.js';
import { LEGAL_ENTITY_ELEMENT, SOLE_TRADER_ELEMENT, type FieldSpec } from './structure.js';

// The few WebAssembly types used here (this project's TypeScript libs carry no DOM and @types/node 20 none).
interface WasmGlobal {
  readonly value: number;
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
export interface WasmModule {
  readonly compiled: unique symbol;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { readonly exports: object };
}
const WebAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;


/** Tape record codes and element kinds, as in assembly/book-lines.ts. */
export const RECORD = { lineEnd: 2, attribute: 3, text: 4, registration: 5, counterparty: 7, payment: 8, partialInvoice: 9 } as const;
const KIND = { line: 0, registration: 1, legal: 2, sole: 3, payment: 4, partialInvoice: 5 } as const;
/** Value kinds as the module and `BookScanner.fastValue` number them. */
export const VALUE_KIND = { text: 0, money: 1, quantity: 2, integer: 3, date: 4 } as const;
export const valueKindOf = (spec: FieldSpec): number =>
  spec.kind === 'amount' || spec.kind === 'cost' ? VALUE_KIND.money : VALUE_KIND[spec.kind];
/** Record flags (bits 16–23 of a record's first word). */
export const RECORD_FLAG = { nonAscii: 1 << 16, canonicalRnpt: 2 << 16, interned: 4 << 16, hit: 8 << 16 } as const;
/** defineAttribute options: hash the value for the interner; check the canonical RNPT shape. */
const OPTION = { hashed: 1, rnpt: 2 } as const;

interface BookLinesExports {
  memory: WasmMemory;
  POOL: WasmGlobal;
  POOL_BYTES: WasmGlobal;
  TAPE: WasmGlobal;
  NUMBERS: WasmGlobal;
  INTERN_SLOTS: WasmGlobal;
  DATA: WasmGlobal;
  records: WasmGlobal;
  reset(): void;
  defineLine(offset: number, length: number): void;
  defineCounterpartyLeaves(legalOffset: number, legalLength: number, soleOffset: number, soleLength: number): void;
  defineAttribute(kind: number, offset: number, length: number, field: number, valueKind: number, digits: number, options: number): void;
  defineChild(offset: number, length: number, role: number): void;
  scan(start: number, end: number, maxLines: number): number;
}

let compiled: WasmModule | null | undefined;

/** The compiled module, or null when it is not built or switched off. */
export function bookLinesModule(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (process.env.SLEDOPYT_NDS_WASM === '0') return compiled;
  try {
    // src/nds/ and dist/nds/ are both two levels below the package, next to wasm/.
    compiled = new WebAssembly.Module(readFileSync(new URL('../../wasm/book-lines.wasm', import.meta.url)));
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code !== 'ENOENT') throw caught;
  }
  return compiled;
}

/** The names and attribute tables of one book, for `FastBookLines.create`. */
export interface FastBookGrammar {
  readonly encoding: XmlEncoding;
  readonly line: string;
  readonly lineFields: readonly FieldSpec[];
  /** Child element names with their role (line-rules.ts); an element without one makes a line fall back. */
  readonly children: readonly (readonly [name: string, role: ChildRole | undefined])[];
  /** СвРегНом's attributes; the first is РегНомПросл (checked for the canonical RNPT shape). */
  readonly registrationFields: readonly FieldSpec[];
  readonly legalEntityFields: readonly FieldSpec[];
  readonly soleTraderFields: readonly FieldSpec[];
  readonly paymentFields: readonly FieldSpec[];
  readonly partialInvoiceFields: readonly FieldSpec[];
}

/** The module's definition calls for one book: its names (for the pool at POOL) and the calls that describe them. */
export interface BookDefinition {
  readonly pool: Uint8Array;
  readonly calls: readonly (readonly [name: string, ...args: number[]])[];
}

/** The definition of a book in the module's terms; `FastBookLines` and the worker (book-lines-worker.mjs) replay it. */
export function bookDefinition(grammar: FastBookGrammar, poolStart: number, poolBytes: number): BookDefinition {
  const pool = new Uint8Array(poolBytes);
  let used = 0;
  const put = (name: string): [number, number] => {
    const bytes = encodeXml(name, grammar.encoding);
    if (used + bytes.length + 16 > poolBytes) throw fastPathError('the names do not fit the module\'s pool');
    pool.set(bytes, used);
    used += bytes.length;
    return [poolStart + used - bytes.length, bytes.length];
  };
  const calls: [string, ...number[]][] = [['reset']];
  calls.push(['defineLine', ...put(grammar.line)]);
  calls.push(['defineCounterpartyLeaves', ...put(LEGAL_ENTITY_ELEMENT), ...put(SOLE_TRADER_ELEMENT)]);
  for (const [name, role] of grammar.children) if (role !== undefined) calls.push(['defineChild', ...put(name), ROLE_CODES[role]]);
  const attributes = (kind: number, fields: readonly FieldSpec[], rnptField = -1) =>
    fields.forEach((spec, field) => {
      // The name followed by "=" (the module compares both at once); the name's length without it.
      const [offset, length] = put(`${spec.name}=`);
      const options = (spec.repeats === true ? OPTION.hashed : 0) | (field === rnptField ? OPTION.rnpt : 0);
      calls.push(['defineAttribute', kind, offset, length - 1, field, valueKindOf(spec), spec.totalDigits ?? 18, options]);
    });
  attributes(KIND.line, grammar.lineFields);
  attributes(KIND.registration, grammar.registrationFields, 0);
  attributes(KIND.legal, grammar.legalEntityFields);
  attributes(KIND.sole, grammar.soleTraderFields);
  attributes(KIND.payment, grammar.paymentFields);
  attributes(KIND.partialInvoice, grammar.partialInvoiceFields);
  return { pool: pool.slice(0, used), calls };
}

/**
 * Lines tokenised by the module, as the scanner reads them: records of four i32 (code | field << 8 |
 * flags << 16, value start, value end, aux; see the AssemblyScript file), one number per record, the strings of
 * the interning table that filled the records, and the window offset of tape position 0.
 */
export interface LineTape {
  readonly tape: Int32Array;
  readonly numbers: Float64Array;
  readonly interned: string[];
  readonly offset: number;
}

/**
 * Gives the interning slots that records `from`–`to` filled their strings, for records the scanner does not
 * read (the rest of a line left to readLine, lines it skips): the module and `interned` must change every
 * slot in the same order, or a later hit would name a string that was never made.
 */
export function fillInterned(source: LineTape, window: Buffer, from: number, to: number): void {
  const { tape, interned, offset } = source;
  const flags = RECORD_FLAG.interned | RECORD_FLAG.hit;
  for (let r = from; r < to; r++) {
    const word = tape[r * 4] as number;
    if ((word & flags) === RECORD_FLAG.interned) interned[tape[r * 4 + 3] as number] = asciiText(window, (tape[r * 4 + 1] as number) + offset, (tape[r * 4 + 2] as number) + offset);
  }
}

export class FastBookLines implements LineTape {
  private readonly exports: BookLinesExports;
  /** The module and the book's definition, for a worker that reads ahead (fast-lines-ahead.ts). */
  readonly module: WasmModule;
  readonly definition: BookDefinition;
  private readonly data: number;
  private bytes: Uint8Array;
  /** Records of four i32: code | field << 8 | flags << 16, start, end, aux (see the AssemblyScript file). */
  tape: Int32Array;
  numbers: Float64Array;
  /** The string of each interning slot (see `intern` in the AssemblyScript file). */
  readonly interned: string[];
  /** The window now in memory (the scanner's generation number) and where its copy starts (window offset of DATA). */
  private generation = -1;
  private base = 0;

  private constructor(module: WasmModule, grammar: FastBookGrammar) {
    this.module = module;
    this.exports = new WebAssembly.Instance(module, { env: { abort: abortFromWasm } }).exports as BookLinesExports;
    this.data = this.exports.DATA.value;
    this.interned = new Array<string>(this.exports.INTERN_SLOTS.value).fill('');
    this.bytes = this.tape = this.numbers = undefined as never;
    this.reserve(this.data + 4 * 1024 * 1024 + 65536);
    this.definition = bookDefinition(grammar, this.exports.POOL.value, this.exports.POOL_BYTES.value);
    applyDefinition(this.exports, this.bytes, this.definition);
  }

  /** A fast path for the book, or undefined when the module is not available. */
  static create(grammar: FastBookGrammar): FastBookLines | undefined {
    const module = bookLinesModule();
    return module === null ? undefined : new FastBookLines(module, grammar);
  }

  /**
   * Reads up to `maxLines` lines of `window` from `start` (window offsets); returns how many. `generation`
   * changes whenever the window holds other bytes (chunk buffers are reused). Afterwards `records` and
   * `offset` (window offset = tape offset + offset) describe the tape.
   */
  scan(window: Uint8Array, generation: number, start: number, end: number, maxLines: number): number {
    // The copy starts where the first scan of the window started; a scanner never goes back before it.
    if (generation !== this.generation || start < this.base) this.load(window, generation, start, end);
    return this.exports.scan(start - this.base, end - this.base, maxLines);
  }

  get records(): number {
    return this.exports.records.value;
  }

  get offset(): number {
    return this.base;
  }

  /** Copies the rest of a window into memory (once per window), growing the memory when it is larger. */
  private load(window: Uint8Array, generation: number, start: number, end: number): void {
    // 64 bytes past the window: the module reads 16 at a time and ignores what lies beyond the end.
    this.reserve(this.data + (end - start) + 64);
    this.bytes.set(window.subarray(start, end), this.data);
    this.generation = generation;
    this.base = start;
  }

  /** Grows the memory to `bytes` (views over the old buffer are detached by growing: new ones). */
  private reserve(bytes: number): void {
    const memory = this.exports.memory;
    if (this.bytes !== undefined && bytes <= memory.buffer.byteLength) return;
    if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / 65536));
    this.bytes = new Uint8Array(memory.buffer);
    this.tape = new Int32Array(memory.buffer, this.exports.TAPE.value);
    this.numbers = new Float64Array(memory.buffer, this.exports.NUMBERS.value);
  }
}

/** Writes the book's names into the pool and makes the definition calls (the worker does the same). */
function applyDefinition(exports: BookLinesExports, bytes: Uint8Array, definition: BookDefinition): void {
  bytes.set(definition.pool, exports.POOL.value);
  const functions = exports as unknown as Record<string, (...args: number[]) => void>;
  for (const [name, ...args] of definition.calls) (functions[name] as (...args: number[]) => void)(...args);
}

function abortFromWasm(): never {
  throw fastPathError('book-lines.wasm aborted');
}

/**
 * The fast path failed (never the file's fault): said in both languages, with the switch that reads without it
 * (`SLEDOPYT_NDS_WASM=0` for the module, `SLEDOPYT_NDS_WORKER=0` for the worker thread).
 */
export function fastPathError(what: string, off = 'SLEDOPYT_NDS_WASM=0'): SledopytError {
  return new SledopytError({
    code: 'NDS_FAST_PATH_FAILED',
    message: `${what}: a bug in the fast path, not in the file (${off} reads without it)`,
    messageRu: `внутренняя ошибка быстрого чтения раздела декларации (не ошибка файла); повторите с ${off} и сообщите разработчикам`,
    actor: 'developer',
  });
}
