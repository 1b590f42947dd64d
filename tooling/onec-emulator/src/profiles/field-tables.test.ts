import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BP30_FIELD_TABLE } from './bp30-fields.js';
import { UT115_FIELD_TABLE } from './ut115-fields.js';
import { PROFILES } from './index.js';
import type { ReferenceObjectDef, RegisterDef } from '../edm/types.js';

const SAMPLES = fileURLToPath(new URL('../../../../../shared/onec-samples/', import.meta.url));

const lines = (table: string): string[] => table.split('\n').filter((l) => l.trim() !== '');

function object(profile: 'bp30' | 'ut115', setName: string): ReferenceObjectDef {
  const found = PROFILES[profile].objects.find((o) => o.setName === setName);
  if (found === undefined || found.kind === 'AccumulationRegister') throw new Error(`no ${setName}`);
  return found;
}

describe('embedded field tables', () => {
  it.skipIf(!existsSync(SAMPLES))('copy the shared derived tables line for line', () => {
    for (const [table, file] of [
      [BP30_FIELD_TABLE, 'bp30-odata-fields-derived.tsv'],
      [UT115_FIELD_TABLE, 'ut115-odata-fields-derived.tsv'],
    ] as const) {
      const shared = new Set(readFileSync(`${SAMPLES}${file}`, 'utf8').split('\n'));
      const missing = lines(table).filter((l) => !shared.has(l));
      expect(missing).toEqual([]);
      expect(lines(table).length).toBeGreaterThan(600);
    }
  });

  it('gives БП purchases their goods and traceability sections linked by ИдентификаторСтроки', () => {
    const purchase = object('bp30', 'Document_ПоступлениеТоваровУслуг');
    expect(purchase.tabularSections.map((t) => t.name)).toEqual(['Товары', 'СведенияПрослеживаемости']);
    const trace = purchase.tabularSections[1];
    expect(trace?.properties.map((p) => p.name)).toEqual(expect.arrayContaining(['Ref_Key', 'LineNumber', 'РНПТ_Key', 'КоличествоПрослеживаемости', 'ИдентификаторСтроки']));
    expect(trace?.properties.find((p) => p.name === 'РНПТ_Key')?.refersTo).toBe('Catalog_НомераГТД');
    expect(trace?.properties.find((p) => p.name === 'LineNumber')).toMatchObject({ type: 'Edm.Int64', nullable: false });
  });

  it('reads enums, composite values and integer widths from the derived type column', () => {
    const goods = object('bp30', 'Document_ПоступлениеТоваровУслуг').tabularSections[0];
    expect(goods?.properties.find((p) => p.name === 'СтавкаНДС')).toMatchObject({ type: 'Edm.String', enumType: 'СтавкиНДС' });
    const names = goods?.properties.map((p) => p.name) ?? [];
    // `_Type` companions go after the plain properties, as real `$metadata` lists them.
    expect(names.indexOf('Упаковка_Type')).toBeGreaterThan(names.indexOf('Склад_Key'));
    expect(goods?.properties.find((p) => p.name === 'Упаковка')?.composite).toBe(true);
    const numbers = object('ut115', 'Catalog_НомераГТД');
    expect(numbers.properties.find((p) => p.name === 'КоличествоКомплектующих')?.type).toBe('Edm.Int32');
    expect(numbers.properties.find((p) => p.name === 'ТипНомераГТД')?.enumType).toBe('ТипыНомеровГТД');
  });

  it('splits register fields into dimensions and resources', () => {
    const register = PROFILES.bp30.objects.find((o) => o.setName === 'AccumulationRegister_ПрослеживаемыеТовары') as RegisterDef;
    expect(register.dimensions.map((d) => d.name)).toEqual(['Организация_Key', 'Номенклатура_Key', 'ВидЗапасов', 'Комиссионер_Key', 'Комитент_Key', 'СтранаПроисхождения_Key', 'РНПТ_Key', 'Комплектующие_Key']);
    expect(register.resources.map((r) => r.name)).toEqual(['Количество', 'КоличествоПрослеживаемости']);
    const ut = PROFILES.ut115.objects.find((o) => o.setName === 'AccumulationRegister_ТоварыОрганизаций') as RegisterDef;
    expect(ut.dimensions.map((d) => d.name)).toContain('НомерГТД_Key');
    expect(ut.resources.map((r) => r.name)).toContain('КоличествоПоРНПТ');
  });

  it('keeps the profiles apart where the configurations differ', () => {
    const bpNumbers = object('bp30', 'Catalog_НомераГТД').properties.map((p) => p.name);
    const utNumbers = object('ut115', 'Catalog_НомераГТД').properties.map((p) => p.name);
    expect(bpNumbers).toContain('ЭтоРНПТ');
    expect(bpNumbers).not.toContain('ТипНомераГТД');
    expect(utNumbers).toContain('ТипНомераГТД');
    expect(utNumbers).not.toContain('ЭтоРНПТ');
    expect(object('ut115', 'Document_РеализацияТоваровУслуг').tabularSections.map((t) => t.name)).toEqual(['Товары', 'ВидыЗапасов']);
    expect(object('ut115', 'Document_УведомлениеОВвозеПрослеживаемыхТоваров').properties.find((p) => p.name === 'РНПТ')?.type).toBe('Edm.String');
    expect(object('bp30', 'Document_УведомлениеОВвозеПрослеживаемыхТоваров').properties.find((p) => p.name === 'РНПТ_Key')?.refersTo).toBe('Catalog_НомераГТД');
  });
});
