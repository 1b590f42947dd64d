/**
 * The demo importer's quarter as documents, before any file is written: purchases and sales (УПД), a return
 * and an extra shipment (УКД), EAEU imports and opening remains (notifications), a shipment to Kazakhstan
 * (movement notification), the operations that only 1C knows (retail sales, write-offs, an inventory
 * surplus, a paper invoice) — and one planted problem of every catalog code, each with the document number
 * or RNPT a finding will name. Deterministic per seed.
 */
import { addDays, addWorkingDays, formatDateRu, formatRnpt, minDate, parseQuarter, quarterRange, toDayNumber, type CalendarDate, type QuarterId } from '@sledopyt/core';
import { formatQuarter } from '@sledopyt/core';
import { DEMO_BUYERS, DEMO_COMPANY, DEMO_EAEU_BUYER, DEMO_EAEU_SUPPLIERS, DEMO_ITEMS, DEMO_SUPPLIERS, type DemoItem, type DemoParty } from './demo-catalog.js';
import type { PlantedProblem } from './demo-quarter.js';
import { Random } from './random.js';

/** A planted problem of the file-based demo: `ref` is the document number (or RNPT) a finding names. */
export interface DemoPlant extends PlantedProblem {
  /** The RNPT the finding concerns, when it names one. */
  rnpt?: string;
}

export interface DemoGoods {
  item: DemoItem;
  rnpt: string;
  quantity: number;
  /** ТН ВЭД as written on this document, when it differs from the item's. */
  tnved?: string;
}

/** A УПД between the demo company and a Russian company (or, for `foreignBuyer`, a buyer in Kazakhstan). */
export interface DemoTrade {
  direction: 'sale' | 'purchase';
  number: string;
  date: CalendarDate;
  party: DemoParty | null;
  foreignBuyer?: typeof DEMO_EAEU_BUYER;
  goods: DemoGoods[];
}

/** A УКД of one of our sales: the quantity of its first goods line becomes `quantityAfter`. */
export interface DemoCorrection {
  number: string;
  date: CalendarDate;
  sale: DemoTrade;
  quantityAfter: number;
  reasonRu: string;
}

export interface DemoImportNotice {
  number: string;
  filed: CalendarDate;
  /** Date of the accompanying documents = acceptance on account (how the import path dates the receipt). */
  accepted: CalendarDate;
  supplier: (typeof DEMO_EAEU_SUPPLIERS)[number];
  goods: DemoGoods;
}

export interface DemoRemainsNotice {
  number: string;
  filed: CalendarDate;
  primaryDate: CalendarDate;
  goods: DemoGoods;
}

export interface DemoMovementNotice {
  number: string;
  filed: CalendarDate;
  sale: DemoTrade;
}

/** An operation no ФНС file carries: 1C's own documents (кассовый чек, акт списания, инвентаризация, paper invoice). */
export interface DemoBookOperation {
  kind: 'sale_to_individual' | 'write_off' | 'found_after_shortage' | 'sale';
  documentKind: 'other' | 'inventory_act' | 'invoice';
  number: string;
  date: CalendarDate;
  goods: DemoGoods;
  party: DemoParty | null;
  /** false for a paper invoice (PAPER_INVOICE). */
  electronic: boolean;
  /** The operation's code in the report on operations (01–14), when it belongs there. */
  reportCode: string | null;
}

export interface DemoQuarterPlan {
  period: QuarterId;
  from: CalendarDate;
  to: CalendarDate;
  company: DemoParty;
  trades: DemoTrade[];
  corrections: DemoCorrection[];
  importNotices: DemoImportNotice[];
  remainsNotices: DemoRemainsNotice[];
  movementNotices: DemoMovementNotice[];
  book: DemoBookOperation[];
  /** Problems planted outside the declaration and the report (those two plant their own). */
  planted: DemoPlant[];
  /** Trades chosen for the declaration's spoiled lines, one per problem (their honest lines get spoiled). */
  spoilTargets: DemoTrade[];
  /** A sale of two RNPTs whose declaration line will lack the second one (RNPT_MISSING). */
  twoRnptSale: DemoTrade;
  random: Random;
}

