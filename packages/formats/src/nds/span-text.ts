/**
 * Text from byte spans of a windows-1251 or UTF-8 file, for the byte scanner: plain spans (no markup
 * characters) are decoded directly; spans with entity or character references or literal line breaks go
 * through XML's value processing — line-end normalisation, attribute-value whitespace normalisation
 * (XML 1.0 §2.11, §3.3.3) and the five predefined entities plus character references. Anything else after
 * "&" is refused: no DTD can declare entities here.
 */
import type { XmlEncoding } from '../xml/encoding.js';

/** A value that is not acceptable XML text; the scanner adds file, line and path. */
export class SpanTextProblem {
  constructor(
    readonly kind: 'entity' | 'encoding',
    readonly message: string,
    readonly messageRu: string,
  ) {}
}

/** Byte → UTF-16 code unit for bytes that are their own code point (ASCII, latin1). */
const IDENTITY = Uint16Array.from({ length: 256 }, (_, byte) => byte);
/** Longest value built by `shortText`; longer ones go through one native slice or decoder call. */
export const SHORT_TEXT_BYTES = 16;

/**
 * A string of up to 16 single-byte characters, through `table`. `String.fromCharCode` with a fixed number of
 * arguments is a fast builtin call (measured here: ~35 ns for 11 characters, against ~60 ns for a native
 * latin1 slice and ~125 ns for `fromCharCode.apply` over a typed array); the short values — ИНН, КПП, codes,
 * invoice numbers — are most of the strings of a book.
 */
export function shortText(buf: Uint8Array, start: number, length: number, table: Uint16Array): string {
  const c = (i: number) => table[buf[start + i] as number] as number;
  const f = String.fromCharCode;
  switch (length) {
    case 0: return '';
    case 1: return f(c(0));
    case 2: return f(c(0), c(1));
    case 3: return f(c(0), c(1), c(2));
    case 4: return f(c(0), c(1), c(2), c(3));
    case 5: return f(c(0), c(1), c(2), c(3), c(4));
    case 6: return f(c(0), c(1), c(2), c(3), c(4), c(5));
    case 7: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6));
    case 8: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7));
    case 9: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8));
    case 10: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8), c(9));
    case 11: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8), c(9), c(10));
    case 12: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8), c(9), c(10), c(11));
    case 13: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8), c(9), c(10), c(11), c(12));
    case 14: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8), c(9), c(10), c(11), c(12), c(13));
    case 15: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8), c(9), c(10), c(11), c(12), c(13), c(14));
    case 16: return f(c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8), c(9), c(10), c(11), c(12), c(13), c(14), c(15));
    default: throw new RangeError(`shortText: ${length} bytes is more than ${SHORT_TEXT_BYTES}`);
  }
}

/** ASCII bytes as a string (no decoder needed). */
export function asciiText(buf: Buffer, start: number, end: number): string {
  const length = end - start;
  if (length <= SHORT_TEXT_BYTES) return shortText(buf, start, length, IDENTITY);
  return length === 27 ? rnptText(buf, start) : buf.toString('latin1', start, end);
}

/** 27 bytes — the length of an RNPT, the most frequent long value (~45 ns here, a latin1 slice ~60 ns). */
function rnptText(b: Uint8Array, s: number): string {
  const c = (i: number) => b[s + i] as number;
  return String.fromCharCode(
    c(0), c(1), c(2), c(3), c(4), c(5), c(6), c(7), c(8), c(9), c(10), c(11), c(12), c(13),
    c(14), c(15), c(16), c(17), c(18), c(19), c(20), c(21), c(22), c(23), c(24), c(25), c(26),
  );
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Decodes spans of one file; one instance per reader (decoders are not shared between streams). */
export class SpanDecoder {
  /** windows-1251 byte → UTF-16 code unit. */
  private readonly table: Uint16Array | undefined;
  /** Scratch code units for short values (one string from them, no concatenation). */
  private readonly units = new Uint16Array(256);
  private readonly utf8: InstanceType<typeof TextDecoder> | undefined;

  constructor(readonly encoding: XmlEncoding) {
    if (encoding === 'windows-1251') {
      const bytes = new Uint8Array(256).map((_, index) => index);
      const text = new TextDecoder('windows-1251').decode(bytes);
      this.table = Uint16Array.from(text, (char) => char.charCodeAt(0));
    } else {
      this.utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    }
  }

  /** Bytes without markup characters. `nonAscii`: whether any byte is ≥ 0x80 (else a latin1 slice is exact). */
  plain(buf: Buffer, start: number, end: number, nonAscii: boolean): string {
    if (!nonAscii) return asciiText(buf, start, end);
    const table = this.table;
    if (table !== undefined) {
      const length = end - start;
      if (length <= SHORT_TEXT_BYTES) return shortText(buf, start, length, table);
      if (length > this.units.length) return new TextDecoder('windows-1251').decode(buf.subarray(start, end));
      const units = this.units;
      for (let i = 0; i < length; i++) units[i] = table[buf[start + i] as number] as number;
      return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
    }
    try {
      return (this.utf8 as InstanceType<typeof TextDecoder>).decode(buf.subarray(start, end));
    } catch {
      throw new SpanTextProblem(
        'encoding',
        'Bytes that are not UTF-8 in a file declared UTF-8',
        'байты не являются UTF-8, хотя файл объявлен в UTF-8 — вероятно, он сохранён в windows-1251. Исправьте заголовок или перекодируйте файл',
      );
    }
  }

  /** Attribute value with references and/or literal whitespace characters. */
  attribute(buf: Buffer, start: number, end: number, nonAscii: boolean): string {
    const raw = normaliseLineEnds(this.plain(buf, start, end, nonAscii)).replace(/[\t\n]/g, ' ');
    return expandReferences(raw);
  }

  /** Character data of an element with references or line breaks. */
  text(buf: Buffer, start: number, end: number, nonAscii: boolean): string {
    return expandReferences(normaliseLineEnds(this.plain(buf, start, end, nonAscii)));
  }
}

function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Expands `&lt;` `&gt;` `&amp;` `&apos;` `&quot;` `&#NN;` `&#xHH;`; any other `&` is an error. */
export function expandReferences(text: string): string {
  let ampersand = text.indexOf('&');
  if (ampersand < 0) return text;
  let out = '';
  let from = 0;
  while (ampersand >= 0) {
    const semicolon = text.indexOf(';', ampersand + 1);
    const name = semicolon < 0 ? '' : text.slice(ampersand + 1, semicolon);
    out += text.slice(from, ampersand) + resolveReference(name, text.slice(ampersand, Math.min(text.length, ampersand + 12)));
    from = semicolon + 1;
    ampersand = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

function resolveReference(name: string, context: string): string {
  const predefined = PREDEFINED_ENTITIES[name];
  if (predefined !== undefined) return predefined;
  const match = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(name);
  if (match !== null) {
    const codePoint = match[1] !== undefined ? parseInt(match[1], 16) : Number(match[2]);
    if (isXmlChar(codePoint)) return String.fromCodePoint(codePoint);
  }
  throw new SpanTextProblem(
    'entity',
    `Undefined entity or bad character reference "${context}"`,
    `неизвестная ссылка на сущность или неверная ссылка на символ «${context}». В файлах ФНС допустимы только &amp; &lt; &gt; &quot; &apos; и &#код;`,
  );
}

/** XML 1.0 `Char`. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}
