/**
 * The fast path of the VAT-declaration book reader, in AssemblyScript (compiled to WebAssembly by the
 * package's build): it tokenises book lines of the usual shape — the line element with its attributes,
 * КодВидОпер / КодВидТовар / ДатаУчТов text, СвРегНом and payment / partial-invoice leaves, counterparties
 * and the intermediary with one СведЮЛ / СведИП each —
 * and writes what it found to a tape of records (field, value span, parsed number) that
 * `src/nds/fast-lines.ts` turns into builder calls. Anything else (comments, references, unknown or repeated
 * attributes, odd number shapes, a line cut by the end of the window…) stops it at the start of
 * that line, and the JavaScript scanner reads the line instead — so every check and every error message
 * stays in one place, the scanner, and this code only has to be right about what it accepts.
 *
 * Why WebAssembly: the JavaScript scanner reads a 1 GiB section 9 at about 260 MiB/s even with a builder that
 * keeps nothing — typed-array loads with bounds checks, a byte at a time — while this module, sixteen bytes at
 * a time with SIMD, tokenises about 1 GiB/s (copy of the window included; see the package README).
 *
 * Memory (shared with JavaScript, which writes the names and the window and reads the tape):
 *   POOL    element and attribute names in the file's encoding
 *   TAPE    records of four i32: code | field << 8 | flags << 16, value start, value end, aux
 *   NUMBERS one f64 per record (amounts in kopecks, quantities, integers)
 *   DATA    the scanner's window, copied once per window
 */

export const POOL: i32 = 4096;
export const POOL_BYTES: i32 = 16384;
const KINDS: i32 = 6;
const ATTRIBUTES: i32 = POOL + POOL_BYTES; // [kind][32] × (name offset, name length, value kind, field)
const ORDER: i32 = ATTRIBUTES + KINDS * 32 * 16; // [kind][32] i8: the attribute seen at each position last time
const CHILDREN: i32 = ORDER + KINDS * 32; // [16] × (name offset, name length, role, 0)
const COUNTS: i32 = CHILDREN + 16 * 16; // [kind] i32: attributes defined
export const INTERN_SLOTS: i32 = 4096;
const JOURNAL_SIZE: i32 = 256;
const INTERNED_LENGTHS: i32 = 24576; // [4096] u8: length of the value in each interning slot (0: empty)
const JOURNAL: i32 = INTERNED_LENGTHS + INTERN_SLOTS; // [JOURNAL_SIZE] i32: slots filled by the current line
const INTERNED_KEYS: i32 = 65536; // [4096] × 16 bytes: the value in each slot
export const TAPE: i32 = INTERNED_KEYS + INTERN_SLOTS * 16;
export const TAPE_RECORDS: i32 = 65536;
export const NUMBERS: i32 = TAPE + TAPE_RECORDS * 16;
export const DATA: i32 = NUMBERS + TAPE_RECORDS * 8;
/** A line may not start when fewer records than this are left (a line with more falls back). */
const LINE_RESERVE: i32 = 4096;

// Element kinds (attribute tables).
const KIND_LINE: i32 = 0;
const KIND_REGISTRATION: i32 = 1;
const KIND_LEGAL: i32 = 2;
const KIND_SOLE: i32 = 3;
const KIND_PAYMENT: i32 = 4;
const KIND_PARTIAL_INVOICE: i32 = 5;

// Value kinds of attributes and simple elements.
const VALUE_TEXT: i32 = 0;
const VALUE_AMOUNT: i32 = 1;
const VALUE_QUANTITY: i32 = 2;
const VALUE_INTEGER: i32 = 3;
const VALUE_DATE: i32 = 4;

// Child roles (line-rules.ts; an element the format does not know makes the line fall back).
const ROLE_OPERATION_CODE: i32 = 1;
const ROLE_GOODS_CODE: i32 = 2;
const ROLE_ACCOUNTING_DATE: i32 = 3;
const ROLE_REGISTRATION: i32 = 4;
const ROLE_PAYMENT: i32 = 5;
const ROLE_PARTIAL_INVOICE: i32 = 6;
const ROLE_COUNTERPARTY: i32 = 7;
const ROLE_INTERMEDIARY: i32 = 8;

