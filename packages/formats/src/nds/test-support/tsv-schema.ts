/**
 * An XML Schema for one book section and format version, generated from the shared format table
 * (shared/fns-formats/derived/nds-NO_NDS.8-NO_NDS.9-lines-5.08-5.12.structure.tsv) — there is no official XSD
 * for NO_NDS.8/9. It reads the table independently of structure.ts, so `xmllint --schema` against it checks the
 * writer against the table, not against the writer's own idea of the format.
 *
 * The table's shorthand is expanded here: `@A | @B` and `@Name22|20|…` alternatives, "as in КнПокСтр",
 * per-rate version rules ("22: 5.12 only; 18: ≤5.11; 7,5: 5.11+"), attributes of small elements given in the
 * note column (`@НомДокПдтвУпл T(1-256) О, …`), and the СведИП | СведЮЛ choice of counterparties.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_FORMATS_DIR } from '../../test-support/index.js';

export const LINES_TABLE = join(SHARED_FORMATS_DIR, 'derived/nds-NO_NDS.8-NO_NDS.9-lines-5.08-5.12.structure.tsv');

export interface TableRow {
  path: string;
  kind: string;
  fmt: string;
  length: string;
  obligation: string;
  versions: string;
  note: string;
}

export function readTable(): TableRow[] {
  const [, ...rows] = readFileSync(LINES_TABLE, 'utf8').trimEnd().split('\n');
  return rows.map((row) => {
    const [path = '', kind = '', fmt = '', length = '', obligation = '', versions = '', note = ''] = row.split('\t');
    return { path, kind, fmt, length, obligation, versions, note };
  });
}

interface AttributeDef {
  name: string;
  type: string;
  required: boolean;
}

interface ElementDef {
  name: string;
  attributes: AttributeDef[];
  children: { element: ElementDef; min: number; max: number | 'unbounded' }[];
  /** Simple element: its type. */
  simpleType?: string;
  /** Exactly one of these children (counterparties). */
  choice?: ElementDef[];
}

const minor = (version: string) => Number(version.slice(2));

/** Whether a table row (or one rate of it) exists in `version`. */
function inVersion(rule: string, version: string, rate?: string): boolean {
  const v = minor(version);
  if (rule === 'all' || rule === '') return true;
  if (rate !== undefined && rule.includes(':')) {
    for (const clause of rule.split(';')) {
      const [rates = '', condition = ''] = clause.split(':').map((part) => part.trim());
      if (!rates.split(',').map((r) => r.trim()).includes(rate)) continue;
      return inVersion(condition.replace(' only', ''), version);
    }
    return true;
  }
  const range = /^5\.(\d+)-5\.(\d+)$/.exec(rule);
  if (range !== null) return v >= Number(range[1]) && v <= Number(range[2]);
  const atMost = /^≤5\.(\d+)$/.exec(rule);
  if (atMost !== null) return v <= Number(atMost[1]);
  const atLeast = /^5\.(\d+)\+$/.exec(rule);
  if (atLeast !== null) return v >= Number(atLeast[1]);
  if (/^5\.\d+$/.test(rule)) return v === minor(rule);
  throw new TypeError(`unknown version rule "${rule}"`);
}

/** An xs:simpleType for a format cell (`T` + `1-1000`, `N` + `19.2`, …). */
function typeOf(fmt: string, length: string, name: string, version: string): string {
  if (fmt === 'N') {
    const digits = length.includes('(≤5.11)') ? (minor(version) <= 11 ? '17' : '19.2') : length;
    const [total = '', fraction = '0'] = digits.split('.');
    return `<xs:simpleType><xs:restriction base="xs:decimal"><xs:totalDigits value="${total}"/><xs:fractionDigits value="${fraction}"/></xs:restriction></xs:simpleType>`;
  }
  const range = /^(\d+)(?:-(\d+))?/.exec(length);
  if (range === null) throw new TypeError(`no length in "${length}" for ${name}`);
  const facets = range[2] === undefined ? `<xs:length value="${range[1]}"/>` : `<xs:minLength value="${range[1]}"/><xs:maxLength value="${range[2]}"/>`;
  const pattern = name.startsWith('Дата') ? '<xs:pattern value="\\d{2}\\.\\d{2}\\.\\d{4}"/>' : '';
  return `<xs:simpleType><xs:restriction base="xs:string">${facets}${pattern}</xs:restriction></xs:simpleType>`;
}

/** `@Name T(1-256) О, @Name T(10) О` → attributes. */
function attributesOfNote(note: string, version: string): AttributeDef[] {
  return [...note.matchAll(/@([^\s,]+) T\((\d+(?:-\d+)?)\)(?: ([ОН]))?/g)].map((match) => ({
    name: match[1] ?? '',
    type: typeOf('T', match[2] ?? '', match[1] ?? '', version),
    required: match[3] === 'О',
  }));
}

function counterparty(name: string, note: string, version: string): ElementDef {
  const [individual = '', legal = ''] = note.split('|');
  return {
    name,
    attributes: [],
    children: [],
    choice: [
      { name: 'СведИП', attributes: attributesOfNote(individual.replace('СведИП/', ''), version).map((a) => ({ ...a, required: true })), children: [] },
      {
        name: 'СведЮЛ',
        attributes: attributesOfNote(legal.replace('СведЮЛ/', '').replace('+', ','), version).map((a, index) => ({ ...a, required: index === 0 })),
        children: [],
      },
    ],
  };
}

