/**
 * The same reader built on saxes, a conforming XML parser: slower (the whole file is decoded and every
 * attribute becomes a string) but independent of the byte scanner's tokenizer. It shares only the rules —
 * the field tables, value conversion and line assembly — so tests can compare the two line by line on the
 * same files, and the benchmark can show what the scanner buys.
 */
import type { CalendarDate, Kopecks, Quantity } from '@sledopyt/core';
import { SaxesParser } from 'saxes';
import { detectXmlEncoding } from '../xml/encoding.js';
import { excerpt, formatError, type FormatErrorCode } from '../xml/format-error.js';
import { DEFAULT_SAFETY_LIMITS } from '../xml/safety.js';
import {
  append,
  buildLegalEntity,
  buildLine,
  buildPartialInvoice,
  buildPayment,
  buildSoleTrader,
  emptyLineChildren,
  type FieldValues,
} from './build.js';
import { buildSectionHeader, resolveSection, type HeadAttributes } from './header.js';
import { childRole, sectionByBookElement } from './line-rules.js';
import { registrationEntry, type Counterparty, type NdsLine, type NdsSectionHeader, type RegistrationEntry } from './model.js';
import { ChunkPuller, createLineReader, DEFAULT_CHUNK_BYTES, openSource, type NdsLineReader, type NdsSource, type ReadNdsOptions } from './reader.js';
import { RegistrationNumberClassifier } from './registration.js';
import {
  ACCOUNTING_DATE,
  DOCUMENT_ELEMENT,
  GOODS_CODE,
  LEGAL_ENTITY_ELEMENT,
  LEGAL_ENTITY_FIELDS,
  LINE_CHILDREN,
  NDS_SECTIONS,
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

/** A parsed element of one book line (lines are small: a tree per line is cheap). */
interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
  line: number;
}

/** Reads a book section with saxes (reference implementation; see readNdsLines for the fast one). */
export function readNdsLinesWithSaxes(source: NdsSource, options: ReadNdsOptions = {}): NdsLineReader {
  return createLineReader((onHeader) => saxesBatches(source, options, onHeader));
}

class LineRules {
  private readonly classifier = new RegistrationNumberClassifier();
  private path = '';
  private line = 0;

  constructor(
    private readonly book: BookKind,
    private readonly file: string | undefined,
    private readonly keepInvalidNumbers: boolean,
  ) {}

  read(node: Node, path: string): NdsLine {
    this.path = path;
    this.line = node.line;
    const lineSpec = LINE_CHILDREN[this.book];
    const values = this.fields(node, lineSpec.lineFields);
    const children = emptyLineChildren();
    const counters = new Map<string, number>();
    for (const child of node.children) {
      const role = childRole(this.book, child.name);
      const index = (counters.get(child.name) ?? 0) + 1;
      counters.set(child.name, index);
      const childPath = `${path}/${child.name}`;
      this.path = role === 'registration' || role === 'payment' || role === 'partial-invoice' || role === 'counterparty' ? `${childPath}[${index}]` : childPath;
      this.line = child.line;
      switch (role) {
        case 'operation-code':
          children.operationCodes = append(children.operationCodes, this.simple(child, OPERATION_CODE) as string);
          break;
        case 'goods-code':
          children.goodsCodes = append(children.goodsCodes, this.simple(child, GOODS_CODE) as string);
          break;
        case 'accounting-date':
          children.accountingDates = append(children.accountingDates, this.simple(child, ACCOUNTING_DATE) as CalendarDate);
          break;
        case 'registration':
          children.registrations = append(children.registrations, this.registration(child));
          break;
        case 'payment':
          children.payments = append(children.payments, buildPayment(this.book, this.leaf(child, lineSpec.paymentFields)));
          break;
        case 'partial-invoice':
          children.partialInvoices = append(children.partialInvoices, buildPartialInvoice(this.leaf(child, PARTIAL_INVOICE_FIELDS)));
          break;
        case 'counterparty':
          children.counterparties = append(children.counterparties, this.counterparty(child));
          break;
        case 'intermediary':
          if (children.intermediary !== undefined) {
            throw this.error('XML_MALFORMED', `element ${child.name} occurs more than once in a line`, `элемент ${child.name} повторяется в строке, а допускается один`);
          }
          children.intermediary = this.counterparty(child);
          break;
        default:
          break;
      }
    }
    this.path = path;
    this.line = node.line;
    if (children.operationCodes.length === 0) {
      throw this.error('XML_REQUIRED_MISSING', 'Required element КодВидОпер is missing',
        'нет обязательного элемента КодВидОпер (код вида операции). Файл составлен с ошибкой; запросите исправленный');
    }
    return buildLine(this.book, values, children);
  }

  private fields(node: Node, fields: readonly FieldSpec[]): FieldValues {
    const values: FieldValues = [];
    for (const field of fields) {
      const raw = node.attributes[field.name];
      if (raw === undefined || raw === '') {
        if (field.required) {
          throw this.error('XML_REQUIRED_MISSING', `Required attribute ${field.name} is missing`,
            `нет обязательного атрибута ${field.name}. Файл составлен с ошибкой; запросите исправленный`, field.name);
        }
        values.push(undefined);
        continue;
      }
      values.push(this.convert(field, raw, field.name));
    }
    return values;
  }