// Tape record codes.
// A line's records: its attributes, then its children (a leaf's attributes follow the leaf's record), then
// REC_LINE_END.
export const REC_LINE_END: i32 = 2;
export const REC_ATTRIBUTE: i32 = 3;
export const REC_TEXT: i32 = 4;
export const REC_REGISTRATION: i32 = 5;
export const REC_COUNTERPARTY: i32 = 7;
export const REC_PAYMENT: i32 = 8;
export const REC_PARTIAL_INVOICE: i32 = 9;

/** Record flags: a byte ≥ 0x80 (the JavaScript side decodes it); a canonical RNPT. */
const NON_ASCII: i32 = 1;
const CANONICAL_RNPT: i32 = 2;
/** The value went through the interning table (aux: its slot), and was already there (HIT) or not. */
const INTERNED: i32 = 4;
const HIT: i32 = 8;
/** Attribute options (defineAttribute's `described` word, above the value kind and digits). */
const HASHED: i32 = 1 << 16;
const RNPT: i32 = 1 << 17;

// Results of the inner readers: a position ≥ 0, or this: the line is unusual or cut by the end of the window
// (either way the JavaScript scanner reads it).
const UNUSUAL: i32 = -1;

/** Records written by the last scan. */
export let records: i32 = 0;

let lineNameOffset: i32 = 0;
let lineNameLength: i32 = 0;
let childCount: i32 = 0;
let legalNameOffset: i32 = 0;
let legalNameLength: i32 = 0;
let soleNameOffset: i32 = 0;
let soleNameLength: i32 = 0;

let end: i32 = 0;
let lineBreaks: i32 = 0;
let record: i32 = 0;

export function reset(): void {
  for (let kind = 0; kind < KINDS; kind++) {
    store<i32>(COUNTS + kind * 4, 0);
    for (let i = 0; i < 32; i++) store<i8>(ORDER + kind * 32 + i, -1);
  }
  childCount = 0;
}

export function defineLine(nameOffset: i32, nameLength: i32): void {
  lineNameOffset = nameOffset;
  lineNameLength = nameLength;
}

export function defineCounterpartyLeaves(legalOffset: i32, legalLength: i32, soleOffset: i32, soleLength: i32): void {
  legalNameOffset = legalOffset;
  legalNameLength = legalLength;
  soleNameOffset = soleOffset;
  soleNameLength = soleLength;
}

/**
 * An attribute of an element kind (its name in the pool is followed by "="); `digits` limits integers (their
 * totalDigits); options: HASHED (the record's aux is the value's hash), RNPT (check the canonical RNPT shape).
 */
export function defineAttribute(kind: i32, nameOffset: i32, nameLength: i32, field: i32, valueKind: i32, digits: i32, options: i32): void {
  const index = load<i32>(COUNTS + kind * 4);
  if (index >= 32) unreachable();
  const at = ATTRIBUTES + (kind * 32 + index) * 16;
  store<i32>(at, nameOffset);
  store<i32>(at + 4, nameLength);
  store<i32>(at + 8, valueKind | (digits << 8) | (options << 16));
  store<i32>(at + 12, field);
  store<i32>(COUNTS + kind * 4, index + 1);
}

export function defineChild(nameOffset: i32, nameLength: i32, role: i32): void {
  if (childCount >= 16) unreachable();
  const at = CHILDREN + childCount * 16;
  store<i32>(at, nameOffset);
  store<i32>(at + 4, nameLength);
  store<i32>(at + 8, role);
  childCount++;
}

// ---------------------------------------------------------------------------------------------------------
// Bytes (SIMD: sixteen at a time; the window is followed by at least 64 bytes of memory, read but ignored)
// ---------------------------------------------------------------------------------------------------------

@inline function byteAt(p: i32): i32 {
  return <i32>load<u8>(p);
}

@inline function isSpace(b: i32): bool {
  return b == 0x20 || b == 0x0a || b == 0x09 || b == 0x0d;
}

/** Skips XML whitespace from p, counting line breaks; returns the first other position, or `end`. */
@inline function skipSpace(p: i32): i32 {
  const spaces = i8x16.splat(0x20);
  for (;;) {
    if (p >= end) return end;
    // Indentation: the first byte that is not a space among the next sixteen.
    const others = i8x16.bitmask(i8x16.ne(v128.load(p), spaces));
    if (others == 0) {
      p += 16;
      continue;
    }
    p += ctz(others);
    if (p >= end) return end;
    const b = byteAt(p);
    if (b == 0x0a) lineBreaks++;
    else if (b != 0x09 && b != 0x0d) return p;
    p++;
  }
  return p;
}

