/**
 * A realistic section 9 (книга продаж) of a retailer of traceable goods, written with the package's own
 * streaming writer in windows-1251: 22 % sales of refrigerators, washing machines, TVs… with 1–5 СвРегНом per
 * line drawn from 50 000 batches (real-shaped RNPTs: customs post / ДДММГГ / ДТ serial / goods item), plain ДТ
 * numbers of non-traceable imports, 2 % storno lines, buyers from a pool of 20 000 organisations and sole
 * traders, Cyrillic invoice and payment document numbers (the format has no counterparty names: only ИНН/КПП).
 * Generated once and cached under `.data/` (written to a temporary name, then renamed).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { wholeQuantity } from '@sledopyt/core';
import { writeNdsSection, type NdsSectionFileInput, type SalesBookLineInput } from '@sledopyt/formats';

const POSTS = ['10702070', '10714040', '10216170', '10013160', '10130090', '10418010', '10502110', '10404083'];
const GOODS = [
  { tnved: '8418102001', okei: '796', price: 3_890_000 },
  { tnved: '8450111100', okei: '796', price: 2_749_000 },
  { tnved: '8528721000', okei: '796', price: 4_599_000 },
  { tnved: '8516500000', okei: '796', price: 899_000 },
  { tnved: '8471300000', okei: '796', price: 6_490_000 },
  { tnved: '3926909709', okei: '166', price: 12_500 },
];
const PREFIXES = ['УТ', 'РТ', 'ЧК', 'МП', 'ИМ'];

/** A deterministic generator: the same file on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function* salesLines(): Generator<SalesBookLineInput> {
  const next = random(2026);
  const int = (n: number) => Math.floor(next() * n);
  const batches = Array.from({ length: 50_000 }, () => ({
    rnpt: `${POSTS[int(POSTS.length)] ?? ''}/${pad(1 + int(28), 2)}${pad(1 + int(12), 2)}${pad(24 + int(2), 2)}/${pad(int(9_999_999), 7)}/${pad(1 + int(60), 3)}`,
    goods: GOODS[int(GOODS.length)] ?? GOODS[0],
  }));
  const buyers = Array.from({ length: 20_000 }, (_, index) =>
    index % 10 === 9
      ? ({ kind: 'СведИП', ИННФЛ: `77${pad(int(1e10), 10)}` } as const)
      : ({ kind: 'СведЮЛ', ИННЮЛ: `${pad(10 + int(89), 2)}${pad(int(1e8), 8)}`, КПП: `${pad(10 + int(89), 2)}${pad(int(100), 2)}01001` } as const),
  );
  for (let number = 1; ; number++) {
    const storno = number % 50 === 0 ? -1n : 1n;
    const entries = Array.from({ length: 1 + int(5) }, () => {
      const batch = batches[int(batches.length)] ?? batches[0];
      const quantity = 1 + int(12);
      const cost = BigInt((batch?.goods?.price ?? 0) * quantity) * storno;
      return { РегНомПросл: batch?.rnpt ?? '', ОКЕИ: batch?.goods?.okei, КолТовПросл: wholeQuantity(quantity) * storno, СтоимТовПросл: cost };
    });
    const base = entries.reduce((sum, entry) => sum + entry.СтоимТовПросл, 0n);
    const vat = (base * 22n) / 100n;
    const day = `2026-0${1 + int(3)}-${pad(1 + int(28), 2)}`;
    const prefix = PREFIXES[int(PREFIXES.length)] ?? 'УТ';
    yield {
      НомерПор: number,
      НомСчФПрод: number % 97 === 0 ? `${prefix}-${pad(number, 8)} "Розница & опт"` : `${prefix}-${pad(number, 8)}`,
      ДатаСчФПрод: day,
      СтоимПродСФ: base + vat,
      СтоимПродСФ22: base,
      СумНДССФ22: vat,
      КодВидОпер: ['01'],
      СвРегНом: number % 33 === 0 ? [...entries, { РегНомПросл: `10702070/${pad(1 + int(28), 2)}0126/${pad(int(9_999_999), 7)}` }] : entries,
      КодВидТовар: number % 20 === 0 ? [batches[int(batches.length)]?.goods?.tnved ?? '8418102001'] : [],
      ДокПдтвОпл: number % 10 === 0 ? [{ НомДокПдтвОпл: `ПП-${pad(int(99_999), 5)}`, ДатаДокПдтвОпл: day }] : [],
      СвПокуп: [buyers[int(buyers.length)] ?? { kind: 'СведЮЛ', ИННЮЛ: '7701234567', КПП: '770101001' }],
    };
  }
}

export const SECTION9_FILE: NdsSectionFileInput = {
  section: '9',
  ВерсФорм: '5.12',
  ВерсПрог: 'Следопыт bench',
  fileName: { taxOffice: '7701', finalTaxOffice: '7701', taxpayerId: '7707083893770701001', date: '2026-04-20', guid: '5f34036f-27c9-438b-8ccc-0c5059326d04' },
  totals: {},
};

export interface GeneratedFile {
  path: string;
  bytes: number;
  generatedSeconds: number | undefined;
}

/** The cached file of at least `sizeMb` MiB, generating it when missing (or when asked to). */
export async function ensureSection9File(dataDir: string, sizeMb: number, regenerate: boolean): Promise<GeneratedFile> {
  const path = join(dataDir, `NO_NDS.9-${sizeMb}mb.xml`);
  if (!regenerate) {
    const existing = await stat(path).catch(() => undefined);
    if (existing !== undefined) return { path, bytes: existing.size, generatedSeconds: undefined };
  }
  await mkdir(dataDir, { recursive: true });
  const target = sizeMb * 1024 * 1024;
  const temporary = `${path}.partial`;
  const started = performance.now();
  const out = createWriteStream(temporary);
  let written = 0;
  const lines = salesLines();
  function* untilTarget(): Generator<SalesBookLineInput> {
    for (const line of lines) {
      if (written >= target) return;
      yield line;
    }
  }
  for await (const chunk of writeNdsSection(SECTION9_FILE, untilTarget(), { chunkChars: 1024 * 1024 })) {
    written += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  await rename(temporary, path);
  return { path, bytes: written, generatedSeconds: (performance.now() - started) / 1000 };
}
