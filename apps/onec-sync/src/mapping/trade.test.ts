import { formatQuantity } from '@sledopyt/core';
import type { Movement } from '@sledopyt/core';
import type { ImportDocumentInput } from '@sledopyt/store';
import { describe, expect, it } from 'vitest';
import { BUYER_INN, COMPANY_INN, REF, RNPT, SUPPLIER_INN, docRef, lineId, mappingContext } from '../test-support/reference-fixture.js';
import { mapTradeDocument } from './trade.js';
import type { Row } from './row.js';

const header = (n: number, extra: Row): Row => ({
  Ref_Key: docRef(n),
  DataVersion: 'AAAAAQAAAAA=',
  DeletionMark: false,
  Posted: true,
  Date: '2026-02-03T10:15:00',
  Number: `0000-00000${n}`,
  Организация_Key: REF.organization,
  ...extra,
});

const goodsLine = (line: number, item: string, quantity: number, sum: number, vat: number, extra: Row = {}): Row => ({
  Ref_Key: '',
  LineNumber: String(line),
  Номенклатура_Key: item,
  Количество: quantity,
  Сумма: sum,
  СуммаНДС: vat,
  ИдентификаторСтроки: lineId(line),
  ...extra,
});

const brief = (m: Movement) => ({ kind: m.kind, rnpt: m.rnpt, quantity: formatQuantity(m.quantity), cost: m.costWithoutVat, unit: m.unit, tnved: m.tnved, doc: `${m.document.kind} ${m.document.number} ${m.document.date}`, counterpartyInn: m.counterpartyInn });
const movementsOf = (docs: readonly ImportDocumentInput[]) => docs.flatMap((d) => d.movements.map(brief));

