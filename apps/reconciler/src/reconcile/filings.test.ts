import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wholeQuantity, type CalendarDate, type Discrepancy } from '@sledopyt/core';
import { writeExportNotice, writeOperationsReport, writeRemainsNotice, writeUpd } from '@sledopyt/formats';
import type { StoredFiling } from '@sledopyt/store';
import { describeEachEngine, freshDatabase } from '@sledopyt/store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { importFiles } from '../import/import-files.js';
import { FORM_SIGNER, FORM_TAXPAYER, OUR_INN, RNPT_FRIDGE, RNPT_WASHER, purchaseUpd, saleUpd } from '../import/testing/import-fixtures.js';
import { filingOf, rnptsIn } from './filings.js';
import { reconcileQuarter } from './reconcile-quarter.js';

const AS_OF = '2026-05-01' as CalendarDate;
const REMAINS_RNPT = '10000000/200326/0000388/001';

describe('filingOf', () => {
  const stored = (kind: StoredFiling['kind'], details: Record<string, unknown>): StoredFiling => ({
    storeId: 7n,
    kind,
    number: '4',
    date: '2026-03-30' as StoredFiling['date'],
    eventDate: '2026-03-16' as StoredFiling['date'],
    source: 'file',
    sourceRef: 'fns/ON_UVVYVOZ.xml',
    details,
  });

  it('finds the RNPTs wherever an adapter put them: file import (nested parts) and 1С (goods rows)', () => {
    const fromFile = { correctionNumber: 0, parts: [{ documents: [{ lines: [{ rnpt: RNPT_WASHER }, { rnpt: RNPT_FRIDGE }] }, { lines: [{ rnpt: RNPT_WASHER }] }] }] };
    expect(rnptsIn(fromFile)).toEqual([RNPT_WASHER, RNPT_FRIDGE]);
    const fromOnec = { rnpt: null, correctionNumber: 2, goods: [{ line: '1', rnpt: RNPT_FRIDGE }, { line: '2', rnpt: '' }] };
    const filing = filingOf(stored('eaeu_movement_notification', fromOnec));
    expect(filing.ok && filing.value).toMatchObject({ id: 'fns/ON_UVVYVOZ.xml', rnpts: [RNPT_FRIDGE], correctionNumber: 2, filedOn: '2026-03-30', eventDate: '2026-03-16' });
  });

  it('reads the rows of a report on operations and refuses a report whose rows cannot be read', () => {
    const details = {
      year: 2026,
      quarter: 1,
      lines: [{ line: 1, date: '2026-03-02', operationCode: '15', document: { kind: '3', number: 'ТИ-000123', date: '2026-03-02' }, counterparty: null, goods: [{ rnpt: RNPT_FRIDGE, okei: '796', quantity: '10', costKopecks: '45000000' }] }],
    };
    const report = filingOf(stored('operations_report', details));
    expect(report.ok && report.value.report?.rows[0]).toEqual({
      lineNumber: 1,
      date: '2026-03-02',
      operationCode: '15',
      document: { number: 'ТИ-000123', date: '2026-03-02' },
      counterpartyInn: null,
      goods: [{ rnpt: RNPT_FRIDGE, unit: '796', quantity: wholeQuantity(10), cost: 45_000_000n }],
    });
    const broken = filingOf(stored('operations_report', { ...details, lines: [{ ...details.lines[0], goods: [{ rnpt: RNPT_FRIDGE, okei: '796', quantity: 'много', costKopecks: '1' }] }] }));
    expect(broken.ok ? null : broken.error.code).toBe('RECONCILE_FILING_UNREADABLE');
  });
});

