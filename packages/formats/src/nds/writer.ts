/**
 * Streaming writer of the book sections 8 (NO_NDS.8) and 9 (NO_NDS.9): a generator of byte chunks
 * (windows-1251 by default), so a test-data or demo file of gigabytes never sits in memory. Attributes and
 * children are written in the order of the structure table (structure.ts). Appendices 8.1/9.1 are not written:
 * their book-level structure is not in the format tables (NOTES §3.3) — they are only read.
 *
 * Each line is checked before it is written: the zod schema (types, lengths, RNPT with the core's parser) and
 * the format version's rules (rate columns, СвЧастСчФ only in 5.12, whole-rouble costs up to 5.11, whole
 * quantities, the ОКЕИ/quantity/cost group). A bad line is an XML_WRITE_INVALID error naming the line.
 */
import { calendarDateSchema, DECLARATION_QUANTITY_FORMAT, formatQuantity, quantityFitsFormat, type CalendarDate, type Kopecks } from '@sledopyt/core';
import { z } from 'zod';
import { kopecksSchema, text } from '../common/codes.js';
import { assertNoProblems, parseWriterInput, type WriteProblem } from '../common/write-check.js';
import { encodingLabel, type XmlEncoding } from '../xml/encoding.js';
import { encodeChunk } from './chunk-encoder.js';
import { guidSchema, newGuid, taxOfficeFileId, TAX_OFFICE_PATTERN, TAXPAYER_ID_PATTERN } from '../xml/file-names.js';
import { formatKopecks, formatXmlDate } from '../xml/values.js';
import {
  purchaseBookLineSchema,
  salesBookLineSchema,
  type Counterparty,
  type NdsLine,
  type PurchaseBookLine,
  type PurchaseBookLineInput,
  type RegistrationEntry,
  type SalesBookLine,
  type SalesBookLineInput,
} from './model.js';
import {
  DOCUMENT_ELEMENT,
  LEGAL_ENTITY_ELEMENT,
  LINE_CHILDREN,
  NDS_SECTIONS,
  NDS_VERSIONS,
  PURCHASE_BOOK_TOTALS,
  ROOT_ELEMENT,
  SALES_BOOK_TOTALS,
  SALES_RATES,
  SOLE_TRADER_ELEMENT,
  salesRatesOf,
  type FieldSpec,
  type NdsVersion,
} from './structure.js';

/** The sections this writer produces. */
export const WRITABLE_SECTIONS = ['8', '9'] as const;

export const ndsSectionFileSchema = z
  .object({
    section: z.enum(WRITABLE_SECTIONS),
    ВерсФорм: z.enum(NDS_VERSIONS).default('5.12'),
    ВерсПрог: text(40),
    НомКорр: z.number().int().min(0).max(999).default(0),
    /** Only in corrections: "1" = the data sent before is still valid (then the file has no book and no lines). */
    ПризнСвед: z.enum(['0', '1']).optional(),
    /** Parts of the file name (= ИдФайл): tax offices, taxpayer (ИНН+КПП or ИНН), date, GUID (generated if absent). */
    fileName: z.object({
      taxOffice: z.string().regex(TAX_OFFICE_PATTERN, 'код налогового органа: 4 цифры'),
      finalTaxOffice: z.string().regex(TAX_OFFICE_PATTERN, 'код налогового органа: 4 цифры'),
      taxpayerId: z.string().regex(TAXPAYER_ID_PATTERN, 'ИНН+КПП (19 знаков) или ИНН ИП (12 цифр)'),
      date: calendarDateSchema,
      guid: guidSchema.optional(),
    }),
    /** Book totals (attributes of КнигаПокуп / КнигаПрод) in kopecks; see purchaseBookTotals / salesBookTotals. */
    totals: z.record(z.string(), kopecksSchema).default({}),
  })
  .superRefine((file, ctx) => {
    if (file.ПризнСвед !== undefined && file.НомКорр === 0) {
      ctx.addIssue({ code: 'custom', path: ['ПризнСвед'], message: 'признак актуальности сведений указывается только в корректирующей декларации (НомКорр > 0)' });
    }
    const allowed = file.section === '8' ? [...PURCHASE_BOOK_TOTALS] : salesTotalsOf(file.ВерсФорм);
    for (const name of Object.keys(file.totals)) {
      if (!allowed.includes(name)) ctx.addIssue({ code: 'custom', path: ['totals', name], message: `в разделе ${file.section} формата ${file.ВерсФорм} нет показателя ${name}` });
    }
    if (file.section === '8' && file.ПризнСвед !== '1' && file.totals['СумНДСВсКПк'] === undefined) {
      ctx.addIssue({ code: 'custom', path: ['totals', 'СумНДСВсКПк'], message: 'в разделе 8 обязателен итог СумНДСВсКПк' });
    }
  });