/** True when the `length` bytes at p equal those at `offset` (both readable 16 bytes past the length). */
@inline function sameBytes(p: i32, offset: i32, length: i32): bool {
  let i = 0;
  for (; i + 16 <= length; i += 16) {
    if (!i8x16.all_true(i8x16.eq(v128.load(p + i), v128.load(offset + i)))) return false;
  }
  if (i == length) return true;
  const wanted = (1 << (length - i)) - 1;
  return (i8x16.bitmask(i8x16.eq(v128.load(p + i), v128.load(offset + i))) & wanted) == wanted;
}

/** The name at p is exactly the given one (followed by whitespace, ">", "/" or "="). */
@inline function nameIs(p: i32, offset: i32, length: i32): bool {
  if (p + length >= end || !sameBytes(p, offset, length)) return false;
  const after = byteAt(p + length);
  return isSpace(after) || after == 0x3e || after == 0x2f || after == 0x3d;
}

@inline function writeRecord(code: i32, start: i32, stop: i32, aux: i32): void {
  const at = TAPE + record * 16;
  store<i32>(at, code);
  store<i32>(at + 4, start - DATA);
  store<i32>(at + 8, stop - DATA);
  store<i32>(at + 12, aux);
  record++;
}

// ---------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------

/** Set by scanValue: NON_ASCII when the value has a byte ≥ 0x80. */
let valueFlags: i32 = 0;

/**
 * From p (after the opening quote) to the closing `quote`: its position, UNUSUAL for a reference, "<" or a
 * control character (XML normalises tabs and line breaks: JavaScript does that) and at the window end.
 */
@inline function scanValue(p: i32, quote: i32): i32 {
  const quotes = i8x16.splat(<i8>quote);
  const ampersands = i8x16.splat(0x26);
  const lessThans = i8x16.splat(0x3c);
  const controls = i8x16.splat(0x20);
  let flags = 0;
  for (;;) {
    if (p >= end) return UNUSUAL;
    const bytes = v128.load(p);
    const left = end - p;
    const inWindow = left >= 16 ? 0xffff : (1 << left) - 1;
    const quoteBits = i8x16.bitmask(i8x16.eq(bytes, quotes)) & inWindow;
    const specialBits = i8x16.bitmask(v128.or(v128.or(i8x16.eq(bytes, ampersands), i8x16.eq(bytes, lessThans)), i8x16.lt_u(bytes, controls)));
    const highBits = i8x16.bitmask(bytes);
    if (quoteBits != 0) {
      const at = ctz(quoteBits);
      const before = (1 << at) - 1;
      if ((specialBits & before) != 0) return UNUSUAL;
      if ((highBits & before) != 0) flags = NON_ASCII;
      valueFlags = flags;
      return p + at;
    }
    if ((specialBits & inWindow) != 0) return UNUSUAL;
    if ((highBits & inWindow) != 0) flags = NON_ASCII;
    p += 16;
  }
  return UNUSUAL; // not reached
}

let parsedNumber: f64 = 0;
let parsedAux: i32 = 0;

/**
 * Parses [start, stop) as the value kind requires, in the shapes the JavaScript scanner parses on its bytes
 * (numberOrDate): [-]digits[.digits] with at most 13 integer digits, kopecks with at most two decimals,
 * quantities without decimals, integers without sign and decimals within their digits, dates DD.MM.YYYY.
 * False for any other shape: the line falls back and JavaScript decides (often the same value, or an error).
 */