interface Batch {
  item: DemoItem;
  rnpt: string;
  received: CalendarDate;
  left: number;
}

const TRACED_ITEMS = DEMO_ITEMS.slice(0, 7);
const CUSTOMS_OFFICES = ['10702070', '10216170', '10005030', '10009100', '10013160'];
/** The first group of RNPTs that ФНС assigns to EAEU imports and remains [I: as in the old demo]. */
const FNS_OFFICE = '10000000';

export const DEMO_SALES = 240;
export const DEMO_PURCHASES = 60;

export function planDemoQuarter(options: { period?: string; seed?: number } = {}): DemoQuarterPlan {
  const quarter = parseQuarter(options.period ?? '2026-Q4');
  const { from, to } = quarterRange(quarter);
  const random = new Random(options.seed ?? 20_261_001);
  let serial = 1000;
  let saleNumber = 10_000;
  const rnptOf = (office: string, date: CalendarDate): string => {
    serial += random.int(7, 400);
    return formatRnpt({ customsOffice: office, registrationDate: date, serial: String(serial).padStart(7, '0'), item: random.int(1, 12) });
  };
  const dayIn = (a: CalendarDate, b: CalendarDate): CalendarDate => addDays(a, random.int(0, toDayNumber(b) - toDayNumber(a)));
  const nextSaleNumber = (): string => `ТС-${String((saleNumber += 1)).padStart(5, '0')}`;
  const buyer = (): DemoParty => random.pick(DEMO_BUYERS.filter((b) => b.kpp !== null));

  const trades: DemoTrade[] = [];
  const batches: Batch[] = [];
  const planted: DemoPlant[] = [];

  // Purchases from Russian importers: one to three batches per УПД, in the first two months.
  for (let n = 0; n < DEMO_PURCHASES; n += 1) {
    const supplier = DEMO_SUPPLIERS[n % DEMO_SUPPLIERS.length] as DemoParty;
    const date = dayIn(from, addDays(from, 50));
    const goods: DemoGoods[] = [];
    for (let k = random.int(1, 3); k > 0; k -= 1) {
      const item = random.pick(TRACED_ITEMS);
      const quantity = item.unitPrice > 100_000_000n ? random.int(3, 8) : random.int(30, 120);
      const rnpt = rnptOf(random.pick(CUSTOMS_OFFICES), addDays(date, -random.int(20, 90)));
      goods.push({ item, rnpt, quantity });
      batches.push({ item, rnpt, received: date, left: quantity });
    }
    trades.push({ direction: 'purchase', number: `${n % 2 === 0 ? 'ВЭ' : 'СБТ'}-${String(4100 + n * 3)}`, date, party: supplier, goods });
  }

  // Kept aside for planted problems, so that ordinary sales never touch them.
  const reserve = (wanted: (b: Batch) => boolean = () => true): Batch => {
    const index = Math.max(0, batches.findIndex(wanted));
    return batches.splice(index, 1)[0] as Batch;
  };
  const fridgeBatch = reserve((b) => b.item.sku === 'REF-NF350');
  const [terminatedBatch, renewedBatch, overBatch] = [reserve(), reserve(), reserve()];

  // EAEU imports: strollers from Kazakhstan (on time), washing machines from Belarus (notified late), and
  // monitors whose RNPT came after the import (the 2026-10-01 seed-000 rule).
  const importNotices: DemoImportNotice[] = [];
  const eaeuImport = (supplierIndex: number, item: DemoItem, accepted: CalendarDate, rnptDate: CalendarDate, filed: CalendarDate): DemoImportNotice => {
    const supplier = DEMO_EAEU_SUPPLIERS[supplierIndex] as (typeof DEMO_EAEU_SUPPLIERS)[number];
    const goods: DemoGoods = { item, rnpt: rnptOf(FNS_OFFICE, rnptDate), quantity: random.int(30, 80) };
    const notice = { number: String(11 + importNotices.length), filed, accepted, supplier, goods };
    importNotices.push(notice);
    batches.push({ item, rnpt: goods.rnpt, received: accepted, left: goods.quantity });
    return notice;
  };
  // From 2026-10-01 the RNPT is to be obtained before the import (seed 000): the first one is notified in advance.
  const accepted1 = addDays(from, 12);
  eaeuImport(0, TRACED_ITEMS[5] as DemoItem, accepted1, addDays(accepted1, -4), addDays(accepted1, -3));
  const accepted2 = addDays(from, 23);
  const late = eaeuImport(1, TRACED_ITEMS[2] as DemoItem, accepted2, addDays(accepted2, -5), addWorkingDays(accepted2, 9));
  planted.push({
    code: 'NOTIFICATION_LATE',
    ref: late.number,
    rnpt: late.goods.rnpt,
    descriptionRu: `уведомление о ввозе из ЕАЭС № ${late.number} подано через 9 рабочих дней после принятия товаров на учёт (срок — 5)`,
  });
  const accepted3 = addDays(from, 30);
  const after = eaeuImport(0, TRACED_ITEMS[0] as DemoItem, accepted3, addDays(accepted3, 3), addWorkingDays(accepted3, 4));
  planted.push({
    code: 'EAEU_RNPT_AFTER_IMPORT',
    ref: after.number,
    rnpt: after.goods.rnpt,
    descriptionRu: `ввоз из ЕАЭС после 01.10.2026, а РНПТ ${after.goods.rnpt} получен через 3 дня после ввоза`,
  });

  // Opening remains: monitors held since before traceability, notified in time; strollers bought from an
  // individual, sold before their remains notification was filed.
  const remainsNotices: DemoRemainsNotice[] = [];
  const remainsOnTime: DemoGoods = { item: TRACED_ITEMS[0] as DemoItem, rnpt: rnptOf(FNS_OFFICE, addDays(from, -3)), quantity: 25 };
  remainsNotices.push({ number: '21', filed: addDays(from, -3), primaryDate: addDays(from, -40), goods: remainsOnTime });
  batches.push({ item: remainsOnTime.item, rnpt: remainsOnTime.rnpt, received: addDays(from, -3), left: remainsOnTime.quantity });

  // Ordinary sales, spread over the quarter, from whatever is in stock.
  const saleSpan = toDayNumber(to) - toDayNumber(from) - 8;
  for (let n = 0; n < DEMO_SALES; n += 1) {
    const date = addDays(from, 5 + Math.floor((n * saleSpan) / DEMO_SALES));
    const stock = batches.filter((b) => b.received <= date && b.left > 4);
    if (stock.length === 0) continue;
    const goods: DemoGoods[] = [];
    const used = new Set<string>();
    for (let k = random.next() < 0.2 ? 2 : 1; k > 0; k -= 1) {
      const batch = random.pick(stock);
      if (used.has(batch.rnpt)) continue;
      used.add(batch.rnpt);
      const quantity = random.int(1, Math.min(6, batch.left - 3));
      batch.left -= quantity;
      goods.push({ item: batch.item, rnpt: batch.rnpt, quantity });
    }
    trades.push({ direction: 'sale', number: nextSaleNumber(), date, party: buyer(), goods });
  }
  const sales = trades.filter((t) => t.direction === 'sale' && t.goods.length === 1);
  const twoRnptSale = trades.find((t) => t.direction === 'sale' && t.goods.length === 2) as DemoTrade;
  // Twelve sales whose declaration lines get spoiled, spread over the quarter.
  const spoilTargets = Array.from({ length: 12 }, (_, k) => sales[Math.floor(((k + 0.5) * sales.length) / 12)] as DemoTrade);

  const sale = (date: CalendarDate, goods: DemoGoods[], party: DemoParty | null = buyer()): DemoTrade => {
    const trade: DemoTrade = { direction: 'sale', number: nextSaleNumber(), date, party, goods };
    trades.push(trade);
    return trade;
  };

  // Ledger problems in УПД files.
  const strangerRnpt = '10216170/150526/0004417/003';
  const unknown = sale(addDays(to, -12), [{ item: TRACED_ITEMS[1] as DemoItem, rnpt: strangerRnpt, quantity: 4 }]);
  planted.push({ code: 'RNPT_UNKNOWN', ref: unknown.number, rnpt: strangerRnpt, descriptionRu: `продажа по РНПТ ${strangerRnpt}, поступления по которому нет` });

  const fridgeSale = sale(addDays(fridgeBatch.received, 9), [{ item: fridgeBatch.item, rnpt: fridgeBatch.rnpt, quantity: 2, tnved: alternativeTnved(fridgeBatch.item) }]);
  fridgeBatch.left -= 2;
  planted.push({
    code: 'TNVED_MISMATCH',
    ref: fridgeSale.number,
    rnpt: fridgeBatch.rnpt,
    descriptionRu: `в УПД на продажу код ТН ВЭД ${alternativeTnved(fridgeBatch.item)}, а партия поступила с кодом ${fridgeBatch.item.tnved}`,
  });

  // A purchase of spare drums with traceability data: the code is excluded from the list.
  const parts = DEMO_ITEMS.find((i) => i.sku === 'WM-PARTS') as DemoItem;
  const partsPurchase: DemoTrade = {
    direction: 'purchase',
    number: 'ВЭ-4999',
    date: addDays(from, 40),
    party: DEMO_SUPPLIERS[0] as DemoParty,
    goods: [{ item: parts, rnpt: rnptOf('10702070', addDays(from, 20)), quantity: 12 }],
  };
  trades.push(partsPurchase);
  planted.push({ code: 'NOT_TRACEABLE', ref: partsPurchase.number, rnpt: (partsPurchase.goods[0] as DemoGoods).rnpt, descriptionRu: 'РНПТ в УПД на барабаны для стиральных машин (код 8450 90 000 0 исключён из перечня)' });

  // Corrections: an honest return of two pieces, and a correction that ships more than is left (NEGATIVE_BALANCE).
  const corrections: DemoCorrection[] = [];
  const returned = sales.find((t) => (t.goods[0]?.quantity ?? 0) >= 3 && !spoilTargets.includes(t)) as DemoTrade;
  corrections.push({ number: 'К-0011', date: addDays(returned.date, 6), sale: returned, quantityAfter: (returned.goods[0]?.quantity ?? 3) - 2, reasonRu: 'Возврат товара ненадлежащего качества' });
  const overSale = sale(addDays(to, -25), [{ item: overBatch.item, rnpt: overBatch.rnpt, quantity: overBatch.left - 2 }]);
  const overQuantity = overBatch.left - 2 + 9;
  overBatch.left = -7;
  corrections.push({ number: 'К-0012', date: addDays(to, -6), sale: overSale, quantityAfter: overQuantity, reasonRu: 'Допоставка по претензии покупателя' });
  planted.push({
    code: 'NEGATIVE_BALANCE',
    ref: 'К-0012',
    rnpt: overBatch.rnpt,
    descriptionRu: `УКД на увеличение отгрузки на 9 шт, а по РНПТ ${overBatch.rnpt} осталось 2 шт`,
  });

  // A shipment of monitors to Kazakhstan, with its movement notification filed on time.
  const monitors = batches.find((b) => b.item.sku === 'MON-27Q' && b.left > 6) as Batch;
  const eaeuSale: DemoTrade = { direction: 'sale', number: nextSaleNumber(), date: addDays(to, -30), party: null, foreignBuyer: DEMO_EAEU_BUYER, goods: [{ item: monitors.item, rnpt: monitors.rnpt, quantity: 3 }] };
  monitors.left -= 3;
  trades.push(eaeuSale);
  const movementNotices: DemoMovementNotice[] = [{ number: '31', filed: addWorkingDays(eaeuSale.date, 3), sale: eaeuSale }];

  // A sale of strollers bought from an individual before the remains notification was filed.
  const lateRemains: DemoGoods = { item: TRACED_ITEMS[5] as DemoItem, rnpt: rnptOf(FNS_OFFICE, addDays(to, -15)), quantity: 6 };
  const earlySale = sale(addDays(to, -22), [{ ...lateRemains, quantity: 2 }]);
  remainsNotices.push({ number: '22', filed: addDays(to, -15), primaryDate: addDays(to, -40), goods: lateRemains });
  planted.push({
    code: 'REMAINS_NOTIFICATION_MISSING',
    ref: earlySale.number,
    rnpt: lateRemains.rnpt,
    descriptionRu: `продажа ${formatDateRu(earlySale.date)} товара, уведомление об остатках по которому подано только ${formatDateRu(addDays(to, -15))}`,
  });

  // What only 1C knows: retail sales, a write-off followed by a sale, a surplus with nothing written off, a paper invoice.
  const book: DemoBookOperation[] = [];
  const retailStock = batches.filter((b) => b.left > 8).slice(0, 6);
  retailStock.forEach((batch, k) => {
    book.push({
      kind: 'sale_to_individual',
      documentKind: 'other',
      number: `ЧК-${String(3100 + k * 17)}`,
      date: minDate(addDays(batch.received, 5 + k * 3), addDays(to, -2)),
      goods: { item: batch.item, rnpt: batch.rnpt, quantity: 1 },
      party: null,
      electronic: true,
      reportCode: '04',
    });
    batch.left -= 1;
  });
  const writeOffDate = addDays(to, -18);
  book.push({
    kind: 'write_off',
    documentKind: 'inventory_act',
    number: 'АС-0007',
    date: writeOffDate,
    goods: { item: terminatedBatch.item, rnpt: terminatedBatch.rnpt, quantity: terminatedBatch.left },
    party: null,
    electronic: true,
    reportCode: '02',
  });
  const afterWriteOff = sale(addDays(writeOffDate, 4), [{ item: terminatedBatch.item, rnpt: terminatedBatch.rnpt, quantity: 1 }]);
  terminatedBatch.left = 0;
  planted.push({ code: 'OPERATION_AFTER_TERMINATION', ref: afterWriteOff.number, rnpt: terminatedBatch.rnpt, descriptionRu: `продажа по РНПТ ${terminatedBatch.rnpt} после списания всей партии (акт АС-0007)` });
  book.push({
    kind: 'found_after_shortage',
    documentKind: 'inventory_act',
    number: 'ИНВ-0003',
    date: addDays(to, -10),
    goods: { item: renewedBatch.item, rnpt: renewedBatch.rnpt, quantity: 2 },
    party: null,
    electronic: true,
    reportCode: '10',
  });
  planted.push({ code: 'RENEWAL_WITHOUT_TERMINATION', ref: 'ИНВ-0003', rnpt: renewedBatch.rnpt, descriptionRu: `излишек по инвентаризации (код 10) по РНПТ ${renewedBatch.rnpt}, недостачи по которому не было` });
  const paper: DemoBookOperation = {
    kind: 'sale',
    documentKind: 'invoice',
    number: 'ТС-П-0041',
    date: addDays(to, -35),
    goods: { item: renewedBatch.item, rnpt: renewedBatch.rnpt, quantity: 3 },
    party: DEMO_BUYERS[0] as DemoParty,
    electronic: false,
    reportCode: null,
  };
  book.push(paper);
  planted.push({ code: 'PAPER_INVOICE', ref: paper.number, rnpt: paper.goods.rnpt, descriptionRu: 'продажа прослеживаемого товара по бумажному счёту-фактуре' });

  trades.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    period: formatQuarter(quarter),
    from,
    to,
    company: DEMO_COMPANY,
    trades,
    corrections,
    importNotices,
    remainsNotices,
    movementNotices,
    book,
    planted,
    spoilTargets,
    twoRnptSale,
    random,
  };
}

/** Another traceable code of the same heading (a typo a buyer's accountant might make). */
function alternativeTnved(item: DemoItem): string {
  return item.tnved === '8418102001' ? '8418108001' : `${item.tnved.slice(0, 6)}${item.tnved.slice(6) === '1000' ? '9000' : '1000'}`;
}
