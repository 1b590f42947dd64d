/**
 * OData v3 literals in 1C's dialect (NOTES.md §1.4): `guid'…'`, `datetime'YYYY-MM-DDTHH:MM:SS'` (naive,
 * no milliseconds, no zone), strings in single quotes with `''` for a quote, `true`/`false`, `null`,
 * numbers. A v4-style bare datetime or a `Z`/offset/milliseconds is rejected with code 14 [I]: the
 * point is to make a client that writes them fail here rather than against a real base.
 */
import { odataErrors } from './errors.js';

export type Value =
  | { readonly t: 'guid'; readonly v: string }
  | { readonly t: 'datetime'; readonly v: string }
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'number'; readonly v: number }
  | { readonly t: 'boolean'; readonly v: boolean }
  | { readonly t: 'null' };

export const NULL: Value = { t: 'null' };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

export function guidValue(text: string): Value {
  if (!GUID.test(text)) throw odataErrors.queryOption(`неправильный литерал guid'${text}'`);
  return { t: 'guid', v: text.toLowerCase() };
}

export function datetimeValue(text: string): Value {
  if (!DATETIME.test(text)) {
    throw odataErrors.queryOption(`неправильный литерал datetime'${text}': ожидается ГГГГ-ММ-ДДTЧЧ:ММ:СС без часового пояса и долей секунды`);
  }
  return { t: 'datetime', v: text };
}

/** Reads a quoted string starting at `text[start] === "'"`; returns the value and the index after the closing quote. */
export function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const ch = text[i];
    if (ch === undefined) throw odataErrors.queryOption(`не закрыта кавычка в «${text.slice(start)}»`);
    if (ch === "'") {
      if (text[i + 1] === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += ch;
    i += 1;
  }
}

/** Parses one literal as a whole (a key value in a resource path, a virtual-table parameter). */
export function parseLiteral(text: string): Value {
  const trimmed = text.trim();
  const typed = /^(guid|datetime|datetimeoffset|time|binary|X)'(.*)'$/s.exec(trimmed);
  if (typed !== null) {
    const [, prefix, body = ''] = typed;
    if (prefix === 'guid') return guidValue(body);
    if (prefix === 'datetime') return datetimeValue(body);
    throw odataErrors.queryOption(`литерал ${prefix ?? ''}'…' не поддерживается`);
  }
  if (trimmed.startsWith("'")) {
    const { value, end } = readQuoted(trimmed, 0);
    if (end !== trimmed.length) throw odataErrors.queryOption(`лишние символы после строки в «${trimmed}»`);
    return { t: 'string', v: value };
  }
  if (trimmed === 'true' || trimmed === 'false') return { t: 'boolean', v: trimmed === 'true' };
  if (trimmed === 'null') return NULL;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?$/.test(trimmed)) return { t: 'number', v: Number.parseFloat(trimmed) };
  throw odataErrors.queryOption(`не распознан литерал «${trimmed}»`);
}

/** Formats a key value for a URL the way 1C writes it in links: `guid'…'`, numbers bare. */
export function formatKeyLiteral(type: string, value: unknown): string {
  if (type === 'Edm.Guid') return `guid'${String(value)}'`;
  if (type === 'Edm.String') return `'${String(value).replace(/'/g, "''")}'`;
  return String(value);
}
