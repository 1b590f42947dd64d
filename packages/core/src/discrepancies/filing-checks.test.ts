import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../calendar-date.js';
import { unwrap } from '../errors.js';
import { parseMovement, type Movement, type MovementInput } from '../ledger/movement.js';
import { coreSettingsSchema } from '../settings.js';
import { completeInn } from '../taxpayer.js';
import { filingSchema, type Filing, type FilingInput } from './filings.js';
import type { Discrepancy } from './model.js';
import { reconcileInMemory } from './reconcile.js';

// An importer of washing machines and refrigerators from Belarus and Kazakhstan, selling in Russia, to the EAEU and in retail.
const US = completeInn('781045213');
const BUYER = completeInn('781612903');
const WASHERS = '10702070/050726/0012345/001';
const FRIDGES_BY = '10000000/060726/0000121/001'; // assigned by ФНС for an EAEU import notification
const REMAINS = '10000000/100826/0000388/001'; // assigned by ФНС for a remains notification
const KZ_FRIDGES = '10000000/141026/0000502/001';

let seq = 0;
function movement(kind: MovementInput['kind'], rnpt: string, quantity: number, date: string, extra: Partial<MovementInput> = {}): Movement {
  seq += 1;
  return unwrap(
    parseMovement({
      id: `m${seq}`,
      kind,
      taxpayerInn: US,
      rnpt,
      tnved: '8450111100',
      unit: '796',
      quantity: String(quantity),
      costWithoutVat: String(quantity * 31_500),
      date,
      document: { kind: kind === 'customs_import' ? 'customs_declaration' : 'upd', number: `Д-${seq}`, date },
      ...extra,
    }),
  );
}

const filing = (input: FilingInput): Filing => filingSchema.parse(input);

const codes = (discrepancies: readonly Discrepancy[]) => discrepancies.map((d) => d.code).sort();

function run(movements: Movement[], filings: Filing[], options: { period?: string; asOf?: string; vatPayer?: boolean; severity?: 'off' | 'warning' | 'error' } = {}) {
  return reconcileInMemory({
    taxpayerInn: US,
    period: options.period ?? '2026-Q3',
    lines: [],
    entries: movements.map((m) => ({ movement: m })),
    filings,
    asOf: options.asOf as CalendarDate | undefined,
    vatPayer: options.vatPayer,
    settings: coreSettingsSchema.parse(options.severity ? { eaeuRnptBeforeImport: { severity: options.severity } } : {}),
  });
}