@inline function parseValue(valueKind: i32, digits: i32, start: i32, stop: i32): bool {
  parsedAux = 0;
  parsedNumber = 0;
  if (valueKind == VALUE_DATE) {
    if (stop - start != 10 || byteAt(start + 2) != 0x2e || byteAt(start + 5) != 0x2e) return false;
    let bad = 0;
    for (let i = 0; i < 10; i++) {
      if (i == 2 || i == 5) continue;
      const d = byteAt(start + i) - 0x30;
      bad |= d | (9 - d);
    }
    if (bad < 0) return false;
    const day = (byteAt(start) - 0x30) * 10 + byteAt(start + 1) - 0x30;
    const month = (byteAt(start + 3) - 0x30) * 10 + byteAt(start + 4) - 0x30;
    const year = (byteAt(start + 6) - 0x30) * 1000 + (byteAt(start + 7) - 0x30) * 100 + (byteAt(start + 8) - 0x30) * 10 + byteAt(start + 9) - 0x30;
    if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) return false;
    parsedAux = year * 512 + month * 32 + day;
    return true;
  }
  let p = start;
  const negative = byteAt(p) == 0x2d;
  if (negative) p++;
  const integerStart = p;
  let whole: i64 = 0;
  while (p < stop) {
    const d = byteAt(p) - 0x30;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
    p++;
  }
  const integerDigits = p - integerStart;
  if (integerDigits == 0 || integerDigits > 13) return false;
  let fraction: i64 = 0;
  let fractionDigits = -1;
  if (p < stop && byteAt(p) == 0x2e) {
    const fractionStart = ++p;
    while (p < stop) {
      const d = byteAt(p) - 0x30;
      if (d < 0 || d > 9) break;
      fraction = fraction * 10 + d;
      p++;
    }
    fractionDigits = p - fractionStart;
  }
  if (p != stop) return false;
  if (valueKind == VALUE_AMOUNT) {
    if (fractionDigits > 2) return false;
    const kopecks = whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction);
    // -0 stays -0, as in JavaScript's parse of "-0.00".
    parsedNumber = negative ? -(<f64>kopecks) : <f64>kopecks;
    return true;
  }
  if (valueKind == VALUE_QUANTITY) {
    if (fractionDigits > 0 || integerDigits > 10) return false;
    parsedNumber = negative ? -(<f64>whole) : <f64>whole;
    return true;
  }
  // VALUE_INTEGER
  if (negative || fractionDigits >= 0 || integerDigits > digits) return false;
  parsedNumber = <f64>whole;
  return true;
}

/** FNV-1a of the value's bytes: the JavaScript interner's key for recurring codes (ОКЕИ, КПП, КодВидОпер). */
@inline function hashBytes(start: i32, stop: i32): i32 {
  let hash: u32 = 0x811c9dc5;
  for (let p = start; p < stop; p++) hash = (hash ^ load<u8>(p)) * 0x01000193;
  return <i32>hash;
}

let journalLength: i32 = 0;

/**
 * Recurring short codes (ОКЕИ, КПП, КодВидОпер…) through a direct-mapped table shared with JavaScript, which
 * keeps one string per slot: a hit means "the string of this slot", a miss "make the string and keep it in
 * this slot". Both sides change a slot in the same order: JavaScript takes the string of every miss on the
 * tape, in order, whether it uses the record or not (`fillInterned`); the records of a line that stops the
 * scan never reach the tape, so their slots are forgotten here (the journal). Returns the record flags; sets
 * parsedAux to the slot.
 */
function intern(start: i32, stop: i32): i32 {
  const length = stop - start;
  const hash = hashBytes(start, stop);
  const slot = (hash ^ <i32>(<u32>hash >> 16)) & (INTERN_SLOTS - 1);
  parsedAux = slot;
  const key = INTERNED_KEYS + slot * 16;
  if (<i32>load<u8>(INTERNED_LENGTHS + slot) == length && sameBytes(start, key, length)) return INTERNED | HIT;
  v128.store(key, v128.load(start));
  store<u8>(INTERNED_LENGTHS + slot, <u8>length);
  if (journalLength < JOURNAL_SIZE) store<i32>(JOURNAL + journalLength * 4, slot);
  journalLength++;
  return INTERNED;
}

/** Empties the slots the current line filled (it will not reach JavaScript). */
function forgetLine(): void {
  if (journalLength > JOURNAL_SIZE) forgetInterned();
  else for (let i = 0; i < journalLength; i++) store<u8>(INTERNED_LENGTHS + load<i32>(JOURNAL + i * 4), 0);
  journalLength = 0;
}

export function forgetInterned(): void {
  memory.fill(INTERNED_LENGTHS, 0, INTERN_SLOTS);
}

/** Days in a month of 20YY. */
@inline function daysIn(month: i32, yy: i32): i32 {
  if (month == 2) return (yy & 3) == 0 ? 29 : 28;
  return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
}

