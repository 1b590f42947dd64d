import { describe, expect, it } from 'vitest';
import { ServiceSchema } from '../edm/schema.js';
import type { EntityTypeInfo } from '../edm/schema.js';
import { PROFILES } from '../profiles/index.js';
import type { Row } from '../profiles/index.js';
import { FilterCompiler } from './filter-eval.js';
import { parseFilter, parseOrderBy } from './filter-parser.js';
import { parseVirtualParams, parseResourcePath } from './resource-path.js';

const schema = new ServiceSchema(PROFILES.bp30.objects);
const SUPPLIER = '5b3c1a2e-7f41-11ef-9a01-0c9d92c4a7b1';
const RNPT_REF = '9e2d44b0-7f41-11ef-9a01-0c9d92c4a7b1';
const counterparty: Row = { Ref_Key: SUPPLIER, Description: 'ООО «Восток-Электро»', ИНН: '7729317843', КПП: '772901001' };
const compiler = new FilterCompiler({ schema, lookup: (set, ref) => (set === 'Catalog_Контрагенты' && ref === SUPPLIER ? counterparty : undefined) });

function type(name: string): EntityTypeInfo {
  const found = schema.type(name);
  if (found === undefined) throw new Error(name);
  return found;
}

const purchase: Row = {
  Ref_Key: 'd1a2b3c4-7f41-11ef-9a01-0c9d92c4a7b1',
  Number: 'ТС00-000012',
  Date: '2026-01-15T10:20:30',
  Posted: true,
  Контрагент_Key: SUPPLIER,
  Комментарий: "Поставка по договору № 5 от 'ООО'",
  СуммаДокумента: 2_208_000,
  Товары: [
    { Ref_Key: 'd1a2b3c4-7f41-11ef-9a01-0c9d92c4a7b1', LineNumber: 1, Количество: 40, Цена: 18_400, ПрослеживаемыйТовар: true },
    { Ref_Key: 'd1a2b3c4-7f41-11ef-9a01-0c9d92c4a7b1', LineNumber: 2, Количество: 80, Цена: 18_400, ПрослеживаемыйТовар: false },
  ],
  СведенияПрослеживаемости: [{ Ref_Key: 'd1a2b3c4-7f41-11ef-9a01-0c9d92c4a7b1', LineNumber: 1, РНПТ_Key: RNPT_REF, Количество: 40 }],
};

function matches(filter: string, row: Row = purchase): boolean {
  const value = compiler.compile(parseFilter(filter), type('Document_ПоступлениеТоваровУслуг'))({ row, vars: new Map() });
  return value.t === 'boolean' && value.v;
}

function errorOf(action: () => unknown): { onecCode: string; httpStatus: number } {
  try {
    action();
  } catch (error) {
    return error as { onecCode: string; httpStatus: number };
  }
  throw new Error('no error');
}

