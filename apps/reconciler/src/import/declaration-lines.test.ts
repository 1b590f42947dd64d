import { wholeQuantity } from '@sledopyt/core';
import type { Quantity } from '@sledopyt/core';
import { purchaseBookLineSchema, salesBookLineSchema } from '@sledopyt/formats';
import { declarationLineInputSchema } from '@sledopyt/store';
import { describe, expect, it } from 'vitest';
import { declarationLineInput } from './declaration-lines.js';
import { BUYER_INN, RNPT_FRIDGE, SUPPLIER_INN } from './testing/import-fixtures.js';

describe('declarationLineInput', () => {
  it('maps a purchase line: the first seller, the amounts, the entries with their canonical numbers', () => {
    const line = purchaseBookLineSchema.parse({
      НомерПор: 12,
      НомСчФПрод: 'ПИ-000045',
      ДатаСчФПрод: '2026-01-20',
      НомИспрСчФ: 1,
      ДатаИспрСчФ: '2026-01-25',
      СтоимПокупВ: 658_800_00n,
      СумНДСВыч: 118_800_00n,
      КодВидОпер: ['01'],
      СвПрод: [
        { kind: 'СведЮЛ', ИННЮЛ: SUPPLIER_INN, КПП: '253601001' },
        { kind: 'СведЮЛ', ИННЮЛ: BUYER_INN },
      ],
      СвРегНом: [
        { РегНомПросл: '10702070/150126/0000042/003', ОКЕИ: '796', КолТовПросл: wholeQuantity(20), СтоимТовПросл: 540_000_00n },
        { РегНомПросл: '10702070/150126/0001234' },
      ],
    });
    const mapped = declarationLineInput(line);
    expect(mapped).toEqual({
      lineNumber: 12,
      invoiceNumber: 'ПИ-000045',
      invoiceDate: '2026-01-20',
      invoiceCorrectionNumber: 1,
      invoiceCorrectionDate: '2026-01-25',
      operationCodes: ['01'],
      counterpartyInn: SUPPLIER_INN,
      counterpartyKpp: '253601001',
      storno: false,
      amountKopecks: 658_800_00n,
      vatKopecks: 118_800_00n,
      entries: [
        { kind: 'rnpt', number: '10702070/150126/0000042/003', raw: '10702070/150126/0000042/003', okei: '796', quantity: wholeQuantity(20), costKopecks: 540_000_00n },
        { kind: 'customs_declaration', number: '10702070/150126/0001234', raw: '10702070/150126/0001234' },
      ],
    });
    expect(declarationLineInputSchema.safeParse(mapped).success).toBe(true);
  });

  it('maps a storno sales line to a sole trader with VAT at two rates, keeping the entries’ signs as filed', () => {
    const line = salesBookLineSchema.parse({
      НомерПор: 2,
      НомСчФПрод: 'ТИ-000098',
      ДатаСчФПрод: '2026-02-11',
      НомКСчФПрод: 'К-0003',
      ДатаКСчФПрод: '2026-02-20',
      СтоимПродСФ: -56_000_00n,
      СтоимПродСФ22: -40_000_00n,
      СтоимПродСФ10: -5_000_00n,
      СумНДССФ22: -8_800_00n,
      СумНДССФ10: -500_00n,
      КодВидОпер: ['01', '26'],
      КодВидТовар: ['8418102001'],
      СвРегНом: [{ РегНомПросл: RNPT_FRIDGE, ОКЕИ: '796', КолТовПросл: -wholeQuantity(1) as Quantity, СтоимТовПросл: -40_000_00n }],
      СвПокуп: [{ kind: 'СведИП', ИННФЛ: '772112345678' }],
    });
    expect(declarationLineInput(line)).toMatchObject({
      correctionInvoiceNumber: 'К-0003',
      correctionInvoiceDate: '2026-02-20',
      counterpartyInn: '772112345678',
      storno: true,
      amountKopecks: -56_000_00n,
      vatKopecks: -9_300_00n,
      tnvedCodes: ['8418102001'],
      operationCodes: ['01', '26'],
      entries: [{ quantity: -wholeQuantity(1), costKopecks: -40_000_00n }],
    });
    expect(declarationLineInput(line)).not.toHaveProperty('counterpartyKpp');
  });
});
