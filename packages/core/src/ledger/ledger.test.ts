import { describe, expect, it } from 'vitest';
import { isSledopytError } from '../errors.js';
import { formatQuantity } from '../money/quantity.js';
import { Ledger, balanceToJSON, computeBalances } from './ledger.js';
import type { LedgerBalance } from './ledger.js';
import { movementSchema } from './movement.js';
import type { Movement, MovementInput } from './movement.js';

const COMPANY = '7707083893';
const FRIDGES = '10702070/090126/0004521/001'; // ДТ of 09.01.2026, item 1
const WASHERS = '10129020/151225/0012345/003'; // bought from a Russian importer
const MONITORS = '10702070/170226/0007810/002'; // EAEU import, ФНС-assigned (same shape)
const FORKLIFTS = '10702030/080721/0000417/001'; // remains notification, ФНС-assigned

let counter = 0;
function mv(kind: MovementInput['kind'], date: string, rnpt: string, quantity: string, extra: Partial<MovementInput> = {}): Movement {
  counter += 1;
  return movementSchema.parse({
    id: `m${counter}`,
    kind,
    taxpayerInn: COMPANY,
    rnpt,
    unit: '796',
    quantity,
    costWithoutVat: '0',
    date,
    document: { kind: 'upd', number: String(counter), date },
    ...extra,
  });
}

const q = (balance: LedgerBalance | undefined) =>
  balance && {
    received: formatQuantity(balance.received),
    disposed: formatQuantity(balance.disposed),
    terminated: formatQuantity(balance.terminated),
    renewed: formatQuantity(balance.renewed),
    onHand: formatQuantity(balance.onHand),
  };

/** A quarter of an importer of household appliances (I quarter 2026). */
function firstQuarter2026(): Movement[] {
  return [
    mv('customs_import', '2026-01-09', FRIDGES, '120', {
      tnved: '8418 10 200 1',
      costWithoutVat: '3 600 000,00',
      document: { kind: 'customs_declaration', number: '10702070/090126/0004521', date: '2026-01-09' },
    }),
    mv('purchase', '2026-01-20', WASHERS, '10', { tnved: '8450111100', counterpartyInn: '7728168971', costWithoutVat: '289990.00' }),
    mv('eaeu_import', '2026-02-17', MONITORS, '50', { tnved: '8528521000', costWithoutVat: '675000' }),
    mv('remains', '2026-01-12', FORKLIFTS, '2', { tnved: '8427201100', costWithoutVat: '4100000' }),
    mv('sale', '2026-02-05', FRIDGES, '30', { counterpartyInn: '7736207543', costWithoutVat: '1170000' }),
    mv('sale_to_individual', '2026-02-12', FRIDGES, '2', { costWithoutVat: '79998.00' }),
    mv('sale_correction_decrease', '2026-02-20', FRIDGES, '5', { counterpartyInn: '7736207543', document: { kind: 'ukd', number: '3', date: '2026-02-20' } }),
    // same day: the sale is listed before the purchase that covers it
    mv('sale', '2026-03-02', WASHERS, '25', { counterpartyInn: '7702070139', costWithoutVat: '899750' }),
    mv('purchase', '2026-03-02', WASHERS, '20', { counterpartyInn: '7728168971', costWithoutVat: '579980' }),
    mv('shortage', '2026-03-10', FRIDGES, '1', { document: { kind: 'inventory_act', number: 'ИНВ-1', date: '2026-03-10' } }),
    mv('found_after_shortage', '2026-03-20', FRIDGES, '1', { document: { kind: 'inventory_act', number: 'ИНВ-2', date: '2026-03-20' } }),
    mv('eaeu_movement', '2026-03-24', MONITORS, '12', { costWithoutVat: '180000' }),
    mv('transfer_out', '2026-03-25', FORKLIFTS, '1', { operationCode: '13' }),
    mv('sale', '2026-03-31', FRIDGES, '90', { counterpartyInn: '7736207543', costWithoutVat: '3510000' }),
  ];
}

