/**
 * A purpose-built XML scanner over the bytes of a book section (NO_NDS.8/.81/.9/.91). Why not a general
 * parser: saxes decodes the whole file into strings and emits every attribute as a string (≈ 0.08 of the
 * speed of reading and decoding the file); this scanner walks the bytes once, recognises element and
 * attribute names by comparing their bytes with the names expected there (a trie when that fails), parses
 * numbers and dates straight from ASCII digits, checks RNPTs on their bytes and decodes only the text values it
 * keeps; a LineBuilder (line-builder.ts, columns.ts) turns the values into output. It is still a conforming scanner for what it accepts: quotes of both kinds, attributes in
 * any order and on any line, comments, processing instructions, CDATA in text elements, the five predefined
 * entities and character references; DTDs are refused, and every value and name has a size limit
 * (the same limits as the safety pre-check of src/xml). Its output is checked against saxes in the tests.
 *
 * The scanner is resumable: it works on a window of bytes and throws NEED_MORE when an item (a start tag,
 * a whole book line…) runs past the window; the reader then adds bytes and the item is scanned again from
 * its start. Nothing is committed for a partial item, so a truncated file can never yield a partial line
 * (the builder drops what a line cut short left behind when the next line begins or the batch is taken).
 */
import type { CalendarDate, Quantity } from '@sledopyt/core';
import { calendarDate, isValidYmd, SledopytError } from '@sledopyt/core';
import { encodeXml, type XmlEncoding } from '../xml/encoding.js';
import { excerpt, formatError, type FormatErrorCode } from '../xml/format-error.js';
import { DEFAULT_SAFETY_LIMITS, type XmlSafetyLimits } from '../xml/safety.js';
import { newValues, type FieldValues } from './build.js';
import { ObjectLineBuilder, type LineBuilder } from './line-builder.js';
import {
  childNames,
  childRole,
  ROLE_ACCOUNTING_DATE,
  ROLE_CODES,
  ROLE_COUNTERPARTY,
  ROLE_GOODS_CODE,
  ROLE_INTERMEDIARY,
  ROLE_NONE,
  ROLE_OPERATION_CODE,
  ROLE_PARTIAL_INVOICE,
  ROLE_PAYMENT,
  ROLE_REGISTRATION,
  sectionByBookElement,
} from './line-rules.js';
import { buildSectionHeader, resolveSection, type HeadAttributes } from './header.js';
import type { InvalidRegistrationNumbers, NdsSectionHeader } from './model.js';
import type { NdsReadStats } from './reader.js';
import { FastBookLines, fillInterned, RECORD, RECORD_FLAG, VALUE_KIND, valueKindOf, type LineTape } from './fast-lines.js';
import type { WindowTapes } from './fast-lines-ahead.js';
import { AsciiInterner } from './interner.js';
import { NAME_END, NAME_FORBIDDEN, NameTable } from './name-table.js';
import { isCanonicalRnptBytes, RegistrationNumberClassifier } from './registration.js';
import { asciiText, SpanDecoder, SpanTextProblem } from './span-text.js';
import {
  ACCOUNTING_DATE,
  DOCUMENT_ELEMENT,
  GOODS_CODE,
  LEGAL_ENTITY_ELEMENT,
  LEGAL_ENTITY_FIELDS,
  LINE_CHILDREN,
  NDS_SECTIONS,
  NDS_SECTION_KEYS,
  OPERATION_CODE,
  PARTIAL_INVOICE_FIELDS,
  REGISTRATION_FIELDS,
  ROOT_ELEMENT,
  SOLE_TRADER_ELEMENT,
  SOLE_TRADER_FIELDS,
  sectionByIndex,
  type BookKind,
  type FieldSpec,
  type NdsSection,
} from './structure.js';
import { convertValue, expectedValue, type FieldValue } from './values.js';

/** Thrown (as a value, not an Error) when the window ends inside an item; the reader adds bytes and retries. */
export const NEED_MORE: unknown = Object.freeze({ needMoreBytes: true });

export interface BookScannerLimits extends XmlSafetyLimits {
  /** Longest single item the scanner holds in memory: one book line with its children, or the file head. */
  maxItemBytes: number;
}

export const DEFAULT_SCANNER_LIMITS: BookScannerLimits = { ...DEFAULT_SAFETY_LIMITS, maxItemBytes: 4 * 1024 * 1024 };

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const BANG = 0x21;
const QUESTION = 0x3f;
const NEWLINE = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const DASH = 0x2d;
const DOT = 0x2e;
const RBRACKET = 0x5d;

/** Value flags: a byte ≥ 0x80 (needs the decoder) / a reference or literal whitespace (needs XML processing). */
const NON_ASCII = 1;
const SPECIAL = 2;
/** VALUE_BYTE: a byte that needs a closer look inside an attribute value (quotes, "&", "<", control bytes). */
const VALUE_STOP = 4;
const VALUE_BYTE = new Uint8Array(256).map((_, byte) =>
  byte >= 0x80 ? NON_ASCII : byte < SPACE || byte === QUOT || byte === APOS || byte === AMP || byte === LT ? VALUE_STOP : 0,
);

const EMPTY = Buffer.alloc(0);
const QUANTITY_UNIT = 10n ** 11n;
/** Quantities 0…4095 as Quantity bigints, shared: most lines carry small whole counts. */
const SMALL_QUANTITIES: readonly Quantity[] = Array.from({ length: 4096 }, (_, n) => (BigInt(n) * QUANTITY_UNIT) as Quantity);

const NO_VALUES: FieldValues = [];
/** Bytes of a canonical RNPT `10702070/010126/0000001/001`. */
const RNPT_BYTES = 27;
const FOUR_SPACES = 0x20202020;
/** readTape's "not here: let readLine read this line". */
const FALLBACK: unique symbol = Symbol('fallback');
/** After this many fast-path calls in a row without a line the fast path is tried only every FAST_RETRY_EVERY items. */
const FAST_MISS_LIMIT = 64;
const FAST_RETRY_EVERY = 256;
/** Positions of СвРегНом's attributes (structure.ts REGISTRATION_FIELDS). */
const REGISTRATION_NUMBER = 0;
const REGISTRATION_OKEI = 1;
const REGISTRATION_QUANTITY = 2;
const KOPECKS_SLOTS = 4096;

/** One element kind's attribute table: field position by name id, and which fields are mandatory. */
interface ElementFields {
  readonly fields: readonly FieldSpec[];
  readonly fieldOf: Int16Array;
  readonly required: readonly number[];
  /** Name bytes + "=" per field, to confirm a predicted attribute in one comparison. */
  readonly templates: readonly Uint8Array[];
  /** The same bytes as little-endian 32-bit words (whole words only). */
  readonly templateWords: readonly Int32Array[];
  /** The field seen at each attribute position last time (-1: unknown), the prediction for the next element. */
  readonly order: Int8Array;
  /** A text field checked on its bytes for the canonical RNPT shape (capturedCanonical), or -1. */
  readonly capture: number;
  /** readLeaf's values array, reused. */
  readonly scratch: FieldValues;
  /** Bits of the required fields (field positions are below 32). */
  readonly requiredMask: number;
  /** Per field, for the fast path: value kind (fast-lines.ts VALUE_KIND) and text length limits. */
  readonly valueKinds: Int8Array;
  readonly minLength: Int32Array;
  readonly maxLength: Int32Array;
}

const enum Phase {
  Prolog,
  InRoot,
  InDocument,
  Lines,
  AfterBook,
  AfterDocument,
  Epilog,
  Done,
}

export interface BookScannerOptions {
  file: string | undefined;
  encoding: XmlEncoding;
  /** Bytes of a byte-order mark to skip at the start. */
  bomLength: number;
  limits?: Partial<BookScannerLimits>;
  /** Default 'reject': an invalid `РегНомПросл` is an error; 'keep': the entry is kept with kind `invalid`. */
  invalidRegistrationNumbers?: InvalidRegistrationNumbers;
  /** Where the lines go (default: the model's line objects). */
  builder?: LineBuilder<unknown>;
  /** Use the WebAssembly fast path when it is built (default true; see ReadNdsOptions.fastPath). */
  fastPath?: boolean;
  /** Counts the lines read by the fast path. */
  stats?: NdsReadStats;
}

export class BookScanner {
  // ---- the byte window --------------------------------------------------------------------------------
  private buf: Buffer = EMPTY;
  /** A DataView over `buf` (reading four name bytes at once). */
  private view: DataView<ArrayBufferLike> = new DataView(EMPTY.buffer, EMPTY.byteOffset, 0);
  private pos = 0;
  private end = 0;
  /** No bytes will follow `end`. */
  private final = false;
  /** A chunk only partly copied into a bridge buffer (see `push`). */
  private pending: Buffer | undefined;
  private pendingTaken = 0;
  private splitAt = 0;
  /** Bytes of a byte-order mark, skipped in the first chunk. */
  private skipAtStart: number;
  /** No item has been read yet (an XML declaration is allowed only here). */
  private atDocumentStart = true;

  // ---- position of the last committed item -------------------------------------------------------------
  private line = 1;
  private committedPos = 0;
  private committedLine = 1;

  // ---- document state -----------------------------------------------------------------------------------
  private phase = Phase.Prolog;
  private readonly stack: string[] = [];
  private rootAttributes: Record<string, string> = {};
  private documentAttributes: Record<string, string> = {};
  private bookName: string | undefined;
  private bookAttributes: Record<string, string> | undefined;
  /** Set once the head is read: section, line element, rules. */
  private section: NdsSection | undefined;
  private book: BookKind = 'sales';
  private lineId = -1;
  private bookId = -1;
  private lineOrdinal = 0;
  /** Where in the current line (for error paths): inside a line, which child (name id, 1-based index), grandchild. */
  private inLine = false;
  private childId = -1;
  private childIndex = 0;
  private grandchildId = -1;
  private unknownChild: string | undefined;
  private headerValue: NdsSectionHeader | undefined;

