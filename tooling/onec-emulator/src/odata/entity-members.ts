/**
 * What one entity shows, in 1C's order, shared by the JSON and Atom writers: scalar properties (an unset
 * one gets 1C's empty value), then tabular sections inline, then — for catalogs — `Predefined` and
 * `PredefinedDataName` (where real 1C responses put them), then navigation links. `$select`
 * narrows the list; `**` drops tabular sections; `$expand` adds the referenced entity after its link.
 */
import type { EntityTypeInfo, ServiceSchema } from '../edm/schema.js';
import { emptyValue } from '../edm/schema.js';
import type { NavigationDef, PropertyDef } from '../edm/types.js';
import { EMPTY_GUID } from '../edm/types.js';
import type { Row } from '../profiles/index.js';
import { odataErrors } from './errors.js';
import { formatKeyLiteral } from './literals.js';
import type { Selection } from './query-options.js';

/** One step of writing an entity, decided once per request and replayed for every row. */
export type Step =
  | { readonly kind: 'property'; readonly property: PropertyDef; readonly empty: unknown }
  | { readonly kind: 'collection'; readonly name: string; readonly rowType: EntityTypeInfo; readonly fields: ReadonlySet<string> | null }
  | { readonly kind: 'link'; readonly navigation: NavigationDef }
  | { readonly kind: 'expanded'; readonly navigation: NavigationDef; readonly type: EntityTypeInfo };

export interface MemberOptions {
  readonly select: Selection | null;
  readonly expand: readonly string[];
  /** Inline rows of a tabular section carry no links. */
  readonly links: boolean;
}

export interface EntityLookup {
  lookup(setName: string, ref: string): Row | undefined;
}

const LATE_CATALOG_FIELDS = new Set(['Predefined', 'PredefinedDataName']);

/** The URL of an entity relative to the service root: `Catalog_X(guid'…')`, `Document_X_Товары(Ref_Key=guid'…', LineNumber=1)`. */
export function entityUrl(row: Row, type: EntityTypeInfo): string | null {
  if (type.keys.length === 0) return null;
  if (type.keys.length === 1) {
    const key = type.propertyByName.get(type.keys[0] ?? '');
    return key === undefined ? null : `${type.setName}(${formatKeyLiteral(key.type, row[key.name])})`;
  }
  const parts = type.keys.map((name) => {
    const p = type.propertyByName.get(name);
    return `${name}=${formatKeyLiteral(p?.type ?? 'Edm.String', row[name])}`;
  });
  return `${type.setName}(${parts.join(', ')})`;
}

/** Checks `$select` and `$expand` names against the type (code 10 for an unknown one). */
export function validateSelection(type: EntityTypeInfo, schema: ServiceSchema, options: Pick<MemberOptions, 'select' | 'expand'>): void {
  const select = options.select;
  if (select !== null) {
    for (const name of select.names) {
      if (!type.propertyByName.has(name) && !type.collections.has(name) && !type.navigationByName.has(name)) throw odataErrors.propertyNotFound(type.setName, name);
    }
    for (const [collection, fields] of select.collectionFields) {
      const rowType = schema.type(type.collections.get(collection) ?? '');
      if (rowType === undefined) throw odataErrors.propertyNotFound(type.setName, collection);
      for (const field of fields) if (!rowType.propertyByName.has(field)) throw odataErrors.propertyNotFound(rowType.setName, field);
    }
  }
  for (const name of options.expand) {
    if (type.collections.has(name)) throw odataErrors.queryOption(`$expand не применяется к табличной части ${name}`);
    if (!type.navigationByName.has(name)) throw odataErrors.propertyNotFound(type.setName, name);
  }
}

/** The steps that write an entity of `type` under `$select`/`$expand`, in 1C's order. */
export function entityPlan(type: EntityTypeInfo, schema: ServiceSchema, options: MemberOptions): Step[] {
  const select = options.select;
  const wants = (name: string): boolean => select === null || select.all || select.names.has(name);
  const late = type.kind === 'object' && type.objectKind === 'Catalog';
  const steps: Step[] = [];
  const property = (p: PropertyDef): void => {
    if (wants(p.name)) steps.push({ kind: 'property', property: p, empty: emptyValue(p) });
  };
  for (const p of type.properties) if (!(late && LATE_CATALOG_FIELDS.has(p.name))) property(p);
  for (const [name, setName] of type.collections) {
    const rowType = schema.type(setName);
    if (rowType === undefined) continue;
    const fields = select?.collectionFields.get(name) ?? null;
    const whole = select === null || (select.all && !select.noCollections) || select.names.has(name);
    if (whole || fields !== null) steps.push({ kind: 'collection', name, rowType, fields: whole ? null : fields });
  }
  if (late) for (const p of type.properties) if (LATE_CATALOG_FIELDS.has(p.name)) property(p);
  if (!options.links || type.keys.length === 0) return steps;
  for (const navigation of type.navigations) {
    const expanded = options.expand.includes(navigation.name);
    const linked = select === null || select.all || select.names.has(navigation.name) || select.names.has(navigation.keyProperty);
    if (linked || expanded) steps.push({ kind: 'link', navigation });
    const target = schema.type(navigation.target);
    if (expanded && target !== undefined) steps.push({ kind: 'expanded', navigation, type: target });
  }
  return steps;
}

/** The entity a navigation step points to, or null for an empty or dangling reference. */
export function navigationTarget(row: Row, navigation: NavigationDef, lookup: EntityLookup): Row | null {
  const ref = row[navigation.keyProperty];
  return typeof ref === 'string' && ref !== EMPTY_GUID ? (lookup.lookup(navigation.target, ref) ?? null) : null;
}
