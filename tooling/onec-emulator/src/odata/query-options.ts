/**
 * System query options of 1C's OData v3 (NOTES.md §1.1, §1.4): `$format`, `$select` (with `*`, `**`
 * and `Товары/Поле`), `$filter`, `$orderby`, `$top`, `$skip`, `$inlinecount`, `$expand`, and
 * `allowedOnly`. A `$` option 1C does not know (v4's `$count=true`, `$search`) is an error 14 [I].
 */
import { odataErrors } from './errors.js';
import { parseFilter, parseOrderBy } from './filter-parser.js';
import type { FilterNode } from './filter-parser.js';

export type JsonMetadata = 'minimal' | 'none' | 'full';
export type ResponseFormat = { readonly kind: 'json'; readonly metadata: JsonMetadata } | { readonly kind: 'atom' };

export interface Selection {
  /** `*` (or no `$select`): every property and tabular section. */
  readonly all: boolean;
  /** `**`: every property except tabular sections. */
  readonly noCollections: boolean;
  readonly names: ReadonlySet<string>;
  /** `Товары/Номенклатура_Key`: the row fields selected per tabular section. */
  readonly collectionFields: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface OrderItem {
  readonly node: FilterNode;
  readonly descending: boolean;
}

export interface QueryOptions {
  readonly format: ResponseFormat;
  readonly select: Selection | null;
  readonly filterText: string | null;
  readonly filter: FilterNode | null;
  readonly orderByText: string | null;
  readonly orderBy: readonly OrderItem[];
  readonly top: number | null;
  readonly skip: number;
  readonly inlineCount: boolean;
  readonly expand: readonly string[];
}

const KNOWN = new Set(['$format', '$select', '$filter', '$orderby', '$top', '$skip', '$inlinecount', '$expand', '$allowedOnly']);

export function parseFormat(value: string | undefined, accept: string | null): ResponseFormat {
  const metadataOf = (text: string): JsonMetadata => (/odata=nometadata/i.test(text) ? 'none' : /odata=fullmetadata/i.test(text) ? 'full' : 'minimal');
  if (value === undefined) {
    // Atom is 1C's default; an Accept of JSON switches to JSON (DOC 17.4.1–17.4.2).
    if (accept !== null && /application\/json/i.test(accept)) return { kind: 'json', metadata: metadataOf(accept) };
    return { kind: 'atom' };
  }
  const format = value.trim().toLowerCase();
  if (format === 'json' || format.startsWith('application/json')) return { kind: 'json', metadata: metadataOf(format) };
  if (format === 'atom' || format === 'xml' || format.startsWith('application/atom+xml') || format === 'application/xml') return { kind: 'atom' };
  throw odataErrors.representation(value);
}

function nonNegativeInteger(name: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value.trim())) throw odataErrors.queryOption(`${name}=${value}: ожидается неотрицательное целое число`);
  return Number(value.trim());
}

export function parseSelect(value: string | undefined): Selection | null {
  if (value === undefined || value.trim() === '') return null;
  const names = new Set<string>();
  const collectionFields = new Map<string, Set<string>>();
  let all = false;
  let noCollections = false;
  for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    if (part === '*') all = true;
    else if (part === '**') noCollections = true;
    else if (part.includes('/')) {
      const [collection = '', field = ''] = part.split('/');
      const fields = collectionFields.get(collection) ?? new Set<string>();
      fields.add(field);
      collectionFields.set(collection, fields);
    } else names.add(part);
  }
  return { all: all || noCollections, noCollections: noCollections && !all, names, collectionFields };
}

export function parseQueryOptions(params: ReadonlyMap<string, string>, accept: string | null): QueryOptions {
  for (const name of params.keys()) {
    if (name.startsWith('$') && !KNOWN.has(name)) throw odataErrors.queryOption(`неизвестный параметр ${name}`);
  }
  const inlinecount = params.get('$inlinecount');
  if (inlinecount !== undefined && inlinecount !== 'allpages' && inlinecount !== 'none') throw odataErrors.queryOption(`$inlinecount=${inlinecount}`);
  const filterText = params.get('$filter')?.trim() || null;
  const orderByText = params.get('$orderby')?.trim() || null;
  return {
    format: parseFormat(params.get('$format'), accept),
    select: parseSelect(params.get('$select')),
    filterText,
    filter: filterText === null ? null : parseFilter(filterText),
    orderByText,
    orderBy: orderByText === null ? [] : parseOrderBy(orderByText),
    top: nonNegativeInteger('$top', params.get('$top')),
    skip: nonNegativeInteger('$skip', params.get('$skip')) ?? 0,
    inlineCount: inlinecount === 'allpages',
    expand: (params.get('$expand') ?? '').split(',').map((e) => e.trim()).filter((e) => e !== ''),
  };
}
