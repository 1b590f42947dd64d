/**
 * The `Balance` virtual table of an accumulation register (NOTES.md §1.4):
 * `AccumulationRegister_X/Balance(Period=datetime'…', Condition='…')` or `…/Balance?Condition=…`.
 * Rows are the register's dimensions plus `<Resource>Balance`, summed over active records before
 * `Period` (all records without it; receipts add, expenses subtract), zero balances left out as 1C's
 * «Остатки» does. `Condition` is a filter on the records. Other virtual tables (`Turnovers`,
 * `BalanceAndTurnovers`) are not emulated.
 */
import type { EntityTypeInfo, ServiceSchema } from '../edm/schema.js';
import { emptyValue } from '../edm/schema.js';
import type { PropertyDef } from '../edm/types.js';
import type { Row } from '../profiles/index.js';
import { odataErrors } from './errors.js';
import type { FilterCompiler } from './filter-eval.js';
import { parseFilter } from './filter-parser.js';
import { parseLiteral } from './literals.js';
import { balanceProperties } from './metadata.js';

const KNOWN_PARAMS = new Set(['Period', 'Condition']);

/** The `_Balance` complex type as an entity type without key (its rows have no URL). */
export function balanceType(schema: ServiceSchema, registerSet: string): EntityTypeInfo {
  const properties: readonly PropertyDef[] = balanceProperties(schema, registerSet);
  const records = schema.type(`${registerSet}_RecordType`);
  return {
    setName: `${registerSet}_Balance`,
    kind: 'records',
    objectName: registerSet,
    objectKind: 'AccumulationRegister',
    keys: [],
    properties,
    propertyByName: new Map(properties.map((p) => [p.name, p])),
    navigations: (records?.navigations ?? []).filter((n) => properties.some((p) => p.name === n.keyProperty)),
    navigationByName: new Map(),
    collections: new Map(),
  };
}

export function computeBalance(schema: ServiceSchema, compiler: FilterCompiler, registerSet: string, records: readonly Row[], params: ReadonlyMap<string, string>): Row[] {
  for (const name of params.keys()) if (!KNOWN_PARAMS.has(name)) throw odataErrors.functionCall(`Balance: неизвестный параметр ${name}`);
  const recordType = schema.type(`${registerSet}_RecordType`);
  const object = schema.objects.find((o) => o.setName === registerSet);
  if (recordType === undefined || object?.kind !== 'AccumulationRegister') throw odataErrors.entitySetNotFound(registerSet);
  const periodText = params.get('Period');
  const period = periodText === undefined ? null : parseLiteral(periodText);
  if (period !== null && period.t !== 'datetime') throw odataErrors.functionCall(`Balance: Period должен быть datetime'…', а указано ${periodText ?? ''}`);
  const conditionText = params.get('Condition');
  const condition = conditionText === undefined || conditionText.trim() === '' ? null : compiler.compile(parseFilter(conditionText), recordType);
  const groups = new Map<string, Row>();
  for (const record of records) {
    if (record['Active'] !== true) continue;
    if (period !== null && period.t === 'datetime' && String(record['Period']) >= period.v) continue;
    if (condition !== null) {
      const v = condition({ row: record, vars: new Map() });
      if (!(v.t === 'boolean' && v.v)) continue;
    }
    const key = object.dimensions.map((d) => String(record[d.name] ?? emptyValue(d))).join('\u0000');
    let group = groups.get(key);
    if (group === undefined) {
      group = Object.fromEntries(object.dimensions.map((d) => [d.name, record[d.name] ?? emptyValue(d)]));
      for (const r of object.resources) group[`${r.name}Balance`] = 0;
      groups.set(key, group);
    }
    const sign = record['RecordType'] === 'Expense' ? -1 : 1;
    for (const r of object.resources) group[`${r.name}Balance`] = Math.round(((group[`${r.name}Balance`] as number) + sign * Number(record[r.name] ?? 0)) * 1e6) / 1e6;
  }
  return [...groups.values()].filter((g) => object.resources.some((r) => g[`${r.name}Balance`] !== 0));
}
