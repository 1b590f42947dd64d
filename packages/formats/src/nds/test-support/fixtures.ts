/**
 * Realistic book-section data for tests: a retailer's sales book (Q1 2026, format 5.12) and purchase book
 * with real-shaped RNPTs (customs post / ДДММГГ / ДТ serial / goods item), plain ДТ numbers of
 * non-traceable imports, storno lines with negative amounts, Cyrillic invoice numbers with quotes and
 * ampersands. Deterministic (seeded), so a failing test shows the same data again.
 */
import type { Quantity } from '@sledopyt/core';
import { cp1251 } from '../../test-support/index.js';
import { wholeQuantity } from '@sledopyt/core';
import { readNdsLines, readNdsLinesWithSaxes, writeNdsSectionBytes, type NdsLine, type NdsSectionFileInput, type PurchaseBookLineInput, type SalesBookLineInput, type ReadNdsOptions, type NdsSource } from '../index.js';

/** Real customs posts (Владивостокский, Находкинский, Московский областной…) in RNPT shape. */
const CUSTOMS_POSTS = ['10702070', '10714040', '10013160', '10130090', '10216170'];
/** Traceable goods (ПП № 1110): refrigerators, washing machines, monitors, loaders… with their ОКЕИ. */
const GOODS = [
  { tnved: '8418102001', okei: '796', price: 4_200_000n },
  { tnved: '8450111100', okei: '796', price: 3_150_000n },
  { tnved: '8528521000', okei: '796', price: 1_890_000n },
  { tnved: '8427201990', okei: '796', price: 245_000_000n },
  { tnved: '3926909709', okei: '166', price: 125_000n },
];
const BUYERS = [
  { kind: 'СведЮЛ', ИННЮЛ: '7701234567', КПП: '770101001' },
  { kind: 'СведЮЛ', ИННЮЛ: '5003012345', КПП: '500301001' },
  { kind: 'СведИП', ИННФЛ: '772112345678' },
] as const;

/** A small deterministic generator (LCG). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function rnptOf(random: () => number): string {
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  return `${pick(random, CUSTOMS_POSTS)}/${pad(day, 2)}${pad(month, 2)}25/${pad(Math.floor(random() * 9_999_999), 7)}/${pad(1 + Math.floor(random() * 40), 3)}`;
}

export const SECTION9_FILE: NdsSectionFileInput = {
  section: '9',
  ВерсФорм: '5.12',
  ВерсПрог: 'Следопыт 0.1',
  fileName: { taxOffice: '7701', finalTaxOffice: '7701', taxpayerId: '7707083893770701001', date: '2026-04-20', guid: '5f34036f-27c9-438b-8ccc-0c5059326d04' },
  totals: { СтПродБезНДС22: 0n, СумНДСВсКПр22: 0n },
};

export const SECTION8_FILE: NdsSectionFileInput = {
  ...SECTION9_FILE,
  section: '8',
  totals: { СумНДСВсКПк: 0n },
};

/** Sales book lines: every 17th is a storno (negative), every 5th has a plain ДТ number beside the RNPTs. */
export function salesLines(count: number, seed = 9): SalesBookLineInput[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, index): SalesBookLineInput => {
    const sign = index % 17 === 16 ? -1n : 1n;
    const goods = pick(random, GOODS);
    const entries = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const quantity = 1 + Math.floor(random() * 20);
      return {
        РегНомПросл: rnptOf(random),
        ОКЕИ: goods.okei,
        КолТовПросл: (wholeQuantity(quantity) * sign) as Quantity,
        СтоимТовПросл: goods.price * BigInt(quantity) * sign,
      };
    });
    const base = entries.reduce((sum, entry) => sum + entry.СтоимТовПросл, 0n);
    const vat = (base * 22n) / 100n;
    const buyer = pick(random, BUYERS);
    return {
      НомерПор: index + 1,
      НомСчФПрод: index % 7 === 3 ? `УТ-${pad(index, 6)}/"Север & Юг"` : `УТ-${pad(index, 6)}`,
      ДатаСчФПрод: `2026-0${1 + (index % 3)}-${pad(1 + (index % 28), 2)}`,
      ...(index % 11 === 5 ? { НомИспрСчФ: 1, ДатаИспрСчФ: '2026-03-31' } : {}),
      СтоимПродСФ: base + vat,
      СтоимПродСФ22: base,
      СумНДССФ22: vat,
      КодВидОпер: index % 13 === 0 ? ['01', '26'] : ['01'],
      СвРегНом: index % 5 === 2 ? [...entries, { РегНомПросл: '10702070/150126/0001234' }] : entries,
      КодВидТовар: index % 9 === 4 ? [goods.tnved] : [],
      ДокПдтвОпл: index % 6 === 1 ? [{ НомДокПдтвОпл: `ПП-${index}`, ДатаДокПдтвОпл: '2026-01-15' }] : [],
      СвПокуп: [buyer],
      ...(index % 19 === 7 ? { СвПос: { kind: 'СведЮЛ', ИННЮЛ: '7812014560', КПП: '781201001' } as const } : {}),
    };
  });
}