// ООО «ТехноИмпорт», Q1 2026, from files as they come from ЭДО and from the filings sent to ФНС.
function quarterFiles(options: { movementNotice: boolean }) {
  const sale = saleUpd();
  const retail = writeUpd(
    {
      ...sale,
      НомерДок: 'ТИ-000150',
      ДатаДок: '2026-03-10',
      ДатаИнфПр: '2026-03-10',
      СвПокуп: {
        ИдСв: { kind: 'СвФЛУч', ИННФЛ: '500100732259', ФИО: { Фамилия: 'Орлов', Имя: 'Игорь' } },
        Адрес: { kind: 'АдрРФ', КодРегион: '50', НаимРегион: 'Московская область', Город: 'Химки', Улица: 'ул. Молодёжная', Дом: '4' },
      },
      СведТов: [
        {
          НомСтр: 1,
          НаимТов: 'Холодильник Атлант ХМ-4021 (бывший в употреблении)',
          ОКЕИ_Тов: '796',
          НаимЕдИзм: 'шт',
          КолТов: '1',
          ЦенаТов: '15000',
          СтТовБезНДС: 15_000_00n,
          НалСт: '22%',
          СумНал: 3_300_00n,
          СтТовУчНал: 18_300_00n,
          КодВидТов: '8418102001',
          СведПрослеж: [{ НомТовПрослеж: REMAINS_RNPT, ЕдИзмПрослеж: '796', НаимЕдИзмПрослеж: 'шт', КолВЕдПрослеж: '1', СтТовБезНДСПрослеж: 15_000_00n }],
        },
      ],
      ВсегоОпл: { СтТовБезНДСВсего: 15_000_00n, СтТовУчНалВсего: 18_300_00n, СумНалВсего: 3_300_00n },
    },
    { guid: '0d6b2f1e-3c41-4c55-9e0e-1f2a3b4c5d61' },
  );
  const toMinsk = writeUpd(
    {
      ...sale,
      НомерДок: 'ТИ-000151',
      ДатаДок: '2026-03-16',
      ДатаИнфПр: '2026-03-16',
      СвПокуп: {
        ИдСв: { kind: 'СвИнНеУч', ИдСтат: 'ИО', КодСтр: '112', НаимСтран: 'Беларусь', Наим: 'ООО «БелТехТорг»', Идентиф: '192837465' },
        Адрес: { kind: 'АдрИнф', КодСтр: '112', НаимСтран: 'Беларусь', АдрТекст: 'Республика Беларусь, г. Минск, ул. Притыцкого, д. 29' },
      },
      СведТов: (sale.СведТов ?? []).slice(1, 2),
      ВсегоОпл: { СтТовБезНДСВсего: 130_000_00n, СтТовУчНалВсего: 158_600_00n, СумНалВсего: 28_600_00n },
    },
    { guid: '0d6b2f1e-3c41-4c55-9e0e-1f2a3b4c5d62' },
  );
  const remains = writeRemainsNotice(
    {
      НомУвед: '3',
      ДатаУвед: '2026-03-20',
      ПризнУвед: '1',
      СвНП: FORM_TAXPAYER,
      Подписант: FORM_SIGNER,
      ИНН: ['771234567859'],
      УведОстатТов: {
        НаимПервичДок: 'Договор купли-продажи',
        НомПервичДок: '5',
        ДатаПервичДок: '2026-01-15',
        НаимТовДок: 'Холодильник Атлант ХМ-4021 (бывший в употреблении)',
        КодТНВЭД: '8418102001',
        КолТоварДок: '1',
        ЕдинИзмерДок: '796',
        РегНомерТов: REMAINS_RNPT,
        ЕдинИзмерКол: '796',
        КоличТоварКол: '1',
        СтТоварБезНДС: 12_500_00n,
      },
    },
    { taxOffice: '7701', guid: '0d6b2f1e-3c41-4c55-9e0e-1f2a3b4c5d63' },
  );
  // Filed on 30.03 for a shipment of 16.03: the 5 working days ended on 23.03.
  const movementNotice = writeExportNotice(
    {
      ВерсПрог: 'Sledopyt 0.1.0',
      НомУвед: '4',
      ДатаУвед: '2026-03-30',
      СвНП: FORM_TAXPAYER,
      Подписант: FORM_SIGNER,
      УведВывозТов: [
        {
          СвЛицПрд: { ОКСМ: '112', ИдКод: '192837465', Адрес: 'Республика Беларусь, г. Минск, ул. Притыцкого, д. 29', НаимОрг: 'ООО «БелТехТорг»' },
          СвСопрДок: [
            {
              ВидСопрДок: '2',
              ДатаСопрДок: '2026-03-16',
              НомСопрДок: 'ТИ-000151',
              УведВывозТовСтр: [
                { НомТовДок: 1, НаимТовДок: 'Стиральная машина LG F2J3WS2W', КоличТоварДок: '3', ЕдинИзмерДок: '796', РегНомерТов: RNPT_WASHER, ЕдинИзмерПер: '796', КоличТоварПер: '3', СтТоварБезНДС: 97_500_00n },
                { НомТовДок: 2, НаимТовДок: 'Стиральная машина LG F2J3WS2W', КоличТоварДок: '1', ЕдинИзмерДок: '796', РегНомерТов: '10702070/150126/0000042/004', ЕдинИзмерПер: '796', КоличТоварПер: '1', СтТоварБезНДС: 32_500_00n },
              ],
            },
          ],
          СвПунктНазн: ['г. Минск'],
          ОКСМ: [],
        },
      ],
    },
    { taxOffice: '7701', guid: '0d6b2f1e-3c41-4c55-9e0e-1f2a3b4c5d64' },
  );
  // Filed on 28.04 (due Monday 27.04): shows the ЭДО sale without its buyer and leaves out the retail sale (04).
  const report = writeOperationsReport(
    {
      ОтчетГод: '2026',
      Период: '21',
      КодНО: '7701',
      ПоМесту: '214',
      СвНП: FORM_TAXPAYER,
      Подписант: FORM_SIGNER,
      ОтчетОперПрТовСтр: [
        {
          НомерПор: 1,
          ДатаОпер: '2026-03-02',
          КодВидОпер: '15',
          РеквПервичДок: { ВидДок: '3', НомДок: 'ТИ-000123', ДатаДок: '2026-03-02' },
          ТоварПросл: [{ РегНомерТов: RNPT_FRIDGE, ЕдинИзмерПер: '796', КоличТоварПер: '10', СтТоварБезНДС: 450_000_00n }],
        },
      ],
    },
    { guid: '0d6b2f1e-3c41-4c55-9e0e-1f2a3b4c5d65', date: '2026-04-28' },
  );
  const files: Record<string, Uint8Array> = {
    [`edo/in/${writeUpd(purchaseUpd(), { guid: '0d6b2f1e-3c41-4c55-9e0e-1f2a3b4c5d66' }).fileName}`]: writeUpd(purchaseUpd(), { guid: '0d6b2f1e-3c41-4c55-9e0e-1f2a3b4c5d66' }).bytes,
    [`edo/out/${retail.fileName}`]: retail.bytes,
    [`edo/out/${toMinsk.fileName}`]: toMinsk.bytes,
    [`fns/${remains.fileName}`]: remains.bytes,
    [`fns/${report.fileName}`]: report.bytes,
  };
  if (options.movementNotice) files[`fns/${movementNotice.fileName}`] = movementNotice.bytes;
  return files;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function inbox(files: Record<string, Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'sledopyt-filings-'));
  dirs.push(root);
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(root, name.replaceAll('/', '_'));
    writeFileSync(path, bytes);
  }
  return root;
}

