/**
 * Encodings of ФНС files: windows-1251 (what ФНС publishes and expects) and UTF-8 (what some EDO operators
 * and tools emit). The XML declaration and the BOM decide; bytes that contradict them are refused rather than
 * decoded into mojibake that would then pass as "valid" names and numbers.
 */
import { formatError } from './format-error.js';

export type XmlEncoding = 'windows-1251' | 'utf-8';

export interface DetectedEncoding {
  encoding: XmlEncoding;
  /** Bytes of the byte-order mark to skip (3 for a UTF-8 BOM, else 0). */
  bomLength: number;
  /** The label as written in the declaration, if there was one. */
  declared?: string;
}

export interface DetectEncodingOptions {
  file?: string | undefined;
  /**
   * The bytes are only the beginning of a file (a streaming reader's first chunk): a multi-byte UTF-8 sequence
   * cut at the end is not an error.
   */
  partial?: boolean;
}

const ENCODING_ALIASES: Record<string, XmlEncoding> = {
  'windows-1251': 'windows-1251',
  cp1251: 'windows-1251',
  'x-cp1251': 'windows-1251',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

/** The longest XML declaration we look for; real ones are about 45 bytes. */
const DECLARATION_WINDOW = 512;

/**
 * Finds the encoding of an XML file from its BOM and declaration, and checks that the bytes agree.
 * No declaration means UTF-8 (XML 1.0 §4.3.3).
 */
export function detectXmlEncoding(bytes: Uint8Array, options: DetectEncodingOptions = {}): DetectedEncoding {
  const file = options.file;
  const unsupported = (label: string) =>
    formatError({
      code: 'XML_ENCODING_UNSUPPORTED',
      file,
      line: 1,
      message: `Unsupported encoding ${label}: only windows-1251 and UTF-8 are read`,
      messageRu: `кодировка ${label} не поддерживается. ФНС принимает файлы в windows-1251; сохраните файл в windows-1251 или UTF-8`,
      extra: { encoding: label },
    });

  if (startsWith(bytes, [0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0x00, 0x3c]) || startsWith(bytes, [0x3c, 0x00])) {
    throw unsupported('UTF-16');
  }
  const bomLength = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const declared = readDeclaredEncoding(bytes, bomLength);

  let encoding: XmlEncoding = 'utf-8';
  if (declared !== undefined) {
    const known = ENCODING_ALIASES[declared.toLowerCase()];
    if (known === undefined) throw unsupported(declared);
    encoding = known;
  }
  if (bomLength > 0 && encoding !== 'utf-8') {
    throw mismatch(file, 1, `the file starts with a UTF-8 byte-order mark but declares ${declared ?? ''}`,
      `файл начинается с метки UTF-8 (BOM), а в заголовке указана кодировка ${declared ?? ''}`);
  }

  const scan = scanUtf8(bytes, bomLength, options.partial === true);
  if (encoding === 'utf-8' && scan.invalidAt >= 0) {
    throw mismatch(file, lineAt(bytes, scan.invalidAt),
      `byte 0x${hex(bytes[scan.invalidAt])} at offset ${scan.invalidAt} is not UTF-8, but the file is ${declared === undefined ? 'undeclared (hence UTF-8)' : `declared ${declared}`}`,
      declared === undefined
        ? 'в файле нет заголовка с кодировкой (значит, UTF-8), но байты не являются UTF-8 — вероятно, это windows-1251. Добавьте заголовок <?xml version="1.0" encoding="windows-1251"?>'
        : `в заголовке указана кодировка ${declared}, но байты не являются UTF-8 — вероятно, файл сохранён в windows-1251. Исправьте заголовок или перекодируйте файл`);
  }
  if (encoding === 'windows-1251' && scan.invalidAt < 0 && scan.multiByteSequences > 0) {
    // Russian text in windows-1251 practically never forms valid UTF-8 sequences throughout: this is UTF-8 text.
    throw mismatch(file, lineAt(bytes, scan.firstMultiByteAt),
      `the file declares ${declared ?? ''} but its non-ASCII bytes are valid UTF-8 (${scan.multiByteSequences} sequences)`,
      `в заголовке указана кодировка ${declared ?? ''}, но текст записан в UTF-8. Перекодируйте файл в windows-1251 или исправьте заголовок на UTF-8`);
  }
  return declared === undefined ? { encoding, bomLength } : { encoding, bomLength, declared };
}

function mismatch(file: string | undefined, line: number, message: string, messageRu: string) {
  return formatError({ code: 'XML_ENCODING_MISMATCH', file, line, message, messageRu });
}

function readDeclaredEncoding(bytes: Uint8Array, start: number): string | undefined {
  if (!startsWith(bytes, [0x3c, 0x3f, 0x78, 0x6d, 0x6c], start)) return undefined; // "<?xml"
  const end = Math.min(bytes.length, start + DECLARATION_WINDOW);
  let header = '';
  for (let i = start; i < end; i++) {
    const byte = bytes[i] ?? 0;
    header += String.fromCharCode(byte);
    if (byte === 0x3e) break; // ">"
  }
  const match = /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(header);
  return match === null ? undefined : (match[1] ?? match[2] ?? '').trim();
}

interface Utf8Scan {
  /** Offset of the first byte that breaks UTF-8, or -1. */
  invalidAt: number;
  multiByteSequences: number;
  firstMultiByteAt: number;
}

/** One pass over the bytes: is this valid UTF-8, and does it contain non-ASCII characters? */
export function scanUtf8(bytes: Uint8Array, start = 0, partial = false): Utf8Scan {
  let multiByteSequences = 0;
  let firstMultiByteAt = -1;
  const length = bytes.length;
  let i = start;
  while (i < length) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return { invalidAt: i, multiByteSequences, firstMultiByteAt };
    }
    if (i + need >= length) {
      // The sequence runs past the end: fine for a first chunk, broken for a whole file.
      if (partial) break;
      return { invalidAt: i, multiByteSequences, firstMultiByteAt };
    }
    let codePoint = byte & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) return { invalidAt: i, multiByteSequences, firstMultiByteAt };
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      return { invalidAt: i, multiByteSequences, firstMultiByteAt };
    }
    if (firstMultiByteAt < 0) firstMultiByteAt = i;
    multiByteSequences++;
    i += need + 1;
  }
  return { invalidAt: -1, multiByteSequences, firstMultiByteAt };
}

