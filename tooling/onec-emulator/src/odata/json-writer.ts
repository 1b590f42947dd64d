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
import { emptyValue } from '../edm/schema.js';
import { entityPlan, entityUrl, navigationTarget } from './entity-members.js';
import type { EntityLookup, MemberOptions, Step } from './entity-members.js';
import type { JsonMetadata } from './query-options.js';

export interface JsonWriteOptions extends Omit<MemberOptions, 'links'> {
  readonly serviceRoot: string;
  readonly metadata: JsonMetadata;
}

/** A JSON value as 1C writes it: Edm.Int64 as a string. */
export function jsonScalar(p: PropertyDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return p.type === 'Edm.Int64' ? String(value) : value;
}

/** Writes rows of one type; the plan is made once, so a page of 1 000 documents does not redo it per row. */
class JsonEntityWriter {
  readonly #plans = new Map<string, Step[]>();
  readonly #schema: ServiceSchema;
  readonly #lookup: EntityLookup;
  readonly #options: JsonWriteOptions;

  constructor(schema: ServiceSchema, lookup: EntityLookup, options: JsonWriteOptions) {
    this.#schema = schema;
    this.#lookup = lookup;
    this.#options = options;
  }

  #plan(type: EntityTypeInfo, top: boolean): Step[] {
    const planKey = `${type.setName}\u0000${top ? 'top' : 'inner'}`;
    let plan = this.#plans.get(planKey);
    if (plan === undefined) {
      const options = top ? { select: this.#options.select, expand: this.#options.expand, links: this.#options.metadata !== 'none' } : { select: null, expand: [], links: false };
      plan = entityPlan(type, this.#schema, options);
      this.#plans.set(planKey, plan);
    }
    return plan;
  }

  /** `top`: an entity of the answer (its `$select`, links); otherwise a tabular-section row inside one. */
  write(row: Row, type: EntityTypeInfo, top: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let url: string | null | undefined;
    for (const step of this.#plan(type, top)) {
      if (step.kind === 'property') {
        out[step.property.name] = jsonScalar(step.property, row[step.property.name] ?? step.empty);
      } else if (step.kind === 'collection') {
        const rows = (row[step.name] as readonly Row[] | undefined) ?? [];
        const fields = step.fields;
        out[step.name] = fields === null ? rows.map((r) => this.write(r, step.rowType, false)) : rows.map((r) => pick(r, step.rowType, fields));
      } else if (step.kind === 'link') {
        url ??= entityUrl(row, type);
        if (url !== null) out[`${step.navigation.name}@navigationLinkUrl`] = `${url}/${step.navigation.name}`;
      } else {
        const target = navigationTarget(row, step.navigation, this.#lookup);
        out[step.navigation.name] = target === null ? null : new JsonEntityWriter(this.#schema, this.#lookup, { ...this.#options, select: null, expand: [] }).write(target, step.type, true);
      }
    }
    if (this.#options.metadata === 'full' && top) out['odata.type'] = `StandardODATA.${type.setName}`;
    return out;
  }
}

function pick(row: Row, type: EntityTypeInfo, fields: ReadonlySet<string>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) {
    const p = type.propertyByName.get(field);
    if (p !== undefined) picked[field] = jsonScalar(p, row[field] ?? emptyValue(p));
  }
  return picked;
}

export function writeJsonCollection(rows: readonly Row[], type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: JsonWriteOptions, count: number | null, contextName = type.setName): string {
  const head: Record<string, unknown> = {};
  if (options.metadata !== 'none') head['odata.metadata'] = `${options.serviceRoot}$metadata#${contextName}`;
  if (count !== null) head['odata.count'] = String(count);
  const writer = new JsonEntityWriter(schema, lookup, options);
  return JSON.stringify({ ...head, value: rows.map((row) => writer.write(row, type, true)) });
}

export function writeJsonEntity(row: Row, type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: JsonWriteOptions): string {
  const head: Record<string, unknown> = options.metadata === 'none' ? {} : { 'odata.metadata': `${options.serviceRoot}$metadata#${type.setName}/@Element` };
  return JSON.stringify({ ...head, ...new JsonEntityWriter(schema, lookup, options).write(row, type, true) });
}
