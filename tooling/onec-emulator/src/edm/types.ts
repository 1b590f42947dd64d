/**
 * The entity data model the emulator serves: what `$metadata` lists and what the query engine and
 * the writers read. Names follow 1C's rules (NOTES.md §1.2–1.3): `Catalog_X`, `Document_X`,
 * `Document_X_Товары` for a tabular section, `AccumulationRegister_X` (record sets by recorder)
 * and `AccumulationRegister_X_RecordType` (single records).
 */

export type EdmPrimitive =
  | 'Edm.Guid'
  | 'Edm.String'
  | 'Edm.Boolean'
  | 'Edm.DateTime'
  | 'Edm.Double'
  | 'Edm.Int16'
  | 'Edm.Int32'
  | 'Edm.Int64';

export interface PropertyDef {
  readonly name: string;
  readonly type: EdmPrimitive;
  /** Key parts are `Nullable="false"`, everything else `Nullable="true"` (as in real `$metadata`). */
  readonly nullable: boolean;
  /** For `X_Key`: the entity set it points to; gives the navigation property `X`. */
  readonly refersTo: string | null;
  /** Enum name for enum values (sent as the value name string). */
  readonly enumType: string | null;
  /** `X` of a composite-typed attribute (its type is in the sibling `X_Type`). */
  readonly composite: boolean;
  /** Register field role. */
  readonly registerRole: 'dimension' | 'resource' | null;
}

export interface NavigationDef {
  /** `Контрагент` for `Контрагент_Key`. */
  readonly name: string;
  readonly keyProperty: string;
  readonly target: string;
}

export interface TabularSectionDef {
  /** `Товары`. */
  readonly name: string;
  /** `Document_X_Товары`. */
  readonly setName: string;
  /** Row properties including `Ref_Key` and `LineNumber`. */
  readonly properties: readonly PropertyDef[];
}

export type ObjectKind = 'Catalog' | 'Document' | 'AccumulationRegister';

/** A catalog or document: one entity set keyed by `Ref_Key`, plus one set per tabular section. */
export interface ReferenceObjectDef {
  readonly kind: 'Catalog' | 'Document';
  readonly setName: string;
  /** Header properties in metadata order (tabular sections are in `tabularSections`). */
  readonly properties: readonly PropertyDef[];
  readonly tabularSections: readonly TabularSectionDef[];
}

/** An accumulation register subordinate to recorders (every register here is). */
export interface RegisterDef {
  readonly kind: 'AccumulationRegister';
  readonly setName: string;
  /** Properties of one record (`_RecordType` / `_RowType`), without the recorder. */
  readonly recordProperties: readonly PropertyDef[];
  readonly dimensions: readonly PropertyDef[];
  readonly resources: readonly PropertyDef[];
}

export type ObjectDef = ReferenceObjectDef | RegisterDef;

export const NAMESPACE = 'StandardODATA';
export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
/** 1C's empty date as OData shows it. */
export const EMPTY_DATE = '0001-01-01T00:00:00';
export const UNDEFINED_TYPE = `${NAMESPACE}.Undefined`;

export function property(name: string, type: EdmPrimitive, extra: Partial<Omit<PropertyDef, 'name' | 'type'>> = {}): PropertyDef {
  return {
    name,
    type,
    nullable: extra.nullable ?? true,
    refersTo: extra.refersTo ?? null,
    enumType: extra.enumType ?? null,
    composite: extra.composite ?? false,
    registerRole: extra.registerRole ?? null,
  };
}

/** Navigation properties of a property list: one per `X_Key` whose target is published. */
export function navigationsOf(properties: readonly PropertyDef[], published: (setName: string) => boolean): NavigationDef[] {
  const navs: NavigationDef[] = [];
  for (const p of properties) {
    if (p.refersTo === null || !p.name.endsWith('_Key') || p.name === 'Ref_Key') continue;
    if (!published(p.refersTo)) continue;
    navs.push({ name: p.name.slice(0, -'_Key'.length), keyProperty: p.name, target: p.refersTo });
  }
  return navs;
}