describe('computeBalances — a clean quarter', () => {
  const result = computeBalances(firstQuarter2026());
  const balance = (rnpt: string) => result.balances.find((b) => b.rnpt === rnpt);

  it('finds nothing wrong', () => {
    expect(result.findings).toEqual([]);
  });

  it('keeps one balance per RNPT, sorted by RNPT', () => {
    expect(result.balances.map((b) => b.rnpt)).toEqual([WASHERS, FORKLIFTS, FRIDGES, MONITORS]);
  });

  it('nets corrections, terminations and renewals', () => {
    // 120 imported + 1 found; 30 − 5 (УКД) + 90 sold; 2 retail + 1 shortage terminated
    expect(q(balance(FRIDGES))).toEqual({ received: '121', disposed: '115', terminated: '3', renewed: '1', onHand: '3' });
    expect(q(balance(WASHERS))).toEqual({ received: '30', disposed: '25', terminated: '0', renewed: '0', onHand: '5' });
    expect(q(balance(MONITORS))).toEqual({ received: '50', disposed: '12', terminated: '0', renewed: '0', onHand: '38' });
    expect(q(balance(FORKLIFTS))?.onHand).toBe('1');
  });

  it('records dates and counts', () => {
    expect(balance(FRIDGES)).toMatchObject({ firstReceiptDate: '2026-01-09', lastMovementDate: '2026-03-31', movementCount: 7 });
    expect(balance(WASHERS)?.firstReceiptDate).toBe('2026-01-20');
  });

  it('cuts off at a date', () => {
    const february = computeBalances(firstQuarter2026(), { until: '2026-02-28' as Movement['date'] });
    expect(q(february.balances.find((b) => b.rnpt === FRIDGES))?.onHand).toBe('93');
    expect(february.balances.find((b) => b.rnpt === WASHERS)?.movementCount).toBe(1);
  });

  it('serialises balances as JSON strings', () => {
    const json = balanceToJSON(balance(FRIDGES) as LedgerBalance);
    expect(JSON.parse(JSON.stringify(json))).toMatchObject({ taxpayerInn: COMPANY, rnpt: FRIDGES, onHand: '3', received: '121' });
  });
});