  // ---- tables -------------------------------------------------------------------------------------------
  private readonly file: string | undefined;
  private readonly encoding: XmlEncoding;
  private readonly limits: BookScannerLimits;
  private readonly keepInvalidNumbers: boolean;
  private readonly fastPath: boolean;
  private readonly stats: NdsReadStats | undefined;
  readonly builder: LineBuilder<unknown>;
  /** The builder takes amounts and quantities as plain numbers (see LineBuilder.numeric). */
  private readonly numeric: boolean;
  // ---- children of the current line (counts for paths and rules) ----
  private operationCodeCount = 0;
  private registrationCount = 0;
  private paymentCount = 0;
  private partialInvoiceCount = 0;
  private counterpartyCount = 0;
  private hasIntermediary = false;
  /** Set by readCounterparty: the party is an organisation (СведЮЛ), not a sole trader (СведИП). */
  private counterpartyLegal = false;
  private readonly names: NameTable;
  /** The encoded bytes of each name, by id. */
  private readonly nameBytes: readonly Uint8Array[];
  /** readName's cache: 1024 slots of (first four bytes, next four bytes, name id). */
  private readonly nameCache = new Int32Array(1024 * 3);
  private readonly decoder: SpanDecoder;
  private readonly classifier = new RegistrationNumberClassifier();
  private readonly interner = new AsciiInterner();
  private readonly rootId: number;
  private readonly documentId: number;
  private readonly legalEntityId: number;
  private readonly soleTraderId: number;
  private readonly lineFieldsByBook: Record<BookKind, ElementFields>;
  private readonly paymentFieldsByBook: Record<BookKind, ElementFields>;
  private readonly registrationFields: ElementFields;
  private readonly partialInvoiceFields: ElementFields;
  private readonly legalEntityFields: ElementFields;
  private readonly soleTraderFields: ElementFields;
  private readonly noFields: ElementFields;
  private readonly rolesByBook: Record<BookKind, Int8Array>;
  private lineFields: ElementFields;
  private roles: Int8Array;
  /** bigKopecks' cache (NaN: empty slot). */
  private readonly kopecksKeys = new Float64Array(KOPECKS_SLOTS).fill(Number.NaN);
  private readonly kopecksValues: bigint[] = new Array<bigint>(KOPECKS_SLOTS).fill(0n);
  /** CalendarDate strings by day, for 1900–2099 (a quarter's file uses about a hundred of them). */
  private readonly dates: (CalendarDate | undefined)[] = new Array<CalendarDate | undefined>(200 * 12 * 31).fill(undefined);

  // ---- the last name / value read ------------------------------------------------------------------------
  private nameStart = 0;
  private nameEnd = 0;
  private valueStart = 0;
  private valueEnd = 0;
  private valueFlags = 0;
  /** The captured value is a canonical RNPT (checked on its bytes while reading it). */
  private capturedCanonical = false;

  /** The WebAssembly fast path for the lines (fast-lines.ts), once the book is known; undefined without it. */
  private fast: FastBookLines | undefined;
  /** Changes whenever `buf` holds other bytes (the fast path copies each window once). */
  private windowGeneration = 0;
  /** Fast-path calls in a row that read no line: lines of another shape; past a limit the fast path rests. */
  private fastMisses = 0;
  /** The record after the last line readTape committed (where the unread part of the tape starts). */
  private tapeResume = 0;
  /** The lines of the current chunk tokenised ahead by the worker (fast-lines-ahead.ts), if any. */
  private ahead: WindowTapes | undefined;
  /** The chunk those tapes belong to, as the scanner holds it (they apply while it is the window). */
  private aheadWindow: Buffer | undefined;

  constructor(options: BookScannerOptions) {
    this.file = options.file;
    this.encoding = options.encoding;
    this.limits = { ...DEFAULT_SCANNER_LIMITS, ...options.limits };
    this.keepInvalidNumbers = options.invalidRegistrationNumbers === 'keep';
    this.fastPath = options.fastPath ?? true;
    this.stats = options.stats;
    this.builder = options.builder ?? new ObjectLineBuilder();
    this.numeric = this.builder.numeric;
    this.decoder = new SpanDecoder(options.encoding);
    this.skipAtStart = options.bomLength;

    const sections = NDS_SECTION_KEYS.map((key) => NDS_SECTIONS[key]);
    const allFields = [
      ...LINE_CHILDREN.purchase.lineFields,
      ...LINE_CHILDREN.sales.lineFields,
      ...LINE_CHILDREN.purchase.paymentFields,
      ...LINE_CHILDREN.sales.paymentFields,
      ...REGISTRATION_FIELDS,
      ...PARTIAL_INVOICE_FIELDS,
      ...LEGAL_ENTITY_FIELDS,
      ...SOLE_TRADER_FIELDS,
    ];
    this.names = new NameTable(
      [
        ROOT_ELEMENT,
        DOCUMENT_ELEMENT,
        ...sections.flatMap((section) => [section.book, section.line]),
        ...childNames('purchase'),
        ...childNames('sales'),
        LEGAL_ENTITY_ELEMENT,
        SOLE_TRADER_ELEMENT,
        ...allFields.map((field) => field.name),
      ],
      options.encoding,
    );
    this.nameBytes = this.names.names.map((name) => encodeXml(name, options.encoding));
    this.rootId = this.names.idOf(ROOT_ELEMENT);
    this.documentId = this.names.idOf(DOCUMENT_ELEMENT);
    this.legalEntityId = this.names.idOf(LEGAL_ENTITY_ELEMENT);
    this.soleTraderId = this.names.idOf(SOLE_TRADER_ELEMENT);
    this.lineFieldsByBook = { purchase: this.elementFields(LINE_CHILDREN.purchase.lineFields), sales: this.elementFields(LINE_CHILDREN.sales.lineFields) };
    this.paymentFieldsByBook = {
      purchase: this.elementFields(LINE_CHILDREN.purchase.paymentFields),
      sales: this.elementFields(LINE_CHILDREN.sales.paymentFields),
    };
    this.registrationFields = this.elementFields(REGISTRATION_FIELDS);
    this.partialInvoiceFields = this.elementFields(PARTIAL_INVOICE_FIELDS);
    this.legalEntityFields = this.elementFields(LEGAL_ENTITY_FIELDS);
    this.soleTraderFields = this.elementFields(SOLE_TRADER_FIELDS);
    this.noFields = this.elementFields([]);
    this.rolesByBook = { purchase: this.roleTable('purchase'), sales: this.roleTable('sales') };
    this.lineFields = this.lineFieldsByBook.sales;
    this.roles = this.rolesByBook.sales;
  }

  private elementFields(fields: readonly FieldSpec[]): ElementFields {
    const fieldOf = new Int16Array(this.names.names.length).fill(-1);
    fields.forEach((field, index) => {
      fieldOf[this.names.idOf(field.name)] = index;
    });
    const required = fields.flatMap((field, index) => (field.required ? [index] : []));
    const templates = fields.map((field) => encodeXml(`${field.name}=`, this.encoding));
    const templateWords = templates.map((bytes) => {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return Int32Array.from({ length: Math.floor(bytes.length / 4) }, (_, index) => view.getInt32(index * 4, true));
    });
    return {
      fields,
      fieldOf,
      required,
      templates,
      templateWords,
      order: new Int8Array(64).fill(-1),
      capture: fields === REGISTRATION_FIELDS ? 0 : -1,
      scratch: newValues(fields.length),
      requiredMask: required.reduce((mask, field) => mask | (1 << field), 0),
      valueKinds: Int8Array.from(fields, valueKindOf),
      minLength: Int32Array.from(fields, (spec) => spec.min ?? 1),
      maxLength: Int32Array.from(fields, (spec) => spec.max ?? 0x7fffffff),
    };
  }

  private roleTable(book: BookKind): Int8Array {
    return Int8Array.from(this.names.names, (name) => ROLE_CODES[childRole(book, name) ?? 'none']);
  }

  // ===================================================================================================
  // Window management
  // ===================================================================================================