  private convert(field: FieldSpec, raw: string, attribute: string | undefined): FieldValue {
    const value = convertValue(field, raw);
    if (value === undefined) {
      const expected = expectedValue(field);
      throw this.error('XML_VALUE_INVALID', `Invalid value "${excerpt(raw)}": expected ${expected.en}`, `недопустимое значение «${excerpt(raw)}»: ожидается ${expected.ru}`, attribute);
    }
    return value;
  }

  private simple(node: Node, field: FieldSpec): FieldValue {
    if (node.children.length > 0) {
      throw this.error('XML_MALFORMED', `element ${node.name} must contain text only`, `элемент ${node.name} должен содержать только текст`);
    }
    if (node.text === '') throw this.error('XML_REQUIRED_MISSING', `Element ${node.name} is empty`, `элемент ${node.name} пуст, а должен содержать значение`);
    return this.convert(field, node.text, undefined);
  }

  private leaf(node: Node, fields: readonly FieldSpec[]): FieldValues {
    if (node.children.length > 0) {
      throw this.error('XML_MALFORMED', `element ${node.name} must not contain elements`, `элемент ${node.name} не должен содержать вложенных элементов`);
    }
    if (!/^[ \t\r\n]*$/.test(node.text)) throw this.error('XML_MALFORMED', `element ${node.name} must not contain text`, `элемент ${node.name} не должен содержать текста`);
    return this.fields(node, fields);
  }

  private registration(node: Node): RegistrationEntry {
    const values = this.leaf(node, REGISTRATION_FIELDS);
    const text = values[0] as string;
    const classified = this.classifier.classify(text);
    if ('code' in classified) {
      if (this.keepInvalidNumbers) {
        return registrationEntry(text, 'invalid', text, values[1] as string | undefined, values[2] as Quantity | undefined, values[3] as Kopecks | undefined);
      }
      throw this.error('XML_VALUE_INVALID', `Invalid registration number "${excerpt(text)}" (${classified.code}): ${classified.message}`,
        `неверный регистрационный номер «${excerpt(text)}»: ${classified.messageRu}`, 'РегНомПросл');
    }
    return registrationEntry(text, classified.kind, classified.number, values[1] as string | undefined, values[2] as Quantity | undefined, values[3] as Kopecks | undefined);
  }

  private counterparty(node: Node): Counterparty {
    const ids = node.children.filter((child) => child.name === LEGAL_ENTITY_ELEMENT || child.name === SOLE_TRADER_ELEMENT);
    const [id] = ids;
    if (ids.length > 1) {
      throw this.error('XML_MALFORMED', 'more than one СведЮЛ/СведИП in one counterparty', 'в сведениях о контрагенте больше одного элемента СведЮЛ/СведИП, а допускается один');
    }
    if (id === undefined) throw this.error('XML_REQUIRED_MISSING', 'One of the elements СведЮЛ | СведИП is required', 'нет ни СведЮЛ, ни СведИП — нужен один из них');
    const outer = this.path;
    this.path = `${outer}/${id.name}`;
    this.line = id.line;
    const result = id.name === LEGAL_ENTITY_ELEMENT ? buildLegalEntity(this.leaf(id, LEGAL_ENTITY_FIELDS)) : buildSoleTrader(this.leaf(id, SOLE_TRADER_FIELDS));
    this.path = outer;
    return result;
  }

  private error(code: FormatErrorCode, message: string, messageRu: string, attribute?: string) {
    return formatError({ code, file: this.file, line: this.line, path: this.path, attribute, message, messageRu });
  }
}

