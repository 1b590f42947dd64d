import { describe, expect, it } from 'vitest';
import { formatQuantity, parseMovement, unwrap } from '@sledopyt/core';
import { BUYER_INN, FIXED_GUID, FORM_SIGNER, SELLER_INN, TAXPAYER, updFixture } from '../test-support/fixtures.js';
import { checkStructure } from '../test-support/structure.js';
import { updToMovements } from '../upd/movements.js';
import { writeUpd } from '../upd/write.js';
import { detectFormat } from '../xml/detect.js';
import { operationsReportFromMovements } from './from-movements.js';
import { readOperationsReport } from './read.js';
import { writeOperationsReport } from './write.js';

const TABLE = 'otchet-operacii-ON_OTCHOPTOV-1169010-5.02.structure.tsv';

describe('отчёт об операциях (1169010, 5.02)', () => {
  const sales = updToMovements(writeUpd(updFixture(), { guid: FIXED_GUID }).document, SELLER_INN);
  const writeOff = unwrap(
    parseMovement({
      kind: 'write_off',
      operationCode: '03',
      taxpayerInn: SELLER_INN,
      rnpt: '10702070/150126/0000042/003',
      unit: '796',
      quantity: '1',
      costWithoutVat: '32500.50',
      date: '2026-03-25',
      document: { kind: 'inventory_act', number: 'АС-2', date: '2026-03-25' },
    }),
  );
  const aprilSale = { ...unwrap(parseMovement({ ...writeOff, kind: 'sale', operationCode: undefined, quantity: '1', costWithoutVat: '100', date: '2026-04-01' })) };
  const draft = operationsReportFromMovements([...sales, writeOff, aprilSale], {
    year: 2026,
    quarter: 1,
    taxpayer: TAXPAYER,
    signer: FORM_SIGNER,
    КодНО: '7701',
    ПоМесту: '214',
    counterparties: { [BUYER_INN]: { kind: 'СведЮЛ', НаимОрг: 'ООО "Бытовая техника Урал"', ИННЮЛ: BUYER_INN, КПП: '667301001' } },
  });

  it('groups the quarter’s movements into report lines by date, code and document', () => {
    expect(draft.Период).toBe('21');
    expect(draft.ОтчетОперПрТовСтр.map((line) => [line.НомерПор, line.ДатаОпер, line.КодВидОпер, line.РеквПервичДок.ВидДок, line.ТоварПросл.length])).toEqual([
      [1, '2026-03-02', '15', '3', 3],
      [2, '2026-03-25', '03', '5', 1],
    ]);
    const [sale] = draft.ОтчетОперПрТовСтр;
    expect(sale?.Контрагент).toMatchObject({ ИННЮЛ: BUYER_INN });
    expect(sale?.ТоварПросл.map((goods) => [goods.РегНомерТов, formatQuantity(goods.КоличТоварПер), goods.СтТоварБезНДС])).toEqual([
      ['10702070/010126/0000001/001', '10', 45_000_000n],
      ['10702070/150126/0000042/003', '3', 9_750_150n],
      ['10702070/150126/0000042/004', '1', 3_250_050n],
    ]);
  });

  it('writes a report that fits the structure table, and reads it back unchanged', () => {
    const written = writeOperationsReport(draft, { guid: FIXED_GUID, date: '2026-04-20' });
    expect(written.fileName).toBe(`ON_OTCHOPTOV_7701_7701_7701234560770101001_20260420_${FIXED_GUID}.xml`);
    expect(checkStructure(written.bytes, TABLE, [['СведЮЛ', 'СведИП']])).toEqual([]);
    expect(detectFormat(written.bytes).kind).toBe('operations-report');
    expect(readOperationsReport(written.bytes)).toEqual(written.document);
  });
});
