/**
 * Atom/XML, 1C's default representation when no `$format` is given (NOTES.md §1.1). The shape follows
 * OData v3 Atom: a `feed` of `entry` elements with `m:properties`, tabular sections as
 * `Collection(…_RowType)` properties of `d:element`s, `m:count` for `$inlinecount`. Good enough for a
 * client that checks the content type or parses Atom; the connector is expected to ask for JSON.
 */
import type { EntityTypeInfo, ServiceSchema } from '../edm/schema.js';
import type { PropertyDef } from '../edm/types.js';
import type { Row } from '../profiles/index.js';
import { emptyValue } from '../edm/schema.js';
import { entityPlan, entityUrl, navigationTarget } from './entity-members.js';
import type { EntityLookup, MemberOptions } from './entity-members.js';
import { NS_ATOM, NS_DATA, NS_METADATA, XML_DECLARATION, escapeXml } from './xml.js';

export interface AtomWriteOptions extends Omit<MemberOptions, 'links'> {
  readonly serviceRoot: string;
}

const SCHEME = 'http://schemas.microsoft.com/ado/2007/08/dataservices/scheme';

function propertyXml(p: PropertyDef, value: unknown): string {
  const type = p.type === 'Edm.String' ? '' : ` m:type="${p.type}"`;
  if (value === null || value === undefined) return `<d:${p.name}${type} m:null="true"/>`;
  return `<d:${p.name}${type}>${escapeXml(String(value))}</d:${p.name}>`;
}

function rowXml(row: Row, type: EntityTypeInfo, fields: ReadonlySet<string> | null): string {
  const props = type.properties.filter((p) => fields === null || fields.has(p.name));
  return `<d:element m:type="StandardODATA.${type.setName}_RowType">${props.map((p) => propertyXml(p, row[p.name] ?? emptyValue(p))).join('')}</d:element>`;
}

function entryXml(row: Row, type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: AtomWriteOptions, updated: string): string {
  const url = entityUrl(row, type);
  const links: string[] = url === null ? [] : [`<link rel="edit" href="${escapeXml(url)}"/>`];
  const properties: string[] = [];
  const related = (name: string, inner: string): string =>
    `<link rel="${NS_DATA}/related/${escapeXml(name)}" type="application/atom+xml;type=entry" title="${escapeXml(name)}"${inner}`;
  for (const step of entityPlan(type, schema, { ...options, links: true })) {
    if (step.kind === 'property') properties.push(propertyXml(step.property, row[step.property.name] ?? step.empty));
    else if (step.kind === 'collection') {
      const rows = (row[step.name] as readonly Row[] | undefined) ?? [];
      properties.push(`<d:${step.name} m:type="Collection(StandardODATA.${step.rowType.setName}_RowType)">${rows.map((r) => rowXml(r, step.rowType, step.fields)).join('')}</d:${step.name}>`);
    } else if (step.kind === 'link') {
      if (url !== null) links.push(related(step.navigation.name, ` href="${escapeXml(`${url}/${step.navigation.name}`)}"/>`));
    } else {
      const target = navigationTarget(row, step.navigation, lookup);
      if (target !== null) links.push(related(step.navigation.name, `><m:inline>${entryXml(target, step.type, schema, lookup, { ...options, select: null, expand: [] }, updated)}</m:inline></link>`));
    }
  }
  const id = url === null ? '' : `<id>${escapeXml(options.serviceRoot + url)}</id>`;
  return `<entry>${id}<category term="StandardODATA.${type.setName}" scheme="${SCHEME}"/><title type="text"/><updated>${updated}</updated><author/>${links.join('')}<content type="application/xml"><m:properties>${properties.join('')}</m:properties></content></entry>`;
}

const namespaces = (root: string): string => `xmlns="${NS_ATOM}" xmlns:d="${NS_DATA}" xmlns:m="${NS_METADATA}" xml:base="${escapeXml(root)}"`;

export function writeAtomFeed(rows: readonly Row[], type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: AtomWriteOptions, count: number | null, title = type.setName): string {
  const updated = new Date().toISOString().slice(0, 19);
  const countXml = count === null ? '' : `<m:count>${count}</m:count>`;
  const entries = rows.map((row) => entryXml(row, type, schema, lookup, options, updated)).join('');
  return `${XML_DECLARATION}<feed ${namespaces(options.serviceRoot)}><id>${escapeXml(options.serviceRoot + title)}</id><title type="text">${escapeXml(title)}</title><updated>${updated}</updated><author/><link rel="self" href="${escapeXml(title)}" title="${escapeXml(title)}"/>${countXml}${entries}</feed>`;
}

export function writeAtomEntry(row: Row, type: EntityTypeInfo, schema: ServiceSchema, lookup: EntityLookup, options: AtomWriteOptions): string {
  const updated = new Date().toISOString().slice(0, 19);
  return `${XML_DECLARATION}${entryXml(row, type, schema, lookup, options, updated).replace('<entry>', `<entry ${namespaces(options.serviceRoot)}>`)}`;
}