export type NdsSectionFileInput = z.input<typeof ndsSectionFileSchema>;
export type NdsSectionFile = z.output<typeof ndsSectionFileSchema>;

export interface WriteNdsOptions {
  /** windows-1251 (default, what ФНС accepts) or UTF-8. */
  encoding?: XmlEncoding;
  /** Characters gathered before a chunk is encoded and yielded (default 256 Ki). */
  chunkChars?: number;
}

function salesTotalsOf(version: NdsVersion): string[] {
  const rates = salesRatesOf(version);
  return SALES_BOOK_TOTALS.filter((name) => {
    const rate = /(\d+)$/.exec(name)?.[1];
    return rate === undefined || rate === '0' || (rates as string[]).includes(rate);
  });
}

/** ИдФайл (= file name without `.xml`): `NO_NDS.9_<A>_<K>_<O>_<YYYYMMDD>_<GUID>`. */
export function ndsSectionFileId(file: NdsSectionFileInput): string {
  const parsed = parseWriterInput(ndsSectionFileSchema, file, 'раздел декларации по НДС');
  const { guid, ...name } = parsed.fileName;
  return taxOfficeFileId({ prefix: NDS_SECTIONS[parsed.section].prefix, ...name, guid: guid ?? newGuid() });
}

/** Writes a section file as chunks of bytes. Lines may be an array, a generator or an async generator. */
export async function* writeNdsSection(
  fileInput: NdsSectionFileInput,
  lines: Iterable<PurchaseBookLineInput | SalesBookLineInput> | AsyncIterable<PurchaseBookLineInput | SalesBookLineInput>,
  options: WriteNdsOptions = {},
): AsyncGenerator<Uint8Array> {
  const file = parseWriterInput(ndsSectionFileSchema, fileInput, 'раздел декларации по НДС');
  const encoding = options.encoding ?? 'windows-1251';
  const chunkChars = options.chunkChars ?? 256 * 1024;
  const spec = NDS_SECTIONS[file.section];
  const { guid, ...name } = file.fileName;
  const fileId = taxOfficeFileId({ prefix: spec.prefix, ...name, guid: guid ?? newGuid() });
  const withBook = file.ПризнСвед !== '1';

  let out = `<?xml version="1.0" encoding="${encodingLabel(encoding)}"?>\n`;
  out += `<${ROOT_ELEMENT}${attrs([['ИдФайл', fileId], ['ВерсПрог', file.ВерсПрог], ['ВерсФорм', file.ВерсФорм]])}>\n`;
  out += `  <${DOCUMENT_ELEMENT}${attrs([['Индекс', spec.index], ['НомКорр', String(file.НомКорр)], [spec.flag, file.ПризнСвед]])}${withBook ? '' : '/'}>\n`;
  if (withBook) {
    const totalNames = file.section === '8' ? [...PURCHASE_BOOK_TOTALS] : salesTotalsOf(file.ВерсФорм);
    const totals = totalNames.map((total): [string, string | undefined] => {
      const value = file.totals[total];
      return [total, value === undefined ? undefined : formatKopecks(value)];
    });
    out += `    <${spec.book}${attrs(totals)}>\n`;
  }
  let index = 0;
  for await (const input of lines) {
    index++;
    if (!withBook) {
      assertNoProblems('раздел декларации по НДС', [{ path: 'lines', message: 'a file with ПризнСвед=1 has no lines', messageRu: 'при ПризнСвед=1 строки книги не передаются' }]);
    }
    const what = `строку ${index} раздела ${file.section}`;
    if (spec.lines === 'purchase') {
      const line = parseWriterInput(purchaseBookLineSchema, input, what);
      assertNoProblems(what, lineProblems(line, file.ВерсФорм));
      out += purchaseLineXml(line);
    } else {
      const line = parseWriterInput(salesBookLineSchema, input, what);
      assertNoProblems(what, lineProblems(line, file.ВерсФорм));
      out += salesLineXml(line);
    }
    if (out.length >= chunkChars) {
      yield encodeChunk(out, encoding);
      out = '';
    }
  }
  if (withBook) out += `    </${spec.book}>\n  </${DOCUMENT_ELEMENT}>\n`;
  out += `</${ROOT_ELEMENT}>\n`;
  yield encodeChunk(out, encoding);
}