/**
 * The canonical RNPT shape `NNNNNNNN/DDMMYY/NNNNNNN/NNN` with a real date in 2000–2099 and an item other than
 * 000 — what registration.ts's isCanonicalRnptBytes accepts (the core returns such numbers unchanged).
 */
function isCanonicalRnpt(start: i32, stop: i32): bool {
  if (stop - start != 27) return false;
  // Bytes 0–15 and 11–26: digits except "/" at 8, 15 and 23.
  const zeros = i8x16.splat(0x30);
  const tens = i8x16.splat(10);
  const slashes = i8x16.splat(0x2f);
  const head = v128.load(start);
  const tail = v128.load(start + 11);
  if (i8x16.bitmask(i8x16.lt_u(i8x16.sub(head, zeros), tens)) != 0x7eff || i8x16.bitmask(i8x16.eq(head, slashes)) != 0x8100) return false;
  if (i8x16.bitmask(i8x16.lt_u(i8x16.sub(tail, zeros), tens)) != 0xefef || i8x16.bitmask(i8x16.eq(tail, slashes)) != 0x1010) return false;
  const day = (byteAt(start + 9) - 0x30) * 10 + byteAt(start + 10) - 0x30;
  const month = (byteAt(start + 11) - 0x30) * 10 + byteAt(start + 12) - 0x30;
  const yy = (byteAt(start + 13) - 0x30) * 10 + byteAt(start + 14) - 0x30;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, yy)) return false;
  return byteAt(start + 24) != 0x30 || byteAt(start + 25) != 0x30 || byteAt(start + 26) != 0x30;
}

// ---------------------------------------------------------------------------------------------------------
// Elements
// ---------------------------------------------------------------------------------------------------------

/** Set by readAttributes: the start tag ended with "/>". */
let emptyElement: bool = false;

/**
 * The attributes of a start tag of `kind` from p (just after the element name) to ">" or "/>"; writes a
 * record per attribute with `code`. Returns the position after the tag, or UNUSUAL.
 */
function readAttributes(p: i32, kind: i32, code: i32): i32 {
  const count = load<i32>(COUNTS + kind * 4);
  const order = ORDER + kind * 32;
  let position = 0;
  let seen: u32 = 0;
  for (;;) {
    let index: i32 = -1;
    let at: i32 = 0;
    let quote: i32 = 0;
    // The usual shape first: one space, the attribute this position had last time (files repeat one order), "=", a quote.
    if (byteAt(p) == 0x20 && position < 32) {
      const predicted = <i32>load<i8>(order + position);
      if (predicted >= 0) {
        at = ATTRIBUTES + (kind * 32 + predicted) * 16;
        const length = load<i32>(at + 4);
        // The pool holds the name followed by "=": one comparison for both.
        if (p + length + 2 < end && sameBytes(p + 1, load<i32>(at), length + 1)) {
          quote = byteAt(p + length + 2);
          if (quote == 0x22 || quote == 0x27) {
            index = predicted;
            p += length + 3;
          }
        }
      }
    }
    if (index < 0) {
      const spaceStart = p;
      p = skipSpace(p);
      if (p >= end) return UNUSUAL;
      let b = byteAt(p);
      if (b == 0x3e) {
        emptyElement = false;
        return p + 1;
      }
      if (b == 0x2f) {
        if (p + 1 >= end) return UNUSUAL;
        if (byteAt(p + 1) != 0x3e) return UNUSUAL;
        emptyElement = true;
        return p + 2;
      }
      if (p == spaceStart || position >= 32) return UNUSUAL;
      for (let i = 0; i < count; i++) {
        at = ATTRIBUTES + (kind * 32 + i) * 16;
        if (nameIs(p, load<i32>(at), load<i32>(at + 4))) {
          index = i;
          break;
        }
      }
      if (index < 0) return UNUSUAL; // an unknown attribute, or a name cut by the window
      store<i8>(order + position, <i8>index);
      p = skipSpace(p + load<i32>(at + 4));
      if (p >= end) return UNUSUAL;
      if (byteAt(p) != 0x3d) return UNUSUAL;
      p = skipSpace(p + 1);
      if (p >= end) return UNUSUAL;
      quote = byteAt(p);
      if (quote != 0x22 && quote != 0x27) return UNUSUAL;
      p++;
    }
    position++;
    const bit: u32 = 1 << <u32>index;
    if ((seen & bit) != 0) return UNUSUAL;
    seen |= bit;
    const start = p;
    const stop = scanValue(p, quote);
    if (stop < 0) return stop;
    p = stop + 1;
    const described = load<i32>(at + 8);
    const valueKind = described & 0xff;
    let flags = valueFlags;
    let aux = 0;
    if (stop > start) {
      if (valueKind != VALUE_TEXT) {
        if (flags != 0 || !parseValue(valueKind, (described >> 8) & 0xff, start, stop)) return UNUSUAL;
        store<f64>(NUMBERS + record * 8, parsedNumber);
        aux = parsedAux;
      } else if ((described & RNPT) != 0 && isCanonicalRnpt(start, stop)) {
        flags |= CANONICAL_RNPT;
      } else if ((described & HASHED) != 0 && flags == 0 && stop - start <= 16) {
        flags = intern(start, stop);
        aux = parsedAux;
      }
    }
    writeRecord(code | (load<i32>(at + 12) << 8) | (flags << 16), start, stop, aux);
    // The next attribute, or the end of the tag, usually follows at once.
    if (p >= end) return UNUSUAL;
    const next = byteAt(p);
    if (next == 0x3e) {
      emptyElement = false;
      return p + 1;
    }
    if (next == 0x2f && p + 1 < end && byteAt(p + 1) == 0x3e) {
      emptyElement = true;
      return p + 2;
    }
  }
  return UNUSUAL; // not reached (AssemblyScript wants a return after an endless loop)
}

