/**
 * OData v3 "light" JSON as 1C writes it (NOTES.md §1.1, §1.3): `{"odata.metadata": "<root>$metadata#Set",
 * "value": […]}`, a single entity with `…#Set/@Element`, `"odata.count"` as a string, Edm.Int64 values
 * (`LineNumber`) as strings, links as `"Контрагент@navigationLinkUrl": "Document_X(guid'…')/Контрагент"`
 * (real responses quoted in public code, e.g. index ids 5555666910, 32607721783). `nometadata` drops the
 * metadata URL and the links.
 */
import type { EntityTypeInfo, ServiceSchema } from '../edm/schema.js';
import type { PropertyDef } from '../edm/types.js';
import type { Row } from '../profiles/index.js';
import { entityMembers } from './entity-members.js';
import type { EntityLookup, MemberOptions } from './entity-members.js';
import type { JsonMetadata } from './query-options.js';

export interface JsonWriteOptions extends Omit<MemberOptions, 'links'> {
  readonly serviceRoot: string;
  readonly metadata: JsonMetadata;
}

export function jsonScalar(p: PropertyDef, value: unknown): unknown {
  if (value === null) return null;
  return p.type === 'Edm.Int64' ? String(value) : value;
}

function entityObject(row: Row, type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: JsonWriteOptions, inline: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const members = entityMembers(row, type, schema, lookup, { select: inline ? null : options.select, expand: inline ? [] : options.expand, links: !inline && options.metadata !== 'none' });
  for (const m of members) {
    if (m.kind === 'property') out[m.property.name] = jsonScalar(m.property, m.value);
    else if (m.kind === 'collection') {
      out[m.name] = m.rows.map((r) => {
        if (m.fields === null) return entityObject(r, m.rowType, schema, lookup, options, true);
        const picked: Record<string, unknown> = {};
        for (const field of m.fields) {
          const p = m.rowType.propertyByName.get(field);
          if (p !== undefined) picked[field] = jsonScalar(p, r[field] ?? null);
        }
        return picked;
      });
    } else if (m.kind === 'link') out[`${m.navigation.name}@navigationLinkUrl`] = m.href;
    else out[m.navigation.name] = m.row === null ? null : entityObject(m.row, m.type, schema, lookup, { ...options, select: null, expand: [] }, false);
  }
  if (options.metadata === 'full' && !inline) out['odata.type'] = `StandardODATA.${type.setName}`;
  return out;
}

export function writeJsonCollection(rows: readonly Row[], type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: JsonWriteOptions, count: number | null, contextName = type.setName): string {
  const head: Record<string, unknown> = {};
  if (options.metadata !== 'none') head['odata.metadata'] = `${options.serviceRoot}$metadata#${contextName}`;
  if (count !== null) head['odata.count'] = String(count);
  const value = rows.map((row) => entityObject(row, type, schema, lookup, options, false));
  return JSON.stringify({ ...head, value });
}

export function writeJsonEntity(row: Row, type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: JsonWriteOptions): string {
  const head: Record<string, unknown> = options.metadata === 'none' ? {} : { 'odata.metadata': `${options.serviceRoot}$metadata#${type.setName}/@Element` };
  return JSON.stringify({ ...head, ...entityObject(row, type, schema, lookup, options, false) });
}
