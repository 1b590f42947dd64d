/**
 * `$metadata` as 1C emits it (NOTES.md §1.1; structure of a real 1C `$metadata` quoted in public code,
 * index id 26627998163): EDMX 1.0 with `m:DataServiceVersion="3.0"`, schema `StandardODATA`, entity
 * types `OpenType="true"` with `Nullable` on every property, `_Type` companions after the other
 * properties, navigation properties last (`FromRole="Begin" ToRole="End"`), row types and register
 * `_Balance` as complex types, one association per navigation property (`<Type>_<Nav>`, ends
 * `Begin` * / `End` 0..1), and the `EnterpriseV8` container in a second schema `Default`.
 * Enum types are left out: enum values travel as strings (DOC 17.4.3) and their members are unknown here.
 * Also the service document (Atom service or JSON).
 */
import type { EntityTypeInfo, ServiceSchema } from '../edm/schema.js';
import type { PropertyDef } from '../edm/types.js';
import { NAMESPACE } from '../edm/types.js';
import { NS_ATOM, XML_DECLARATION, escapeXml } from './xml.js';

const propertyXml = (p: PropertyDef): string => `<Property Name="${escapeXml(p.name)}" Type="${p.type}" Nullable="${p.nullable ? 'true' : 'false'}"/>`;

function entityTypeXml(type: EntityTypeInfo): string {
  const keys = type.keys.map((k) => `<PropertyRef Name="${escapeXml(k)}"/>`).join('');
  // A record set lists Recorder, RecordSet, Recorder_Type in this order (real `$metadata`).
  const last = (p: PropertyDef): boolean => type.kind === 'recordset' && p.name === 'Recorder_Type';
  const scalars = type.properties.filter((p) => !last(p));
  const recorderType = type.properties.filter(last);
  const collections = [...type.collections].map(([name, setName]) => `<Property Name="${escapeXml(name)}" Type="Collection(${NAMESPACE}.${escapeXml(setName)}_RowType)" Nullable="false"/>`);
  const navs = type.navigations.map((n) => `<NavigationProperty Name="${escapeXml(n.name)}" Relationship="${NAMESPACE}.${escapeXml(`${type.setName}_${n.name}`)}" FromRole="Begin" ToRole="End"/>`);
  return `<EntityType Name="${escapeXml(type.setName)}" OpenType="true"><Key>${keys}</Key>${scalars.map(propertyXml).join('')}${collections.join('')}${recorderType.map(propertyXml).join('')}${navs.join('')}</EntityType>`;
}

const complexTypeXml = (name: string, properties: readonly PropertyDef[]): string => `<ComplexType Name="${escapeXml(name)}">${properties.map(propertyXml).join('')}</ComplexType>`;

function associationsXml(type: EntityTypeInfo): string[] {
  return type.navigations.map(
    (n) =>
      `<Association Name="${escapeXml(`${type.setName}_${n.name}`)}"><End Role="Begin" Type="${NAMESPACE}.${escapeXml(type.setName)}" Multiplicity="*"/><End Role="End" Type="${NAMESPACE}.${escapeXml(n.target)}" Multiplicity="0..1"/></Association>`,
  );
}

/** Register `_Balance` complex type: dimensions, then `<Resource>Balance` per resource. */
export function balanceProperties(schema: ServiceSchema, registerSet: string): PropertyDef[] {
  const object = schema.objects.find((o) => o.setName === registerSet);
  if (object?.kind !== 'AccumulationRegister') return [];
  return [...object.dimensions, ...object.resources.map((r) => ({ ...r, name: `${r.name}Balance`, registerRole: null }))];
}

export function writeMetadata(schema: ServiceSchema): string {
  const types = schema.entitySets().map((name) => schema.type(name)).filter((t): t is EntityTypeInfo => t !== undefined);
  const entityTypes = types.map(entityTypeXml);
  const complexTypes: string[] = [];
  for (const type of types) {
    if (type.kind === 'tabular' || type.kind === 'records') complexTypes.push(complexTypeXml(`${type.setName.replace(/_RecordType$/, '')}_RowType`, type.properties));
    if (type.kind === 'recordset') complexTypes.push(complexTypeXml(`${type.setName}_Balance`, balanceProperties(schema, type.setName)));
  }
  const associations = types.flatMap(associationsXml);
  const sets = types.map((t) => `<EntitySet Name="${escapeXml(t.setName)}" EntityType="${NAMESPACE}.${escapeXml(t.setName)}"/>`).join('');
  return (
    `${XML_DECLARATION}<edmx:Edmx xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" Version="1.0">` +
    '<edmx:DataServices xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" m:DataServiceVersion="3.0" m:MaxDataServiceVersion="3.0">' +
    `<Schema xmlns="http://schemas.microsoft.com/ado/2009/11/edm" Namespace="${NAMESPACE}">${entityTypes.join('')}${complexTypes.join('')}${associations.join('')}</Schema>` +
    `<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm" Namespace="Default"><EntityContainer Name="EnterpriseV8" m:IsDefaultEntityContainer="true">${sets}</EntityContainer></Schema>` +
    '</edmx:DataServices></edmx:Edmx>'
  );
}

export function writeServiceDocumentXml(schema: ServiceSchema, serviceRoot: string): string {
  const collections = schema
    .entitySets()
    .map((name) => `<collection href="${escapeXml(name)}"><atom:title>${escapeXml(name)}</atom:title></collection>`)
    .join('');
  return `${XML_DECLARATION}<service xmlns="http://www.w3.org/2007/app" xmlns:atom="${NS_ATOM}" xml:base="${escapeXml(serviceRoot)}"><workspace><atom:title>Default</atom:title>${collections}</workspace></service>`;
}

export function writeServiceDocumentJson(schema: ServiceSchema, serviceRoot: string): string {
  return JSON.stringify({ 'odata.metadata': `${serviceRoot}$metadata`, value: schema.entitySets().map((name) => ({ name, url: name })) });
}