describe('findings', () => {
  it('NEGATIVE_BALANCE with the date and the shortfall', () => {
    const { findings, balances } = computeBalances([
      mv('purchase', '2026-01-20', WASHERS, '10'),
      mv('sale', '2026-02-03', WASHERS, '8'),
      mv('sale', '2026-02-10', WASHERS, '5'),
      mv('sale', '2026-02-11', WASHERS, '1'),
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.date, f.details['shortfall']])).toEqual([
      ['NEGATIVE_BALANCE', 'error', '2026-02-10', '3'],
      ['NEGATIVE_BALANCE', 'error', '2026-02-11', '1'],
    ]);
    expect(findings[0]?.messageRu).toContain('не хватает 3');
    expect(findings[0]?.messageRu).toContain('УПД №');
    expect(formatQuantity(balances[0]?.onHand ?? (0n as never))).toBe('-4');
  });

  it('RNPT_UNKNOWN for a disposal with no receipt, and names the unit when only that differs', () => {
    const { findings } = computeBalances([
      mv('purchase', '2026-01-20', WASHERS, '10'),
      mv('sale', '2026-02-03', FRIDGES, '4'),
      mv('sale', '2026-02-04', WASHERS, '1', { unit: '839' }),
    ]);
    expect(findings.map((f) => [f.code, f.rnpt, f.unit])).toEqual([
      ['RNPT_UNKNOWN', FRIDGES, '796'],
      ['RNPT_UNKNOWN', WASHERS, '839'],
    ]);
    expect(findings[1]?.details['unitsWithReceipts']).toEqual(['796']);
    expect(findings[1]?.messageRu).toContain('в единице ОКЕИ 796');
  });

  it('RNPT_UNKNOWN names every unit the RNPT was received in, once each', () => {
    const { findings } = computeBalances([
      mv('purchase', '2026-01-20', WASHERS, '10'),
      mv('purchase', '2026-01-21', WASHERS, '200', { unit: '166' }),
      mv('purchase', '2026-01-22', WASHERS, '5'),
      mv('sale', '2026-02-04', WASHERS, '1', { unit: '839' }),
    ]);
    expect(findings.map((f) => [f.code, f.unit, f.details['unitsWithReceipts']])).toEqual([['RNPT_UNKNOWN', '839', ['166', '796']]]);
    expect(findings[0]?.messageRu).toContain('в единице ОКЕИ 166, 796');
  });

  it('RNPT_UNKNOWN when the only receipt comes later', () => {
    const { findings } = computeBalances([mv('sale', '2026-02-03', FRIDGES, '4'), mv('purchase', '2026-02-04', FRIDGES, '10')]);
    expect(findings.map((f) => f.code)).toEqual(['RNPT_UNKNOWN']);
  });

  it('OPERATION_AFTER_TERMINATION when terminated goods are sold again', () => {
    const { findings } = computeBalances([
      mv('customs_import', '2026-01-09', FRIDGES, '10'),
      mv('export', '2026-02-01', FRIDGES, '10'),
      mv('sale', '2026-02-15', FRIDGES, '2'),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'OPERATION_AFTER_TERMINATION',
      severity: 'error',
      date: '2026-02-15',
      details: { shortfall: '2', terminated: '10', lastTerminationCode: '05', lastTerminationDate: '2026-02-01' },
    });
    expect(findings[0]?.messageRu).toContain('код 05 от 01.02.2026');
  });

  it('NEGATIVE_BALANCE, not a termination issue, when the shortfall exceeds what was terminated', () => {
    const { findings } = computeBalances([
      mv('customs_import', '2026-01-09', FRIDGES, '120'),
      mv('sale_to_individual', '2026-02-12', FRIDGES, '2'),
      mv('sale', '2026-03-31', FRIDGES, '125'),
    ]);
    expect(findings.map((f) => [f.code, f.details['shortfall']])).toEqual([['NEGATIVE_BALANCE', '7']]);
  });

  it('a renewal makes terminated goods available again', () => {
    const { findings, balances } = computeBalances([
      mv('customs_import', '2026-01-09', FRIDGES, '3'),
      mv('sale_to_individual', '2026-02-12', FRIDGES, '3'),
      mv('returned_by_individual', '2026-02-19', FRIDGES, '1'),
      mv('sale', '2026-02-20', FRIDGES, '1'),
    ]);
    expect(findings).toEqual([]);
    expect(q(balances[0])).toEqual({ received: '4', disposed: '1', terminated: '3', renewed: '1', onHand: '0' });
  });

  it('RENEWAL_WITHOUT_TERMINATION when nothing matching was terminated', () => {
    const { findings } = computeBalances([
      mv('customs_import', '2026-01-09', FRIDGES, '10'),
      mv('shortage', '2026-03-10', FRIDGES, '1'),
      mv('returned_by_individual', '2026-03-12', FRIDGES, '1'), // 11 renews 04/06, not a shortage (09)
      mv('found_after_shortage', '2026-03-20', FRIDGES, '2'), // only 1 was short
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.details['operationCode'], f.details['excess']])).toEqual([
      ['RENEWAL_WITHOUT_TERMINATION', 'warning', '11', '1'],
      ['RENEWAL_WITHOUT_TERMINATION', 'warning', '10', '1'],
    ]);
    expect(findings[0]?.messageRu).toContain('код 11');
  });

  it('RENEWAL_WITHOUT_TERMINATION for the whole quantity when nothing at all was terminated', () => {
    const { findings, balances } = computeBalances([
      mv('customs_import', '2026-01-09', FRIDGES, '10'),
      mv('returned_by_individual', '2026-03-12', FRIDGES, '2'),
    ]);
    expect(findings.map((f) => [f.code, f.details['operationCode'], f.details['excess'], f.details['renewable']])).toEqual([['RENEWAL_WITHOUT_TERMINATION', '11', '2', '0']]);
    expect(q(balances[0])).toMatchObject({ received: '12', renewed: '2' });
  });

  it('a buyer-side correction on decrease can overdraw the balance', () => {
    const { findings } = computeBalances([
      mv('purchase', '2026-01-20', WASHERS, '10'),
      mv('sale', '2026-01-25', WASHERS, '10'),
      mv('purchase_correction_decrease', '2026-02-02', WASHERS, '2', { document: { kind: 'ukd', number: 'К-7', date: '2026-02-02' } }),
    ]);
    expect(findings.map((f) => f.code)).toEqual(['NEGATIVE_BALANCE']);
  });

  it('a price-only correction (quantity 0) changes nothing', () => {
    const { findings, balances } = computeBalances([
      mv('purchase', '2026-01-20', WASHERS, '10'),
      mv('sale', '2026-01-25', WASHERS, '10'),
      mv('sale_correction_increase', '2026-02-02', WASHERS, '0', { costWithoutVat: '1500' }),
    ]);
    expect(findings).toEqual([]);
    expect(q(balances[0])?.onHand).toBe('0');
  });

  it('keeps balances apart per taxpayer and unit', () => {
    const { balances, findings } = computeBalances([
      mv('purchase', '2026-01-20', WASHERS, '10'),
      mv('purchase', '2026-01-20', WASHERS, '4', { taxpayerInn: '5024093363' }),
      mv('sale', '2026-01-25', WASHERS, '6', { taxpayerInn: '5024093363' }),
    ]);
    expect(balances.map((b) => [b.taxpayerInn, formatQuantity(b.onHand)])).toEqual([
      ['5024093363', '-2'],
      [COMPANY, '10'],
    ]);
    expect(findings.map((f) => [f.code, f.taxpayerInn])).toEqual([['NEGATIVE_BALANCE', '5024093363']]);
  });

  it('handles fractional quantities exactly', () => {
    const { findings, balances } = computeBalances([
      mv('purchase', '2026-01-20', WASHERS, '0.3'),
      mv('sale', '2026-01-21', WASHERS, '0.1'),
      mv('sale', '2026-01-22', WASHERS, '0.2'),
    ]);
    expect(findings).toEqual([]);
    expect(balances[0]?.onHand).toBe(0n);
  });
});