/** `</name>` at p (whitespace allowed before ">"); the position after it, or UNUSUAL. */
function readEndTag(p: i32, offset: i32, length: i32): i32 {
  if (p + 2 + length >= end) return UNUSUAL;
  if (byteAt(p) != 0x3c || byteAt(p + 1) != 0x2f || !sameBytes(p + 2, offset, length)) return UNUSUAL;
  p = skipSpace(p + 2 + length);
  if (p >= end) return UNUSUAL;
  return byteAt(p) == 0x3e ? p + 1 : UNUSUAL;
}

/** A text-only child (КодВидОпер…) after its name: `>text</name>`, printable ASCII only. */
function readSimple(p: i32, offset: i32, length: i32, role: i32): i32 {
  if (p >= end) return UNUSUAL;
  if (byteAt(p) != 0x3e) return UNUSUAL;
  const start = ++p;
  for (;;) {
    if (p >= end) return UNUSUAL;
    const b = byteAt(p);
    if (b == 0x3c) break;
    if (b <= 0x20 || b >= 0x7f || b == 0x26 || b == 0x5d) return UNUSUAL;
    p++;
  }
  if (p == start) return UNUSUAL;
  const stop = p;
  if (role == ROLE_ACCOUNTING_DATE) {
    if (!parseValue(VALUE_DATE, 0, start, stop)) return UNUSUAL;
    writeRecord(REC_TEXT | (role << 8), start, stop, parsedAux);
  } else if (stop - start <= 16) {
    const flags = intern(start, stop);
    writeRecord(REC_TEXT | (role << 8) | (flags << 16), start, stop, parsedAux);
  } else return UNUSUAL;
  return readEndTag(stop, offset, length);
}

/** A leaf (СвРегНом, СведЮЛ, СведИП) after its name: attributes, then "/>" or "></name>". */
function readLeaf(p: i32, kind: i32, offset: i32, length: i32): i32 {
  p = readAttributes(p, kind, REC_ATTRIBUTE);
  if (p < 0 || emptyElement) return p;
  return readEndTag(p, offset, length);
}

/**
 * СвПокуп / СвПрод / СвПос after its name: `>`, one СведЮЛ or СведИП, the end tag. The record's aux: 1 for
 * СведЮЛ, plus 2 for the intermediary (СвПос).
 */