describe('$filter in 1C dialect', () => {
  it('compares guid and datetime literals typed by the property', () => {
    expect(matches(`Контрагент_Key eq guid'${SUPPLIER.toUpperCase()}'`)).toBe(true);
    expect(matches("Date ge datetime'2026-01-01T00:00:00' and Date lt datetime'2026-04-01T00:00:00'")).toBe(true);
    expect(matches("Date lt datetime'2026-01-15T10:20:30'")).toBe(false);
    // A guid property against a plain string never matches (no implicit conversion).
    expect(matches(`Контрагент_Key eq '${SUPPLIER}'`)).toBe(false);
  });

  it('reads strings with doubled quotes, booleans and numbers', () => {
    expect(matches("Комментарий eq 'Поставка по договору № 5 от ''ООО'''")).toBe(true);
    expect(matches('Posted eq true and not (DeletionMark eq true)')).toBe(true);
    expect(matches('СуммаДокумента gt 2000000.5 and СуммаДокумента le 2208000')).toBe(true);
    expect(matches("Number eq 'ТС00-000012' or Number eq 'ТС00-000013'")).toBe(true);
  });

  it('gives and precedence over or', () => {
    expect(matches("Posted eq false and Number eq 'x' or Posted eq true")).toBe(true);
    expect(matches("Posted eq false and (Number eq 'x' or Posted eq true)")).toBe(false);
  });

  it('treats unset properties as 1C empty values', () => {
    expect(matches("ДоговорКонтрагента_Key eq guid'00000000-0000-0000-0000-000000000000'")).toBe(true);
    expect(matches("ДатаВходящегоДокумента eq datetime'0001-01-01T00:00:00'")).toBe(true);
  });

  it('supports substringof, startswith, navigation and lambdas on tabular sections', () => {
    expect(matches("substringof('договору', Комментарий)")).toBe(true);
    expect(matches("startswith(Number, 'ТС00')")).toBe(true);
    expect(matches("Контрагент/ИНН eq '7729317843'")).toBe(true);
    expect(matches('Товары/any(d: d/ПрослеживаемыйТовар eq true and d/Количество ge 40)')).toBe(true);
    expect(matches('Товары/all(d: d/ПрослеживаемыйТовар eq true)')).toBe(false);
    expect(matches(`СведенияПрослеживаемости/any(s: s/РНПТ_Key eq guid'${RNPT_REF}')`)).toBe(true);
    expect(matches('year(Date) eq 2026 and month(Date) eq 1')).toBe(true);
  });

  it('rejects v4-style literals, unsupported functions and unknown properties as 1C does', () => {
    expect(errorOf(() => parseFilter("Date ge datetime'2026-01-01T00:00:00Z'"))).toMatchObject({ onecCode: '14', httpStatus: 400 });
    expect(errorOf(() => parseFilter("Date ge datetime'2026-01-01T00:00:00.000'"))).toMatchObject({ onecCode: '14' });
    expect(errorOf(() => parseFilter("Ref_Key eq guid'not-a-guid'"))).toMatchObject({ onecCode: '14' });
    expect(errorOf(() => matches("tolower(Number) eq 'тс00-000012'"))).toMatchObject({ onecCode: '14' });
    expect(errorOf(() => matches("НетТакогоРеквизита eq 'x'"))).toMatchObject({ onecCode: '10', httpStatus: 400 });
    expect(errorOf(() => parseFilter("Number eq 'не закрыта"))).toMatchObject({ onecCode: '14' });
  });

  it('parses $orderby lists with directions', () => {
    expect(parseOrderBy('Date desc, Ref_Key').map((o) => [o.node, o.descending])).toEqual([
      [{ k: 'path', segments: ['Date'] }, true],
      [{ k: 'path', segments: ['Ref_Key'] }, false],
    ]);
  });
});

describe('resource paths', () => {
  it('reads entity keys, composite keys of tabular rows and $count', () => {
    expect(parseResourcePath(`Catalog_Контрагенты(guid'${SUPPLIER}')`)).toMatchObject({ kind: 'entity', set: 'Catalog_Контрагенты', key: { single: { t: 'guid', v: SUPPLIER } } });
    const row = parseResourcePath(`Document_ПоступлениеТоваровУслуг_Товары(Ref_Key=guid'${SUPPLIER}', LineNumber=2)`);
    expect(row.kind === 'entity' && 'named' in row.key ? [...row.key.named.keys()] : []).toEqual(['Ref_Key', 'LineNumber']);
    expect(parseResourcePath('Document_ПоступлениеТоваровУслуг/$count')).toEqual({ kind: 'collection', set: 'Document_ПоступлениеТоваровУслуг', count: true });
    expect(parseResourcePath(`Catalog_Номенклатура(guid'${SUPPLIER}')/КодТНВЭД`)).toMatchObject({ navigation: 'КодТНВЭД' });
  });

  it('reads virtual-table parameters with the inner quotes doubled or not', () => {
    const plain = parseResourcePath(`AccumulationRegister_ПрослеживаемыеТовары/Balance(Period=datetime'2026-04-01T00:00:00',Condition='РНПТ_Key eq guid'${RNPT_REF}'')`);
    expect(plain).toMatchObject({ kind: 'virtual', fn: 'Balance' });
    expect(plain.kind === 'virtual' ? plain.params.get('Condition') : null).toBe(`РНПТ_Key eq guid'${RNPT_REF}'`);
    expect(parseVirtualParams(`Condition='РНПТ_Key eq guid''${RNPT_REF}'''`).get('Condition')).toBe(`РНПТ_Key eq guid'${RNPT_REF}'`);
    expect(parseVirtualParams("Period=datetime'2026-04-01T00:00:00'").get('Period')).toBe("datetime'2026-04-01T00:00:00'");
  });
});
