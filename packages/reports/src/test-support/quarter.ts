/**
 * Test data for the reports: a distributor's Q3 2026 reconciled by the core (real checks, real texts),
 * with names that break naive CSV and HTML (quotes, `;`, `<`), and a generator of many findings with a
 * skewed spread over RNPTs and counterparties, as a large run has.
 */
import {
  DISCREPANCY_CATALOG,
  DISCREPANCY_CODES,
  completeInn,
  discrepancy,
  estimateFines,
  parseMovement,
  parseRubles,
  reconcileInMemory,
  unwrap,
  wholeQuantity,
  type BookEntry,
  type CalendarDate,
  type DeclarationLine,
  type DeclarationTraceEntry,
  type Discrepancy,
  type MovementInput,
} from '@sledopyt/core';
import type { ReportFines, ReportModelInput } from '../model.js';

export const COMPANY = { inn: completeInn('780512347'), kpp: '780501001', name: 'ООО "Полярный; Холод" <Опт>' };
const SUPPLIER = completeInn('772301458');
export const BUYERS = {
  north: completeInn('781703385'),
  volga: completeInn('631502274'),
  ural: completeInn('665806117'),
};
export const COUNTERPARTY_NAMES: Record<string, string> = {
  [SUPPLIER]: 'АО «ТехИмпорт»',
  [BUYERS.north]: 'ООО "Северная; торговля"',
  [BUYERS.volga]: 'ИП Волгин А. С. <script>alert(1)</script>',
  [BUYERS.ural]: 'ООО «Урал-Холод»',
};

const FRIDGES = '10216170/140726/0031842/002';
const MONITORS = '10702070/030726/0045511/001';
const TNVED: Record<string, string> = { [FRIDGES]: '8418102001', [MONITORS]: '8528521000' };

let movementSeq = 0;
function book(kind: MovementInput['kind'], rnpt: string, quantity: number, rub: string, doc: string, date: string, counterpartyInn?: string): BookEntry {
  movementSeq += 1;
  const input: MovementInput = {
    id: `1c-${String(movementSeq).padStart(4, '0')}`,
    kind,
    taxpayerInn: COMPANY.inn,
    rnpt,
    tnved: TNVED[rnpt] ?? '8418102001',
    unit: '796',
    quantity: String(quantity),
    costWithoutVat: rub,
    date,
    document: { kind: kind === 'customs_import' ? 'customs_declaration' : 'upd', number: doc, date },
  };
  if (counterpartyInn !== undefined) input.counterpartyInn = counterpartyInn;
  return { movement: unwrap(parseMovement(input)) };
}

const trace = (rnpt: string, quantity: number, rub: string): DeclarationTraceEntry => ({ registrationNumber: rnpt, unit: '796', quantity: wholeQuantity(quantity), cost: unwrap(parseRubles(rub)) });

let lineSeq = 0;
function line(section: '8' | '9', invoice: string, date: string, counterpartyInn: string | undefined, entries: DeclarationTraceEntry[]): DeclarationLine {
  lineSeq += 1;
  return { id: `NO_NDS_7805_2026Q3#${section}:${lineSeq}`, section, lineNumber: lineSeq, invoiceNumber: invoice, invoiceDate: date as CalendarDate, counterpartyInn, operationCodes: ['01'], tnvedCodes: [], storno: false, entries };
}

