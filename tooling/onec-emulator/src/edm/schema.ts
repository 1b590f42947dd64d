/**
 * The published part of a profile: which entity sets the OData composition holds and the type of
 * each (properties, key, navigation properties, inline collections). Objects left out of the
 * composition vanish from `$metadata`, the service document and the URL space, and navigation
 * properties that would point at them are not emitted (their `X_Key` stays).
 */
import { SledopytError } from '@sledopyt/core';
import { EMPTY_DATE, EMPTY_GUID, NAMESPACE, UNDEFINED_TYPE, navigationsOf, property } from './types.js';
import type { NavigationDef, ObjectDef, PropertyDef } from './types.js';

export type EntitySetKind = 'object' | 'tabular' | 'recordset' | 'records';

export interface EntityTypeInfo {
  readonly setName: string;
  readonly kind: EntitySetKind;
  /** The metadata object the set belongs to (`Document_X` for `Document_X_Товары`). */
  readonly objectName: string;
  readonly objectKind: ObjectDef['kind'];
  readonly keys: readonly string[];
  /** Scalar properties in metadata order. */
  readonly properties: readonly PropertyDef[];
  readonly propertyByName: ReadonlyMap<string, PropertyDef>;
  readonly navigations: readonly NavigationDef[];
  readonly navigationByName: ReadonlyMap<string, NavigationDef>;
  /** Inline collections: tabular section name (or `RecordSet`) → the entity set of its rows. */
  readonly collections: ReadonlyMap<string, string>;
}

const STRING_KEY = { nullable: false } as const;

function recordProperties(def: Extract<ObjectDef, { kind: 'AccumulationRegister' }>): PropertyDef[] {
  const own = def.recordProperties.filter((p) => !p.name.endsWith('_Type'));
  const types = def.recordProperties.filter((p) => p.name.endsWith('_Type'));
  // Several recorder types: the recorder is a string plus `Recorder_Type` (real `$metadata`, NOTES.md §1.3).
  return [property('Recorder', 'Edm.String', STRING_KEY), ...own, property('Recorder_Type', 'Edm.String', STRING_KEY), ...types];
}

function schemaError(message: string, messageRu: string): SledopytError {
  return new SledopytError({ code: 'ONEC_EMULATOR_COMPOSITION', message, messageRu, actor: 'developer' });
}

export class ServiceSchema {
  readonly objects: readonly ObjectDef[];
  readonly #types = new Map<string, EntityTypeInfo>();

  /** @param omitted object names (`Document_X`, `AccumulationRegister_X`) left out of the OData composition. */
  constructor(objects: readonly ObjectDef[], omitted: readonly string[] = []) {
    for (const name of omitted) {
      if (!objects.some((o) => o.setName === name)) {
        throw schemaError(`"${name}" is not an object of this profile`, `«${name}» — не объект этой конфигурации; исключать можно только объекты целиком`);
      }
    }
    this.objects = objects.filter((o) => !omitted.includes(o.setName));
    const published = new Set(this.objects.flatMap((o) => this.#setNamesOf(o)));
    const isPublished = (name: string): boolean => published.has(name);
    for (const object of this.objects) this.#addTypes(object, isPublished);
  }

  #setNamesOf(object: ObjectDef): string[] {
    if (object.kind === 'AccumulationRegister') return [object.setName, `${object.setName}_RecordType`];
    return [object.setName, ...object.tabularSections.map((t) => t.setName)];
  }

  #add(info: Omit<EntityTypeInfo, 'propertyByName' | 'navigationByName'>): void {
    this.#types.set(info.setName, {
      ...info,
      propertyByName: new Map(info.properties.map((p) => [p.name, p])),
      navigationByName: new Map(info.navigations.map((n) => [n.name, n])),
    });
  }

  #addTypes(object: ObjectDef, isPublished: (name: string) => boolean): void {
    const common = { objectName: object.setName, objectKind: object.kind };
    if (object.kind === 'AccumulationRegister') {
      const records = recordProperties(object);
      this.#add({ ...common, setName: object.setName, kind: 'recordset', keys: ['Recorder', 'Recorder_Type'], properties: [records[0] as PropertyDef, property('Recorder_Type', 'Edm.String', STRING_KEY)], navigations: [], collections: new Map([['RecordSet', `${object.setName}_RecordType`]]) });
      this.#add({ ...common, setName: `${object.setName}_RecordType`, kind: 'records', keys: ['Recorder', 'LineNumber', 'Recorder_Type'], properties: records, navigations: navigationsOf(records, isPublished), collections: new Map() });
      return;
    }
    this.#add({
      ...common,
      setName: object.setName,
      kind: 'object',
      keys: ['Ref_Key'],
      properties: object.properties,
      navigations: navigationsOf(object.properties, isPublished),
      collections: new Map(object.tabularSections.map((t) => [t.name, t.setName])),
    });
    for (const section of object.tabularSections) {
      this.#add({ ...common, setName: section.setName, kind: 'tabular', keys: ['Ref_Key', 'LineNumber'], properties: section.properties, navigations: navigationsOf(section.properties, isPublished), collections: new Map() });
    }
  }

  /** Every published entity set, in `$metadata` order. */
  entitySets(): string[] {
    return [...this.#types.keys()];
  }

  type(setName: string): EntityTypeInfo | undefined {
    return this.#types.get(setName);
  }
}

/** 1C's empty value of a property that has none set. */
export function emptyValue(p: PropertyDef): string | number | boolean {
  if (p.name.endsWith('_Type')) return UNDEFINED_TYPE;
  switch (p.type) {
    case 'Edm.Guid':
      return EMPTY_GUID;
    case 'Edm.Boolean':
      return false;
    case 'Edm.DateTime':
      return EMPTY_DATE;
    case 'Edm.Double':
    case 'Edm.Int16':
    case 'Edm.Int32':
    case 'Edm.Int64':
      return 0;
    default:
      return '';
  }
}

export const qualified = (name: string): string => `${NAMESPACE}.${name}`;