  /**
   * Adds the next bytes of the file, with the tapes of its lines when a worker tokenised them ahead
   * (fast-lines-ahead.ts).
   */
  push(chunk: Uint8Array, tapes?: WindowTapes): void {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.pending !== undefined) throw developerError('push() while a chunk is still pending');
    // The previous chunk is still intact here: what its tapes held that was not read fills its interning slots.
    if (this.ahead !== undefined) this.ahead.drain(this.aheadWindow as Buffer);
    this.ahead = tapes;
    this.aheadWindow = tapes === undefined ? undefined : bytes;
    const tail = this.end - this.committedPos;
    if (tail <= 0) {
      // Nothing left over (at the very start: skip the byte-order mark).
      this.buf = bytes;
      this.windowGeneration++;
      this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
      this.pos = this.skipAtStart;
      this.committedPos = this.skipAtStart;
      this.skipAtStart = 0;
      this.end = bytes.length;
      return;
    }
    if (tail > this.limits.maxItemBytes) throw this.itemTooLarge();
    // Bridge: the unfinished tail plus the beginning of the chunk, so the big chunk itself is never copied.
    const take = Math.min(bytes.length, Math.max(64 * 1024, tail * 2));
    this.bridge(this.buf.subarray(this.committedPos, this.end), bytes, take);
  }

  private bridge(tail: Uint8Array, chunk: Buffer, take: number): void {
    const bridge = Buffer.allocUnsafe(tail.length + take);
    bridge.set(tail, 0);
    bridge.set(chunk.subarray(0, take), tail.length);
    this.buf = bridge;
    this.windowGeneration++;
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.pos = 0;
    this.committedPos = 0;
    this.end = bridge.length;
    if (take < chunk.length) {
      this.pending = chunk;
      this.pendingTaken = take;
      this.splitAt = tail.length;
    } else {
      this.pending = undefined;
    }
  }

  /** After NEED_MORE: true when bytes were added from the pending chunk; false when the reader must push. */
  extend(): boolean {
    const pending = this.pending;
    if (pending === undefined) return false;
    const tail = this.buf.subarray(this.committedPos, this.end);
    if (tail.length > this.limits.maxItemBytes) throw this.itemTooLarge();
    const taken = this.pendingTaken;
    const more = Math.min(pending.length - taken, Math.max(64 * 1024, tail.length * 2));
    const bridge = Buffer.allocUnsafe(tail.length + more);
    bridge.set(tail, 0);
    bridge.set(pending.subarray(taken, taken + more), tail.length);
    // pending[0] sat at splitAt; everything before committedPos is dropped.
    this.splitAt -= this.committedPos;
    this.buf = bridge;
    this.windowGeneration++;
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    this.pos = 0;
    this.committedPos = 0;
    this.end = bridge.length;
    this.pendingTaken = taken + more;
    if (this.pendingTaken >= pending.length) this.pending = undefined;
    return true;
  }

  /** The source has ended. */
  finish(): void {
    this.final = true;
  }

  /** Once an item is committed past the bridge, continue in the pending chunk itself. */
  private settle(): void {
    const pending = this.pending;
    if (pending !== undefined && this.committedPos >= this.splitAt) {
      const offset = this.committedPos - this.splitAt;
      this.buf = pending;
      this.windowGeneration++;
      this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
      this.pos = offset;
      this.committedPos = offset;
      this.end = pending.length;
      this.pending = undefined;
    }
  }

  private commit(): void {
    this.atDocumentStart = false;
    this.committedPos = this.pos;
    this.committedLine = this.line;
    if (this.pending !== undefined) this.settle();
  }

  /** Back to the last committed item (after NEED_MORE). */
  rewind(): void {
    this.pos = this.committedPos;
    this.line = this.committedLine;
  }

  /** Needed when the window is exhausted: wait for bytes, or the file is truncated. */
  private more(): never {
    if (!this.final) throw NEED_MORE;
    // The file ends here: report its last line (counted from the last complete item).
    let line = this.committedLine;
    for (let i = this.buf.indexOf(NEWLINE, this.committedPos); i >= 0 && i < this.end; i = this.buf.indexOf(NEWLINE, i + 1)) line++;
    this.line = line;
    throw this.error(
      'XML_TRUNCATED',
      `The file ends inside ${this.inLine || this.stack.length > 0 ? `element ${this.path() ?? ''}` : 'markup'}: it is truncated`,
      'файл обрывается до конца документа (обрезан при передаче или записи). Получите файл заново',
    );
  }

  // ===================================================================================================
  // Driving
  // ===================================================================================================

  get done(): boolean {
    return this.phase === Phase.Done;
  }

  get header(): NdsSectionHeader | undefined {
    return this.headerValue;
  }

  /**
   * Once the header is read: the fast path of this book and "<" + its line element's name in the file's
   * encoding, for a worker that tokenises chunks ahead (fast-lines-ahead.ts); undefined without a fast path.
   */
  get linesAheadGrammar(): { readonly fast: FastBookLines; readonly lineTag: Uint8Array } | undefined {
    if (this.fast === undefined || this.section === undefined) return undefined;
    return { fast: this.fast, lineTag: encodeXml(`<${NDS_SECTIONS[this.section].line}`, this.encoding) };
  }

  /**
   * Scans as far as the window allows and returns when the header has just become known, when `out` holds
   * `maxLines` lines, or at the end of the document. Throws NEED_MORE (after rewinding to the last complete
   * item) when bytes are needed; lines already in `out` are complete.
   */
  run(maxLines: number): void {
    try {
      while (this.phase !== Phase.Done) {
        if (this.phase === Phase.Lines) {
          this.scanLines(maxLines);
          if (this.builder.count >= maxLines) return;
        } else {
          const hadHeader = this.headerValue !== undefined;
          this.step();
          if (!hadHeader && this.headerValue !== undefined) return;
        }
      }
    } catch (caught) {
      if (caught === NEED_MORE) this.rewind();
      throw caught;
    }
  }

  /** One item outside the lines: prolog, head start tags, end tags, comments, unknown elements. */
  private step(): void {
    const atEnd = this.pos >= this.end;
    if (atEnd && this.final) {
      if (this.phase === Phase.Epilog) {
        this.phase = Phase.Done;
        return;
      }
      if (this.phase === Phase.Prolog) {
        throw this.error('XML_TRUNCATED', this.pos === 0 ? 'The file is empty' : 'The file has no root element', this.pos === 0 ? 'файл пуст' : 'в файле нет ни одного XML-элемента — файл обрезан или это не XML');
      }
      this.more();
    }
    if (atEnd) throw NEED_MORE;
    if (this.buf[this.pos] !== LT) {
      this.skipCharacterData(this.phase === Phase.Prolog || this.phase === Phase.Epilog);
      this.commit();
      return;
    }
    this.need(1);
    const next = this.buf[this.pos + 1] as number;
    if (next === QUESTION) {
      this.skipProcessingInstruction();
    } else if (next === BANG) {
      this.skipDeclarationOrComment(false);
    } else if (next === SLASH) {
      this.endTagOutsideLines();
    } else {
      this.startTagOutsideLines();
    }
    this.commit();
  }

  private startTagOutsideLines(): void {
    this.pos++;
    const id = this.readName();
    const name = this.lastName();
    switch (this.phase) {
      case Phase.Prolog: {
        if (id !== this.rootId) {
          throw this.error('XML_WRONG_ROOT', `The root element is <${name}>, not <Файл>: not an ФНС exchange file`,
            `корневой элемент <${name}>, а в файлах обмена ФНС он называется <Файл>. Это не раздел декларации по НДС`, undefined, { root: name });
        }
        this.stack.push(name);
        const { attributes, empty } = this.readGenericAttributes();
        this.rootAttributes = attributes;
        if (empty) throw this.missingElement(DOCUMENT_ELEMENT);
        this.phase = Phase.InRoot;
        return;
      }
      case Phase.InRoot:
        if (id === this.documentId) {
          this.stack.push(name);
          const { attributes, empty } = this.readGenericAttributes();
          this.documentAttributes = attributes;
          // Another section or journal (10, 11, 12…): say so now, not after skipping a gigabyte.
          const index = attributes['Индекс'];
          if (index !== undefined && sectionByIndex(index) === undefined) resolveSection({ root: {}, document: attributes, bookName: undefined, book: undefined }, this.file, this.line);
          if (empty) {
            this.stack.pop();
            this.completeHeader();
            this.phase = Phase.AfterDocument;
          } else {
            this.phase = Phase.InDocument;
          }
          return;
        }
        this.skipElementRest();
        return;
      case Phase.InDocument: {
        const section = sectionByBookElement(name);
        if (section !== undefined) {
          this.stack.push(name);
          const { attributes, empty } = this.readGenericAttributes();
          this.bookName = name;
          this.bookAttributes = attributes;
          this.completeHeader();
          if (empty) {
            this.stack.pop();
            this.phase = Phase.AfterBook;
          } else {
            this.phase = Phase.Lines;
          }
          return;
        }
        this.skipElementRest();
        return;
      }
      case Phase.Epilog:
        throw this.malformed('a second root element after the document ended', 'после конца документа начинается второй корневой элемент');
      default:
        this.skipElementRest();
    }
  }

  private endTagOutsideLines(): void {
    this.pos += 2;
    this.readName();
    const name = this.lastName();
    this.closeTag();
    const open = this.stack[this.stack.length - 1];
    if (open !== name || this.phase === Phase.Prolog || this.phase === Phase.Epilog) {
      throw this.malformed(`end tag </${name}> does not match <${open ?? ''}>`, `закрывающий тег </${name}> не соответствует открытому <${open ?? ''}>`);
    }
    this.stack.pop();
    switch (this.phase) {
      case Phase.InRoot:
        throw this.missingElement(DOCUMENT_ELEMENT);
      case Phase.InDocument:
        this.completeHeader();
        this.phase = Phase.AfterDocument;
        return;
      case Phase.AfterBook:
        this.phase = Phase.AfterDocument;
        return;
      case Phase.AfterDocument:
        this.phase = Phase.Epilog;
        return;
      default:
        return;
    }
  }

  private completeHeader(): void {
    const head: HeadAttributes = { root: this.rootAttributes, document: this.documentAttributes, bookName: this.bookName, book: this.bookAttributes };
    const section = resolveSection(head, this.file, this.line);
    const spec = NDS_SECTIONS[section];
    this.section = section;
    this.book = spec.lines;
    this.lineId = this.names.idOf(spec.line);
    this.bookId = this.names.idOf(spec.book);
    this.lineFields = this.lineFieldsByBook[this.book];
    this.roles = this.rolesByBook[this.book];
    this.headerValue = buildSectionHeader(head, section, this.encoding, this.file);
    this.fast = !this.fastPath ? undefined : FastBookLines.create({
      encoding: this.encoding,
      line: spec.line,
      lineFields: this.lineFields.fields,
      children: childNames(this.book).map((name) => [name, childRole(this.book, name)] as const),
      registrationFields: this.registrationFields.fields,
      legalEntityFields: this.legalEntityFields.fields,
      soleTraderFields: this.soleTraderFields.fields,
      paymentFields: this.paymentFieldsByBook[this.book].fields,
      partialInvoiceFields: this.partialInvoiceFields.fields,
    });
  }

  // ===================================================================================================
  // The lines (hot path)
  // ===================================================================================================

  private scanLines(maxLines: number): void {
    for (;;) {
      // The fast path reads the lines of the usual shape; this loop reads one item of any other (and bridges:
      // committing there may switch to the pending chunk under the fast path's positions).
      if (this.fast !== undefined && this.pending === undefined && this.fastLines(maxLines)) return;
      this.skipSpaceAllowEnd();
      if (this.pos >= this.end) this.more();
      const buf = this.buf;
      if (buf[this.pos] !== LT) {
        this.skipCharacterData(false);
        this.commit();
        continue;
      }
      this.need(1);
      const next = buf[this.pos + 1] as number;
      if (next === SLASH) {
        this.pos += 2;
        const id = this.readName();
        this.closeTag();
        if (id !== this.bookId || this.lastName() !== this.stack[this.stack.length - 1]) {
          throw this.malformed(`end tag </${this.lastName()}> does not match <${this.stack[this.stack.length - 1] ?? ''}>`,
            `закрывающий тег </${this.lastName()}> не соответствует открытому <${this.stack[this.stack.length - 1] ?? ''}>`);
        }
        this.stack.pop();
        this.phase = Phase.AfterBook;
        this.commit();
        return;
      }
      if (next === BANG) {
        this.skipDeclarationOrComment(false);
        this.commit();
        continue;
      }
      if (next === QUESTION) {
        this.skipProcessingInstruction();
        this.commit();
        continue;
      }
      this.pos++;
      const id = this.readName();
      if (id === this.lineId) {
        this.lineOrdinal++;
        this.inLine = true;
        try {
          this.readLine();
        } catch (caught) {
          if (caught === NEED_MORE) this.lineOrdinal--;
          throw caught;
        }
        this.inLine = false;
      } else {
        this.skipElementRest();
      }
      this.commit();
      if (this.builder.count >= maxLines) return;
    }
  }

  private readLine(): void {
    this.enterChild(-1, 0);
    // A fresh array: the column builder keeps it as the line's values.
    const values = newValues(this.lineFields.fields.length);
    const empty = this.readFields(this.lineFields, values);
    this.builder.beginLine();
    this.operationCodeCount = 0;
    this.registrationCount = 0;
    this.paymentCount = 0;
    this.partialInvoiceCount = 0;
    this.counterpartyCount = 0;
    this.hasIntermediary = false;
    if (!empty) this.readLineChildren();
    this.enterChild(-1, 0);
    if (this.operationCodeCount === 0) {
      throw this.error('XML_REQUIRED_MISSING', 'Required element КодВидОпер is missing',
        'нет обязательного элемента КодВидОпер (код вида операции). Файл составлен с ошибкой; запросите исправленный', undefined, { element: 'КодВидОпер' });
    }
    this.builder.endLine(this.book, values);
  }

  private enterChild(id: number, index: number): void {
    this.childId = id;
    this.childIndex = index;
    this.grandchildId = -1;
    this.unknownChild = undefined;
  }

  private readLineChildren(): void {
    const buf = this.buf;
    const builder = this.builder;
    for (;;) {
      this.skipSpaceAllowEnd();
      if (this.pos >= this.end) this.more();
      if (buf[this.pos] !== LT) {
        this.skipCharacterData(false);
        continue;
      }
      this.need(1);
      const next = buf[this.pos + 1] as number;
      if (next === SLASH) {
        this.pos += 2;
        const id = this.readName();
        this.closeTag();
        if (id !== this.lineId) throw this.mismatchedEnd(this.names.names[this.lineId] ?? '');
        return;
      }
      if (next === BANG) {
        this.skipDeclarationOrComment(false);
        continue;
      }
      if (next === QUESTION) {
        this.skipProcessingInstruction();
        continue;
      }
      this.pos++;
      const id = this.readName();
      switch (id < 0 ? ROLE_NONE : (this.roles[id] as number)) {
        case ROLE_OPERATION_CODE:
          this.enterChild(id, 0);
          builder.operationCode(this.readSimpleElement(id, OPERATION_CODE) as string);
          this.operationCodeCount++;
          break;
        case ROLE_GOODS_CODE:
          this.enterChild(id, 0);
          builder.goodsCode(this.readSimpleElement(id, GOODS_CODE) as string);
          break;
        case ROLE_ACCOUNTING_DATE:
          this.enterChild(id, 0);
          builder.accountingDate(this.readSimpleElement(id, ACCOUNTING_DATE) as CalendarDate);
          break;
        case ROLE_REGISTRATION:
          this.enterChild(id, ++this.registrationCount);
          this.readRegistration(id);
          break;
        case ROLE_PAYMENT:
          this.enterChild(id, ++this.paymentCount);
          builder.payment(this.book, this.readLeaf(id, this.paymentFieldsByBook[this.book]));
          break;
        case ROLE_PARTIAL_INVOICE:
          this.enterChild(id, ++this.partialInvoiceCount);
          builder.partialInvoice(this.readLeaf(id, this.partialInvoiceFields));
          break;
        case ROLE_COUNTERPARTY: {
          this.enterChild(id, ++this.counterpartyCount);
          const values = this.readCounterparty(id);
          builder.counterparty(this.counterpartyLegal, values);
          break;
        }
        case ROLE_INTERMEDIARY: {
          this.enterChild(id, 0);
          if (this.hasIntermediary) {
            throw this.malformed(`element ${this.names.names[id] ?? ''} occurs more than once in a line`, `элемент ${this.names.names[id] ?? ''} повторяется в строке, а допускается один`);
          }
          this.hasIntermediary = true;
          const values = this.readCounterparty(id);
          builder.intermediary(this.counterpartyLegal, values);
          break;
        }
        default:
          this.enterChild(-1, 0);
          this.unknownChild = this.lastName();
          this.skipElementRest();
      }
    }
  }

  private readRegistration(id: number): void {
    this.capturedCanonical = false;
    const values = this.readLeaf(id, this.registrationFields);
    const text = values[0] as string;
    const quantity = values[2];
    const cost = values[3];
    // The canonical RNPT (nearly every value) is recognised on the bytes just read; the rest goes to the core.
    if (this.capturedCanonical) {
      this.builder.registration(text, 'rnpt', text, values[1] as string | undefined, quantity, cost);
      return;
    }
    const classified = this.classifier.classify(text);
    if ('code' in classified) {
      if (!this.keepInvalidNumbers) throw this.invalidRegistrationNumber(text, classified);
      this.builder.registration(text, 'invalid', text, values[1] as string | undefined, quantity, cost);
      return;
    }
    this.builder.registration(text, classified.kind, classified.number, values[1] as string | undefined, quantity, cost);
  }

  /** СвПрод / СвПокуп / СвПос: exactly one СведЮЛ or СведИП inside; its values (counterpartyLegal says which). */
  private readCounterparty(ownerId: number): FieldValues {
    if (this.readFields(this.noFields, NO_VALUES)) throw this.missingCounterparty();
    const buf = this.buf;
    let found: FieldValues | undefined;
    for (;;) {
      this.skipSpaceAllowEnd();
      if (this.pos >= this.end) this.more();
      if (buf[this.pos] !== LT) {
        this.skipCharacterData(false);
        continue;
      }
      this.need(1);
      const next = buf[this.pos + 1] as number;
      if (next === SLASH) {
        this.pos += 2;
        const id = this.readName();
        this.closeTag();
        if (id !== ownerId) throw this.mismatchedEnd(this.names.names[ownerId] ?? '');
        return found ?? this.missingCounterparty();
      }
      if (next === BANG) {
        this.skipDeclarationOrComment(false);
        continue;
      }
      if (next === QUESTION) {
        this.skipProcessingInstruction();
        continue;
      }
      this.pos++;
      const id = this.readName();
      if (id === this.legalEntityId || id === this.soleTraderId) {
        this.grandchildId = id;
        if (found !== undefined) {
          throw this.malformed('more than one СведЮЛ/СведИП in one counterparty', 'в сведениях о контрагенте больше одного элемента СведЮЛ/СведИП, а допускается один');
        }
        this.counterpartyLegal = id === this.legalEntityId;
        found = this.counterpartyLegal ? this.readLeaf(id, this.legalEntityFields) : this.readLeaf(id, this.soleTraderFields);
        this.grandchildId = -1;
      } else {
        this.skipElementRest();
      }
    }
  }

  private missingCounterparty(): never {
    throw this.error('XML_REQUIRED_MISSING', 'One of the elements СведЮЛ | СведИП is required', 'нет ни СведЮЛ, ни СведИП — нужен один из них', undefined, { expected: ['СведЮЛ', 'СведИП'] });
  }

  /** An element with attributes only (СвРегНом, ДокПдтв…, СведЮЛ…): returns its values (a shared array). */
  /**
   * An element with attributes only: its values in the element kind's scratch array, valid until the next
   * element of that kind — every builder copies them at once (into an entry, a counterparty, the columns).
   */
  private readLeaf(id: number, element: ElementFields): FieldValues {
    const values = element.scratch;
    for (let i = 0; i < values.length; i++) values[i] = undefined;
    if (!this.readFields(element, values)) this.readEmptyContent(id);
    return values;
  }

  /** Content of an element that may hold only whitespace, comments and PIs, then its end tag. */
  private readEmptyContent(id: number): void {
    const buf = this.buf;
    for (;;) {
      this.skipSpaceAllowEnd();
      if (this.pos >= this.end) this.more();
      if (buf[this.pos] !== LT) {
        throw this.malformed(`element ${this.names.names[id] ?? ''} must not contain text`, `элемент ${this.names.names[id] ?? ''} не должен содержать текста`);
      }
      this.need(1);
      const next = buf[this.pos + 1] as number;
      if (next === SLASH) {
        this.pos += 2;
        const endId = this.readName();
        this.closeTag();
        if (endId !== id) throw this.mismatchedEnd(this.names.names[id] ?? '');
        return;
      }
      if (next === BANG) this.skipDeclarationOrComment(false);
      else if (next === QUESTION) this.skipProcessingInstruction();
      else throw this.malformed(`element ${this.names.names[id] ?? ''} must not contain elements`, `элемент ${this.names.names[id] ?? ''} не должен содержать вложенных элементов`);
    }
  }

  /** A simple element (КодВидОпер, КодВидТовар, ДатаУчТов): its text converted by `spec`. */
  private readSimpleElement(id: number, spec: FieldSpec): FieldValue {
    const empty = this.readFields(this.noFields, NO_VALUES);
    let text = '';
    let fast = true;
    let start = this.pos;
    let stop = this.pos;
    let flags = 0;
    if (!empty) {
      const buf = this.buf;
      for (;;) {
        start = this.pos;
        flags = this.scanCharacters();
        stop = this.pos;
        this.need(1);
        const next = buf[this.pos + 1] as number;
        if (next === SLASH) {
          if (!fast) text += this.decodeText(start, stop, flags);
          this.pos += 2;
          const endId = this.readName();
          this.closeTag();
          if (endId !== id) throw this.mismatchedEnd(this.names.names[id] ?? '');
          break;
        }
        // Comment, CDATA or PI inside the text: collect pieces.
        text += this.decodeText(start, stop, flags);
        fast = false;
        if (next === BANG) text += this.skipDeclarationOrComment(true);
        else if (next === QUESTION) this.skipProcessingInstruction();
        else throw this.malformed(`element ${this.names.names[id] ?? ''} must contain text only`, `элемент ${this.names.names[id] ?? ''} должен содержать только текст`);
      }
    }
    if (fast) {
      if (start === stop) return this.emptySimple(id);
      if (flags === 0) {
        const quick = this.quickValue(spec, start, stop);
        if (quick !== undefined) return quick;
      }
      text = this.decodeText(start, stop, flags);
    }
    if (text === '') return this.emptySimple(id);
    const value = convertValue(spec, text);
    if (value === undefined) throw this.invalidValue(spec, text, undefined);
    return value;
  }

  private emptySimple(id: number): never {
    const name = this.names.names[id] ?? '';
    throw this.error('XML_REQUIRED_MISSING', `Element ${name} is empty`, `элемент ${name} пуст, а должен содержать значение`);
  }

  // ===================================================================================================
  // Attributes
  // ===================================================================================================

  /** Reads a start tag's attributes into `values` (pos after the name); true for an empty-element tag. */
  private readFields(element: ElementFields, values: FieldValues): boolean {
    // One loop with local positions: whitespace, name (trie steps), "=", quoted value — the hottest code.
    const buf = this.buf;
    const end = this.end;
    const { next, byteClass, classCount, idAt } = this.names;
    const { fieldOf, fields, order, templates, templateWords } = element;
    const view = this.view;
    const maxValue = this.limits.maxAttributeValueBytes;
    let p = this.pos;
    let lines = 0;
    let seen = 0;
    /** Fields with a value (an empty value is seen but not defined). */
    let defined = 0;
    let position = 0;
    let unknown: string[] | undefined;
    let empty = false;
    for (;;) {
      let spaced = false;
      let byte: number;
      for (;;) {
        if (p >= end) this.more();
        byte = buf[p] as number;
        if (byte === SPACE || byte === TAB || byte === CR) spaced = true;
        else if (byte === NEWLINE) {
          spaced = true;
          lines++;
        } else break;
        p++;
      }
      if (byte === GT) {
        p++;
        break;
      }
      if (byte === SLASH) {
        if (p + 1 >= end) this.more();
        if (buf[p + 1] !== GT) throw this.malformedAt(p, lines, '"/" inside a start tag must be followed by ">"', 'после «/» в теге ожидается «>»');
        p += 2;
        empty = true;
        break;
      }
      if (!spaced) throw this.malformedAt(p, lines, 'attributes must be separated by whitespace', 'атрибуты должны разделяться пробелом');
      // Attribute name: first try the name this position had last time (files repeat one attribute order on
      // millions of lines: one comparison per byte), else recognise it with the trie.
      const nameStart = p;
      let field = -1;
      const guess = order[position] as number;
      if (guess >= 0) {
        const template = templates[guess] as Uint8Array;
        const words = templateWords[guess] as Int32Array;
        const length = template.length;
        if (p + length < end) {
          // Four bytes at a time, then the tail byte by byte.
          let i = 0;
          for (let w = 0; w < words.length && view.getInt32(p + i, true) === words[w]; w++) i += 4;
          if (i === words.length * 4) while (i < length && buf[p + i] === template[i]) i++;
          if (i === length) {
            byte = buf[p + length] as number;
            if (byte === QUOT || byte === APOS) {
              field = guess;
              this.nameEnd = p + length - 1;
              p += length;
            }
          }
        }
      }
      if (field < 0) {
        let state = 1;
        for (;;) {
          if (p >= end) this.more();
          const column = byteClass[buf[p] as number] as number;
          if (column >= NAME_END) {
            if (column === NAME_FORBIDDEN) throw this.malformedAt(p, lines, 'unexpected character in a name', 'недопустимый символ в имени атрибута');
            break;
          }
          state = next[state * classCount + column] as number;
          p++;
        }
        if (p === nameStart) throw this.malformedAt(p, lines, 'an attribute name was expected', 'ожидается имя атрибута');
        if (p - nameStart > this.limits.maxNameBytes) {
          this.pos = p;
          throw this.nameTooLong();
        }
        this.nameEnd = p;
        const id = idAt[state] as number;
        field = id < 0 ? -1 : (fieldOf[id] as number);
        if (position < order.length) order[position] = field;
        // "=" and the opening quote, with optional whitespace around "=".
        for (;;) {
          if (p >= end) this.more();
          byte = buf[p] as number;
          if (byte === NEWLINE) lines++;
          else if (byte !== SPACE && byte !== TAB && byte !== CR) break;
          p++;
        }
        if (byte !== EQUALS) throw this.malformedAt(p, lines, 'attribute without "="', 'после имени атрибута ожидается «=»');
        p++;
        for (;;) {
          if (p >= end) this.more();
          byte = buf[p] as number;
          if (byte === NEWLINE) lines++;
          else if (byte !== SPACE && byte !== TAB && byte !== CR) break;
          p++;
        }
        if (byte !== QUOT && byte !== APOS) throw this.malformedAt(p, lines, 'attribute value must be quoted', 'значение атрибута должно быть в кавычках');
      }
      this.nameStart = nameStart;
      position++;
      const quote = byte;
      const valueStart = ++p;
      if (field >= 0) {
        // Numbers and dates in their usual shape are parsed while looking for the closing quote (one pass).
        const value = this.numberOrDate(fields[field] as FieldSpec, valueStart, quote);
        if (value !== undefined) {
          const bit = 1 << field;
          if ((seen & bit) !== 0) throw this.duplicateAttribute((fields[field] as FieldSpec).name);
          seen |= bit;
          defined |= bit;
          values[field] = value;
          p = this.valueEnd + 1;
          continue;
        }
      }
      let flags = 0;
      if (field === element.capture && valueStart + RNPT_BYTES < end && buf[valueStart + RNPT_BYTES] === quote && isCanonicalRnptBytes(buf, valueStart, valueStart + RNPT_BYTES)) {
        // A canonical RNPT (digits and "/" only, nearly every value): the generic scan below has nothing to find.
        p = valueStart + RNPT_BYTES;
        this.capturedCanonical = true;
      } else for (;;) {
        if (p >= end) {
          if (p - valueStart > maxValue) throw this.valueTooLong(p - valueStart);
          this.more();
        }
        byte = buf[p] as number;
        // One table load per byte: 0 plain ASCII, NON_ASCII, or VALUE_STOP for quotes and markup characters.
        const byteKind = VALUE_BYTE[byte] as number;
        if (byteKind !== 0) {
          if (byteKind !== VALUE_STOP) flags |= byteKind;
          else if (byte === quote) break;
          else if (byte === AMP) flags |= SPECIAL;
          else if (byte === LT) throw this.malformedAt(p, lines, '"<" inside an attribute value', 'символ «<» внутри значения атрибута');
          else if (byte < SPACE) {
            if (byte === NEWLINE) lines++;
            else if (byte !== TAB && byte !== CR) throw this.badCharacter(byte);
            flags |= SPECIAL;
          }
        }
        p++;
      }
      if (p - valueStart > maxValue) throw this.valueTooLong(p - valueStart);
      this.valueStart = valueStart;
      this.valueEnd = p;
      this.valueFlags = flags;
      p++;
      if (field >= 0) {
        const bit = 1 << field;
        if ((seen & bit) !== 0) throw this.duplicateAttribute((fields[field] as FieldSpec).name);
        seen |= bit;
        this.line += lines;
        lines = 0;
        const value = this.convertAttribute(fields[field] as FieldSpec);
        if (value !== undefined) defined |= bit;
        values[field] = value;
      } else {
        // Unknown attribute: checked (references, duplicates) and ignored.
        const name = this.decoder.plain(buf, nameStart, this.nameEnd, true);
        unknown ??= [];
        if (unknown.includes(name)) throw this.duplicateAttribute(name);
        unknown.push(name);
        if ((flags & SPECIAL) !== 0) this.attributeText(name);
      }
    }
    this.pos = p;
    this.line += lines;
    if ((defined & element.requiredMask) === element.requiredMask) return empty;
    const required = element.required;
    for (let i = 0; i < required.length; i++) {
      const field = required[i] as number;
      if (values[field] === undefined) {
        const name = (fields[field] as FieldSpec).name;
        throw this.error('XML_REQUIRED_MISSING', `Required attribute ${name} is missing`,
          `нет обязательного атрибута ${name}. Файл составлен с ошибкой; запросите исправленный`, name);
      }
    }
    return empty;
  }

  /** A malformed-XML error at a position the caller kept in locals. */
  private malformedAt(p: number, lines: number, message: string, messageRu: string): SledopytError {
    this.pos = p;
    this.line += lines;
    return this.malformed(message, messageRu);
  }

  /** Start tags outside the lines: all attributes decoded as text. */
  private readGenericAttributes(): { attributes: Record<string, string>; empty: boolean } {
    const buf = this.buf;
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = this.skipSpace();
      const byte = buf[this.pos] as number;
      if (byte === GT) {
        this.pos++;
        return { attributes, empty: false };
      }
      if (byte === SLASH) {
        this.need(1);
        if (buf[this.pos + 1] !== GT) throw this.malformed('"/" inside a start tag must be followed by ">"', 'после «/» в теге ожидается «>»');
        this.pos += 2;
        return { attributes, empty: true };
      }
      if (!spaced) throw this.malformed('attributes must be separated by whitespace', 'атрибуты должны разделяться пробелом');
      this.readName();
      const name = this.lastName();
      this.readAttributeValue();
      if (Object.hasOwn(attributes, name)) throw this.duplicateAttribute(name);
      attributes[name] = this.attributeText(name);
    }
  }

  /** `= "value"` after an attribute name; sets valueStart/End/Flags. */
  private readAttributeValue(): void {
    this.skipSpace();
    const buf = this.buf;
    if (buf[this.pos] !== EQUALS) throw this.malformed('attribute without "="', 'после имени атрибута ожидается «=»');
    this.pos++;
    this.skipSpace();
    const quote = buf[this.pos] as number;
    if (quote !== QUOT && quote !== APOS) throw this.malformed('attribute value must be quoted', 'значение атрибута должно быть в кавычках');
    const end = this.end;
    const start = this.pos + 1;
    let p = start;
    let flags = 0;
    let lines = 0;
    for (;;) {
      if (p >= end) {
        if (p - start > this.limits.maxAttributeValueBytes) throw this.valueTooLong(p - start);
        this.more();
      }
      const byte = buf[p] as number;
      if (byte === quote) break;
      if (byte < 0x30) {
        if (byte === AMP) flags |= SPECIAL;
        else if (byte < SPACE) {
          if (byte === NEWLINE) lines++;
          else if (byte !== TAB && byte !== CR) throw this.badCharacter(byte);
          flags |= SPECIAL;
        }
      } else if (byte === LT) {
        throw this.malformed('"<" inside an attribute value', 'символ «<» внутри значения атрибута');
      } else if (byte >= 0x80) {
        flags |= NON_ASCII;
      }
      p++;
    }
    if (p - start > this.limits.maxAttributeValueBytes) throw this.valueTooLong(p - start);
    this.valueStart = start;
    this.valueEnd = p;
    this.valueFlags = flags;
    this.line += lines;
    this.pos = p + 1;
  }

  /** The current attribute value as text (decoded, normalised, references expanded). */
  private attributeText(attribute: string): string {
    const { valueStart: start, valueEnd: end, valueFlags: flags } = this;
    if (flags === 0) return asciiText(this.buf, start, end);
    try {
      return (flags & SPECIAL) === 0 ? this.decoder.plain(this.buf, start, end, true) : this.decoder.attribute(this.buf, start, end, (flags & NON_ASCII) !== 0);
    } catch (caught) {
      throw this.textProblem(caught, attribute);
    }
  }

  /** Converts the current attribute value by its spec; undefined for an empty value. */
  private convertAttribute(spec: FieldSpec): FieldValue | undefined {
    const start = this.valueStart;
    const end = this.valueEnd;
    if (start === end) return undefined;
    if (this.valueFlags === 0) {
      const quick = this.quickValue(spec, start, end);
      if (quick !== undefined) return quick;
    }
    const text = this.attributeText(spec.name);
    if (text === '') return undefined;
    const value = convertValue(spec, text);
    if (value === undefined) throw this.invalidValue(spec, text, spec.name);
    return value;
  }

  /**
   * The common shapes straight from ASCII bytes (no sign or a minus, plain digits, a dot, at most two kopeck
   * digits; DD.MM.YYYY; ASCII text). Undefined = "not this shape": the caller decodes and uses convertValue,
   * whose result for these shapes is the same.
   */
  private quickValue(spec: FieldSpec, start: number, end: number): FieldValue | undefined {
    const buf = this.buf;
    switch (spec.kind) {
      case 'text': {
        const length = end - start;
        if (length < (spec.min ?? 1) || length > (spec.max ?? Infinity)) return undefined;
        return spec.repeats === true ? this.interner.get(buf, start, end) : asciiText(buf, start, end);
      }
      case 'amount':
      case 'cost': {
        const kopecks = kopecksFromBytes(buf, start, end);
        return kopecks === undefined ? undefined : this.kopecksValue(kopecks);
      }
      case 'date':
        return this.dateFromBytes(start, end);
      case 'integer': {
        const length = end - start;
        if (length > 15) return undefined;
        let value = 0;
        let significant = 0;
        for (let i = start; i < end; i++) {
          const digit = (buf[i] as number) - 0x30;
          if (digit < 0 || digit > 9) return undefined;
          if (significant > 0 || digit !== 0) significant++;
          value = value * 10 + digit;
        }
        return significant <= (spec.totalDigits ?? 18) ? value : undefined;
      }
      case 'quantity': {
        let i = start;
        const negative = buf[i] === DASH;
        if (negative) i++;
        if (end - i < 1 || end - i > 10) return undefined;
        let value = 0;
        for (; i < end; i++) {
          const digit = (buf[i] as number) - 0x30;
          if (digit < 0 || digit > 9) return undefined;
          value = value * 10 + digit;
        }
        return this.quantityValue(negative ? -value : value);
      }
    }
  }

  /**
   * A number (`[-]digits[.digits]`) or a date (`ДД.ММ.ГГГГ`) at `start`, followed by the closing quote; sets
   * valueEnd. Undefined when the value has any other shape: the generic path (references, signs, long numbers)
   * decides then, with the same result for the shapes accepted here.
   */
  private numberOrDate(spec: FieldSpec, start: number, quote: number): FieldValue | undefined {
    const buf = this.buf;
    const end = this.end;
    const kind = spec.kind;
    if (kind === 'text') return undefined;
    if (kind === 'date') {
      if (start + 10 >= end || buf[start + 10] !== quote) return undefined;
      this.valueEnd = start + 10;
      return this.dateFromBytes(start, start + 10);
    }
    let p = start;
    const negative = buf[p] === DASH;
    if (negative) p++;
    const integerStart = p;
    let whole = 0;
    while (p < end) {
      const digit = (buf[p] as number) - 0x30;
      if (digit < 0 || digit > 9) break;
      whole = whole * 10 + digit;
      p++;
    }
    const integerDigits = p - integerStart;
    if (integerDigits === 0 || integerDigits > 13 || p >= end) return undefined;
    let fraction = 0;
    let fractionDigits = -1;
    if (buf[p] === DOT) {
      const fractionStart = ++p;
      while (p < end) {
        const digit = (buf[p] as number) - 0x30;
        if (digit < 0 || digit > 9) break;
        fraction = fraction * 10 + digit;
        p++;
      }
      fractionDigits = p - fractionStart;
      if (p >= end) return undefined;
    }
    if (buf[p] !== quote) return undefined;
    this.valueEnd = p;
    switch (kind) {
      case 'amount':
      case 'cost': {
        if (fractionDigits > 2) return undefined;
        const kopecks = whole * 100 + (fractionDigits === 1 ? fraction * 10 : fraction);
        return this.kopecksValue(negative ? -kopecks : kopecks);
      }
      case 'quantity':
        if (fractionDigits > 0 || integerDigits > 10) return undefined;
        return this.quantityValue(negative ? -whole : whole);
      default:
        return negative || fractionDigits >= 0 || integerDigits > (spec.totalDigits ?? 18) ? undefined : whole;
    }
  }

  /** Kopecks (a safe integer) as the builder wants them: a number, or the model's bigint. */
  private kopecksValue(kopecks: number): FieldValue {
    return this.numeric ? kopecks : this.bigKopecks(kopecks);
  }

  /** Whole units (a safe integer, -0 for "-0") as the builder wants them: a number, or the model's Quantity. */
  private quantityValue(units: number): FieldValue {
    if (this.numeric) return units;
    const whole = Math.abs(units);
    const quantity = whole < SMALL_QUANTITIES.length ? (SMALL_QUANTITIES[whole] as Quantity) : ((BigInt(whole) * QUANTITY_UNIT) as Quantity);
    return units < 0 || Object.is(units, -0) ? (-quantity as Quantity) : quantity;
  }

  /**
   * Kopecks (a safe integer) as the model's bigint, through a small direct-mapped cache: costs repeat (price ×
   * quantity of the same goods), and a hit saves a heap bigint per value.
   */
  private bigKopecks(kopecks: number): bigint {
    const slot = (kopecks ^ (kopecks / 0x10000)) & (KOPECKS_SLOTS - 1);
    if (this.kopecksKeys[slot] === kopecks) return this.kopecksValues[slot] as bigint;
    const value = BigInt(kopecks);
    this.kopecksKeys[slot] = kopecks;
    this.kopecksValues[slot] = value;
    return value;
  }

  private dateFromBytes(start: number, end: number): CalendarDate | undefined {
    if (end - start !== 10) return undefined;
    const buf = this.buf;
    if (buf[start + 2] !== DOT || buf[start + 5] !== DOT) return undefined;
    for (let i = 0; i < 10; i++) {
      const digit = (buf[start + i] as number) - 0x30;
      if (i !== 2 && i !== 5 && (digit < 0 || digit > 9)) return undefined;
    }
    const day = (buf[start] as number) * 10 + (buf[start + 1] as number) - 0x210;
    const month = (buf[start + 3] as number) * 10 + (buf[start + 4] as number) - 0x210;
    const year = (buf[start + 6] as number) * 1000 + (buf[start + 7] as number) * 100 + (buf[start + 8] as number) * 10 + (buf[start + 9] as number) - 0xd050;
    return this.dateAt(year, month, day);
  }

  /** A calendar date from its parts (years 1900–2099, days 1–31), through a cache; undefined when not a date. */
  private dateAt(year: number, month: number, day: number): CalendarDate | undefined {
    if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    const key = ((year - 1900) * 12 + month - 1) * 31 + day - 1;
    let date = this.dates[key];
    if (date === undefined) {
      if (!isValidYmd(year, month, day)) return undefined;
      date = calendarDate(year, month, day);
      this.dates[key] = date;
    }
    return date;
  }

  // ===================================================================================================
  // The fast path (fast-lines.ts): lines tokenised in WebAssembly, values built here as readLine would
  // ===================================================================================================

  /**
   * Reads lines through the fast path from `pos`; true when `maxLines` are in the builder. Stops at the first
   * line the tape does not cover or that needs a closer look (a value of another shape, a missing required
   * attribute, an RNPT outside the canonical shape…): `pos` is then at that line, and readLine reads it with
   * every check and error. The builder drops what a line left unfinished at its next beginLine.
   */
  private fastLines(maxLines: number): boolean {
    const wanted = maxLines - this.builder.count;
    if (wanted <= 0) return true;
    // Lines of another shape for a while: try again now and then, not before every line.
    if (this.fastMisses >= FAST_MISS_LIMIT && ++this.fastMisses % FAST_RETRY_EVERY !== 0) return false;
    const ahead = this.ahead;
    const fromAhead = ahead !== undefined && this.buf === this.aheadWindow;
    const read = fromAhead ? this.linesAhead(ahead, wanted) : this.linesHere(wanted);
    if (this.stats !== undefined) {
      this.stats.fastLines += read;
      if (fromAhead) this.stats.aheadLines += read;
    }
    this.fastMisses = read === 0 ? this.fastMisses + 1 : 0;
    return this.builder.count >= maxLines;
  }

  /** Lines the module tokenises now, on this thread. */
  private linesHere(wanted: number): number {
    const fast = this.fast as FastBookLines;
    const scanned = fast.scan(this.buf, this.windowGeneration, this.pos, this.end, wanted);
    const read = scanned === 0 ? 0 : this.readTape(fast, 0, fast.records, wanted);
    if (read < scanned) fillInterned(fast, this.buf, this.tapeResume, fast.records);
    return read;
  }

  /** Lines the worker tokenised ahead, when one starts here. */
  private linesAhead(ahead: WindowTapes, wanted: number): number {
    const breaks = ahead.seek(this.buf, this.pos);
    if (breaks < 0) return 0;
    // Only whitespace up to the line: step over it as skipSpace would (committed with the first line).
    this.pos = ahead.position;
    this.line += breaks;
    const read = this.readTape(ahead, ahead.first, ahead.end, wanted);
    if (read > 0) ahead.advance(this.tapeResume, this.pos);
    return read;
  }

  /**
   * Turns records `first`–`end` of a tape into builder calls, line by line, up to `maxLines` lines; returns the
   * lines committed, and leaves `tapeResume` at the record after the last of them.
   */
  private readTape(source: LineTape, first: number, end: number, maxLines: number): number {
    const { tape, numbers, offset, interned } = source;
    const builder = this.builder;
    const book = this.book;
    const lineFields = this.lineFields;
    let lines = 0;
    let r = first;
    this.tapeResume = first;
    while (r < end && lines < maxLines) {
      // The line's attributes, its children, RECORD.lineEnd.
      const values = newValues(lineFields.fields.length);
      r = this.readTapeAttributes(source, lineFields, values, r);
      if (r < 0) return lines;
      let word = tape[r * 4] as number;
      builder.beginLine();
      let operationCodes = 0;
      let intermediaries = 0;
      for (;;) {
        const code = word & 0xff;
        if (code === RECORD.lineEnd) break;
        if (code === RECORD.text) {
          const role = (word >> 8) & 0xff;
          const start = (tape[r * 4 + 1] as number) + offset;
          const stop = (tape[r * 4 + 2] as number) + offset;
          const aux = tape[r * 4 + 3] as number;
          if (role === ROLE_ACCOUNTING_DATE) {
            const date = this.dateAt(aux >> 9, (aux >> 5) & 0xf, aux & 0x1f);
            if (date === undefined) return lines;
            builder.accountingDate(date);
          } else {
            const spec = role === ROLE_OPERATION_CODE ? OPERATION_CODE : GOODS_CODE;
            if (stop - start !== spec.min || stop - start !== spec.max) return lines; // codes have one length
            const text = (word & RECORD_FLAG.hit) !== 0 ? (interned[aux] as string) : (interned[aux] = asciiText(this.buf, start, stop));
            if (role === ROLE_OPERATION_CODE) {
              builder.operationCode(text);
              operationCodes++;
            } else builder.goodsCode(text);
          }
          word = tape[++r * 4] as number;
          continue;
        }
        if (code === RECORD.registration) {
          // СвРегНом, the most frequent element (several per line): its four values straight into locals.
          let text: FieldValue | undefined;
          let okei: FieldValue | undefined;
          let quantity: FieldValue | undefined;
          let cost: FieldValue | undefined;
          let canonical = false;
          const element = this.registrationFields;
          word = tape[++r * 4] as number;
          while ((word & 0xff) === RECORD.attribute) {
            const field = (word >> 8) & 0xff;
            const start = (tape[r * 4 + 1] as number) + offset;
            const stop = (tape[r * 4 + 2] as number) + offset;
            if (field === REGISTRATION_NUMBER && (word & RECORD_FLAG.canonicalRnpt) !== 0) {
              text = asciiText(this.buf, start, stop);
              canonical = true;
            } else {
              const value = this.fastValue(element, interned, field, word, start, stop, tape[r * 4 + 3] as number, numbers[r] as number);
              if (value === FALLBACK) return lines;
              if (field === REGISTRATION_NUMBER) text = value;
              else if (field === REGISTRATION_OKEI) okei = value;
              else if (field === REGISTRATION_QUANTITY) quantity = value;
              else cost = value;
            }
            word = tape[++r * 4] as number;
          }
          // The canonical RNPT (nearly every value) was recognised on its bytes, other numbers go to the core;
          // an invalid one (or none) to readLine: an error, or an 'invalid' entry.
          if (typeof text !== 'string') return lines;
          if (canonical) {
            builder.registration(text, 'rnpt', text, okei as string | undefined, quantity, cost);
          } else {
            const classified = this.classifier.classify(text);
            if ('code' in classified) return lines;
            builder.registration(text, classified.kind, classified.number, okei as string | undefined, quantity, cost);
          }
          continue;
        }
        // A leaf: СвРегНом, a payment document, a partial invoice, or СведЮЛ / СведИП of a counterparty.
        const party = code === RECORD.counterparty ? (tape[r * 4 + 3] as number) : 0;
        const legal = (party & 1) === 1;
        const element =
          code === RECORD.payment ? this.paymentFieldsByBook[book]
          : code === RECORD.partialInvoice ? this.partialInvoiceFields
          : legal ? this.legalEntityFields
          : this.soleTraderFields;
        const leaf = element.scratch;
        for (let i = 0; i < leaf.length; i++) leaf[i] = undefined;
        r = this.readTapeAttributes(source, element, leaf, r + 1);
        if (r < 0) return lines;
        word = tape[r * 4] as number;
        if (code === RECORD.counterparty) {
          if ((party & 2) === 0) builder.counterparty(legal, leaf);
          else if (intermediaries++ === 0) builder.intermediary(legal, leaf);
          else return lines;
        } else if (code === RECORD.payment) {
          builder.payment(book, leaf);
        } else {
          builder.partialInvoice(leaf);
        }
      }
      // RECORD.lineEnd: the position after the line and the line breaks up to it.
      if (operationCodes === 0) return lines;
      builder.endLine(book, values);
      this.pos = (tape[r * 4 + 1] as number) + offset;
      this.line += tape[r * 4 + 3] as number;
      this.lineOrdinal++;
      this.commit();
      lines++;
      this.tapeResume = ++r;
    }
    return lines;
  }

  /**
   * The attribute records of an element from record `r` into `values` (by field position); the record after
   * them, or -1 when readLine should read the line (a value to look at, a required attribute missing).
   */
  private readTapeAttributes(source: LineTape, element: ElementFields, values: FieldValues, r: number): number {
    const { tape, offset, interned, numbers } = source;
    let defined = 0;
    for (let word = tape[r * 4] as number; (word & 0xff) === RECORD.attribute; word = tape[++r * 4] as number) {
      const field = (word >> 8) & 0xff;
      const value = this.fastValue(element, interned, field, word, (tape[r * 4 + 1] as number) + offset, (tape[r * 4 + 2] as number) + offset, tape[r * 4 + 3] as number, numbers[r] as number);
      if (value === FALLBACK) return -1;
      if (value !== undefined) defined |= 1 << field;
      values[field] = value;
    }
    return (defined & element.requiredMask) === element.requiredMask ? r : -1;
  }

  /** A value from the tape as readFields would convert it, FALLBACK when readLine should look at it. */
  private fastValue(element: ElementFields, interned: string[], field: number, word: number, start: number, stop: number, aux: number, number: number): FieldValue | undefined | typeof FALLBACK {
    if (start === stop) return undefined;
    switch (element.valueKinds[field]) {
      case VALUE_KIND.text: {
        const min = element.minLength[field] as number;
        const max = element.maxLength[field] as number;
        if (stop - start > this.limits.maxAttributeValueBytes) return FALLBACK; // readLine reports the limit
        if ((word & RECORD_FLAG.nonAscii) === 0) {
          // ASCII: a character per byte.
          if (stop - start < min || stop - start > max) return FALLBACK;
          if ((word & RECORD_FLAG.interned) === 0) return asciiText(this.buf, start, stop);
          return (word & RECORD_FLAG.hit) !== 0 ? (interned[aux] as string) : (interned[aux] = asciiText(this.buf, start, stop));
        }
        let text: string;
        try {
          text = this.decoder.plain(this.buf, start, stop, true);
        } catch {
          return FALLBACK; // not UTF-8 in a UTF-8 file: readLine says so
        }
        return text.length >= min && text.length <= max ? text : FALLBACK;
      }
      case VALUE_KIND.money:
        return this.kopecksValue(number);
      case VALUE_KIND.quantity:
        return this.quantityValue(number);
      case VALUE_KIND.integer:
        return number;
      default:
        return this.dateAt(aux >> 9, (aux >> 5) & 0xf, aux & 0x1f) ?? FALLBACK;
    }
  }

  // ===================================================================================================
  // Lexical pieces
  // ===================================================================================================

  /** Ensures `count` bytes after pos are in the window. */
  private need(count: number): void {
    if (this.pos + count >= this.end) this.more();
  }

  /** Skips XML whitespace; true if any. Needs at least one byte after it. */
  private skipSpace(): boolean {
    const start = this.pos;
    this.skipSpaceAllowEnd();
    if (this.pos >= this.end) this.more();
    return this.pos !== start;
  }

  private skipSpaceAllowEnd(): void {
    const buf = this.buf;
    const end = this.end;
    const view = this.view;
    let p = this.pos;
    let lines = 0;
    while (p < end) {
      // Indentation four spaces at a time (a book line has about seventy bytes of it).
      if (p + 4 <= end && view.getInt32(p, true) === FOUR_SPACES) {
        p += 4;
        continue;
      }
      const byte = buf[p] as number;
      if (byte === SPACE || byte === TAB || byte === CR) p++;
      else if (byte === NEWLINE) {
        lines++;
        p++;
      } else break;
    }
    this.line += lines;
    this.pos = p;
  }

  /** Reads a name at pos; returns its id or -1, and sets nameStart/nameEnd. */
  private readName(): number {
    const buf = this.buf;
    const end = this.end;
    const start = this.pos;
    const { next, byteClass, classCount } = this.names;
    // Known names by their first eight bytes (the name and what follows it, e.g. `СведЮЛ И`): one probe of a
    // small cache, then a comparison with the name's bytes and a check that the name ends there — exact, so a
    // collision only costs the trie walk below.
    let key0 = 0;
    let key1 = 0;
    let slot = -1;
    if (start + 8 < end) {
      const view = this.view;
      key0 = view.getInt32(start, true);
      key1 = view.getInt32(start + 4, true);
      slot = (Math.imul(key0 ^ Math.imul(key1, 0x9e3779b1), 0x85ebca6b) >>> 22) * 3;
      const cache = this.nameCache;
      if (cache[slot] === key0 && cache[slot + 1] === key1) {
        const id = cache[slot + 2] as number;
        const bytes = this.nameBytes[id] as Uint8Array;
        const length = bytes.length;
        // The key's eight bytes matched a name seen before (and what followed it): compare the rest.
        let i = length < 8 ? length : 8;
        while (i < length && buf[start + i] === bytes[i]) i++;
        if (i === length && start + length < end && byteClass[buf[start + length] as number] === NAME_END) {
          this.nameStart = start;
          this.nameEnd = start + length;
          this.pos = start + length;
          return id;
        }
      }
    }
    let p = start;
    let state = 1;
    for (;;) {
      if (p >= end) {
        if (p - start > this.limits.maxNameBytes) throw this.nameTooLong();
        this.more();
      }
      const column = byteClass[buf[p] as number] as number;
      if (column >= NAME_END) {
        if (column === NAME_FORBIDDEN) {
          this.pos = p;
          throw this.malformed('unexpected character in a name', 'недопустимый символ в имени элемента или атрибута');
        }
        break;
      }
      state = next[state * classCount + column] as number;
      p++;
    }
    if (p === start) throw this.malformed('a name was expected', 'ожидается имя элемента или атрибута');
    if (p - start > this.limits.maxNameBytes) throw this.nameTooLong();
    this.nameStart = start;
    this.nameEnd = p;
    this.pos = p;
    const id = this.names.idAt[state] as number;
    if (id >= 0 && slot >= 0) {
      const cache = this.nameCache;
      cache[slot] = key0;
      cache[slot + 1] = key1;
      cache[slot + 2] = id;
    }
    return id;
  }

  private lastName(): string {
    return this.decoder.plain(this.buf, this.nameStart, this.nameEnd, true);
  }

  /** After an end tag's name: optional whitespace and ">". */
  private closeTag(): void {
    this.skipSpace();
    if (this.buf[this.pos] !== GT) throw this.malformed('unexpected character in an end tag', 'лишний символ в закрывающем теге');
    this.pos++;
  }

  /** Scans character data up to the next "<"; returns value flags. pos stops at "<". */
  private scanCharacters(): number {
    const buf = this.buf;
    const end = this.end;
    const start = this.pos;
    let p = start;
    let flags = 0;
    let lines = 0;
    for (;;) {
      if (p >= end) {
        if (p - start > this.limits.maxTextBytes) throw this.limit('text', this.limits.maxTextBytes);
        this.more();
      }
      const byte = buf[p] as number;
      if (byte === LT) break;
      if (byte < 0x30) {
        if (byte === AMP) flags |= SPECIAL;
        else if (byte < SPACE) {
          if (byte === NEWLINE) lines++;
          else if (byte === CR) flags |= SPECIAL;
          else if (byte !== TAB) throw this.badCharacter(byte);
        }
      } else if (byte === GT && p - start >= 2 && buf[p - 1] === RBRACKET && buf[p - 2] === RBRACKET) {
        throw this.malformed('"]]>" in character data', 'последовательность «]]>» в тексте');
      } else if (byte >= 0x80) {
        flags |= NON_ASCII;
      }
      p++;
    }
    if (p - start > this.limits.maxTextBytes) throw this.limit('text', this.limits.maxTextBytes);
    this.line += lines;
    this.pos = p;
    return flags;
  }

  private decodeText(start: number, end: number, flags: number): string {
    if (start === end) return '';
    try {
      if ((flags & SPECIAL) !== 0) return this.decoder.text(this.buf, start, end, (flags & NON_ASCII) !== 0);
      return this.decoder.plain(this.buf, start, end, (flags & NON_ASCII) !== 0);
    } catch (caught) {
      throw this.textProblem(caught, undefined);
    }
  }

  /** Text where only markup is expected: checked (references, encoding, characters) and ignored. */
  private skipCharacterData(outsideRoot: boolean): void {
    if (outsideRoot) {
      // Only whitespace may stand before and after the root element (the file may end here).
      this.skipSpaceAllowEnd();
      if (this.pos < this.end && this.buf[this.pos] !== LT) throw this.malformed('text outside the root element', 'текст вне корневого элемента');
      return;
    }
    const start = this.pos;
    const flags = this.scanCharacters();
    this.decodeText(start, this.pos, flags);
  }

  /** `<!-- … -->`, `<![CDATA[ … ]]>` (returns its text), or a DTD declaration (refused). */
  private skipDeclarationOrComment(inText: boolean): string {
    const buf = this.buf;
    this.need(3);
    if (buf[this.pos + 2] === DASH) {
      this.need(4);
      if (buf[this.pos + 3] !== DASH) throw this.malformed('broken comment', 'испорченный комментарий');
      this.skipUntil('-->', 4, 'comment');
      return '';
    }
    if (buf[this.pos + 2] === 0x5b) {
      this.need(9);
      if (buf.toString('latin1', this.pos + 2, this.pos + 9) !== '[CDATA[') throw this.malformed('broken CDATA section', 'испорченный блок CDATA');
      const start = this.pos + 9;
      const stop = this.skipUntil(']]>', 9, 'CDATA');
      if (!inText) return '';
      try {
        return this.decoder.plain(buf, start, stop, true).replace(/\r\n?/g, '\n');
      } catch (caught) {
        throw this.textProblem(caught, undefined);
      }
    }
    this.need(9);
    const keyword = buf.toString('latin1', this.pos + 2, this.pos + 9);
    throw this.error(
      'XML_DOCTYPE_FORBIDDEN',
      `DTD declarations (<!${keyword.replace(/[^A-Za-z]/g, '')}…>) are refused: entity expansion and external entities are unsafe`,
      'в файле есть объявление DTD (<!DOCTYPE …> или <!ENTITY …>). Файлы ФНС их не содержат, а такие объявления используются для атак (раскрытие сущностей, чтение чужих файлов); файл не обработан',
      undefined,
      { declaration: keyword },
    );
  }

  /** `<? … ?>`: the XML declaration is allowed only at the very start. */
  private skipProcessingInstruction(): void {
    const buf = this.buf;
    this.need(5);
    const target = buf.toString('latin1', this.pos + 2, this.pos + 5).toLowerCase();
    if (target === 'xml' && !this.atDocumentStart) {
      const after = buf[this.pos + 5] as number;
      if (after === SPACE || after === TAB || after === NEWLINE || after === CR || after === QUESTION) {
        throw this.malformed('an XML declaration is allowed only at the start of the file', 'объявление <?xml …?> допускается только в самом начале файла');
      }
    }
    this.skipUntil('?>', 2, 'processing instruction');
  }

  /** Skips to the end of `terminator`, counting lines; returns the offset where the terminator starts. */
  private skipUntil(terminator: '-->' | ']]>' | '?>', skip: number, what: 'comment' | 'CDATA' | 'processing instruction'): number {
    const buf = this.buf;
    const first = terminator.charCodeAt(0);
    const start = this.pos + skip;
    let p = start;
    let lines = 0;
    for (;;) {
      if (p + terminator.length > this.end) {
        if (p - start > this.limits.maxTextBytes) throw this.limit(what, this.limits.maxTextBytes);
        this.more();
      }
      const byte = buf[p] as number;
      if (byte === NEWLINE) lines++;
      else if (byte < SPACE && byte !== TAB && byte !== CR) throw this.badCharacter(byte);
      if (byte === first && buf.toString('latin1', p, p + terminator.length) === terminator) break;
      if (what === 'comment' && byte === DASH && buf[p + 1] === DASH) {
        throw this.malformed('"--" inside a comment', 'два дефиса «--» внутри комментария');
      }
      p++;
    }
    if (p - start > this.limits.maxTextBytes) throw this.limit(what, this.limits.maxTextBytes);
    this.line += lines;
    this.pos = p + terminator.length;
    return p;
  }

  /**
   * Skips the rest of an element whose name was just read (unknown to the format): its attributes and
   * content are still checked for well-formedness, then ignored.
   */
  private skipElementRest(): void {
    const names: string[] = [this.lastName()];
    if (this.stack.length + names.length > this.limits.maxDepth) throw this.limit('nesting depth', this.limits.maxDepth);
    if (this.readGenericAttributes().empty) return;
    const buf = this.buf;
    while (names.length > 0) {
      if (this.pos >= this.end) this.more();
      if (buf[this.pos] !== LT) {
        this.skipCharacterData(false);
        continue;
      }
      this.need(1);
      const next = buf[this.pos + 1] as number;
      if (next === SLASH) {
        this.pos += 2;
        this.readName();
        const name = this.lastName();
        this.closeTag();
        const open = names.pop();
        if (open !== name) throw this.malformed(`end tag </${name}> does not match <${open ?? ''}>`, `закрывающий тег </${name}> не соответствует открытому <${open ?? ''}>`);
      } else if (next === BANG) {
        this.skipDeclarationOrComment(false);
      } else if (next === QUESTION) {
        this.skipProcessingInstruction();
      } else {
        this.pos++;
        this.readName();
        const name = this.lastName();
        if (!this.readGenericAttributes().empty) {
          names.push(name);
          if (this.stack.length + names.length > this.limits.maxDepth) throw this.limit('nesting depth', this.limits.maxDepth);
        }
      }
    }
  }

  // ===================================================================================================
  // Errors
  // ===================================================================================================

  private path(): string | undefined {
    const base = this.stack.join('/');
    if (!this.inLine) return base === '' ? undefined : base;
    const lineName = this.section === undefined ? '' : NDS_SECTIONS[this.section].line;
    let path = `${base}/${lineName}[${this.lineOrdinal}]`;
    if (this.childId >= 0) path += `/${this.names.names[this.childId] ?? ''}${this.childIndex > 0 ? `[${this.childIndex}]` : ''}`;
    else if (this.unknownChild !== undefined) path += `/${this.unknownChild}`;
    if (this.grandchildId >= 0) path += `/${this.names.names[this.grandchildId] ?? ''}`;
    return path;
  }

  private error(code: FormatErrorCode, message: string, messageRu: string, attribute?: string, extra?: Record<string, unknown>): SledopytError {
    return formatError({ code, file: this.file, line: this.line, path: this.path(), attribute, message, messageRu, ...(extra === undefined ? {} : { extra }) });
  }

  private malformed(message: string, messageRu: string): SledopytError {
    return this.error('XML_MALFORMED', message, messageRu);
  }

  private mismatchedEnd(expected: string): SledopytError {
    const name = this.lastName();
    return this.malformed(`end tag </${name}> does not match <${expected}>`, `закрывающий тег </${name}> не соответствует открытому <${expected}>`);
  }

  private duplicateAttribute(name: string): SledopytError {
    return this.error('XML_MALFORMED', `attribute ${name} appears twice`, `атрибут ${name} указан дважды`, name);
  }

  private missingElement(name: string): SledopytError {
    return this.error('XML_REQUIRED_MISSING', `Required element ${name} is missing`,
      `нет обязательного элемента ${name}. Файл составлен с ошибкой; запросите исправленный`, undefined, { element: name });
  }

  private badCharacter(byte: number): SledopytError {
    const code = `U+${byte.toString(16).toUpperCase().padStart(4, '0')}`;
    return this.malformed(`control character ${code} is not allowed in XML`, `управляющий символ ${code} недопустим в XML — файл повреждён`);
  }

  private invalidValue(spec: FieldSpec, value: string, attribute: string | undefined): SledopytError {
    const expected = expectedValue(spec);
    return this.error('XML_VALUE_INVALID', `Invalid value "${excerpt(value)}": expected ${expected.en}`,
      `недопустимое значение «${excerpt(value)}»: ожидается ${expected.ru}`, attribute, { value: excerpt(value) });
  }

  private invalidRegistrationNumber(value: string, cause: SledopytError): SledopytError {
    return formatError({
      code: 'XML_VALUE_INVALID',
      file: this.file,
      line: this.line,
      path: this.path(),
      attribute: 'РегНомПросл',
      message: `Invalid registration number "${excerpt(value)}" (${cause.code}): ${cause.message}`,
      messageRu: `неверный регистрационный номер «${excerpt(value)}»: ${cause.messageRu}`,
      extra: { value: excerpt(value), reason: cause.code },
      cause,
    });
  }

  private textProblem(caught: unknown, attribute: string | undefined): unknown {
    if (!(caught instanceof SpanTextProblem)) return caught;
    return this.error(caught.kind === 'encoding' ? 'XML_ENCODING_MISMATCH' : 'XML_MALFORMED', caught.message, caught.messageRu, attribute);
  }

  private valueTooLong(bytes: number): SledopytError {
    return this.error('XML_LIMIT_EXCEEDED', `attribute value exceeds the limit of ${this.limits.maxAttributeValueBytes} bytes`,
      `значение атрибута превышает предел (${this.limits.maxAttributeValueBytes} байт). В файлах ФНС таких значений не бывает: файл повреждён или создан намеренно`,
      this.decoder.plain(this.buf, this.nameStart, this.nameEnd, true), { limit: this.limits.maxAttributeValueBytes, what: 'attribute value', bytesSeen: bytes });
  }

  private nameTooLong(): SledopytError {
    return this.limit('name', this.limits.maxNameBytes);
  }

  private itemTooLarge(): SledopytError {
    return this.limit('item', this.limits.maxItemBytes);
  }

  private limit(what: string, max: number): SledopytError {
    const whatRu: Record<string, string> = {
      text: 'текст элемента',
      comment: 'комментарий',
      CDATA: 'блок CDATA',
      'processing instruction': 'инструкция обработки',
      name: 'имя элемента или атрибута',
      'nesting depth': 'глубина вложенности элементов',
      item: 'одна строка книги (или заголовок файла)',
    };
    const unit = what === 'nesting depth' ? ' levels' : ' bytes';
    return this.error('XML_LIMIT_EXCEEDED', `${what} exceeds the limit of ${max}${unit}`,
      `${whatRu[what] ?? what} превышает предел (${max}${what === 'nesting depth' ? ' уровней' : ' байт'}). В файлах ФНС таких значений не бывает: файл повреждён или создан намеренно`,
      undefined, { limit: max, what });
  }
}