describe('БП 3.0 purchases and sales', () => {
  it('maps each СведенияПрослеживаемости row of a domestic purchase, VAT taken out of amounts that include it', () => {
    const ctx = mappingContext('bp30');
    const row = header(1, {
      Контрагент_Key: REF.domesticSupplier,
      НомерВходящегоДокумента: 'УПД-417',
      ДатаВходящегоДокумента: '2026-02-02T00:00:00',
      СуммаВключаетНДС: true,
      Товары: [goodsLine(1, REF.fridge, 10, 732_000, 132_000), goodsLine(2, REF.socks, 100, 36_600, 6_600)],
      СведенияПрослеживаемости: [
        { LineNumber: '1', РНПТ_Key: REF.rnptFridgeA, Количество: 6, КоличествоПрослеживаемости: 6, ИдентификаторСтроки: lineId(1), Номенклатура_Key: REF.fridge, Сумма: 439_200 },
        { LineNumber: '2', РНПТ_Key: REF.rnptFridgeB, Количество: 4, КоличествоПрослеживаемости: 4, ИдентификаторСтроки: lineId(1), Номенклатура_Key: REF.fridge, Сумма: 292_800 },
      ],
    });
    const docs = mapTradeDocument({ set: 'Document_ПоступлениеТоваровУслуг', role: 'purchases', row }, ctx);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ taxpayerInn: COMPANY_INN, kind: 'upd', number: 'УПД-417', date: '2026-02-02', counterpartyInn: SUPPLIER_INN, counterpartyKpp: '502901001', source: 'onec', sourceRef: `1c.example/buh/Document_ПоступлениеТоваровУслуг(${docRef(1)})` });
    expect(movementsOf(docs)).toEqual([
      { kind: 'purchase', rnpt: RNPT.fridgeA, quantity: '6', cost: 36_000_000n, unit: '796', tnved: '8418102001', doc: 'upd УПД-417 2026-02-02', counterpartyInn: SUPPLIER_INN },
      { kind: 'purchase', rnpt: RNPT.fridgeB, quantity: '4', cost: 24_000_000n, unit: '796', tnved: '8418102001', doc: 'upd УПД-417 2026-02-02', counterpartyInn: SUPPLIER_INN },
    ]);
    expect(docs[0]?.movements[0]?.date).toBe('2026-02-03');
    expect(docs[0]?.movements[0]?.id).toBe(`${docRef(1)}:СведенияПрослеживаемости:1`);
    // The socks line has no RNPT and is not an error: it is kept in the details for the reconciler.
    const details = docs[0]?.details as { onec: { dataVersion: string }; goods: { tnved: string | null; traceable: boolean | null }[] };
    expect(details.onec.dataVersion).toBe('AAAAAQAAAAA=');
    expect(details.goods.map((g) => g.tnved)).toEqual(['8418102001', '6115950000']);
    expect(ctx.skips.total).toBe(0);
  });

  it('turns a purchase from a foreign supplier into customs imports, one store document per ДТ', () => {
    const ctx = mappingContext('bp30');
    const row = header(2, {
      Контрагент_Key: REF.chineseSupplier,
      СуммаВключаетНДС: false,
      Товары: [goodsLine(1, REF.fridge, 5, 300_000, 0), goodsLine(2, REF.washer, 3, 105_000, 0)],
      СведенияПрослеживаемости: [
        { LineNumber: '1', РНПТ_Key: REF.rnptFridgeA, КоличествоПрослеживаемости: 5, ИдентификаторСтроки: lineId(1), Сумма: 300_000 },
        { LineNumber: '2', РНПТ_Key: REF.rnptWasherOtherDt, КоличествоПрослеживаемости: 3, ИдентификаторСтроки: lineId(2), Сумма: 105_000 },
      ],
    });
    const docs = mapTradeDocument({ set: 'Document_ПоступлениеТоваровУслуг', role: 'purchases', row }, ctx);
    expect(docs.map((d) => [d.kind, d.number, d.date, d.movements.length])).toEqual([
      ['customs_declaration', '10702070/010126/0000001', '2026-01-01', 1],
      ['customs_declaration', '10216170/291225/0004711', '2025-12-29', 1],
    ]);
    expect(new Set(docs.map((d) => d.sourceRef)).size).toBe(1);
    expect(new Set(docs.map((d) => d.contentHash)).size).toBe(2);
    expect(movementsOf(docs).map((m) => [m.kind, m.unit, m.counterpartyInn])).toEqual([
      ['customs_import', '796', undefined],
      // The washer's unit is not in 1C: the goods list № 1110 gives it (796 for 8450 11 110 0).
      ['customs_import', '796', undefined],
    ]);
  });

  it('tells EAEU, retail and domestic sales apart by the buyer', () => {
    const sale = (n: number, buyer: string) =>
      header(n, {
        Контрагент_Key: buyer,
        Товары: [goodsLine(1, REF.fridge, 2, 150_000, 33_000, { КодТНВЭД_Key: REF.tnvedFridge })],
        СведенияПрослеживаемости: [{ LineNumber: '1', РНПТ_Key: REF.rnptFridgeA, КоличествоПрослеживаемости: 2, ИдентификаторСтроки: lineId(1), Сумма: 150_000, СуммаНДС: 33_000 }],
      });
    const ctx = mappingContext('bp30');
    const kinds = [REF.domesticBuyer, REF.kazakhSupplier, REF.privatePerson, REF.chineseSupplier].map((buyer, i) => {
      const [doc] = mapTradeDocument({ set: 'Document_РеализацияТоваровУслуг', role: 'sales', row: sale(10 + i, buyer) }, ctx);
      return [doc?.movements[0]?.kind, doc?.kind, doc?.number, doc?.counterpartyInn];
    });
    expect(kinds).toEqual([
      ['sale', 'upd', '0000-0000010', BUYER_INN],
      ['eaeu_movement', 'upd', '0000-0000011', undefined],
      ['sale_to_individual', 'upd', '0000-0000012', undefined],
      ['export', 'upd', '0000-0000013', undefined],
    ]);
  });

  it('skips what it cannot map, with a reason per row, and keeps the rest of the document', () => {
    const ctx = mappingContext('bp30');
    const row = header(3, {
      Контрагент_Key: REF.domesticSupplier,
      Товары: [goodsLine(1, REF.fridge, 4, 240_000, 0), goodsLine(2, REF.noCode, 1, 10_000, 0)],
      СведенияПрослеживаемости: [
        { LineNumber: '1', РНПТ_Key: REF.rnptFridgeA, КоличествоПрослеживаемости: 2, ИдентификаторСтроки: lineId(1), Сумма: 120_000 },
        { LineNumber: '2', РНПТ_Key: '00000000-0000-0000-0000-000000000000', КоличествоПрослеживаемости: 1, ИдентификаторСтроки: lineId(1), Сумма: 60_000 },
        { LineNumber: '3', РНПТ_Key: REF.customsNumber, КоличествоПрослеживаемости: 1, ИдентификаторСтроки: lineId(1), Сумма: 60_000 },
        { LineNumber: '4', РНПТ_Key: REF.rnptFridgeB, КоличествоПрослеживаемости: 0, ИдентификаторСтроки: lineId(1), Сумма: 0 },
        { LineNumber: '5', РНПТ_Key: REF.rnptWasherOtherDt, КоличествоПрослеживаемости: 1, ИдентификаторСтроки: lineId(2), Номенклатура_Key: REF.noCode, Сумма: 10_000 },
      ],
    });
    const docs = mapTradeDocument({ set: 'Document_ПоступлениеТоваровУслуг', role: 'purchases', row }, ctx);
    expect(docs[0]?.movements.map((m) => m.rnpt)).toEqual([RNPT.fridgeA]);
    expect(ctx.skips.entries().map((e) => [e.reason, e.count])).toEqual(
      expect.arrayContaining([
        ['RNPT_EMPTY', 1],
        ['RNPT_IS_CUSTOMS_NUMBER', 1],
        ['QUANTITY_MISSING', 1],
        ['UNIT_UNKNOWN', 1],
      ]),
    );
    expect(ctx.skips.entries().find((e) => e.reason === 'RNPT_EMPTY')?.examples[0]).toBe(`Document_ПоступлениеТоваровУслуг № 0000-000003 от 2026-02-03, СведенияПрослеживаемости строка 2`);

    const orphan = mapTradeDocument({ set: 'Document_ПоступлениеТоваровУслуг', role: 'purchases', row: { ...row, Организация_Key: '99999999-0000-11ef-8000-000000000000' } }, ctx);
    expect(orphan).toEqual([]);
    expect(ctx.skips.entries().find((e) => e.reason === 'ORGANIZATION_INN_UNKNOWN')?.count).toBe(1);
  });
});