/** Decodes a whole XML file after checking its encoding. */
export function decodeXml(bytes: Uint8Array, options: DetectEncodingOptions = {}): { text: string; encoding: XmlEncoding } {
  const detected = detectXmlEncoding(bytes, options);
  const body = detected.bomLength > 0 ? bytes.subarray(detected.bomLength) : bytes;
  return { text: decoderFor(detected.encoding).decode(body), encoding: detected.encoding };
}

type Decoder = InstanceType<typeof TextDecoder>;
const decoders: Partial<Record<XmlEncoding, Decoder>> = {};

/** A shared decoder (TextDecoder is the fastest windows-1251 decoder in Node). Do not use it for streams. */
export function decoderFor(encoding: XmlEncoding): Decoder {
  let decoder = decoders[encoding];
  if (decoder === undefined) {
    decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
    decoders[encoding] = decoder;
  }
  return decoder;
}

/**
 * char code → windows-1251 byte, built as the exact inverse of the platform decoder, so that
 * encode → decode is the identity for every character we accept. (TextEncoder only writes UTF-8.)
 */
let cp1251Table: Map<number, number> | undefined;
function windows1251Table(): Map<number, number> {
  if (cp1251Table === undefined) {
    const all = new Uint8Array(128);
    for (let i = 0; i < 128; i++) all[i] = 128 + i;
    const decoded = new TextDecoder('windows-1251').decode(all);
    cp1251Table = new Map();
    for (let i = 0; i < 128; i++) {
      const code = decoded.charCodeAt(i);
      if (code !== 0xfffd) cp1251Table.set(code, 128 + i);
    }
  }
  return cp1251Table;
}

/** True when every character of the text has a windows-1251 byte. */
export function isWindows1251Encodable(text: string): boolean {
  return firstUnencodable(text) < 0;
}

function firstUnencodable(text: string): number {
  const table = windows1251Table();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && !table.has(code)) return i;
  }
  return -1;
}

/** Encodes XML text; a character windows-1251 cannot hold is an error, never a silent "?". */
export function encodeXml(text: string, encoding: XmlEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const table = windows1251Table();
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[i] = code;
      continue;
    }
    const byte = table.get(code);
    if (byte === undefined) {
      const char = String.fromCodePoint(text.codePointAt(i) ?? code);
      throw formatError({
        code: 'XML_WRITE_INVALID',
        line: lineOfText(text, i),
        message: `Character U+${code.toString(16).toUpperCase().padStart(4, '0')} "${char}" cannot be written in windows-1251`,
        messageRu: `символ «${char}» нельзя записать в кодировке windows-1251, которую требует ФНС. Замените его (например, кавычки «» или латиница вместо редких символов)`,
        extra: { char, context: text.slice(Math.max(0, i - 30), i + 30) },
      });
    }
    out[i] = byte;
  }
  return out;
}

/** The label for `<?xml … encoding="…"?>`. */
export function encodingLabel(encoding: XmlEncoding): string {
  return encoding === 'utf-8' ? 'UTF-8' : 'windows-1251';
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((value, index) => bytes[at + index] === value);
}

/** 1-based line of a byte offset. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  const end = Math.min(offset, bytes.length);
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineOfText(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).toUpperCase().padStart(2, '0');
}
