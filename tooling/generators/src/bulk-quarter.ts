/**
 * One taxpayer's quarter at any size, for the import + reconcile benchmark: N sales (one УПД each, one RNPT
 * line) reported by N section 9 lines, and the customs declarations of the previous quarter that brought the
 * goods in. Streamed: every item is computed from its index, so 5 million lines never exist at once, and the
 * same options give the same data in every process (the store path and the in-memory reference compare).
 * A small share of the data is spoiled on purpose (`BULK_PLANTS`), so the reconciler has something to find.
 */
import {
  addDays,
  completeInn,
  parseQuarter,
  quarterRange,
  wholeQuantity,
  type CalendarDate,
  type DeclarationLine,
  type Inn,
  type Movement,
  type Quarter,
  type Rnpt,
} from '@sledopyt/core';

export interface BulkQuarterOptions {
  /** Declaration lines and sales (≥ 1 000). */
  lines: number;
  /** Default `2026-Q3`. */
  period?: string;
  /** One spoiled line of each kind per this many lines (default 10 000, at least 1 000). */
  plantEvery?: number;
}

/** A document of the company with its traceability lines (already valid core `Movement`s). */
export interface BulkDocument {
  kind: 'customs_declaration' | 'upd';
  number: string;
  date: CalendarDate;
  counterpartyInn: Inn | undefined;
  movements: Movement[];
}

/** Where each kind of spoiled line sits in a block of `plantEvery` lines (sale index modulo `plantEvery`). */
export const BULK_PLANTS = {
  /** The declared quantity is one piece more than the УПД's. */
  QUANTITY_MISMATCH: 101,
  /** The declared cost is 500 ₽ above the УПД's. */
  COST_MISMATCH: 202,
  /** The sale is not reported in section 9. */
  NOT_IN_DECLARATION: 303,
  /** Section 9 reports a sale with no УПД in the books. */
  NOT_IN_BOOKS: 404,
  /** Section 9 names another buyer. */
  COUNTERPARTY_MISMATCH: 505,
  /** Section 9 names the RNPT of the next batch (one that exists, so it is not also unknown). */
  RNPT_MISMATCH: 606,
  /** A sale (and its line) under an RNPT that was never received. */
  RNPT_UNKNOWN: 707,
} as const;
export type BulkPlantCode = keyof typeof BULK_PLANTS;

/** Batches whose customs declaration brought in too little (RNPT index modulo `plantEvery`): NEGATIVE_BALANCE. */
export const BULK_SHORT_RECEIPT = 17;

export const BULK_COMPANY = { inn: '7707083893' as Inn, kpp: '773601001', name: 'ООО «Бенч Импорт»' } as const;

/** Sales per RNPT (a customs item is sold to several buyers over the quarter). */
export const BULK_SALES_PER_RNPT = 10;
/** Goods items per customs declaration (ДТ): RNPT item numbers 001…010. */
const ITEMS_PER_DECLARATION = 10;
const BUYERS = 1_000;
const CUSTOMS_OFFICES = ['10702070', '10216170', '10005030', '10009100', '10013160'];
/** Traceable goods (Постановление № 1110 list), with a price per piece in kopecks. */
const GOODS: readonly { tnved: string; priceKopecks: bigint }[] = [
  { tnved: '8418102001', priceKopecks: 4_125_000n },
  { tnved: '8450111100', priceKopecks: 2_790_000n },
  { tnved: '8528521000', priceKopecks: 1_840_000n },
  { tnved: '8528691000', priceKopecks: 9_630_000n },
  { tnved: '8715001000', priceKopecks: 2_370_000n },
  { tnved: '9401710001', priceKopecks: 1_560_000n },
];
const VAT_PERCENT = 22n;

export interface BulkQuarterPlan {
  lines: number;
  quarter: Quarter;
  period: string;
  from: CalendarDate;
  to: CalendarDate;
  plantEvery: number;
  /** RNPTs (customs items) received in the previous quarter. */
  rnpts: number;
  /** Customs declarations bringing them in. */
  customsDeclarations: number;
  /** Spoiled spots of each kind (what the reconciler should find at least once each). */
  planted: Record<BulkPlantCode | 'NEGATIVE_BALANCE', number>;
  /** The section 9 file name (declaration line ids are `<file>#9:<НомерПор>`). */
  fileName: string;
}

