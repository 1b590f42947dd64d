/**
 * An XSD-free structural check of a written document against a derived structure table
 * (shared/fns-formats/derived/*.structure.tsv), for the formats that have no official XSD (УКД, notifications,
 * report). Checks: every element and attribute is known; attribute lengths, digits, enumerations and patterns;
 * required attributes and elements are present (a group of alternatives counts as one); child order follows
 * the table; single elements are not repeated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadXml } from '../xml/load.js';
import type { XmlElement } from '../xml/tree.js';
import { SHARED_FORMATS_DIR } from './index.js';

interface Row {
  path: string;
  attribute: boolean;
  required: boolean;
  repeatable: boolean;
  order: number;
  numeric: boolean;
  minLength?: number;
  maxLength?: number;
  fractionDigits?: number;
  totalDigits?: number;
  enumeration?: string[];
  pattern?: RegExp;
}

export function loadStructure(tsvName: string): Map<string, Row> {
  const lines = readFileSync(join(SHARED_FORMATS_DIR, 'derived', tsvName), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split('\t');
  const rows = new Map<string, Row>();
  const fromXsd = header[1] === 'depth';
  lines.slice(1).forEach((line, order) => {
    const cells = line.split('\t');
    if (fromXsd) {
      const [path = '', , kind, min, max, type = '', facets = ''] = cells;
      const row: Row = { path, attribute: kind === 'A', required: min === '1', repeatable: max !== '1', order, numeric: /decimal|integer/.test(type) };
      for (const facet of facets.split(';').filter(Boolean)) {
        const [name, ...rest] = facet.split('=');
        const value = rest.join('=');
        if (name === 'length') row.minLength = row.maxLength = Number(value);
        if (name === 'minLength') row.minLength = Number(value);
        if (name === 'maxLength') row.maxLength = Number(value);
        if (name === 'totalDigits') row.totalDigits = Number(value);
        if (name === 'fractionDigits') row.fractionDigits = Number(value);
        if (name === 'enum') row.enumeration = value.split('|');
        if (name === 'pattern') row.pattern = new RegExp(`^(${value})$`);
      }
      rows.set(path, row);
    } else {
      const [path = '', kind, fmt, min = '', max = '', obligation = ''] = cells;
      const full = `Файл/${path}`;
      const row: Row = {
        path: full,
        attribute: kind === 'А',
        required: obligation.startsWith('О') && obligation !== 'ОК',
        repeatable: obligation.endsWith('М'),
        order,
        numeric: fmt === 'N',
      };
      if (fmt === 'T' && min !== '') row.minLength = Number(min);
      if (fmt === 'T' && max !== '') row.maxLength = Number(max);
      if (fmt === 'N') {
        row.fractionDigits = min === '' ? 0 : Number(min);
        row.totalDigits = Number(max);
      }
      rows.set(full, row);
    }
  });
  if (!fromXsd) rows.set('Файл', { path: 'Файл', attribute: false, required: true, repeatable: false, order: -1, numeric: false });
  return rows;
}

/** Lists every structural problem of the document; an empty list means it fits the table. */
export function checkStructure(bytes: Uint8Array, tsvName: string, alternatives: string[][] = []): string[] {
  const rows = loadStructure(tsvName);
  const problems: string[] = [];
  const visit = (element: XmlElement, path: string) => {
    const row = rows.get(path);
    if (row === undefined || row.attribute) {
      problems.push(`unknown element ${path}`);
      return;
    }
    for (const [name, value] of Object.entries(element.attributes)) {
      const attributeRow = rows.get(`${path}/${name}`);
      if (attributeRow === undefined || !attributeRow.attribute) problems.push(`unknown attribute ${path}/@${name}`);
      else problems.push(...checkValue(attributeRow, value).map((problem) => `${path}/@${name}="${value}": ${problem}`));
    }
    const childRows = [...rows.values()].filter((candidate) => parentOf(candidate.path) === path);
    for (const childRow of childRows) {
      const name = childRow.path.slice(path.length + 1);
      if (!childRow.required) continue;
      if (childRow.attribute && element.attributes[name] === undefined) problems.push(`missing required attribute ${path}/@${name}`);
      if (!childRow.attribute) {
        const group = alternatives.find((names) => names.includes(name)) ?? [name];
        if (!element.children.some((child) => group.includes(child.name))) problems.push(`missing required element ${path}/${name}`);
      }
    }
    let lastOrder = -Infinity;
    const seen = new Set<string>();
    for (const child of element.children) {
      const childPath = `${path}/${child.name}`;
      const childRow = rows.get(childPath);
      if (childRow !== undefined) {
        if (childRow.order < lastOrder) problems.push(`element ${childPath} is out of order`);
        lastOrder = Math.max(lastOrder, childRow.order);
        if (seen.has(child.name) && !childRow.repeatable) problems.push(`element ${childPath} repeated`);
      }
      seen.add(child.name);
      visit(child, childPath);
    }
    if (element.children.length === 0 && element.text.trim() !== '') {
      problems.push(...checkValue(row, element.text.trim()).map((problem) => `${path}="${element.text.trim()}": ${problem}`));
    }
  };
  const { root } = loadXml(bytes);
  visit(root.element, root.name);
  return problems;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

function checkValue(row: Row, value: string): string[] {
  const problems: string[] = [];
  if (row.numeric) {
    const match = /^-?(\d+)(?:\.(\d+))?$/.exec(value);
    if (match === null) return ['not a number'];
    const integer = (match[1] ?? '').replace(/^0+/, '');
    const fraction = match[2] ?? '';
    if (row.fractionDigits !== undefined && fraction.length > row.fractionDigits) problems.push(`more than ${row.fractionDigits} fraction digits`);
    if (row.totalDigits !== undefined && integer.length + fraction.length > row.totalDigits) problems.push(`more than ${row.totalDigits} digits`);
  } else {
    if (row.minLength !== undefined && value.length < row.minLength) problems.push(`shorter than ${row.minLength}`);
    if (row.maxLength !== undefined && value.length > row.maxLength) problems.push(`longer than ${row.maxLength}`);
  }
  if (row.enumeration !== undefined && !row.enumeration.includes(value)) problems.push(`not one of ${row.enumeration.join(', ')}`);
  if (row.pattern !== undefined && !row.pattern.test(value)) problems.push(`does not match ${row.pattern.source}`);
  return problems;
}
