import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { parseMovement, type Movement, type MovementInput } from '../ledger/movement.js';
import { unwrap } from '../errors.js';
import { parseRubles } from '../money/money.js';
import { wholeQuantity } from '../money/quantity.js';
import { completeInn } from '../taxpayer.js';
import type { BookEntry, DeclarationLine, DeclarationTraceEntry } from './model.js';
import { reconcileInMemory } from './reconcile.js';

// A wholesaler of monitors and refrigerators, Q3 2026: imports under a ДТ, buys from a Russian importer, sells to retailers.
const US = completeInn('781045213');
const SUPPLIER = completeInn('772931784');
const [BUYER_X, BUYER_Y, BUYER_Z] = [completeInn('781612903'), completeInn('470315820'), completeInn('631988450')];
const MONITORS = '10702070/050726/0012345/001';
const FRIDGES = '10216170/010626/0004417/003';
const STRANGER = '10005030/120826/0000777/002';

let seq = 0;
function movement(kind: MovementInput['kind'], rnpt: string, quantity: number, rub: string, doc: string, date: string, counterpartyInn?: string, tnved = rnpt === MONITORS ? '8528521000' : '8418102001'): Movement {
  seq += 1;
  const input: MovementInput = {
    id: `m${seq}`,
    kind,
    taxpayerInn: US,
    rnpt,
    tnved,
    unit: '796',
    quantity: String(quantity),
    costWithoutVat: rub,
    date,
    document: { kind: kind === 'customs_import' ? 'customs_declaration' : 'upd', number: doc, date },
  };
  if (counterpartyInn) input.counterpartyInn = counterpartyInn;
  return unwrap(parseMovement(input));
}

const entry = (registrationNumber: string, quantity: number | undefined, rub: string | undefined, unit: string | undefined = '796'): DeclarationTraceEntry => ({
  registrationNumber,
  unit,
  quantity: quantity === undefined ? undefined : wholeQuantity(quantity),
  cost: rub === undefined ? undefined : unwrap(parseRubles(rub)),
});

let lineNo = 0;
function line(section: DeclarationLine['section'], invoiceNumber: string, invoiceDate: string, counterpartyInn: string | undefined, entries: DeclarationTraceEntry[], storno = false): DeclarationLine {
  lineNo += 1;
  return { id: `NO_NDS#${section}:${lineNo}`, section, lineNumber: lineNo, invoiceNumber, invoiceDate: invoiceDate as CalendarDate, counterpartyInn, operationCodes: [section === '8' ? '01' : '01'], tnvedCodes: [], storno, entries };
}

const books: Movement[] = [
  movement('customs_import', MONITORS, 100, '1840000', '10702070/050726/0012345', '2026-07-05'),
  movement('purchase', FRIDGES, 30, '1237500', 'ВЭ-512', '2026-07-10', SUPPLIER),
  movement('sale', MONITORS, 20, '368000', 'ТС-101', '2026-07-20', BUYER_X),
  movement('sale', MONITORS, 10, '184000', 'ТС-102', '2026-08-03', BUYER_Y),
  movement('sale', FRIDGES, 5, '206250', 'ТС-102', '2026-08-03', BUYER_Y),
  movement('sale', FRIDGES, 4, '165000', 'ТС-103', '2026-08-15', BUYER_X),
  movement('sale', MONITORS, 3, '55200', 'ТС-104', '2026-09-01', BUYER_Z),
];
const entries: BookEntry[] = books.map((m) => ({ movement: m }));

const declaration: DeclarationLine[] = [
  line('8', 'ВЭ-512', '2026-07-10', SUPPLIER, [entry(FRIDGES, 30, '1237500')]),
  line('8', '10702070/050726/0012345', '2026-07-05', undefined, [entry(MONITORS, 100, '1840000')]),
  line('9', 'ТС-101', '2026-07-20', BUYER_X, [entry(MONITORS, 20, '368000')]),
  line('9', 'тс-102 ', '2026-08-03', BUYER_Y, [entry(MONITORS, 10, '184000'), entry(FRIDGES, 5, '205750')]), // 500 ₽ less
  line('9', 'ТС-104', '2026-09-01', BUYER_Z, [entry(MONITORS, 4, '55200')]), // one more than sold
  line('9', 'ТС-105', '2026-09-10', BUYER_X, [entry(STRANGER, 2, '80000')]), // no such document, no such batch
  line('9', 'ТС-101', '2026-07-20', BUYER_X, [entry(MONITORS, 20, '368000')]), // the first line again
  line('9', 'ТС-106', '2026-09-12', BUYER_Y, [entry('10702070/310626/0012345/001', 1, '18400')]), // 31 June
  line('9', 'ТС-107', '2026-09-14', BUYER_Z, [entry('10702070/050726/0012345', 1, '18400')]), // ДТ number, no item
];

