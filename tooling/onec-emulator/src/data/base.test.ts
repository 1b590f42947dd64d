import { parseInn, parseRnpt } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { EmulatedBase } from './base.js';
import { encodeDataVersion } from './ids.js';
import type { Row } from '../profiles/index.js';

const PURCHASES = 'Document_ПоступлениеТоваровУслуг';
const SALES = 'Document_РеализацияТоваровУслуг';
const REGISTER = 'AccumulationRegister_ПрослеживаемыеТовары';

function rows(base: EmulatedBase, set: string): readonly Row[] {
  const source = base.source(set);
  if (source === undefined) throw new Error(set);
  return source.rows();
}

/** Stock per RNPT from the register records: receipts minus expenses. */
function stockByRnpt(base: EmulatedBase, register: string, rnptField: string, quantityField: string): Map<string, number> {
  const stock = new Map<string, number>();
  for (const r of rows(base, `${register}_RecordType`)) {
    const sign = r['RecordType'] === 'Expense' ? -1 : 1;
    const key = r[rnptField] as string;
    stock.set(key, (stock.get(key) ?? 0) + sign * (r[quantityField] as number));
  }
  return stock;
}

describe('generated base', () => {
  const base = new EmulatedBase({ profile: 'bp30', documents: 600, seed: 7 });

  it('is the same for the same seed and differs for another', () => {
    const again = new EmulatedBase({ profile: 'bp30', documents: 600, seed: 7 });
    expect(again.data.documents.map((d) => d.ref)).toEqual(base.data.documents.map((d) => d.ref));
    const other = new EmulatedBase({ profile: 'bp30', documents: 600, seed: 8 });
    expect(other.data.documents[0]?.ref).not.toBe(base.data.documents[0]?.ref);
  });

  it('has counterparties with valid ИНН and foreign ones without', () => {
    const russian = base.data.counterparties.filter((c) => c.inn !== '');
    expect(russian.length).toBeGreaterThan(10);
    for (const c of russian) expect(parseInn(c.inn).ok, c.inn).toBe(true);
    expect(base.data.counterparties.some((c) => c.role === 'foreign-supplier' && c.inn === '' && c.foreignTaxId !== '')).toBe(true);
  });

  it('numbers every RNPT validly and links БП goods lines to their RNPT rows', () => {
    const rnpts = rows(base, 'Catalog_НомераГТД').filter((r) => r['ЭтоРНПТ'] === true);
    expect(rnpts.length).toBeGreaterThan(50);
    for (const r of rnpts) expect(parseRnpt(r['Code'] as string).ok, r['Code'] as string).toBe(true);
    for (const doc of rows(base, SALES)) {
      const goods = doc['Товары'] as readonly Row[];
      const trace = doc['СведенияПрослеживаемости'] as readonly Row[];
      for (const line of goods.filter((g) => g['ПрослеживаемыйТовар'] === true)) {
        const shares = trace.filter((t) => t['ИдентификаторСтроки'] === line['ИдентификаторСтроки']);
        expect(shares.reduce((sum, s) => sum + (s['Количество'] as number), 0)).toBe(line['Количество']);
      }
    }
  });

  it('never sells more under an RNPT than was received', () => {
    const stock = stockByRnpt(base, REGISTER, 'РНПТ_Key', 'Количество');
    expect(stock.size).toBeGreaterThan(50);
    expect([...stock.values()].filter((q) => q < 0)).toEqual([]);
    const expenses = rows(base, `${REGISTER}_RecordType`).filter((r) => r['RecordType'] === 'Expense');
    expect(expenses.length).toBeGreaterThan(100);
  });

  it('БП movement notifications point to their sales from the rows; the header ПервичныйДокумент_Key (the notice a correction corrects) stays empty', () => {
    const sales = new Set(rows(base, SALES).map((r) => r['Ref_Key']));
    const notices = rows(base, 'Document_УведомлениеОПеремещенииПрослеживаемыхТоваров');
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      expect(notice['ПервичныйДокумент_Key']).toBe('00000000-0000-0000-0000-000000000000');
      for (const line of notice['Товары'] as readonly Row[]) expect(sales.has(line['СопроводительныйДокумент_Key'])).toBe(true);
    }
  });

  it('posts every document kind into its own numbering and date range', () => {
    const purchases = rows(base, PURCHASES);
    expect(purchases[0]?.['Number']).toBe('ТС00-000001');
    for (const doc of [...purchases, ...rows(base, SALES)]) expect(doc['Date']).toMatch(/^2025-1\d-\d\dT\d\d:\d\d:\d\d$|^2026-0[1-3]-\d\dT\d\d:\d\d:\d\d$/);
    expect(rows(base, 'Document_УведомлениеОВвозеПрослеживаемыхТоваров').length).toBeGreaterThan(0);
    expect(rows(base, 'Document_ГТДИмпорт').length).toBeGreaterThan(0);
  });
});

