/**
 * A byte-level pre-check run before any parser sees a file. It refuses what a parser would either expand
 * (DOCTYPE / ENTITY: billion laughs, external entities) or turn into giant strings (a 50 MB attribute value),
 * and it recognises a truncated file — all without decoding or building strings from the content.
 *
 * It works on raw bytes of windows-1251 or UTF-8: every XML delimiter is ASCII, and neither encoding uses
 * ASCII byte values inside a multi-byte character. It is incremental (`push` chunks, then `end`), so a
 * streaming reader can run it over a multi-gigabyte file in bounded memory.
 */
import { formatError } from './format-error.js';
import { decoderFor, type XmlEncoding } from './encoding.js';

export interface XmlSafetyLimits {
  /** Longest attribute value in bytes (ФНС's longest attribute is 2000 characters). Default 64 KiB. */
  maxAttributeValueBytes: number;
  /** Longest run of text, comment, CDATA or processing instruction in bytes. Default 1 MiB. */
  maxTextBytes: number;
  /** Deepest element nesting. Default 64 (УПД 5.03 nests 12 levels). */
  maxDepth: number;
  /** Longest element or attribute name in bytes. Default 256. */
  maxNameBytes: number;
}

export const DEFAULT_SAFETY_LIMITS: XmlSafetyLimits = {
  maxAttributeValueBytes: 64 * 1024,
  maxTextBytes: 1024 * 1024,
  maxDepth: 64,
  maxNameBytes: 256,
};

