/**
 * The demo's VAT declaration, sections 8 (purchases) and 9 (sales) with `СвРегНом`, one line per document —
 * and then spoiled on purpose: one line for each declaration problem of the catalog. Problems the section
 * writer refuses to write (a ДТ number with quantity and cost, an RNPT without cost) are edited into the text.
 */
import { addDays, completeInn, computeDeadline, type CalendarDate } from '@sledopyt/core';
import {
  purchaseBookLineSchema,
  purchaseBookTotals,
  salesBookLineSchema,
  salesBookTotals,
  ndsSectionFileId,
  writeNdsSectionBytes,
  type NdsSectionFileInput,
  type PurchaseBookLineInput,
  type SalesBookLineInput,
} from '@sledopyt/formats';
import { DEMO_COMPANY, type DemoParty } from './demo-catalog.js';
import type { DemoGoods, DemoPlant, DemoQuarterPlan, DemoTrade } from './demo-files-plan.js';
import { spoilXml, type XmlEdit } from './demo-files-spoil.js';
import { DEMO_TAX_OFFICE } from './demo-files-forms.js';
import { costOf } from './demo-files-upd.js';

export interface DemoSectionFile {
  section: '8' | '9';
  fileName: string;
  bytes: Uint8Array;
}

export interface DemoDeclarationFiles {
  sections: DemoSectionFile[];
  planted: DemoPlant[];
  /** The day the sections were formed (their file names' date). */
  formed: CalendarDate;
}

const vatOf = (cost: bigint): bigint => (cost * 22n + 50n) / 100n;
const counterparty = (party: DemoParty) => ({ kind: 'СведЮЛ' as const, ИННЮЛ: party.inn, ...(party.kpp === null ? {} : { КПП: party.kpp }) });
const entryOf = (goods: DemoGoods): TraceEntry => ({ РегНомПросл: goods.rnpt, ОКЕИ: '796', КолТовПросл: String(goods.quantity), СтоимТовПросл: costOf(goods) });
const costOfTrade = (trade: { goods: readonly DemoGoods[] }): bigint => trade.goods.reduce((sum, goods) => sum + costOf(goods), 0n);

function purchaseLine(trade: DemoTrade, index: number): PurchaseBookLineInput {
  const cost = costOfTrade(trade);
  const vat = vatOf(cost);
  return {
    НомерПор: index + 1,
    НомСчФПрод: trade.number,
    ДатаСчФПрод: trade.date,
    КодВидОпер: ['01'],
    ДатаУчТов: [trade.date],
    СвПрод: trade.party === null ? [] : [counterparty(trade.party)],
    СтоимПокупВ: cost + vat,
    СумНДСВыч: vat,
    СвРегНом: trade.goods.map(entryOf),
  };
}

interface TraceEntry {
  РегНомПросл: string;
  ОКЕИ: string;
  КолТовПросл: string;
  СтоимТовПросл: bigint;
}
type SalesLine = Omit<SalesBookLineInput, 'СвРегНом'> & { НомСчФПрод: string; СвРегНом: TraceEntry[] };

function salesLine(trade: Pick<DemoTrade, 'number' | 'date' | 'party' | 'foreignBuyer' | 'goods'>): SalesLine {
  const cost = costOfTrade(trade);
  if (trade.foreignBuyer !== undefined) {
    // A shipment to Kazakhstan: 0 %, with the goods' ТН ВЭД codes.
    return {
      НомерПор: 0,
      НомСчФПрод: trade.number,
      ДатаСчФПрод: trade.date,
      КодВидОпер: ['01'],
      СтоимПродСФ: cost,
      СтоимПродСФ0: cost,
      КодВидТовар: trade.goods.map((g) => g.tnved ?? g.item.tnved),
      СвРегНом: trade.goods.map(entryOf),
    };
  }
  const vat = vatOf(cost);
  return {
    НомерПор: 0,
    НомСчФПрод: trade.number,
    ДатаСчФПрод: trade.date,
    КодВидОпер: ['01'],
    СвПокуп: trade.party === null ? [] : [counterparty(trade.party)],
    СтоимПродСФ: cost + vat,
    СтоимПродСФ22: cost,
    СумНДССФ22: vat,
    СвРегНом: trade.goods.map(entryOf),
  };
}