async function* saxesBatches(source: NdsSource, options: ReadNdsOptions, onHeader: (header: NdsSectionHeader) => void): AsyncGenerator<NdsLine[]> {
  const file = options.fileName ?? (typeof source === 'string' ? source : undefined);
  const limits = { ...DEFAULT_SAFETY_LIMITS, ...options.limits };
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  const head: { root: Record<string, string>; document: Record<string, string>; bookName: string | undefined; book: Record<string, string> | undefined } = {
    root: {},
    document: {},
    bookName: undefined,
    book: undefined,
  };
  let header: NdsSectionHeader | undefined;
  let section: NdsSection | undefined;
  let rules: LineRules | undefined;
  let lineName = '';
  let lineOrdinal = 0;
  let lineNode: Node | undefined;
  let bookDone = false;
  const lineStack: Node[] = [];
  let out: NdsLine[] = [];
  let failure: unknown;

  const fail = (code: FormatErrorCode, message: string, messageRu: string) =>
    formatError({ code, file, line: parser.line, path: stack.join('/') || undefined, message, messageRu });

  const completeHeader = () => {
    const attributes: HeadAttributes = head;
    section = resolveSection(attributes, file, parser.line);
    header = buildSectionHeader(attributes, section, encoding, file);
    rules = new LineRules(NDS_SECTIONS[section].lines, file, options.invalidRegistrationNumbers === 'keep');
    lineName = NDS_SECTIONS[section].line;
    onHeader(header);
  };

  parser.on('error', (error) => {
    const reason = error.message.replace(/^\d+:\d+: /, '');
    throw fail(/unclosed|end of|root element/i.test(reason) ? 'XML_TRUNCATED' : 'XML_MALFORMED', `Not well-formed XML: ${reason}`,
      `файл не является правильным XML (${reason}). Файл повреждён; получите его заново`);
  });
  parser.on('doctype', () => {
    throw fail('XML_DOCTYPE_FORBIDDEN', 'DOCTYPE declarations are refused', 'в файле есть объявление <!DOCTYPE>. Файлы ФНС его не содержат; файл не обработан');
  });
  parser.on('opentag', (tag) => {
    const depth = stack.length;
    stack.push(tag.name);
    if (depth > limits.maxDepth) throw fail('XML_LIMIT_EXCEEDED', 'nesting depth exceeds the limit', 'слишком глубокая вложенность элементов');
    for (const value of Object.values(tag.attributes)) {
      if (value.length > limits.maxAttributeValueBytes) throw fail('XML_LIMIT_EXCEEDED', 'attribute value exceeds the limit', 'значение атрибута превышает предел');
    }
    if (lineNode !== undefined) {
      const node: Node = { name: tag.name, attributes: tag.attributes, children: [], text: '', line: parser.line };
      (lineStack[lineStack.length - 1] as Node).children.push(node);
      lineStack.push(node);
      return;
    }
    if (depth === 0) {
      if (tag.name !== ROOT_ELEMENT) {
        throw formatError({ code: 'XML_WRONG_ROOT', file, line: parser.line, path: tag.name, message: `The root element is <${tag.name}>, not <Файл>`, messageRu: `корневой элемент <${tag.name}>, а в файлах обмена ФНС он называется <Файл>` });
      }
      head.root = tag.attributes;
    } else if (depth === 1 && tag.name === DOCUMENT_ELEMENT && stack[0] === ROOT_ELEMENT) {
      head.document = tag.attributes;
      const index = tag.attributes['Индекс'];
      if (index !== undefined && sectionByIndex(index) === undefined) resolveSection({ root: {}, document: tag.attributes, bookName: undefined, book: undefined }, file, parser.line);
    } else if (depth === 2 && stack[1] === DOCUMENT_ELEMENT && header === undefined && sectionByBookElement(tag.name) !== undefined) {
      head.bookName = tag.name;
      head.book = tag.attributes;
      completeHeader();
    } else if (depth === 3 && header !== undefined && !bookDone && stack[2] === head.bookName && tag.name === lineName) {
      lineOrdinal++;
      lineNode = { name: tag.name, attributes: tag.attributes, children: [], text: '', line: parser.line };
      lineStack.push(lineNode);
    }
  });
  const addText = (text: string) => {
    const node = lineStack[lineStack.length - 1];
    if (node !== undefined) node.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    stack.pop();
    if (lineNode !== undefined) {
      lineStack.pop();
      if (lineStack.length === 0) {
        const node = lineNode;
        lineNode = undefined;
        out.push((rules as LineRules).read(node, `${stack.join('/')}/${lineName}[${lineOrdinal}]`));
      }
      return;
    }
    if (tag.name === DOCUMENT_ELEMENT && stack.length === 1 && header === undefined) completeHeader();
    if (stack.length === 2 && tag.name === head.bookName) bookDone = true;
  });

  const chunks = new ChunkPuller(openSource(source, options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let encoding: 'windows-1251' | 'utf-8' = 'utf-8';
  let headerSent = false;
  for (let chunk = await chunks.next(); chunk !== undefined; chunk = await chunks.next()) {
    if (decoder === undefined) {
      const detected = detectXmlEncoding(chunk.subarray(0, 64 * 1024), { file, partial: true });
      encoding = detected.encoding;
      decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
    }
    try {
      parser.write(decoder.decode(chunk, { stream: true }));
    } catch (caught) {
      failure = caught;
    }
    if (!headerSent && header !== undefined) {
      headerSent = true;
      yield [];
    }
    if (out.length > 0) {
      const batch = out;
      out = [];
      yield batch;
    }
    if (failure !== undefined) throw failure;
  }
  if (decoder === undefined) throw formatError({ code: 'XML_TRUNCATED', file, line: 1, message: 'The file is empty', messageRu: 'файл пуст' });
  try {
    parser.write(decoder.decode()).close();
  } catch (caught) {
    failure = caught;
  }
  if (!headerSent && header !== undefined) yield [];
  if (out.length > 0) yield out;
  if (failure !== undefined) throw failure;
  if (header === undefined) throw formatError({ code: 'XML_REQUIRED_MISSING', file, path: ROOT_ELEMENT, message: 'Required element Документ is missing', messageRu: 'нет обязательного элемента Документ' });
}