const enum State {
  Text,
  Lt,
  Bang,
  Comment,
  Cdata,
  Pi,
  StartName,
  InTag,
  AttrName,
  AfterAttrName,
  BeforeValue,
  AttrValue,
  SlashInTag,
  EndName,
  AfterEndName,
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const EQUALS = 0x3d;
const DASH = 0x2d;
const RBRACKET = 0x5d;
const QUOT = 0x22;
const APOS = 0x27;
const NEWLINE = 0x0a;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

export interface XmlSafetyScannerOptions {
  file?: string | undefined;
  encoding: XmlEncoding;
  limits?: Partial<XmlSafetyLimits>;
}

/** Incremental safety scanner; throws a FormatError (SledopytError) at the first problem. */
export class XmlSafetyScanner {
  private readonly file: string | undefined;
  private readonly encoding: XmlEncoding;
  private readonly limits: XmlSafetyLimits;
  private state = State.Text;
  private line = 1;
  /** Bytes in the current text / comment / value run. */
  private run = 0;
  /** Bytes of the current name (element or attribute), capped at maxNameBytes. */
  private name: number[] = [];
  private attribute = '';
  private quote = 0;
  /** Bytes after `<!` while deciding what it is. */
  private bang: number[] = [];
  /** How many of the closing delimiter's bytes have been seen (`-->`, `]]>`, `?>`). */
  private closing = 0;
  private readonly stack: string[] = [];
  private readonly nameCache = new Map<string, string>();
  private rootSeen = false;
  private rootClosed = false;
  private bytesSeen = 0;

  constructor(options: XmlSafetyScannerOptions) {
    this.file = options.file;
    this.encoding = options.encoding;
    this.limits = { ...DEFAULT_SAFETY_LIMITS, ...options.limits };
  }

  /** The element path at the current position, for other readers' messages. */
  get path(): string {
    return this.stack.join('/');
  }

  get currentLine(): number {
    return this.line;
  }

  push(chunk: Uint8Array): void {
    const limits = this.limits;
    const length = chunk.length;
    this.bytesSeen += length;
    for (let i = 0; i < length; i++) {
      const byte = chunk[i] ?? 0;
      if (byte === NEWLINE) this.line++;
      switch (this.state) {
        case State.Text:
          if (byte === LT) {
            this.state = State.Lt;
            this.run = 0;
          } else if (++this.run > limits.maxTextBytes) {
            throw this.limit('text', limits.maxTextBytes);
          }
          break;
        case State.Lt:
          if (byte === SLASH) {
            this.state = State.EndName;
            this.name = [];
          } else if (byte === QUESTION) {
            this.state = State.Pi;
            this.closing = 0;
          } else if (byte === BANG) {
            this.state = State.Bang;
            this.bang = [];
          } else {
            this.state = State.StartName;
            this.name = [byte];
          }
          break;
        case State.Bang:
          this.bang.push(byte);
          this.decideBang();
          break;
        case State.Comment:
          // "-->"
          if (byte === DASH) this.closing = Math.min(this.closing + 1, 2);
          else if (byte === GT && this.closing === 2) this.state = State.Text;
          else this.closing = 0;
          if (++this.run > limits.maxTextBytes) throw this.limit('comment', limits.maxTextBytes);
          break;
        case State.Cdata:
          // "]]>"
          if (byte === RBRACKET) this.closing = Math.min(this.closing + 1, 2);
          else if (byte === GT && this.closing === 2) this.state = State.Text;
          else this.closing = 0;
          if (++this.run > limits.maxTextBytes) throw this.limit('CDATA', limits.maxTextBytes);
          break;
        case State.Pi:
          if (byte === GT && this.closing === 1) this.state = State.Text;
          this.closing = byte === QUESTION ? 1 : 0;
          if (++this.run > limits.maxTextBytes) throw this.limit('processing instruction', limits.maxTextBytes);
          break;
        case State.StartName:
          if (isSpace(byte) || byte === GT || byte === SLASH) {
            this.openElement();
            this.state = byte === GT ? State.Text : byte === SLASH ? State.SlashInTag : State.InTag;
            this.run = 0;
          } else {
            this.addNameByte(byte);
          }
          break;
        case State.InTag:
          if (byte === GT) {
            this.state = State.Text;
            this.run = 0;
          } else if (byte === SLASH) {
            this.state = State.SlashInTag;
          } else if (!isSpace(byte)) {
            this.state = State.AttrName;
            this.name = [byte];
          }
          break;
        case State.SlashInTag:
          if (byte !== GT) throw this.malformed('"/" inside a start tag must be followed by ">"', 'после «/» в теге ожидается «>»');
          this.closeElement();
          this.state = State.Text;
          this.run = 0;
          break;
        case State.AttrName:
          if (byte === EQUALS || isSpace(byte)) {
            this.attribute = this.decodeName();
            this.state = byte === EQUALS ? State.BeforeValue : State.AfterAttrName;
          } else if (byte === GT || byte === SLASH) {
            throw this.malformed('attribute without a value', 'у атрибута нет значения');
          } else {
            this.addNameByte(byte);
          }
          break;
        case State.AfterAttrName:
          if (byte === EQUALS) this.state = State.BeforeValue;
          else if (!isSpace(byte)) throw this.malformed('attribute without "="', 'после имени атрибута ожидается «=»');
          break;
        case State.BeforeValue:
          if (byte === QUOT || byte === APOS) {
            this.quote = byte;
            this.state = State.AttrValue;
            this.run = 0;
          } else if (!isSpace(byte)) {
            throw this.malformed('attribute value must be quoted', 'значение атрибута должно быть в кавычках');
          }
          break;
        case State.AttrValue:
          if (byte === this.quote) {
            this.state = State.InTag;
          } else if (byte === LT) {
            throw this.malformed('"<" inside an attribute value', 'символ «<» внутри значения атрибута');
          } else if (++this.run > limits.maxAttributeValueBytes) {
            throw this.limit('attribute value', limits.maxAttributeValueBytes);
          }
          break;
        case State.EndName:
          if (byte === GT) {
            this.closeNamed();
            this.state = State.Text;
            this.run = 0;
          } else if (isSpace(byte)) {
            this.state = State.AfterEndName;
          } else {
            this.addNameByte(byte);
          }
          break;
        case State.AfterEndName:
          if (byte === GT) {
            this.closeNamed();
            this.state = State.Text;
            this.run = 0;
          } else if (!isSpace(byte)) {
            throw this.malformed('unexpected character in an end tag', 'лишний символ в закрывающем теге');
          }
          break;
      }
    }
  }

  /** Call after the last chunk: a document that has not ended is truncated. */
  end(): void {
    if (!this.rootSeen) {
      throw formatError({
        code: 'XML_TRUNCATED',
        file: this.file,
        line: this.line,
        message: this.bytesSeen === 0 ? 'The file is empty' : 'The file has no root element',
        messageRu: this.bytesSeen === 0 ? 'файл пуст' : 'в файле нет ни одного XML-элемента — файл обрезан или это не XML',
      });
    }
    if (this.state !== State.Text || this.stack.length > 0) {
      throw formatError({
        code: 'XML_TRUNCATED',
        file: this.file,
        line: this.line,
        path: this.path,
        message: `The file ends inside ${this.stack.length > 0 ? `element ${this.path}` : 'markup'}: it is truncated`,
        messageRu: 'файл обрывается до конца документа (обрезан при передаче или записи). Получите файл заново',
        extra: { openElements: this.stack.length },
      });
    }
  }

  private decideBang(): void {
    const text = String.fromCharCode(...this.bang);
    if (text === '--') {
      this.state = State.Comment;
      this.closing = 0;
      this.run = 0;
      return;
    }
    if (text === '[CDATA[') {
      this.state = State.Cdata;
      this.closing = 0;
      this.run = 0;
      return;
    }
    if ('--'.startsWith(text) || '[CDATA['.startsWith(text)) return;
    if (text.startsWith('-') || text.startsWith('[')) {
      throw this.malformed('broken comment or CDATA section', 'испорченный комментарий или блок CDATA');
    }
    // Anything else after "<!" is a DTD construct: DOCTYPE, ENTITY, ELEMENT, ATTLIST, NOTATION.
    const keyword = text.replace(/[^A-Za-z]/g, '');
    if (keyword.length < 7 && /^[A-Za-z]*$/.test(text)) return; // wait for "DOCTYPE" / "ENTITY"
    throw formatError({
      code: 'XML_DOCTYPE_FORBIDDEN',
      file: this.file,
      line: this.line,
      message: `DTD declarations (<!${keyword.toUpperCase()}…>) are refused: entity expansion and external entities are unsafe`,
      messageRu:
        'в файле есть объявление DTD (<!DOCTYPE …> или <!ENTITY …>). Файлы ФНС их не содержат, а такие объявления используются для атак (раскрытие сущностей, чтение чужих файлов); файл не обработан',
      extra: { declaration: keyword.toUpperCase() },
    });
  }

  private addNameByte(byte: number): void {
    if (this.name.length >= this.limits.maxNameBytes) throw this.limit('name', this.limits.maxNameBytes);
    this.name.push(byte);
  }

  private decodeName(): string {
    const key = String.fromCharCode(...this.name);
    let name = this.nameCache.get(key);
    if (name === undefined) {
      name = decoderFor(this.encoding).decode(Uint8Array.from(this.name));
      this.nameCache.set(key, name);
    }
    return name;
  }

  private openElement(): void {
    if (this.rootClosed) {
      throw this.malformed('a second root element after the document ended', 'после конца документа начинается второй корневой элемент');
    }
    this.stack.push(this.decodeName());
    this.rootSeen = true;
    this.attribute = '';
    if (this.stack.length > this.limits.maxDepth) throw this.limit('nesting depth', this.limits.maxDepth);
  }

  private closeElement(): void {
    this.stack.pop();
    if (this.stack.length === 0) this.rootClosed = true;
  }

  private closeNamed(): void {
    const name = this.decodeName();
    const open = this.stack[this.stack.length - 1];
    if (open !== name) {
      throw this.malformed(`end tag </${name}> does not match <${open ?? ''}>`, `закрывающий тег </${name}> не соответствует открытому <${open ?? ''}>`);
    }
    this.closeElement();
  }

  private malformed(message: string, messageRu: string) {
    return formatError({ code: 'XML_MALFORMED', file: this.file, line: this.line, path: this.path, message, messageRu });
  }

  private limit(what: string, max: number) {
    const inAttribute = this.state === State.AttrValue;
    const whatRu: Record<string, string> = {
      text: 'текст элемента',
      comment: 'комментарий',
      CDATA: 'блок CDATA',
      'processing instruction': 'инструкция обработки',
      'attribute value': 'значение атрибута',
      name: 'имя элемента или атрибута',
      'nesting depth': 'глубина вложенности элементов',
    };
    return formatError({
      code: 'XML_LIMIT_EXCEEDED',
      file: this.file,
      line: this.line,
      path: this.path,
      ...(inAttribute ? { attribute: this.attribute } : {}),
      message: `${what} exceeds the limit of ${max}${what === 'nesting depth' ? ' levels' : ' bytes'}`,
      messageRu: `${whatRu[what] ?? what} превышает предел (${max}${what === 'nesting depth' ? ' уровней' : ' байт'}). В файлах ФНС таких значений не бывает: файл повреждён или создан намеренно`,
      extra: { limit: max, what },
    });
  }
}

/** Runs the safety scanner over a whole in-memory file. */
export function assertXmlSafe(bytes: Uint8Array, options: XmlSafetyScannerOptions): void {
  const scanner = new XmlSafetyScanner(options);
  scanner.push(bytes);
  scanner.end();
}