function readCounterparty(p: i32, offset: i32, length: i32, intermediary: i32): i32 {
  p = skipSpace(p);
  if (p >= end) return UNUSUAL;
  if (byteAt(p) != 0x3e) return UNUSUAL;
  p = skipSpace(p + 1);
  if (p + 1 >= end) return UNUSUAL;
  if (byteAt(p) != 0x3c) return UNUSUAL;
  let legal = 0;
  if (nameIs(p + 1, legalNameOffset, legalNameLength)) legal = 1;
  else if (!nameIs(p + 1, soleNameOffset, soleNameLength)) return UNUSUAL;
  writeRecord(REC_COUNTERPARTY, p, p, legal | (intermediary << 1));
  p = legal == 1 ? readLeaf(p + 1 + legalNameLength, KIND_LEGAL, legalNameOffset, legalNameLength) : readLeaf(p + 1 + soleNameLength, KIND_SOLE, soleNameOffset, soleNameLength);
  if (p < 0) return p;
  p = skipSpace(p);
  return readEndTag(p, offset, length);
}

let lastChild: i32 = 0;

/** One book line from its "<"; the position after its end tag, or UNUSUAL. */
function readLine(p: i32): i32 {
  p = readAttributes(p + 1 + lineNameLength, KIND_LINE, REC_ATTRIBUTE);
  if (p < 0) return p;
  if (emptyElement) return UNUSUAL; // no КодВидОпер: the scanner says so
  for (;;) {
    if (record + 64 > TAPE_RECORDS) return UNUSUAL;
    p = skipSpace(p);
    if (p + 1 >= end) return UNUSUAL;
    if (byteAt(p) != 0x3c) return UNUSUAL;
    const next = byteAt(p + 1);
    if (next == 0x2f) return readEndTag(p, lineNameOffset, lineNameLength);
    // The child of the previous step first (СвРегНом repeats), then each known child.
    let at = CHILDREN + lastChild * 16;
    if (!nameIs(p + 1, load<i32>(at), load<i32>(at + 4))) {
      at = 0;
      for (let i = 0; i < childCount; i++) {
        if (nameIs(p + 1, load<i32>(CHILDREN + i * 16), load<i32>(CHILDREN + i * 16 + 4))) {
          at = CHILDREN + i * 16;
          lastChild = i;
          break;
        }
      }
    }
    const role = at == 0 ? 0 : load<i32>(at + 8);
    const offset = load<i32>(at);
    const length = load<i32>(at + 4);
    if (role == 0) return UNUSUAL;
    p += 1 + length;
    if (role == ROLE_REGISTRATION) {
      writeRecord(REC_REGISTRATION, p, p, 0);
      p = readLeaf(p, KIND_REGISTRATION, offset, length);
      if (p < 0) return p;
    } else if (role == ROLE_PAYMENT || role == ROLE_PARTIAL_INVOICE) {
      const payment = role == ROLE_PAYMENT;
      writeRecord(payment ? REC_PAYMENT : REC_PARTIAL_INVOICE, p, p, 0);
      p = readLeaf(p, payment ? KIND_PAYMENT : KIND_PARTIAL_INVOICE, offset, length);
      if (p < 0) return p;
    } else if (role == ROLE_COUNTERPARTY || role == ROLE_INTERMEDIARY) {
      p = readCounterparty(p, offset, length, role == ROLE_INTERMEDIARY ? 1 : 0);
    } else {
      p = readSimple(p, offset, length, role);
    }
    if (p < 0) return p;
  }
  return UNUSUAL; // not reached
}

/**
 * Reads up to `maxLines` book lines from `start` (an offset into DATA) to `windowEnd`; sets `records` and
 * returns the number of lines. It stops early at the end of the window, before anything that is not a line of
 * the usual shape, and when the tape is nearly full; the caller continues after the last REC_LINE_END.
 */
export function scan(start: i32, windowEnd: i32, maxLines: i32): i32 {
  end = DATA + windowEnd;
  record = 0;
  let p = DATA + start;
  let lines = 0;
  while (lines < maxLines && record + LINE_RESERVE <= TAPE_RECORDS) {
    lineBreaks = 0;
    const lineStart = skipSpace(p);
    if (lineStart + 1 + lineNameLength >= end) break;
    if (byteAt(lineStart) != 0x3c || !nameIs(lineStart + 1, lineNameOffset, lineNameLength)) break;
    const lineRecord = record;
    journalLength = 0;
    const after = readLine(lineStart);
    if (after < 0) {
      // Unusual or cut by the window: none of it reaches JavaScript.
      record = lineRecord;
      forgetLine();
      break;
    }
    // The line's record carries the line breaks before and inside it.
    writeRecord(REC_LINE_END, after, after, lineBreaks);
    p = after;
    lines++;
  }
  records = record;
  return lines;
}