describe('УТ 11 / КА 2 / ERP 2 purchases and sales', () => {
  it('reads purchase RNPTs from the goods rows (НомерГТД_Key of type RNPT, КоличествоПоРНПТ)', () => {
    const ctx = mappingContext('ut115');
    const row = header(4, {
      Контрагент_Key: REF.kazakhSupplier,
      ЦенаВключаетНДС: false,
      Товары: [
        goodsLine(1, REF.fridge, 8, 480_000, 0, { КоличествоПоРНПТ: 8, НомерГТД_Key: REF.rnptEaeu, СуммаСНДС: 480_000 }),
        goodsLine(2, REF.socks, 50, 15_000, 0, { КоличествоПоРНПТ: 0, НомерГТД_Key: REF.customsNumber, СуммаСНДС: 15_000 }),
      ],
      ВидыЗапасов: [],
    });
    const docs = mapTradeDocument({ set: 'Document_ПриобретениеТоваровУслуг', role: 'purchases', row }, ctx);
    expect(movementsOf(docs)).toEqual([{ kind: 'eaeu_import', rnpt: RNPT.eaeu, quantity: '8', cost: 48_000_000n, unit: '796', tnved: '8418102001', doc: 'other 0000-000004 2026-02-03', counterpartyInn: undefined }]);
    expect((docs[0]?.details as { goods: { customsDeclaration: string | null }[] }).goods[1]?.customsDeclaration).toBe('10702070/010126/0000001');
    expect(ctx.skips.total).toBe(0);
  });

  it('reads sale RNPTs from ВидыЗапасов, the item through ИдентификаторСтроки, cost = СуммаСНДС − СуммаНДС', () => {
    const ctx = mappingContext('ut115');
    const row = header(5, {
      Контрагент_Key: REF.domesticBuyer,
      ЦенаВключаетНДС: true,
      Товары: [goodsLine(1, REF.washer, 5, 219_600, 39_600), goodsLine(2, REF.socks, 10, 3_660, 660)],
      ВидыЗапасов: [
        { LineNumber: '1', ИдентификаторСтроки: lineId(1), НомерГТД_Key: REF.rnptWasherOtherDt, Количество: 3, КоличествоПоРНПТ: 3, СуммаНДС: 23_760, СуммаСНДС: 131_760 },
        { LineNumber: '2', ИдентификаторСтроки: lineId(1), НомерГТД_Key: REF.rnptFridgeA, Количество: 2, КоличествоПоРНПТ: 2, СуммаНДС: 15_840, СуммаСНДС: 87_840, КодТНВЭД_Key: REF.tnvedFridge },
        { LineNumber: '3', ИдентификаторСтроки: lineId(2), НомерГТД_Key: '00000000-0000-0000-0000-000000000000', Количество: 10, КоличествоПоРНПТ: 0, СуммаНДС: 660, СуммаСНДС: 3_660 },
      ],
    });
    const docs = mapTradeDocument({ set: 'Document_РеализацияТоваровУслуг', role: 'sales', row }, ctx);
    expect(movementsOf(docs)).toEqual([
      { kind: 'sale', rnpt: RNPT.washerOtherDt, quantity: '3', cost: 10_800_000n, unit: '796', tnved: '8450111100', doc: 'upd 0000-000005 2026-02-03', counterpartyInn: BUYER_INN },
      { kind: 'sale', rnpt: RNPT.fridgeA, quantity: '2', cost: 7_200_000n, unit: '796', tnved: '8418102001', doc: 'upd 0000-000005 2026-02-03', counterpartyInn: BUYER_INN },
    ]);
    expect(ctx.skips.total).toBe(0);
  });

  it('maps returns to the return kinds', () => {
    const ctx = mappingContext('ut115');
    const row = header(6, {
      Контрагент_Key: REF.domesticBuyer,
      НомерВходящегоДокумента: 'КОР-12',
      ДатаВходящегоДокумента: '2026-02-10T00:00:00',
      Товары: [goodsLine(1, REF.fridge, 1, 60_000, 0)],
      ВидыЗапасов: [{ LineNumber: '1', ИдентификаторСтроки: lineId(1), НомерГТД_Key: REF.rnptFridgeA, КоличествоПоРНПТ: 1, СуммаНДС: 13_200, СуммаСНДС: 73_200 }],
    });
    const fromBuyer = mapTradeDocument({ set: 'Document_ВозвратТоваровОтКлиента', role: 'returns-from-buyers', row }, ctx);
    expect(movementsOf(fromBuyer)).toEqual([expect.objectContaining({ kind: 'return_from_buyer', doc: 'upd КОР-12 2026-02-10', cost: 6_000_000n })]);
    const toSupplier = mapTradeDocument({ set: 'Document_ВозвратТоваровПоставщику', role: 'returns-to-suppliers', row: { ...row, Контрагент_Key: REF.domesticSupplier } }, ctx);
    expect(movementsOf(toSupplier)).toEqual([expect.objectContaining({ kind: 'return_to_supplier', doc: 'upd 0000-000006 2026-02-03', counterpartyInn: SUPPLIER_INN })]);
  });
});
