import { formatQuantity } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { COMPANY_INN, REF, RNPT, docRef, mappingContext } from '../test-support/reference-fixture.js';
import { mapNotification, notificationLinks } from './notifications.js';
import type { Row } from './row.js';

const header = (n: number, extra: Row): Row => ({
  Ref_Key: docRef(n),
  DataVersion: 'AAAAAgAAAAA=',
  DeletionMark: false,
  Posted: true,
  Date: '2026-02-06T11:00:00',
  Number: `УВ00-00000${n}`,
  Организация_Key: REF.organization,
  ...extra,
});

describe('traceability notifications', () => {
  it('keeps an EAEU import notification without movements, its deadline counted from the purchase', () => {
    const purchase = docRef(900);
    const ctx = mappingContext('bp30', { [purchase]: '2026-02-02' });
    const row = header(1, {
      РНПТ_Key: REF.rnptEaeu,
      КодТНВЭД_Key: REF.tnvedFridge,
      ПервичныйДокумент: purchase,
      ПервичныйДокумент_Type: 'StandardODATA.Document_ПоступлениеТоваровУслуг',
      Контрагент_Key: REF.kazakhSupplier,
      ПолученоПодтверждениеИзФНС: true,
      Товары: [{ LineNumber: '1', Номенклатура_Key: REF.fridge, Количество: 8, КоличествоПрослеживаемости: 8, Сумма: 480_000 }],
    });
    const source = { set: 'Document_УведомлениеОВвозеПрослеживаемыхТоваров', role: 'import-notices' as const, row };
    expect(notificationLinks(source, 'bp30')).toEqual([{ set: 'Document_ПоступлениеТоваровУслуг', ref: purchase }]);
    const [doc] = mapNotification(source, ctx);
    expect(doc).toMatchObject({ kind: 'eaeu_import_notification', number: 'УВ00-000001', date: '2026-02-06', eventDate: '2026-02-02', taxpayerInn: COMPANY_INN, movements: [] });
    expect(doc?.details).toMatchObject({ rnpt: RNPT.eaeu, tnved: '8418102001', confirmedByFns: true, goods: [{ traceQuantity: 8, amountKopecks: '48000000' }] });
  });

  it('dates a movement notification by the latest accompanying sale; without it, by its own date', () => {
    const saleA = docRef(901);
    const saleB = docRef(902);
    const row = header(2, {
      Товары: [
        { LineNumber: '1', РНПТ_Key: REF.rnptFridgeA, КоличествоПрослеживаемости: 2, Сумма: 120_000, СопроводительныйДокумент: saleA, СопроводительныйДокумент_Type: 'StandardODATA.Document_РеализацияТоваровУслуг' },
        { LineNumber: '2', РНПТ_Key: REF.rnptFridgeB, КоличествоПрослеживаемости: 1, Сумма: 60_000, СопроводительныйДокумент: saleB, СопроводительныйДокумент_Type: 'StandardODATA.Document_РеализацияТоваровУслуг' },
      ],
    });
    const source = { set: 'Document_УведомлениеОПеремещенииПрослеживаемыхТоваров', role: 'movement-notices' as const, row };
    const [dated] = mapNotification(source, mappingContext('ut115', { [saleA]: '2026-01-28', [saleB]: '2026-01-30' }));
    expect(dated).toMatchObject({ kind: 'eaeu_movement_notification', eventDate: '2026-01-30', movements: [] });
    expect((dated?.details as { goods: { rnpt: string }[] }).goods.map((g) => g.rnpt)).toEqual([RNPT.fridgeA, RNPT.fridgeB]);
    const [undated] = mapNotification(source, mappingContext('ut115'));
    expect(undated?.eventDate).toBe('2026-02-06');
  });

  it('brings remains into the ledger: БП per goods row under the header RNPT', () => {
    const ctx = mappingContext('bp30');
    const row = header(3, {
      Date: '2025-09-30T10:00:00',
      РНПТ_Key: REF.rnptFridgeA,
      КодТНВЭД_Key: REF.tnvedFridge,
      ЕдиницаПрослеживаемости_Key: REF.piece,
      ДатаПервичногоДокумента: '2024-11-15T00:00:00',
      Товары: [{ LineNumber: '1', Номенклатура_Key: REF.fridge, Количество: 40, КоличествоПрослеживаемости: 40, Сумма: 2_400_000 }],
    });
    const [doc] = mapNotification({ set: 'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров', role: 'remains-notices', row }, ctx);
    expect(doc).toMatchObject({ kind: 'remains_notification', date: '2025-09-30', eventDate: '2024-11-15' });
    expect(doc?.movements.map((m) => [m.kind, m.rnpt, formatQuantity(m.quantity), m.costWithoutVat, m.unit, m.tnved, m.date])).toEqual([['remains', RNPT.fridgeA, '40', 240_000_000n, '796', '8418102001', '2025-09-30']]);
  });

  it('УТ: spreads the header amount over the ВидыЗапасов rows by quantity, to the kopeck', () => {
    const ctx = mappingContext('ut115');
    const row = header(4, {
      РНПТ: RNPT.fridgeA,
      КодТНВЭД_Key: REF.tnvedFridge,
      Количество: 3,
      КоличествоПрослеживаемости: 3,
      Сумма: 100_000.01,
      ВидыЗапасов: [
        { LineNumber: '1', НомерГТД_Key: REF.rnptFridgeA, КоличествоПоРНПТ: 1 },
        { LineNumber: '2', НомерГТД_Key: REF.rnptFridgeB, КоличествоПоРНПТ: 2 },
      ],
    });
    const [doc] = mapNotification({ set: 'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров', role: 'remains-notices', row }, ctx);
    const costs = doc?.movements.map((m) => m.costWithoutVat) ?? [];
    expect(doc?.movements.map((m) => m.rnpt)).toEqual([RNPT.fridgeA, RNPT.fridgeB]);
    expect(costs).toEqual([3_333_334n, 6_666_667n]);
    expect(costs.reduce((a, b) => a + b, 0n)).toBe(10_000_001n);
  });

  it('files a first remains notification without an RNPT (ФНС assigns it later) without movements or complaints', () => {
    const ctx = mappingContext('ut115');
    const row = header(5, { РНПТ: '', Количество: 2, КоличествоПрослеживаемости: 2, Сумма: 50_000, ВидыЗапасов: [] });
    const [doc] = mapNotification({ set: 'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров', role: 'remains-notices', row }, ctx);
    expect(doc?.movements).toEqual([]);
    expect(ctx.skips.total).toBe(0);
  });
});