/** The element tree of a section (8 or 9) in a version, from the table. */
export function sectionTree(section: '8' | '9', version: string): ElementDef {
  const rows = readTable();
  const book = section === '8' ? 'КнигаПокуп' : 'КнигаПрод';
  const elements = new Map<string, ElementDef>();
  const root: ElementDef = { name: 'Файл', attributes: [], children: [] };
  const document: ElementDef = { name: 'Документ', attributes: [], children: [] };
  root.children.push({ element: document, min: 1, max: 1 });
  elements.set('Файл', root);
  elements.set('Файл/Документ', document);
  const resolve = (path: string) => path.replace(/^…\/(КнПокСтр|КнПродСтр)/, (_, name: string) => `Файл/Документ/${name === 'КнПокСтр' ? 'КнигаПокуп' : 'КнигаПрод'}/${name}`);
  const purchaseAttributes = new Map<string, TableRow>();
  /** СвРегНом's attributes are listed once, under КнПокСтр ("same СвРегНомТип as in КнПокСтр"). */
  const registrationRows: TableRow[] = [];
  const notes = new Map<string, string>();
  let lastRateRule = 'all';

  for (const raw of rows) {
    const path = resolve(raw.path);
    if (path.startsWith('Файл/Документ/Книга') && !path.startsWith(`Файл/Документ/${book}`)) {
      if (path.startsWith('Файл/Документ/КнигаПокуп/КнПокСтр/@')) purchaseAttributes.set(path.split('@')[1] ?? '', raw);
      if (path.includes('/СвРегНом/@')) registrationRows.push(raw);
      if (raw.kind === 'С') notes.set(path.split('/').pop() ?? '', raw.note);
      continue;
    }
    if (!inVersion(raw.versions.includes(':') || raw.versions === 'as above' || raw.versions === 'see totals' ? 'all' : raw.versions, version)) continue;
    const at = path.indexOf('@');
    if (at >= 0) {
      const owner = elements.get(path.slice(0, at - 1));
      if (owner === undefined) throw new TypeError(`no element for ${path}`);
      const spec = path.slice(at).split('|').map((part) => part.trim());
      const ruleText = raw.versions === 'as above' || raw.versions === 'see totals' ? lastRateRule : raw.versions;
      if (raw.versions.includes(':')) lastRateRule = raw.versions;
      const first = (spec[0] ?? '').replace(/^@/, '');
      const base = /^(.*?)(\d+)$/.exec(first);
      const names = spec.every((part) => part.startsWith('@')) ? spec.map((part) => part.slice(1)) : spec.map((part, index) => (index === 0 ? first : `${base?.[1] ?? ''}${part}`));
      for (const name of names) {
        const rate = /(\d+)$/.exec(name)?.[1];
        if (rate !== undefined && ruleText.includes(':') && !inVersion(ruleText, version, rate)) continue;
        const source = raw.fmt === 'as in КнПокСтр' ? purchaseAttributes.get(name) : raw;
        if (source === undefined) throw new TypeError(`no format for ${name}`);
        owner.attributes.push({ name, type: typeOf(source.fmt, source.length, name, version), required: raw.obligation === 'О' });
      }
      continue;
    }
    const segments = path.split('/');
    const name = segments.pop() ?? '';
    const parent = elements.get(segments.join('/'));
    if (parent === undefined) throw new TypeError(`no parent for ${path}`);
    const note = raw.note === 'as in КнПокСтр' || raw.note === '' ? (notes.get(name) ?? raw.note) : raw.note;
    let element: ElementDef;
    if (raw.kind === 'П') {
      element = { name, attributes: [], children: [], simpleType: typeOf(raw.fmt, raw.length, name, version) };
    } else if (name === 'СвПрод' || name === 'СвПокуп' || name === 'СвПос') {
      const shape = note.includes('СведИП/@ИННФЛ T(') ? note : (notes.get('СвПрод') ?? '');
      element = counterparty(name, shape, version);
    } else if (name === 'СвРегНом' && note.includes('as in КнПокСтр')) {
      element = {
        name,
        attributes: registrationRows.map((row) => {
          const attribute = row.path.split('@')[1] ?? '';
          return { name: attribute, type: typeOf(row.fmt, row.length, attribute, version), required: row.obligation === 'О' };
        }),
        children: [],
      };
    } else {
      element = { name, attributes: attributesOfNote(note, version), children: [] };
    }
    notes.set(name, note);
    elements.set(path, element);
    const multiple = raw.obligation.endsWith('М');
    parent.children.push({ element, min: raw.obligation.startsWith('О') ? 1 : 0, max: multiple ? 'unbounded' : 1 });
  }
  return root;
}

function elementXsd(element: ElementDef, min: number, max: number | 'unbounded'): string {
  const occurs = `minOccurs="${min}" maxOccurs="${max}"`;
  if (element.simpleType !== undefined) return `<xs:element name="${element.name}" ${occurs}>${element.simpleType}</xs:element>`;
  const content = element.choice !== undefined
    ? `<xs:choice>${element.choice.map((choice) => elementXsd(choice, 1, 1)).join('')}</xs:choice>`
    : `<xs:sequence>${element.children.map((child) => elementXsd(child.element, child.min, child.max)).join('')}</xs:sequence>`;
  const attributes = element.attributes.map((attribute) => `<xs:attribute name="${attribute.name}" use="${attribute.required ? 'required' : 'optional'}">${attribute.type}</xs:attribute>`).join('');
  return `<xs:element name="${element.name}" ${occurs}><xs:complexType>${content}${attributes}</xs:complexType></xs:element>`;
}

/** The XSD text for a section and version. */
export function sectionXsd(section: '8' | '9', version: string): string {
  const root = sectionTree(section, version);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">${elementXsd(root, 1, 1).replace(' minOccurs="1" maxOccurs="1"', '')}</xs:schema>\n`;
}