describe('mutations', () => {
  it('give a changed document a new DataVersion and leave the others alone', () => {
    const base = new EmulatedBase({ documents: 80 });
    const [first, second] = base.documentsIn(PURCHASES);
    if (first === undefined || second === undefined) throw new Error('no purchases');
    const before = rows(base, PURCHASES).find((r) => r['Ref_Key'] === second.ref);
    const changed = base.changeDocument(first.ref, { comment: 'Исправлена цена' });
    const after = rows(base, PURCHASES);
    const row = after.find((r) => r['Ref_Key'] === first.ref);
    expect(row?.['DataVersion']).toBe(encodeDataVersion(changed.version));
    expect(row?.['DataVersion']).not.toBe(encodeDataVersion(first.version));
    expect(row?.['Комментарий']).toBe('Исправлена цена');
    expect(after.find((r) => r['Ref_Key'] === second.ref)).toEqual(before);
  });

  it('unpost and mark for deletion take the document out of the register', () => {
    const base = new EmulatedBase({ documents: 80 });
    const sale = base.documentsIn(SALES).find((d) => d.posted && d.lines.some((l) => l.traceable));
    if (sale === undefined) throw new Error('no posted sale');
    const recordsOf = (): number => rows(base, `${REGISTER}_RecordType`).filter((r) => r['Recorder'] === sale.ref).length;
    expect(recordsOf()).toBeGreaterThan(0);
    base.unpost(sale.ref);
    expect(recordsOf()).toBe(0);
    expect(rows(base, SALES).find((r) => r['Ref_Key'] === sale.ref)?.['Posted']).toBe(false);
    base.post(sale.ref);
    expect(recordsOf()).toBeGreaterThan(0);
    base.markDeleted(sale.ref);
    const row = rows(base, SALES).find((r) => r['Ref_Key'] === sale.ref);
    expect([row?.['DeletionMark'], row?.['Posted'], recordsOf()]).toEqual([true, false, 0]);
    base.deleteDocument(sale.ref);
    expect(rows(base, SALES).some((r) => r['Ref_Key'] === sale.ref)).toBe(false);
  });

  it('append documents after the last one, continuing the stock', () => {
    const base = new EmulatedBase({ documents: 60, to: '2025-12-31' });
    const added = base.appendDocuments(25);
    expect(added.filter((d) => d.kind === 'purchase' || d.kind === 'sale')).toHaveLength(25);
    expect(added.every((d) => d.date >= '2026-01-01')).toBe(true);
    expect([...stockByRnpt(base, REGISTER, 'РНПТ_Key', 'Количество').values()].filter((q) => q < 0)).toEqual([]);
  });

  it('УТ: a sale shows its RNPTs in ВидыЗапасов only while posted', () => {
    const base = new EmulatedBase({ profile: 'ut115', documents: 80 });
    const sale = base.documentsIn(SALES).find((d) => d.posted && d.lines.some((l) => l.traceable));
    if (sale === undefined) throw new Error('no posted sale');
    const kinds = (): readonly Row[] => (rows(base, SALES).find((r) => r['Ref_Key'] === sale.ref)?.['ВидыЗапасов'] as readonly Row[]) ?? [];
    expect(kinds().some((k) => (k['КоличествоПоРНПТ'] as number) > 0)).toBe(true);
    base.unpost(sale.ref);
    expect(kinds()).toEqual([]);
    expect([...stockByRnpt(base, 'AccumulationRegister_ТоварыОрганизаций', 'НомерГТД_Key', 'КоличествоПоРНПТ').values()].filter((q) => q < 0)).toEqual([]);
  });
});
