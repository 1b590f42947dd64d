/**
 * The resource path after `…/odata/standard.odata/` (already percent-decoded): the service document,
 * `$metadata`, a collection (`Catalog_X`, `Catalog_X/$count`), an entity by key (`Catalog_X(guid'…')`,
 * `Document_X_Товары(Ref_Key=guid'…', LineNumber=1)`, `AccumulationRegister_X(Recorder=guid'…', Recorder_Type='…')`)
 * optionally followed by a navigation property, or a virtual table of a register
 * (`AccumulationRegister_X/Balance(Period=datetime'…', Condition='…')`).
 */
import { odataErrors } from './errors.js';
import { parseLiteral, readQuoted } from './literals.js';
import type { Value } from './literals.js';

export type KeyValues = { readonly single: Value } | { readonly named: ReadonlyMap<string, Value> };

export type ResourcePath =
  | { readonly kind: 'service' }
  | { readonly kind: 'metadata' }
  | { readonly kind: 'collection'; readonly set: string; readonly count: boolean }
  | { readonly kind: 'entity'; readonly set: string; readonly key: KeyValues; readonly navigation: string | null }
  | { readonly kind: 'virtual'; readonly set: string; readonly fn: string; readonly params: ReadonlyMap<string, string>; readonly count: boolean };

/** Splits on commas outside quotes (quotes doubled inside are part of the literal). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] === "'") {
      i = readQuoted(text, i).end;
      continue;
    }
    if (text[i] === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    i += 1;
  }
  parts.push(text.slice(start));
  return parts;
}

function parseKey(text: string): KeyValues {
  const parts = splitTopLevel(text);
  const first = parts[0] ?? '';
  if (parts.length === 1 && !/^\s*[\p{L}_][\p{L}\p{N}_]*\s*=/u.test(first)) return { single: parseLiteral(first) };
  const named = new Map<string, Value>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) throw odataErrors.badUrl(`часть ключа без имени: ${part}`);
    named.set(part.slice(0, eq).trim(), parseLiteral(part.slice(eq + 1)));
  }
  return { named };
}

/**
 * Virtual-table parameters `Name=value, …`. DOC writes `Condition='Валюта_Key eq guid'…''` with the inner
 * quotes NOT doubled; doubling them (`guid''…''`) is also accepted here, since whether 1C does is
 * unverified (NOTES.md §1.4). A value runs to the next `, Name=` or the end.
 */
export function parseVirtualParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  const pieces = text.split(/,\s*(?=[\p{L}_][\p{L}\p{N}_]*\s*=)/u).filter((p) => p.trim() !== '');
  for (const piece of pieces) {
    const eq = piece.indexOf('=');
    if (eq < 0) throw odataErrors.functionCall(`параметр без имени: ${piece}`);
    const name = piece.slice(0, eq).trim();
    let value = piece.slice(eq + 1).trim();
    if (name === 'Condition' && value.startsWith("'") && value.endsWith("'") && value.length >= 2) {
      value = value.slice(1, -1);
      if (/''/.test(value) && !/[^']'[^']/.test(value.replace(/''/g, ''))) value = value.replace(/''/g, "'");
    }
    params.set(name, value);
  }
  return params;
}

const SEGMENT = /^([^()]+)(?:\((.*)\))?$/s;

/** Splits a path on `/` outside parentheses (a virtual table's `Condition` may contain `/`). */
function splitSegments(text: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === '/' && depth === 0) {
      segments.push(text.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(text.slice(start));
  return segments;
}

export function parseResourcePath(path: string): ResourcePath {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return { kind: 'service' };
  if (trimmed === '$metadata') return { kind: 'metadata' };
  const [head = '', ...rest] = splitSegments(trimmed);
  const match = SEGMENT.exec(head);
  const set = match?.[1]?.trim();
  if (match === null || set === undefined || set === '') throw odataErrors.badUrl(head);
  const keyText = match[2];
  if (keyText === undefined) {
    if (rest.length === 0) return { kind: 'collection', set, count: false };
    if (rest.length === 1 && rest[0] === '$count') return { kind: 'collection', set, count: true };
    const fnMatch = SEGMENT.exec(rest[0] ?? '');
    const fn = fnMatch?.[1]?.trim() ?? '';
    const count = rest.length === 2 && rest[1] === '$count';
    if (rest.length > (count ? 2 : 1) || fn === '') throw odataErrors.badUrl(trimmed);
    return { kind: 'virtual', set, fn, params: parseVirtualParams(fnMatch?.[2] ?? ''), count };
  }
  if (rest.length > 1) throw odataErrors.badUrl(trimmed);
  return { kind: 'entity', set, key: parseKey(keyText), navigation: rest[0] ?? null };
}