/** A quarter with a dozen planted problems, reconciled by the core. */
export function reconciledQuarter(): { discrepancies: Discrepancy[]; fines: ReportFines } {
  const entries = [
    book('customs_import', MONITORS, 200, '3900000', '10702070/030726/0045511', '2026-07-03'),
    book('purchase', FRIDGES, 60, '2460000', 'ТИ-7781', '2026-07-15', SUPPLIER),
    book('sale', MONITORS, 40, '858000', 'ПХ-0101', '2026-07-21', BUYERS.north),
    book('sale', FRIDGES, 12, '576000', 'ПХ-0102', '2026-07-28', BUYERS.volga),
    book('sale', MONITORS, 15, '321750', 'ПХ-0103', '2026-08-06', BUYERS.ural),
    book('sale', FRIDGES, 6, '288000', 'ПХ-0104', '2026-08-19', BUYERS.north),
    book('sale', MONITORS, 7, '150150', 'ПХ-0105', '2026-09-02', BUYERS.volga),
  ];
  const lines = [
    line('8', 'ТИ-7781', '2026-07-15', SUPPLIER, [trace(FRIDGES, 60, '2460000')]),
    line('8', '10702070/030726/0045511', '2026-07-03', undefined, [trace(MONITORS, 200, '3900000')]),
    line('9', 'ПХ-0101', '2026-07-21', BUYERS.north, [trace(MONITORS, 40, '858000')]),
    line('9', 'ПХ-0102', '2026-07-28', BUYERS.volga, [trace(FRIDGES, 12, '575000')]), // 1 000 ₽ short
    line('9', 'ПХ-0103', '2026-08-06', BUYERS.ural, [trace(MONITORS, 16, '321750')]), // one too many
    line('9', 'ПХ-0105', '2026-09-02', BUYERS.volga, [trace(MONITORS, 7, '150150')]),
    line('9', 'ПХ-0105', '2026-09-02', BUYERS.volga, [trace(MONITORS, 7, '150150')]), // duplicate
    line('9', 'ПХ-0106', '2026-09-09', BUYERS.ural, [trace('10005030/120826/0000777/002', 3, '64350')]), // no document, unknown batch
    line('9', 'ПХ-0107', '2026-09-16', BUYERS.north, [trace('10702070/310626/0045511/001', 1, '21450')]), // 31 June
    line('9', 'ПХ-0108', '2026-09-23', BUYERS.north, [trace('10702070/030726/0045511', 2, '42900')]), // ДТ number
  ];
  const result = reconcileInMemory({ taxpayerInn: COMPANY.inn, period: '2026-Q3', lines, entries });
  return { discrepancies: result.discrepancies, fines: result.fines };
}

export function modelOf(discrepancies: ReportModelInput['discrepancies'], fines: ReportModelInput['fines'], overrides: Partial<ReportModelInput> = {}): ReportModelInput {
  return {
    taxpayer: COMPANY,
    period: '2026-Q3',
    generatedAt: '2026-10-20T11:05:00Z',
    runId: 42n,
    fines,
    discrepancies,
    counterpartyNames: COUNTERPARTY_NAMES,
    ...overrides,
  };
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUSTOMS = ['10702070', '10216170', '10005030', '10009100', '10013160'];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `count` findings over all catalog codes; RNPT and counterparty frequencies fall off like a power law. */
export function* manyDiscrepancies(count: number, seed = 2026): Generator<Discrepancy> {
  const next = random(seed);
  const skewed = (size: number) => Math.floor(size * next() ** 3);
  const buyers = Array.from({ length: 60 }, (_, i) => completeInn(String(500_100_000 + i * 7919)));
  for (let i = 0; i < count; i += 1) {
    const code = DISCREPANCY_CODES[Math.floor(next() * DISCREPANCY_CODES.length)] ?? 'RNPT_INVALID';
    const batch = skewed(2_000);
    const rnpt = `${CUSTOMS[batch % CUSTOMS.length]}/${pad((batch % 28) + 1, 2)}0${(batch % 6) + 1}26/${pad(1_000 + batch, 7)}/${pad((batch % 40) + 1, 3)}`;
    const buyer = buyers[skewed(buyers.length)] ?? null;
    const day = 1 + Math.floor(next() * 90);
    const date = new Date(Date.UTC(2026, 6, day)).toISOString().slice(0, 10) as CalendarDate;
    const quantity = 1 + Math.floor(next() * 50);
    yield discrepancy(code, {
      rnpt,
      document: { kind: 'upd', number: `ПХ-${pad(1 + Math.floor(i / 3), 6)}`, date, counterpartyInn: buyer },
      expected: `${quantity} шт`,
      actual: `${quantity + 1 + Math.floor(next() * 3)} шт`,
      messageRu: `УПД № ПХ-${pad(1 + Math.floor(i / 3), 6)}: ${DISCREPANCY_CATALOG[code].titleRu.toLowerCase()} по РНПТ ${rnpt}`,
      details: { quantity },
    });
  }
}

/** The findings of `manyDiscrepancies` with their fines attributed, as the reconciler hands them over. */
export function manyWithFines(count: number, seed = 2026): { discrepancies: Discrepancy[]; fines: ReportFines } {
  const discrepancies = [...manyDiscrepancies(count, seed)];
  const fines = estimateFines(
    discrepancies.map((d) => ({ kind: DISCREPANCY_CATALOG[d.code].fine, documentKey: d.document?.number ?? d.code, date: d.document?.date ?? ('2026-07-01' as CalendarDate) })),
    'organisation',
  );
  fines.perFinding.forEach((rub, i) => {
    const d = discrepancies[i];
    if (d !== undefined) d.fineRub = rub;
  });
  return { discrepancies, fines };
}