/** The whole section in memory (tests, small files). */
export async function writeNdsSectionBytes(
  file: NdsSectionFileInput,
  lines: Iterable<PurchaseBookLineInput | SalesBookLineInput> | AsyncIterable<PurchaseBookLineInput | SalesBookLineInput>,
  options: WriteNdsOptions = {},
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of writeNdsSection(file, lines, options)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The version's rules that the zod schema cannot know. */
function lineProblems(line: NdsLine, version: NdsVersion): WriteProblem[] {
  const problems: WriteProblem[] = [];
  const minor = Number(version.slice(2));
  if (line.book === 'sales') {
    const rates = salesRatesOf(version) as string[];
    for (const rate of SALES_RATES) {
      if (rates.includes(rate)) continue;
      for (const field of [`СтоимПродСФ${rate}`, `СумНДССФ${rate}`] as const) {
        if (line[field] !== undefined) problems.push({ path: field, message: `no ${rate} % columns in format ${version}`, messageRu: `в формате ${version} нет графы ставки ${rate} %` });
      }
    }
  }
  if (line.СвЧастСчФ.length > 0 && minor < 12) {
    problems.push({ path: 'СвЧастСчФ', message: `СвЧастСчФ appears in format 5.12`, messageRu: `сведения о частичной оплате (СвЧастСчФ) есть только в формате 5.12` });
  }
  line.СвРегНом.forEach((entry, index) => problems.push(...registrationProblems(entry, `СвРегНом[${index + 1}]`, minor)));
  return problems;
}

function registrationProblems(entry: RegistrationEntry, path: string, minor: number): WriteProblem[] {
  const problems: WriteProblem[] = [];
  const group = [entry.ОКЕИ, entry.КолТовПросл, entry.СтоимТовПросл].filter((value) => value !== undefined).length;
  if (entry.kind === 'rnpt' && group !== 3) {
    problems.push({ path, message: 'an RNPT needs ОКЕИ, КолТовПросл and СтоимТовПросл', messageRu: 'для РНПТ нужны код единицы (ОКЕИ), количество и стоимость' });
  }
  if (entry.kind === 'customs_declaration' && group !== 0) {
    problems.push({
      path,
      message: 'a customs declaration number is written without unit, quantity and cost',
      messageRu: 'номер декларации на товары (непрослеживаемый товар) указывается без единицы, количества и стоимости; для прослеживаемого товара укажите РНПТ',
    });
  }
  if (entry.КолТовПросл !== undefined && !quantityFitsFormat(entry.КолТовПросл, DECLARATION_QUANTITY_FORMAT)) {
    problems.push({ path: `${path}.КолТовПросл`, message: 'КолТовПросл must be a whole number of at most 10 digits', messageRu: 'количество в декларации — целое число не более 10 цифр' });
  }
  if (entry.СтоимТовПросл !== undefined && minor <= 11 && entry.СтоимТовПросл % 100n !== 0n) {
    problems.push({
      path: `${path}.СтоимТовПросл`,
      message: 'up to format 5.11 the cost is in whole roubles',
      messageRu: 'до формата 5.11 стоимость указывается в целых рублях: округлите её (roundToRubles)',
    });
  }
  return problems;
}

function purchaseLineXml(line: PurchaseBookLine): string {
  const spec = LINE_CHILDREN.purchase;
  let xml = `      <КнПокСтр${fieldAttrs(spec.lineFields, line)}>\n`;
  for (const code of line.КодВидОпер) xml += `        <КодВидОпер>${escapeText(code)}</КодВидОпер>\n`;
  for (const payment of line.ДокПдтвУпл) xml += `        <${spec.payment}${attrs([['НомДокПдтвУпл', payment.НомДокПдтвУпл], ['ДатаДокПдтвУпл', formatXmlDate(payment.ДатаДокПдтвУпл)]])}/>\n`;
  xml += partialInvoicesXml(line.СвЧастСчФ);
  for (const date of line.ДатаУчТов) xml += `        <ДатаУчТов>${formatXmlDate(date)}</ДатаУчТов>\n`;
  for (const seller of line.СвПрод) xml += counterpartyXml(spec.counterparty, seller);
  if (line.СвПос !== undefined) xml += counterpartyXml('СвПос', line.СвПос);
  xml += registrationsXml(line.СвРегНом);
  return `${xml}      </КнПокСтр>\n`;
}

function salesLineXml(line: SalesBookLine): string {
  const spec = LINE_CHILDREN.sales;
  let xml = `      <КнПродСтр${fieldAttrs(spec.lineFields, line)}>\n`;
  for (const code of line.КодВидОпер) xml += `        <КодВидОпер>${escapeText(code)}</КодВидОпер>\n`;
  xml += registrationsXml(line.СвРегНом);
  for (const code of line.КодВидТовар) xml += `        <КодВидТовар>${escapeText(code)}</КодВидТовар>\n`;
  for (const payment of line.ДокПдтвОпл) xml += `        <${spec.payment}${attrs([['НомДокПдтвОпл', payment.НомДокПдтвОпл], ['ДатаДокПдтвОпл', formatXmlDate(payment.ДатаДокПдтвОпл)]])}/>\n`;
  xml += partialInvoicesXml(line.СвЧастСчФ);
  for (const buyer of line.СвПокуп) xml += counterpartyXml(spec.counterparty, buyer);
  if (line.СвПос !== undefined) xml += counterpartyXml('СвПос', line.СвПос);
  return `${xml}      </КнПродСтр>\n`;
}

function registrationsXml(entries: readonly RegistrationEntry[]): string {
  let xml = '';
  for (const entry of entries) {
    xml += `        <СвРегНом${attrs([
      ['РегНомПросл', entry.РегНомПросл],
      ['ОКЕИ', entry.ОКЕИ],
      ['КолТовПросл', entry.КолТовПросл === undefined ? undefined : formatQuantity(entry.КолТовПросл)],
      ['СтоимТовПросл', entry.СтоимТовПросл === undefined ? undefined : formatCost(entry.СтоимТовПросл)],
    ])}/>\n`;
  }
  return xml;
}

/** Whole roubles without a fraction (what 1C writes up to 5.11), else N(19.2). */
function formatCost(kopecks: Kopecks): string {
  return kopecks % 100n === 0n ? String(kopecks / 100n) : formatKopecks(kopecks);
}

function partialInvoicesXml(invoices: readonly { НомЧастСчФ: string; ДатаЧастСчФ: CalendarDate }[]): string {
  let xml = '';
  for (const invoice of invoices) xml += `        <СвЧастСчФ${attrs([['НомЧастСчФ', invoice.НомЧастСчФ], ['ДатаЧастСчФ', formatXmlDate(invoice.ДатаЧастСчФ)]])}/>\n`;
  return xml;
}

function counterpartyXml(element: string, party: Counterparty): string {
  const inner =
    party.kind === 'СведЮЛ'
      ? `<${LEGAL_ENTITY_ELEMENT}${attrs([['ИННЮЛ', party.ИННЮЛ], ['КПП', party.КПП]])}/>`
      : `<${SOLE_TRADER_ELEMENT}${attrs([['ИННФЛ', party.ИННФЛ]])}/>`;
  return `        <${element}>\n          ${inner}\n        </${element}>\n`;
}

/** Attributes of a line from its field table, values formatted by kind. */
function fieldAttrs(fields: readonly FieldSpec[], line: object): string {
  const values = line as Record<string, unknown>;
  return attrs(fields.map((field) => [field.name, formatField(field, values[field.name])]));
}

function formatField(field: FieldSpec, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  switch (field.kind) {
    case 'integer':
      return String(value as number);
    case 'text':
      return value as string;
    case 'date':
      return formatXmlDate(value as CalendarDate);
    case 'amount':
    case 'cost':
      return formatKopecks(value as Kopecks);
    case 'quantity':
      return formatQuantity(value as never);
  }
}

function attrs(pairs: readonly (readonly [string, string | undefined])[]): string {
  let xml = '';
  for (const [name, value] of pairs) if (value !== undefined) xml += ` ${name}="${escapeAttribute(value)}"`;
  return xml;
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Escapes for a double-quoted attribute; tabs and line breaks as references so they survive normalisation. */
export function escapeAttribute(value: string): string {
  return /[&<>"\t\n\r]/.test(value) ? value.replace(/[&<>"\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char) : value;
}

function escapeText(value: string): string {
  return /[&<>\r]/.test(value) ? value.replace(/[&<>\r]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char) : value;
}

/** Book totals of section 8 from its lines: СумНДСВсКПк = Σ СумНДСВыч. */
export function purchaseBookTotals(lines: Iterable<Pick<PurchaseBookLine, 'СумНДСВыч'>>): Record<string, Kopecks> {
  let vat = 0n;
  for (const line of lines) vat += line.СумНДСВыч;
  return { СумНДСВсКПк: vat };
}

/**
 * Book totals of section 9 from its lines, per rate of the version: СтПродБезНДС{rate} = Σ СтоимПродСФ{rate},
 * СумНДСВсКПр{rate} = Σ СумНДССФ{rate}, СтПродОсвВсКПр = Σ СтоимПродОсв. Columns no line uses are left out.
 */
export function salesBookTotals(lines: Iterable<SalesBookLine>, version: NdsVersion = '5.12'): Record<string, Kopecks> {
  const sums = new Map<string, Kopecks>();
  const add = (name: string, value: Kopecks | undefined) => {
    if (value !== undefined) sums.set(name, (sums.get(name) ?? 0n) + value);
  };
  const rates = salesRatesOf(version);
  for (const line of lines) {
    for (const rate of rates) {
      add(`СтПродБезНДС${rate}`, line[`СтоимПродСФ${rate}`]);
      add(`СумНДСВсКПр${rate}`, line[`СумНДССФ${rate}`]);
    }
    add('СтПродБезНДС0', line.СтоимПродСФ0);
    add('СтПродОсвВсКПр', line.СтоимПродОсв);
  }
  return Object.fromEntries(sums);
}