export function planBulkQuarter(options: BulkQuarterOptions): BulkQuarterPlan {
  const { lines } = options;
  const plantEvery = options.plantEvery ?? 10_000;
  if (!Number.isInteger(lines) || lines < 1_000) throw new RangeError(`bulk quarter: at least 1 000 lines, got ${lines}`);
  if (!Number.isInteger(plantEvery) || plantEvery < 1_000) throw new RangeError(`bulk quarter: plantEvery ≥ 1 000, got ${plantEvery}`);
  const period = options.period ?? '2026-Q3';
  const quarter = parseQuarter(period);
  const { from, to } = quarterRange(quarter);
  const rnpts = Math.ceil(lines / BULK_SALES_PER_RNPT);
  const spots = (offset: number, of: number): number => Math.floor(of / plantEvery) + (of % plantEvery > offset ? 1 : 0);
  const planted = Object.fromEntries(Object.entries(BULK_PLANTS).map(([code, offset]) => [code, spots(offset, lines)])) as BulkQuarterPlan['planted'];
  planted.NEGATIVE_BALANCE = spots(BULK_SHORT_RECEIPT, rnpts);
  return {
    lines,
    quarter,
    period,
    from,
    to,
    plantEvery,
    rnpts,
    customsDeclarations: Math.ceil(rnpts / ITEMS_PER_DECLARATION),
    planted,
    fileName: `NO_NDS.9_0000_0000_${BULK_COMPANY.inn}${BULK_COMPANY.kpp}_${from.replaceAll('-', '')}_BENCH`,
  };
}

const buyerCache: Inn[] = [];
/** A buyer's ИНН (valid check digit) from a pool of 1 000. */
function buyerInn(index: number): Inn {
  const slot = index % BUYERS;
  let inn = buyerCache[slot];
  if (inn === undefined) buyerCache[slot] = inn = completeInn(`77${String(1_000_000 + slot * 7_919).slice(-7)}`);
  return inn;
}

const ddmmyy = (date: CalendarDate): string => `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;

interface CustomsDeclarationFacts {
  number: string;
  date: CalendarDate;
}

/** ДТ `d`: released on one of the previous quarter's days, numbered by its customs office. */
function customsDeclaration(plan: BulkQuarterPlan, d: number): CustomsDeclarationFacts {
  const date = addDays(plan.from, -91 + (d % 90));
  const office = CUSTOMS_OFFICES[d % CUSTOMS_OFFICES.length] as string;
  return { number: `${office}/${ddmmyy(date)}/${String(d + 1).padStart(7, '0')}`, date };
}

/** RNPT of batch `r`: ДТ number plus the item number. */
function rnptOf(plan: BulkQuarterPlan, r: number): Rnpt {
  const dt = customsDeclaration(plan, Math.floor(r / ITEMS_PER_DECLARATION));
  return `${dt.number}/${String((r % ITEMS_PER_DECLARATION) + 1).padStart(3, '0')}` as Rnpt;
}

/** An RNPT of the right shape that no declaration brought in (its ДТ serial is outside the generated range). */
function unknownRnpt(plan: BulkQuarterPlan, i: number): Rnpt {
  const date = addDays(plan.from, -10);
  return `10702070/${ddmmyy(date)}/${String(9_000_000 + Math.floor(i / plan.plantEvery)).padStart(7, '0')}/001` as Rnpt;
}

const goodsOf = (r: number) => GOODS[r % GOODS.length] as (typeof GOODS)[number];
const saleQuantity = (i: number): number => 1 + (i % 3);
const plantOf = (plan: BulkQuarterPlan, i: number): number => i % plan.plantEvery;

/** The previous quarter's customs declarations, in date order (the ledger's receipts). */
export function* bulkReceiptDocuments(plan: BulkQuarterPlan): Generator<BulkDocument> {
  // Released on days cycling through the quarter: emit day by day so the stream is in date order.
  for (let day = 0; day < 90; day += 1) {
    for (let d = day; d < plan.customsDeclarations; d += 90) {
      const dt = customsDeclaration(plan, d);
      const movements: Movement[] = [];
      for (let r = d * ITEMS_PER_DECLARATION; r < Math.min(plan.rnpts, (d + 1) * ITEMS_PER_DECLARATION); r += 1) {
        const goods = goodsOf(r);
        // Enough for every sale of the batch, except the planted short receipts.
        const pieces = r % plan.plantEvery === BULK_SHORT_RECEIPT ? 1 : 3 * BULK_SALES_PER_RNPT + 5;
        movements.push({
          id: `${dt.number}#${(r % ITEMS_PER_DECLARATION) + 1}`,
          kind: 'customs_import',
          taxpayerInn: BULK_COMPANY.inn,
          rnpt: rnptOf(plan, r),
          tnved: goods.tnved,
          unit: '796',
          quantity: wholeQuantity(pieces),
          costWithoutVat: goods.priceKopecks * BigInt(pieces) * 70n / 100n,
          date: dt.date,
          document: { kind: 'customs_declaration', number: dt.number, date: dt.date },
        });
      }
      yield { kind: 'customs_declaration', number: dt.number, date: dt.date, counterpartyInn: undefined, movements };
    }
  }
}