describe('Ledger (incremental)', () => {
  it('holds back the current day so that its receipts go first', () => {
    const ledger = new Ledger();
    expect(ledger.add(mv('sale', '2026-03-02', WASHERS, '5'))).toEqual([]);
    expect(ledger.add(mv('purchase', '2026-03-02', WASHERS, '5'))).toEqual([]);
    const closed = ledger.add(mv('sale', '2026-03-03', WASHERS, '1'));
    expect(closed).toEqual([]);
    const last = ledger.flush();
    expect(last.map((f) => [f.code, f.date])).toEqual([['NEGATIVE_BALANCE', '2026-03-03']]);
    expect(ledger.findings()).toHaveLength(1);
  });

  it('returns the findings of a day when the next day starts', () => {
    const ledger = new Ledger();
    ledger.add(mv('sale', '2026-03-02', FRIDGES, '1'));
    const closed = ledger.add(mv('sale', '2026-03-05', FRIDGES, '1'));
    expect(closed.map((f) => [f.code, f.date])).toEqual([['RNPT_UNKNOWN', '2026-03-02']]);
  });

  it('refuses movements out of date order', () => {
    const ledger = new Ledger();
    ledger.add(mv('purchase', '2026-03-02', WASHERS, '5'));
    let thrown: unknown;
    try {
      ledger.add(mv('sale', '2026-03-01', WASHERS, '1'));
    } catch (error) {
      thrown = error;
    }
    expect(isSledopytError(thrown) && thrown.code).toBe('LEDGER_OUT_OF_ORDER');
  });

  it('gives the same result as computeBalances on a sorted stream', () => {
    const movements = firstQuarter2026();
    const sorted = [...movements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const ledger = new Ledger();
    for (const movement of sorted) ledger.add(movement);
    expect(ledger.balances()).toEqual(computeBalances(movements).balances);
    expect(ledger.balance({ taxpayerInn: sorted[0]!.taxpayerInn, rnpt: sorted[0]!.rnpt, unit: '796' })?.onHand).toBeDefined();
  });
});