describe('notifications of EAEU import and movement', () => {
  const stock = [movement('customs_import', WASHERS, 50, '2026-07-05'), movement('eaeu_import', FRIDGES_BY, 20, '2026-07-06')];

  it('flags an import notification filed after 5 working days, naming the deadline, and passes one filed in time', () => {
    const late = filing({ id: 'f1', kind: 'eaeu_import_notification', number: 'УВ-7', filedOn: '2026-07-20', eventDate: '2026-07-06', rnpts: [FRIDGES_BY] });
    const inTime = filing({ id: 'f2', kind: 'eaeu_import_notification', number: 'УВ-8', filedOn: '2026-07-13', eventDate: '2026-07-06', rnpts: [FRIDGES_BY] });
    const found = run(stock, [late]).discrepancies.filter((d) => d.code === 'NOTIFICATION_LATE');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rnpt: FRIDGES_BY, document: { kind: 'eaeu_import_notification', number: 'УВ-7', date: '2026-07-20' } });
    // 06.07.2026 is a Monday: five working days end on Monday 13.07.
    expect(found[0]?.expected).toContain('13.07.2026');
    expect(found[0]?.actual).toContain('на 5 раб. дн. позже');
    expect(found[0]?.fineRub).toBeGreaterThan(0);
    expect(codes(run(stock, [inTime]).discrepancies)).not.toContain('NOTIFICATION_LATE');
  });

  it('does not check a correction of a notification against the first filing’s deadline', () => {
    const correction = filing({ id: 'f3', kind: 'eaeu_import_notification', number: 'УВ-7', filedOn: '2026-09-01', eventDate: '2026-07-06', correctionNumber: 1, rnpts: [FRIDGES_BY] });
    const first = filing({ id: 'f4', kind: 'eaeu_import_notification', number: 'УВ-7', filedOn: '2026-07-08', eventDate: '2026-07-06', rnpts: [FRIDGES_BY] });
    expect(codes(run(stock, [first, correction]).discrepancies)).not.toContain('NOTIFICATION_LATE');
  });

  it('reports a shipment to the EAEU that no movement notification names, once its deadline has passed', () => {
    const shipment = movement('eaeu_movement', WASHERS, 6, '2026-09-24', { counterpartyInn: undefined });
    const movements = [...stock, shipment];
    const importNotice = filing({ id: 'f5', kind: 'eaeu_import_notification', number: 'УВ-8', filedOn: '2026-07-08', eventDate: '2026-07-06', rnpts: [FRIDGES_BY] });
    const missing = run(movements, [importNotice], { asOf: '2026-10-05' }).discrepancies.filter((d) => d.code === 'NOTIFICATION_LATE');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ rnpt: WASHERS, actual: 'уведомление с этим РНПТ не найдено', movementIds: [shipment.id] });
    expect(missing[0]?.expected).toContain('01.10.2026');
    // Before the deadline it is not missing yet; a notification naming the RNPT covers it.
    expect(codes(run(movements, [importNotice], { asOf: '2026-09-28' }).discrepancies)).not.toContain('NOTIFICATION_LATE');
    const movementNotice = filing({ id: 'f6', kind: 'eaeu_movement_notification', number: 'УП-3', filedOn: '2026-09-29', eventDate: '2026-09-24', rnpts: [WASHERS] });
    expect(codes(run(movements, [importNotice, movementNotice], { asOf: '2026-10-05' }).discrepancies)).not.toContain('NOTIFICATION_LATE');
  });

  it('reports an EAEU import without any import notification; without a check date every deadline counts as passed', () => {
    expect(run(stock, [], { asOf: '2026-08-01' }).discrepancies.filter((d) => d.code === 'NOTIFICATION_LATE').map((d) => d.rnpt)).toEqual([FRIDGES_BY]);
    expect(run(stock, []).discrepancies.filter((d) => d.code === 'NOTIFICATION_LATE').map((d) => d.expected)).toEqual(['уведомление о ввозе из ЕАЭС не позднее 13.07.2026']);
    expect(run(stock, [], { asOf: '2026-07-13' }).discrepancies.filter((d) => d.code === 'NOTIFICATION_LATE')).toEqual([]);
  });
});

describe('RNPT obtained after an EAEU import (seed-000 rule, from 2026-10-01)', () => {
  const imported = [movement('eaeu_import', KZ_FRIDGES, 12, '2026-10-14')];
  const notice = (filedOn: string) => filing({ id: 'f7', kind: 'eaeu_import_notification', number: 'УВ-31', filedOn, eventDate: '2026-10-14', rnpts: [KZ_FRIDGES] });

  it('warns when the notification that brought the RNPT was filed after the import, at the configured severity', () => {
    const found = run(imported, [notice('2026-10-16')], { period: '2026-Q4' }).discrepancies.filter((d) => d.code === 'EAEU_RNPT_AFTER_IMPORT');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', rnpt: KZ_FRIDGES, document: { number: 'УВ-31' } });
    expect(found[0]?.messageRu).toContain('14.10.2026');
    expect(run(imported, [notice('2026-10-16')], { period: '2026-Q4', severity: 'error' }).discrepancies.find((d) => d.code === 'EAEU_RNPT_AFTER_IMPORT')?.severity).toBe('error');
    expect(codes(run(imported, [notice('2026-10-16')], { period: '2026-Q4', severity: 'off' }).discrepancies)).not.toContain('EAEU_RNPT_AFTER_IMPORT');
  });

  it('says only "cannot tell" (info) for the same day, nothing for a notification before the import or before the rule', () => {
    expect(run(imported, [notice('2026-10-14')], { period: '2026-Q4' }).discrepancies.find((d) => d.code === 'EAEU_RNPT_AFTER_IMPORT')?.severity).toBe('info');
    expect(codes(run(imported, [notice('2026-10-09')], { period: '2026-Q4' }).discrepancies)).not.toContain('EAEU_RNPT_AFTER_IMPORT');
    const july = [movement('eaeu_import', FRIDGES_BY, 20, '2026-07-06')];
    const julyNotice = filing({ id: 'f8', kind: 'eaeu_import_notification', number: 'УВ-8', filedOn: '2026-07-08', eventDate: '2026-07-06', rnpts: [FRIDGES_BY] });
    expect(codes(run(july, [julyNotice]).discrepancies)).not.toContain('EAEU_RNPT_AFTER_IMPORT');
  });
});