/** Purchase book lines (section 8): a importer's purchases with the RNPTs it received. */
export function purchaseLines(count: number, seed = 8): PurchaseBookLineInput[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, index): PurchaseBookLineInput => {
    const goods = pick(random, GOODS);
    const quantity = 1 + Math.floor(random() * 50);
    const base = goods.price * BigInt(quantity);
    return {
      НомерПор: index + 1,
      НомСчФПрод: `${pad(index + 100, 5)}/ВЛ`,
      ДатаСчФПрод: `2026-02-${pad(1 + (index % 28), 2)}`,
      СтоимПокупВ: (base * 122n) / 100n,
      СумНДСВыч: (base * 22n) / 100n,
      КодВидОпер: ['01'],
      ДатаУчТов: [`2026-02-${pad(1 + (index % 28), 2)}`],
      СвПрод: [pick(random, BUYERS)],
      СвРегНом: [{ РегНомПросл: rnptOf(random), ОКЕИ: goods.okei, КолТовПросл: wholeQuantity(quantity), СтоимТовПросл: base }],
    };
  });
}

/** The head and tail of a hand-written section 9 (windows-1251) around its lines, and one plain line. */
export const SALES_HEAD = `<?xml version="1.0" encoding="windows-1251"?>
<Файл ИдФайл="NO_NDS.9_7701_7701_7707083893770701001_20260420_5f34036f-27c9-438b-8ccc-0c5059326d04" ВерсПрог="1С:Бухгалтерия 3.0" ВерсФорм="5.12">
 <Документ Индекс="0000090" НомКорр="0">
  <КнигаПрод>
`;
export const SALES_TAIL = `  </КнигаПрод>
 </Документ>
</Файл>
`;
export const SALES_LINE = `<КнПродСтр НомерПор="1" НомСчФПрод="УТ-1" ДатаСчФПрод="15.01.2026" СтоимПродСФ="102480.00" СтоимПродСФ22="84000.00" СумНДССФ22="18480.00"><КодВидОпер>01</КодВидОпер><СвРегНом РегНомПросл="10702070/010126/0000001/001" ОКЕИ="796" КолТовПросл="2" СтоимТовПросл="84000.00"/><СвПокуп><СведЮЛ ИННЮЛ="7701234567" КПП="770101001"/></СвПокуп></КнПродСтр>
`;
/** A windows-1251 section 9 of the given lines. */
export const salesSection = (lines: string, head = SALES_HEAD): Uint8Array => cp1251(head + lines + SALES_TAIL);

/** A generated sales book (section 9, windows-1251) and purchase book (section 8, UTF-8), as file bytes. */
export async function generatedBooks(sales: number, purchases: number): Promise<Uint8Array[]> {
  return [
    await writeNdsSectionBytes(SECTION9_FILE, salesLines(sales)),
    await writeNdsSectionBytes(SECTION8_FILE, purchaseLines(purchases), { encoding: 'utf-8' }),
  ];
}

/** Chunks of `size` bytes (1 byte: every element is cut at every position). */
export function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

export interface ReadResult {
  header: Awaited<ReturnType<ReturnType<typeof readNdsLines>['header']>>;
  lines: NdsLine[];
}

/** Reads a whole (small) section with one of the readers. */
export async function readAll(source: NdsSource, reader: 'scanner' | 'saxes' = 'scanner', options: ReadNdsOptions = {}): Promise<ReadResult> {
  const lines = reader === 'scanner' ? readNdsLines(source, options) : readNdsLinesWithSaxes(source, options);
  const header = await lines.header();
  const all: NdsLine[] = [];
  for await (const line of lines) all.push(line);
  return { header, lines: all };
}

/** Reads until the reader throws; returns the lines read before and the error. */
export async function readUntilError(source: NdsSource, reader: 'scanner' | 'saxes' = 'scanner', options: ReadNdsOptions = {}): Promise<{ lines: NdsLine[]; error: unknown }> {
  const lines: NdsLine[] = [];
  try {
    for await (const line of reader === 'scanner' ? readNdsLines(source, options) : readNdsLinesWithSaxes(source, options)) lines.push(line);
  } catch (error) {
    return { lines, error };
  }
  return { lines, error: undefined };
}

/** The first generated sales line (a plain 22 % sale of traceable goods). */
export function oneSalesLine(): SalesBookLineInput {
  const [line] = salesLines(1);
  if (line === undefined) throw new TypeError('no line generated');
  return line;
}