/** N(19.2) from ASCII bytes: optional minus, 1–13 digits, optional dot with up to 2 digits → kopecks (exact). */
function kopecksFromBytes(buf: Buffer, start: number, end: number): number | undefined {
  let i = start;
  const negative = buf[i] === DASH;
  if (negative) i++;
  let roubles = 0;
  const integerStart = i;
  while (i < end) {
    const digit = (buf[i] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    roubles = roubles * 10 + digit;
    i++;
  }
  const integerDigits = i - integerStart;
  if (integerDigits === 0 || integerDigits > 13) return undefined;
  let kopecks = 0;
  if (i < end) {
    if (buf[i] !== DOT) return undefined;
    i++;
    const fractionDigits = end - i;
    if (fractionDigits > 2) return undefined;
    for (; i < end; i++) {
      const digit = (buf[i] as number) - 0x30;
      if (digit < 0 || digit > 9) return undefined;
      kopecks = kopecks * 10 + digit;
    }
    if (fractionDigits === 1) kopecks *= 10;
  }
  const total = roubles * 100 + kopecks;
  return negative ? -total : total;
}

function developerError(message: string): SledopytError {
  return new SledopytError({ code: 'NDS_SCANNER_MISUSE', message, messageRu: `внутренняя ошибка чтения раздела декларации: ${message}`, actor: 'developer' });
}