interface Sale {
  number: string;
  date: CalendarDate;
  buyer: Inn;
  rnpt: Rnpt;
  tnved: string;
  pieces: number;
  cost: bigint;
}

/** Sale `i`: spread evenly over the quarter's days, batches taken round-robin. */
function sale(plan: BulkQuarterPlan, i: number): Sale {
  const days = 1 + (Date.parse(plan.to) - Date.parse(plan.from)) / 86_400_000;
  const r = i % plan.rnpts;
  const goods = goodsOf(r);
  const pieces = saleQuantity(i);
  return {
    number: `РТ-${String(i + 1).padStart(8, '0')}`,
    date: addDays(plan.from, Math.floor((i * days) / plan.lines)),
    buyer: buyerInn(i * 31),
    rnpt: plantOf(plan, i) === BULK_PLANTS.RNPT_UNKNOWN ? unknownRnpt(plan, i) : rnptOf(plan, r),
    tnved: goods.tnved,
    pieces,
    cost: goods.priceKopecks * BigInt(pieces),
  };
}

/** The quarter's sales (one УПД with one line each), in date order. */
export function* bulkSaleDocuments(plan: BulkQuarterPlan): Generator<BulkDocument> {
  for (let i = 0; i < plan.lines; i += 1) {
    if (plantOf(plan, i) === BULK_PLANTS.NOT_IN_BOOKS) continue;
    const s = sale(plan, i);
    const document = { kind: 'upd' as const, number: s.number, date: s.date };
    const movement: Movement = {
      id: `${s.number}#1`,
      kind: 'sale',
      taxpayerInn: BULK_COMPANY.inn,
      rnpt: s.rnpt,
      tnved: s.tnved,
      unit: '796',
      quantity: wholeQuantity(s.pieces),
      costWithoutVat: s.cost,
      date: s.date,
      counterpartyInn: s.buyer,
      document,
    };
    yield { ...document, counterpartyInn: s.buyer, movements: [movement] };
  }
}

/** Section 9 of the quarter's VAT declaration, in file order. */
export function* bulkDeclarationLines(plan: BulkQuarterPlan): Generator<DeclarationLine> {
  let lineNumber = 0;
  for (let i = 0; i < plan.lines; i += 1) {
    const plant = plantOf(plan, i);
    if (plant === BULK_PLANTS.NOT_IN_DECLARATION) continue;
    const s = sale(plan, i);
    lineNumber += 1;
    const pieces = plant === BULK_PLANTS.QUANTITY_MISMATCH ? s.pieces + 1 : s.pieces;
    const cost = plant === BULK_PLANTS.COST_MISMATCH ? s.cost + 50_000n : s.cost;
    yield {
      id: `${plan.fileName}#9:${lineNumber}`,
      section: '9',
      lineNumber,
      invoiceNumber: s.number,
      invoiceDate: s.date,
      counterpartyInn: plant === BULK_PLANTS.COUNTERPARTY_MISMATCH ? buyerInn(i * 31 + 1) : s.buyer,
      operationCodes: ['01'],
      tnvedCodes: [s.tnved],
      storno: false,
      entries: [
        {
          registrationNumber: plant === BULK_PLANTS.RNPT_MISMATCH ? rnptOf(plan, (i + 1) % plan.rnpts) : s.rnpt,
          unit: '796',
          quantity: wholeQuantity(pieces),
          cost,
        },
      ],
    };
  }
}

/** The line's invoice amount with VAT and the VAT (kopecks), as section 9 carries them. */
export function bulkLineAmounts(line: DeclarationLine): { amountKopecks: bigint; vatKopecks: bigint } {
  const cost = line.entries.reduce((sum, entry) => sum + (entry.cost ?? 0n), 0n);
  const vat = (cost * VAT_PERCENT) / 100n;
  return { amountKopecks: cost + vat, vatKopecks: vat };
}