describe('remains notification', () => {
  const remainsReceipt = movement('remains', REMAINS, 15, '2026-08-10', { document: { kind: 'other', number: 'УО-2', date: '2026-08-10' as CalendarDate } });
  const notice = filing({ id: 'f9', kind: 'remains_notification', number: 'УО-2', filedOn: '2026-08-10', eventDate: '2026-06-30', rnpts: [REMAINS] });

  it('explains a sale before the remains notification as REMAINS_NOTIFICATION_MISSING instead of an unknown RNPT', () => {
    const early = movement('sale', REMAINS, 2, '2026-08-03', { counterpartyInn: BUYER });
    const found = run([remainsReceipt, early], [notice]).discrepancies;
    expect(codes(found)).toContain('REMAINS_NOTIFICATION_MISSING');
    expect(codes(found)).not.toContain('RNPT_UNKNOWN');
    const finding = found.find((d) => d.code === 'REMAINS_NOTIFICATION_MISSING');
    expect(finding).toMatchObject({ rnpt: REMAINS, actual: 'подано 10.08.2026', movementIds: [early.id] });
  });

  it('has nothing to say about a sale after the notification; without one the RNPT stays unknown', () => {
    const later = movement('sale', REMAINS, 2, '2026-08-12', { counterpartyInn: BUYER });
    expect(codes(run([remainsReceipt, later], [notice]).discrepancies)).not.toContain('REMAINS_NOTIFICATION_MISSING');
    const early = movement('sale', REMAINS, 2, '2026-08-03', { counterpartyInn: BUYER });
    const withoutNotice = codes(run([early], []).discrepancies);
    expect(withoutNotice).toContain('RNPT_UNKNOWN');
    expect(withoutNotice).not.toContain('REMAINS_NOTIFICATION_MISSING');
  });
});

