/**
 * Turns the derived field tables of `shared/onec-samples` (entity set, property, derived type) into
 * the emulator's object definitions. The derived type column reads like `Edm.Guid -> Catalog_X`,
 * `Edm.String (enum СтавкиНДС)`, `Edm.String (composite value)`, `Edm.Int16|Int32|Int64 (Number(10,0))`,
 * `Edm.Double [Resource]`, `Collection(StandardODATA.X_RowType)`.
 */
import { SledopytError } from '@sledopyt/core';
import { property } from './types.js';
import type { EdmPrimitive, ObjectDef, PropertyDef, ReferenceObjectDef, RegisterDef, TabularSectionDef } from './types.js';

interface Line {
  set: string;
  name: string;
  type: string;
}

const COLLECTION = /^Collection\(StandardODATA\.(.+)_RowType\)$/;

function tableError(message: string, messageRu: string): SledopytError {
  return new SledopytError({ code: 'ONEC_EMULATOR_FIELD_TABLE', message, messageRu, actor: 'developer' });
}

/** `Number(10,0)` has no exact Edm integer type in the derived table; pick the narrowest that holds it. [I] */
function integerType(typeText: string): EdmPrimitive {
  const digits = Number(/Number\((\d+),0\)/.exec(typeText)?.[1] ?? '19');
  if (digits <= 4) return 'Edm.Int16';
  if (digits <= 9) return 'Edm.Int32';
  return 'Edm.Int64';
}

export function parseProperty(setName: string, name: string, typeText: string): PropertyDef {
  const registerRole = typeText.includes('[Dimension]') ? 'dimension' : typeText.includes('[Resource]') ? 'resource' : null;
  const keyPart = typeText.includes('(key') ? { nullable: false } : {};
  if (typeText.startsWith('Edm.Int16|')) return property(name, integerType(typeText), { registerRole });
  const baseType = /^Edm\.\w+/.exec(typeText)?.[0];
  if (baseType === undefined) throw tableError(`Unknown derived type "${typeText}" of ${setName}.${name}`, `Неизвестный тип «${typeText}» у ${setName}.${name}`);
  const type = baseType as EdmPrimitive;
  const target = /-> (\S+)/.exec(typeText)?.[1];
  // Parent_Key of a hierarchical catalog points to the catalog itself; the table leaves the target out.
  const refersTo = target ?? (name === 'Parent_Key' ? setName : null);
  const enumType = /\(enum (\S+)\)/.exec(typeText)?.[1] ?? null;
  return property(name, type, { ...keyPart, refersTo, enumType, composite: typeText.includes('(composite value)'), registerRole });
}

function readLines(table: string): Map<string, Line[]> {
  const bySet = new Map<string, Line[]>();
  for (const raw of table.split('\n')) {
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const [set, name, type] = raw.split('\t');
    if (set === undefined || name === undefined || type === undefined) throw tableError(`Bad field-table line "${raw}"`, `Неверная строка таблицы полей: «${raw}»`);
    const lines = bySet.get(set) ?? [];
    lines.push({ set, name, type });
    bySet.set(set, lines);
  }
  return bySet;
}

/** Properties in metadata order: plain ones first, `_Type` companions of composite values last. */
function orderProperties(properties: PropertyDef[]): PropertyDef[] {
  const isType = (p: PropertyDef): boolean => p.name.endsWith('_Type');
  return [...properties.filter((p) => !isType(p)), ...properties.filter(isType)];
}

function buildRegister(setName: string, recordLines: readonly Line[]): RegisterDef {
  const recordProperties = orderProperties(
    recordLines.filter((l) => !l.name.startsWith('Recorder')).map((l) => parseProperty(setName, l.name, l.type)),
  );
  return {
    kind: 'AccumulationRegister',
    setName,
    recordProperties,
    dimensions: recordProperties.filter((p) => p.registerRole === 'dimension'),
    resources: recordProperties.filter((p) => p.registerRole === 'resource'),
  };
}

/** Parses a field table into catalogs, documents (with their tabular sections) and registers. */
export function parseFieldTable(table: string): ObjectDef[] {
  const bySet = readLines(table);
  const objects: ObjectDef[] = [];
  for (const [setName, lines] of bySet) {
    if (setName.startsWith('AccumulationRegister_')) {
      if (setName.endsWith('_RecordType')) continue;
      objects.push(buildRegister(setName, bySet.get(`${setName}_RecordType`) ?? []));
      continue;
    }
    if (lines.some((l) => l.type.includes('owner object'))) continue; // a tabular section, built with its owner
    const kind = setName.startsWith('Catalog_') ? 'Catalog' : 'Document';
    const tabularSections: TabularSectionDef[] = [];
    const properties: PropertyDef[] = [];
    for (const line of lines) {
      const collection = COLLECTION.exec(line.type);
      if (collection === null) {
        properties.push(parseProperty(setName, line.name, line.type));
        continue;
      }
      const rowSet = collection[1] ?? '';
      const rows = bySet.get(rowSet);
      if (rows === undefined) continue;
      tabularSections.push({ name: line.name, setName: rowSet, properties: orderProperties(rows.map((r) => parseProperty(rowSet, r.name, r.type))) });
    }
    const object: ReferenceObjectDef = { kind, setName, properties: orderProperties(properties), tabularSections };
    objects.push(object);
  }
  return objects;
}