const NEXT_ITEM = (rnpt: string): string => rnpt.replace(/\/(\d{3})$/, (_m, item: string) => `/${String((Number(item) % 998) + 1).padStart(3, '0')}`);

export async function demoDeclarationFiles(plan: DemoQuarterPlan, guid: () => string): Promise<DemoDeclarationFiles> {
  const planted: DemoPlant[] = [];
  const plant = (code: string, ref: string, descriptionRu: string, rnpt?: string) => planted.push({ code, ref, descriptionRu, ...(rnpt === undefined ? {} : { rnpt }) });

  const purchases = plan.trades.filter((t) => t.direction === 'purchase').map(purchaseLine);
  const paperSales = plan.book.filter((op) => op.kind === 'sale').map((op) => ({ number: op.number, date: op.date, party: op.party, goods: [op.goods] }));
  const sales: SalesLine[] = [...plan.trades.filter((t) => t.direction === 'sale'), ...paperSales]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(salesLine);
  const lineOf = (trade: DemoTrade): SalesLine => sales.find((l) => l.НомСчФПрод === trade.number) as SalesLine;
  const [qty, cost, unit, cp, mismatch, customs, incomplete, sign, left, twice, invalid] = plan.spoilTargets.map(lineOf) as SalesLine[] as [
    SalesLine,
    SalesLine,
    SalesLine,
    SalesLine,
    SalesLine,
    SalesLine,
    SalesLine,
    SalesLine,
    SalesLine,
    SalesLine,
    SalesLine,
  ];
  const entry0 = (line: SalesLine): TraceEntry => line.СвРегНом[0] as TraceEntry;

  entry0(qty).КолТовПросл = String(Number(entry0(qty).КолТовПросл) + 2);
  plant('QUANTITY_MISMATCH', qty.НомСчФПрод, 'в строке раздела 9 на 2 шт больше, чем в УПД', entry0(qty).РегНомПросл);
  entry0(cost).СтоимТовПросл = entry0(cost).СтоимТовПросл - 75_000n;
  plant('COST_MISMATCH', cost.НомСчФПрод, 'стоимость по РНПТ в строке раздела 9 на 750 ₽ меньше, чем в УПД', entry0(cost).РегНомПросл);
  entry0(unit).ОКЕИ = '166';
  plant('UNIT_MISMATCH', unit.НомСчФПрод, 'единица прослеживаемости 166 (кг) вместо 796 (шт)', entry0(unit).РегНомПросл);
  cp.СвПокуп = [{ kind: 'СведЮЛ', ИННЮЛ: completeInn('781399001'), КПП: '781301001' }];
  plant('COUNTERPARTY_MISMATCH', cp.НомСчФПрод, 'в строке раздела 9 ИНН другого покупателя');
  const booked = entry0(mismatch).РегНомПросл;
  entry0(mismatch).РегНомПросл = NEXT_ITEM(booked);
  plant('RNPT_MISMATCH', mismatch.НомСчФПрод, `в строке раздела 9 РНПТ ${entry0(mismatch).РегНомПросл}, а в УПД — ${booked}`, booked);
  // 31 June: the date group of the RNPT typed wrong (the writer refuses it, so the text is edited below).
  const typo = entry0(invalid).РегНомПросл.replace(/\/\d{4}(\d{2})\//, '/3106$1/');
  plant('RNPT_INVALID', invalid.НомСчФПрод, `в строке раздела 9 РНПТ ${typo} — с несуществующей датой (31 июня)`);
  plant('RNPT_IS_CUSTOMS_DECL', customs.НомСчФПрод, 'вместо РНПТ — номер декларации на товары (без номера товара), с количеством и стоимостью');
  plant('TRACE_FIELDS_INCOMPLETE', incomplete.НомСчФПрод, 'по РНПТ не указана стоимость', entry0(incomplete).РегНомПросл);
  for (const field of ['СтоимПродСФ', 'СтоимПродСФ22', 'СумНДССФ22'] as const) {
    const value = sign[field];
    if (value !== undefined) sign[field] = -value;
  }
  plant('SIGN_ERROR', sign.НомСчФПрод, 'сторнирующая строка (суммы с минусом), а количество и стоимость по РНПТ положительные', entry0(sign).РегНомПросл);
  sales.splice(sales.indexOf(left), 1);
  plant('NOT_IN_DECLARATION', left.НомСчФПрод, 'УПД на продажу не отражён в разделе 9');
  sales.splice(sales.indexOf(twice) + 1, 0, { ...twice, СвРегНом: twice.СвРегНом.map((e) => ({ ...e })) });
  plant('DUPLICATE_LINE', twice.НомСчФПрод, 'строка раздела 9 повторена дважды', entry0(twice).РегНомПросл);
  const two = lineOf(plan.twoRnptSale);
  const dropped = two.СвРегНом.pop();
  plant('RNPT_MISSING', two.НомСчФПрод, 'в УПД два РНПТ, в строке раздела 9 — только первый', dropped?.РегНомПросл);

  const template = qty;
  const stranger: SalesLine = {
    ...template,
    НомСчФПрод: 'ТС-9001',
    ДатаСчФПрод: addDays(plan.to, -3),
    СвРегНом: [{ РегНомПросл: '10005030/140826/0007781/004', ОКЕИ: '796', КолТовПросл: '2', СтоимТовПросл: 3_680_000n }],
  };
  sales.push(stranger);
  plant('NOT_IN_BOOKS', stranger.НомСчФПрод, 'строка раздела 9 по счёту-фактуре, которого нет в учёте', '10005030/140826/0007781/004');
  const nextQuarter: SalesLine = { ...stranger, НомСчФПрод: 'ТС-9002', ДатаСчФПрод: addDays(plan.to, 2), СвРегНом: stranger.СвРегНом.map((e) => ({ ...e })) };
  sales.push(nextQuarter);
  plant('PERIOD_MISMATCH', nextQuarter.НомСчФПрод, 'счёт-фактура следующего квартала в декларации за этот квартал');
  sales.forEach((line, index) => {
    line.НомерПор = index + 1;
  });

  // Formed a few days before the declaration's deadline; the import dates the sections' quarter by this day.
  const formed = addDays(computeDeadline({ kind: 'vat-declaration', date: plan.period }).due, -5);
  const fileName = () => ({
    taxOffice: DEMO_TAX_OFFICE,
    finalTaxOffice: DEMO_TAX_OFFICE,
    taxpayerId: `${DEMO_COMPANY.inn}${DEMO_COMPANY.kpp ?? ''}`,
    date: formed,
    guid: guid(),
  });
  const file8: NdsSectionFileInput = {
    section: '8',
    ВерсПрог: '1С:Бухгалтерия 3.0',
    fileName: fileName(),
    totals: purchaseBookTotals(purchases.map((l) => purchaseBookLineSchema.parse(l))),
  };
  const file9: NdsSectionFileInput = {
    section: '9',
    ВерсПрог: '1С:Бухгалтерия 3.0',
    fileName: fileName(),
    totals: salesBookTotals(sales.map((l) => salesBookLineSchema.parse(l))),
  };
  const section8 = await writeNdsSectionBytes(file8, purchases);
  const section9 = await writeNdsSectionBytes(file9, sales);
  const lineScope = (line: SalesLine) => ({ start: `НомСчФПрод="${line.НомСчФПрод}"`, end: '</КнПродСтр>' });
  const edits: XmlEdit[] = [
    { within: lineScope(customs), find: `РегНомПросл="${entry0(customs).РегНомПросл}"`, replace: `РегНомПросл="${entry0(customs).РегНомПросл.replace(/\/\d{3}$/, '')}"` },
    { within: lineScope(incomplete), find: / СтоимТовПросл="[^"]*"/, replace: '' },
    { within: lineScope(invalid), find: `РегНомПросл="${entry0(invalid).РегНомПросл}"`, replace: `РегНомПросл="${typo}"` },
  ];
  return {
    sections: [
      { section: '8', fileName: `${ndsSectionFileId(file8)}.xml`, bytes: section8 },
      { section: '9', fileName: `${ndsSectionFileId(file9)}.xml`, bytes: spoilXml(section9, edits) },
    ],
    planted,
    formed,
  };
}