describe('reconcileInMemory: a wholesaler quarter', () => {
  const result = reconcileInMemory({ taxpayerInn: US, period: '2026-Q3', lines: declaration, entries });
  const codes = result.discrepancies.map((d) => d.code).sort();

  it('finds exactly the planted discrepancies and nothing on the matching lines', () => {
    expect(codes).toEqual(
      ['COST_MISMATCH', 'DUPLICATE_LINE', 'NOT_IN_BOOKS', 'NOT_IN_DECLARATION', 'QUANTITY_MISMATCH', 'RNPT_INVALID', 'RNPT_IS_CUSTOMS_DECL', 'RNPT_UNKNOWN'].sort(),
    );
  });

  it('says what was expected and found, with the document and the line', () => {
    const quantity = result.discrepancies.find((d) => d.code === 'QUANTITY_MISMATCH');
    expect(quantity).toMatchObject({
      severity: 'error',
      rnpt: MONITORS,
      section: '9',
      expected: '3 шт',
      actual: '4 шт',
      document: { number: 'ТС-104', date: '2026-09-01', counterpartyInn: BUYER_Z },
    });
    expect(quantity?.messageRu).toContain('ТС-104');
    const cost = result.discrepancies.find((d) => d.code === 'COST_MISMATCH');
    expect(cost).toMatchObject({ rnpt: FRIDGES, expected: '206\u00a0250,00\u00a0₽', actual: '205\u00a0750,00\u00a0₽' });
    const missing = result.discrepancies.find((d) => d.code === 'NOT_IN_DECLARATION');
    expect(missing).toMatchObject({ rnpt: FRIDGES, document: { number: 'ТС-103' }, movementIds: [books[5]!.id] });
  });

  it('counts the fine risk once per document: 1 000 ₽ each, warnings free', () => {
    // Documents with error-level findings: ТС-102, ТС-103, ТС-104, ТС-105 (two findings), ТС-106, ТС-107.
    expect(result.fines.totalRub).toBe(6_000);
    expect(result.discrepancies.find((d) => d.code === 'DUPLICATE_LINE')?.fineRub).toBe(0);
    const ts105 = result.discrepancies.filter((d) => d.document?.number === 'ТС-105');
    expect(ts105.map((d) => d.fineRub).sort()).toEqual([0, 1000]);
  });

  it('orders errors before warnings and explains each in Russian', () => {
    const severities = result.discrepancies.map((d) => d.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    for (const d of result.discrepancies) {
      expect(d.messageRu).toMatch(/[а-я]/);
      expect(d.fixRu.length).toBeGreaterThan(10);
    }
  });
});

describe('reconcileInMemory: pairs that disagree', () => {
  const sale = movement('sale', MONITORS, 5, '92000', 'ТС-200', '2026-08-20', BUYER_X);
  const receipt = movement('customs_import', MONITORS, 100, '1840000', '10702070/050726/0012345', '2026-07-05');
  const run = (lines: DeclarationLine[]) =>
    reconcileInMemory({ taxpayerInn: US, period: '2026-Q3', lines, entries: [{ movement: sale }], ledgerMovements: [receipt, sale] }).discrepancies;

  it('flags another RNPT on the same invoice line as RNPT_MISMATCH', () => {
    const found = run([line('9', 'ТС-200', '2026-08-20', BUYER_X, [entry('10702070/050726/0012345/002', 5, '92000')])]);
    expect(found.map((d) => d.code)).toContain('RNPT_MISMATCH');
    expect(found.find((d) => d.code === 'RNPT_MISMATCH')).toMatchObject({ expected: MONITORS, actual: '10702070/050726/0012345/002' });
  });

  it('flags another buyer ИНН for the same invoice as COUNTERPARTY_MISMATCH and still compares quantities', () => {
    const found = run([line('9', 'ТС-200', '2026-08-20', BUYER_Y, [entry(MONITORS, 5, '92000')])]);
    expect(found.map((d) => d.code)).toEqual(['COUNTERPARTY_MISMATCH']);
  });

  it('flags a line without the RNPT of the document as RNPT_MISSING, a wrong unit and an incomplete entry', () => {
    expect(run([line('9', 'ТС-200', '2026-08-20', BUYER_X, [])]).map((d) => d.code)).toEqual(['RNPT_MISSING']);
    const unit = run([line('9', 'ТС-200', '2026-08-20', BUYER_X, [entry(MONITORS, 5, '92000', '166')])]).map((d) => d.code);
    expect(unit.filter((c) => c === 'UNIT_MISMATCH')).toHaveLength(2); // not the list's unit, and not the document's
    expect(run([line('9', 'ТС-200', '2026-08-20', BUYER_X, [entry(MONITORS, 5, undefined)])]).map((d) => d.code)).toContain('TRACE_FIELDS_INCOMPLETE');
  });

  it('accepts a cost rounded to whole roubles, flags more than 1 ₽', () => {
    expect(run([line('9', 'ТС-200', '2026-08-20', BUYER_X, [entry(MONITORS, 5, '92000.40')])])).toEqual([]);
    expect(run([line('9', 'ТС-200', '2026-08-20', BUYER_X, [entry(MONITORS, 5, '92002')])]).map((d) => d.code)).toEqual(['COST_MISMATCH']);
  });

  it('wants negative values on storno lines (SIGN_ERROR), and a document inside the quarter (PERIOD_MISMATCH)', () => {
    expect(run([line('9', 'ТС-200', '2026-08-20', BUYER_X, [entry(MONITORS, 5, '92000')], true)]).map((d) => d.code)).toEqual(['SIGN_ERROR']);
    const late = run([line('9', 'ТС-300', '2026-10-02', BUYER_X, [entry(MONITORS, 1, '18400')])]).map((d) => d.code);
    expect(late).toContain('PERIOD_MISMATCH');
  });

  it('flags traceability data on Russian-made goods as NOT_TRACEABLE', () => {
    const russian = movement('sale', MONITORS, 1, '9900', 'ТС-400', '2026-08-21', BUYER_X, '8450111900');
    const found = reconcileInMemory({
      taxpayerInn: US,
      period: '2026-Q3',
      lines: [line('9', 'ТС-400', '2026-08-21', BUYER_X, [entry(MONITORS, 1, '9900')])],
      entries: [{ movement: russian, originCountry: 'RU' }],
      ledgerMovements: [receipt, russian],
    }).discrepancies;
    expect(found.map((d) => d.code)).toEqual(expect.arrayContaining(['NOT_TRACEABLE', 'TNVED_MISMATCH']));
  });
});