const find = (found: readonly Discrepancy[], code: Discrepancy['code']) => found.filter((d) => d.code === code);

describeEachEngine('reconcileQuarter with the filings', (engine) => {
  it('finds late filings, a retail sale missing from the report, a bad report row and a sale before the remains notification', async () => {
    const { store } = await freshDatabase(engine);
    const summary = await importFiles(store, [inbox(quarterFiles({ movementNotice: true }))], { taxpayerInn: OUR_INN });
    expect(summary.failed).toEqual([]);
    const result = await reconcileQuarter({ store, taxpayerInn: OUR_INN, period: '2026-Q1', asOf: AS_OF });
    expect(result.read.filings).toBe(3);
    const found = result.discrepancies;

    expect(find(found, 'NOTIFICATION_LATE').map((d) => [d.document?.number, d.expected, d.actual])).toEqual([
      ['4', 'не позднее 23.03.2026 (5 рабочих дней после отгрузки 16.03.2026)', 'подано 30.03.2026, на 5 раб. дн. позже'],
    ]);
    expect(find(found, 'REPORT_LATE').map((d) => [d.expected, d.actual])).toEqual([['не позднее 27.04.2026', 'подан 28.04.2026']]);
    expect(find(found, 'REPORT_FIELD_INVALID').map((d) => d.actual)).toEqual(['для кода 15 не указан контрагент']);
    expect(find(found, 'NOT_IN_REPORT').map((d) => [d.rnpt, d.document?.number, d.expected, d.actual])).toEqual([[REMAINS_RNPT, 'ТИ-000150', 'код 04: 1 (по учёту за квартал)', 'в отчёте нет']]);
    expect(find(found, 'REMAINS_NOTIFICATION_MISSING').map((d) => [d.rnpt, d.document?.number, d.actual])).toEqual([[REMAINS_RNPT, 'ТИ-000150', 'подано 20.03.2026']]);
    expect(find(found, 'RNPT_UNKNOWN').map((d) => d.rnpt)).not.toContain(REMAINS_RNPT);
    expect(find(found, 'REPORT_FIELD_INVALID')[0]?.document).toMatchObject({ kind: 'operations_report', date: '2026-04-28', counterpartyInn: null });
  });

  it('says a shipment to the EAEU has no movement notification at all once the deadline has passed', async () => {
    const { store } = await freshDatabase(engine);
    await importFiles(store, [inbox(quarterFiles({ movementNotice: false }))], { taxpayerInn: OUR_INN });
    const late = find((await reconcileQuarter({ store, taxpayerInn: OUR_INN, period: '2026-Q1', asOf: AS_OF })).discrepancies, 'NOTIFICATION_LATE');
    expect(late.map((d) => [d.rnpt, d.document?.number, d.actual])).toEqual([
      [RNPT_WASHER, 'ТИ-000151', 'уведомление с этим РНПТ не найдено'],
      ['10702070/150126/0000042/004', 'ТИ-000151', 'уведомление с этим РНПТ не найдено'],
    ]);
  });
});