describe('report on operations', () => {
  const receipts = [movement('customs_import', WASHERS, 50, '2026-07-05')];
  const retail = [
    movement('sale_to_individual', WASHERS, 3, '2026-08-14', { document: { kind: 'other', number: 'ОРП-0814', date: '2026-08-14' as CalendarDate } }),
    movement('sale_to_individual', WASHERS, 2, '2026-09-02', { document: { kind: 'other', number: 'ОРП-0902', date: '2026-09-02' as CalendarDate } }),
  ];
  const sale = movement('sale', WASHERS, 10, '2026-08-20', { counterpartyInn: BUYER });
  const row = (lineNumber: number, operationCode: string, quantity: string, date = '2026-08-14', counterpartyInn: string | null = null) => ({
    lineNumber,
    date,
    operationCode,
    document: { number: `ОРП-${lineNumber}`, date },
    counterpartyInn,
    goods: [{ rnpt: WASHERS, unit: '796', quantity, cost: '9450000' }],
  });
  const report = (filedOn: string, rows: ReturnType<typeof row>[], correctionNumber = 0) =>
    filing({ id: `r${correctionNumber}`, kind: 'operations_report', number: `2026-Q3${correctionNumber ? ` корр. ${correctionNumber}` : ''}`, filedOn, eventDate: '2026-09-30', correctionNumber, report: { year: 2026, quarter: 3, rows } });
  const movements = [...receipts, ...retail, sale];

  it('accepts a complete report filed in time (25.10.2026 is a Sunday: due Monday 26.10)', () => {
    const found = run(movements, [report('2026-10-26', [row(1, '04', '5')])], { asOf: '2026-11-25' }).discrepancies;
    expect(codes(found).filter((c) => c.startsWith('REPORT') || c === 'NOT_IN_REPORT')).toEqual([]);
  });

  it('flags a late report and an operation it shows only in part, with the quantities', () => {
    // Without a check date too: lateness of a filed report does not depend on it.
    expect(run(movements, [report('2026-10-27', [row(1, '04', '5')])]).discrepancies.filter((d) => d.code === 'REPORT_LATE')).toHaveLength(1);
    const found = run(movements, [report('2026-10-27', [row(1, '04', '3')])], { asOf: '2026-11-25' }).discrepancies;
    expect(found.find((d) => d.code === 'REPORT_LATE')).toMatchObject({ expected: 'не позднее 26.10.2026', actual: 'подан 27.10.2026' });
    const missing = found.find((d) => d.code === 'NOT_IN_REPORT');
    expect(missing).toMatchObject({ rnpt: WASHERS, expected: 'код 04: 5 (по учёту за квартал)', actual: 'в отчёте 3' });
    expect(missing?.movementIds).toEqual(retail.map((m) => m.id));
  });

  it('judges the report by its latest correction, and the deadline by the first filing', () => {
    const found = run(movements, [report('2026-10-20', [row(1, '04', '3')]), report('2026-11-02', [row(1, '04', '5')], 1)], { asOf: '2026-11-25' }).discrepancies;
    expect(codes(found).filter((c) => c.startsWith('REPORT') || c === 'NOT_IN_REPORT')).toEqual([]);
  });

  it('checks each row: counterparty for codes 08 and 15–39, the quarter, an unknown code', () => {
    const rows = [row(1, '04', '5'), row(2, '15', '1', '2026-08-20'), row(3, '04', '1', '2026-10-02'), row(4, '41', '1')];
    const invalid = run(movements, [report('2026-10-21', rows)], { asOf: '2026-11-25' }).discrepancies.filter((d) => d.code === 'REPORT_FIELD_INVALID');
    expect(invalid.map((d) => d.actual)).toEqual(['для кода 15 не указан контрагент', 'дата операции 02.10.2026 вне отчётного квартала', 'неизвестный код операции «41»']);
    expect(invalid[0]?.messageRu).toContain('строка 2');
  });

  it('reports a missing report only after its deadline, and only when the quarter had operations to report', () => {
    expect(run(movements, [], { asOf: '2026-10-26' }).discrepancies.filter((d) => d.code === 'REPORT_LATE')).toEqual([]);
    const missing = run(movements, [], { asOf: '2026-10-27' }).discrepancies.filter((d) => d.code === 'REPORT_LATE');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.actual).toBe('отчёт не подан');
    // It names the quarter's first operation to report: its document and movement.
    const first = retail[0] as (typeof retail)[number];
    expect(missing[0]).toMatchObject({ document: { number: 'ОРП-0814', date: '2026-08-14' }, movementIds: [first.id] });
    expect(run([...receipts, sale], [], { asOf: '2026-11-25' }).discrepancies.filter((d) => d.code === 'REPORT_LATE')).toEqual([]);
    expect(run(movements, []).discrepancies.filter((d) => d.code === 'REPORT_LATE')).toHaveLength(1);
  });

  it('makes a non-VAT payer report every operation, sales included', () => {
    const found = run(movements, [report('2026-10-21', [row(1, '04', '5')])], { asOf: '2026-11-25', vatPayer: false }).discrepancies.filter((d) => d.code === 'NOT_IN_REPORT');
    expect(found.map((d) => d.expected)).toEqual(['код 15: 10 (по учёту за квартал)']);
  });
});
