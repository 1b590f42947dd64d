/**
 * OData v3 "light" JSON as 1C writes it (NOTES.md §1.1, §1.3): `{"odata.metadata": "<root>$metadata#Set",
 * "value": […]}`, a single entity with `…#Set/@Element`, `"odata.count"` as a string, Edm.Int64 values
 * (`LineNumber`) as strings, links as `"Контрагент@navigationLinkUrl": "Document_X(guid'…')/Контрагент"`
 * (real responses quoted in public code, e.g. index ids 5555666910, 32607721783). `nometadata` drops the
 * metadata URL and the links.
 *
 * The text is written directly, piece by piece: a page of 1 000 documents with a hundred properties
 * each would otherwise be built twice (as objects, then as text) and keep the garbage collector busy.
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
export function jsonScalar(p: PropertyDef, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (p.type === 'Edm.Int64') return JSON.stringify(String(value));
  return JSON.stringify(value);
}

const key = (name: string): string => `${JSON.stringify(name)}:`;

/** A plan step with its property name already quoted. */
type CompiledStep = Step & { readonly key: string };

/** Writes rows of one type; the plan is made once, so a page of 1 000 documents does not redo it per row. */
class JsonEntityWriter {
  readonly #plans = new Map<string, CompiledStep[]>();
  readonly #schema: ServiceSchema;
  readonly #lookup: EntityLookup;
  readonly #options: JsonWriteOptions;

  constructor(schema: ServiceSchema, lookup: EntityLookup, options: JsonWriteOptions) {
    this.#schema = schema;
    this.#lookup = lookup;
    this.#options = options;
  }

  #plan(type: EntityTypeInfo, top: boolean): CompiledStep[] {
    const planKey = `${type.setName}\u0000${top ? 'top' : 'inner'}`;
    let plan = this.#plans.get(planKey);
    if (plan === undefined) {
      const options = top ? { select: this.#options.select, expand: this.#options.expand, links: this.#options.metadata !== 'none' } : { select: null, expand: [], links: false };
      plan = entityPlan(type, this.#schema, options).map((step): CompiledStep => {
        const name = step.kind === 'property' ? step.property.name : step.kind === 'collection' ? step.name : step.kind === 'link' ? `${step.navigation.name}@navigationLinkUrl` : step.navigation.name;
        return { ...step, key: key(name) };
      });
      this.#plans.set(planKey, plan);
    }
    return plan;
  }

  /** Appends the members of one entity (without braces). `top`: an entity of the answer; otherwise a tabular-section row. */
  #members(row: Row, type: EntityTypeInfo, top: boolean, out: string[]): void {
    let url: string | null | undefined;
    let first = true;
    const put = (text: string): void => {
      out.push(first ? text : `,${text}`);
      first = false;
    };
    for (const step of this.#plan(type, top)) {
      if (step.kind === 'property') {
        put(step.key + jsonScalar(step.property, row[step.property.name] ?? step.empty));
      } else if (step.kind === 'collection') {
        const rows = (row[step.name] as readonly Row[] | undefined) ?? [];
        put(`${step.key}[`);
        rows.forEach((r, i) => {
          out.push(i === 0 ? '{' : ',{');
          if (step.fields === null) this.#members(r, step.rowType, false, out);
          else pick(r, step.rowType, step.fields, out);
          out.push('}');
        });
        out.push(']');
      } else if (step.kind === 'link') {
        url ??= entityUrl(row, type);
        if (url !== null) put(step.key + JSON.stringify(`${url}/${step.navigation.name}`));
      } else {
        const target = navigationTarget(row, step.navigation, this.#lookup);
        if (target === null) put(`${step.key}null`);
        else {
          put(`${step.key}{`);
          new JsonEntityWriter(this.#schema, this.#lookup, { ...this.#options, select: null, expand: [] }).#members(target, step.type, true, out);
          out.push('}');
        }
      }
    }
    if (this.#options.metadata === 'full' && top) put(`"odata.type":${JSON.stringify(`StandardODATA.${type.setName}`)}`);
  }

  /** The members of one entity as JSON text (no braces). */
  members(row: Row, type: EntityTypeInfo): string {
    const out: string[] = [];
    this.#members(row, type, true, out);
    return out.join('');
  }

  appendEntity(row: Row, type: EntityTypeInfo, out: string[]): void {
    out.push('{');
    this.#members(row, type, true, out);
    out.push('}');
  }
}

function pick(row: Row, type: EntityTypeInfo, fields: ReadonlySet<string>, out: string[]): void {
  let first = true;
  for (const field of fields) {
    const p = type.propertyByName.get(field);
    if (p === undefined) continue;
    out.push(`${first ? '' : ','}${key(field)}${jsonScalar(p, row[field] ?? emptyValue(p))}`);
    first = false;
  }
}

export function writeJsonCollection(rows: readonly Row[], type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: JsonWriteOptions, count: number | null, contextName = type.setName): string {
  const out: string[] = ['{'];
  if (options.metadata !== 'none') out.push(`"odata.metadata":${JSON.stringify(`${options.serviceRoot}$metadata#${contextName}`)},`);
  if (count !== null) out.push(`"odata.count":${JSON.stringify(String(count))},`);
  out.push('"value":[');
  const writer = new JsonEntityWriter(schema, lookup, options);
  rows.forEach((row, i) => {
    if (i > 0) out.push(',');
    writer.appendEntity(row, type, out);
  });
  out.push(']}');
  return out.join('');
}

export function writeJsonEntity(row: Row, type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: JsonWriteOptions): string {
  const head = options.metadata === 'none' ? '' : `"odata.metadata":${JSON.stringify(`${options.serviceRoot}$metadata#${type.setName}/@Element`)}`;
  const members = new JsonEntityWriter(schema, lookup, options).members(row, type);
  return `{${head}${head !== '' && members !== '' ? ',' : ''}${members}}`;
}
