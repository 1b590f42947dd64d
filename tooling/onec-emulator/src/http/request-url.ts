/**
 * Splits a request URL into the decoded path and query parameters, keeping the raw text for the stats.
 * `+` in the query is read as a space like `%20` (whether 1C does is unverified, NOTES.md §1.8); which
 * of the two the client used is reported.
 */
import { odataErrors } from '../odata/errors.js';
import type { SpaceEncoding } from './stats.js';

export interface RequestUrl {
  readonly rawPath: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly params: ReadonlyMap<string, string>;
  readonly spaceEncoding: SpaceEncoding;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw odataErrors.badUrl(`неправильная кодировка «${text}»`);
  }
}

export function parseRequestUrl(url: string): RequestUrl {
  const parsed = new URL(url);
  const rawPath = parsed.pathname;
  const rawQuery = parsed.search.startsWith('?') ? parsed.search.slice(1) : parsed.search;
  const params = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decode((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1).replace(/\+/g, ' '));
    if (!params.has(name)) params.set(name, value);
  }
  const plus = rawQuery.includes('+');
  const percent = /%20/i.test(rawQuery);
  return {
    rawPath,
    path: decode(rawPath),
    rawQuery,
    params,
    spaceEncoding: plus && percent ? 'both' : plus ? 'plus' : percent ? 'percent' : 'none',
  };
}

/** The entity set a service-relative path addresses, for fault rules and stats: `Document_X` for `Document_X(guid'…')/$count`. */
export function entitySetOf(relativePath: string): string {
  const trimmed = relativePath.replace(/^\/+/, '');
  const end = trimmed.search(/[(/]/);
  return end < 0 ? trimmed : trimmed.slice(0, end);
}
