/**
 * Request URLs for 1C's standard OData interface: percent-encoded Cyrillic path segments and query values
 * with `%20` for spaces (never `+`: whether 1C decodes `+` in `$filter` is unverified, NOTES.md §1.8),
 * always `$format=json`, and never `$inlinecount` together with `$top`/`$skip` (it makes 1C ignore them).
 */
import { SledopytError } from '@sledopyt/core';

export interface QueryOptions {
  select?: readonly string[] | undefined;
  filter?: string | undefined;
  orderBy?: readonly string[] | undefined;
  top?: number | undefined;
  skip?: number | undefined;
  /** Extra parameters (virtual-table `Condition`, `allowedOnly`), in order. */
  params?: readonly (readonly [string, string])[] | undefined;
  /** `$format=json` (default); `/$count` answers a plain number and takes none. */
  json?: boolean | undefined;
}

/**
 * A path segment as 1C expects it: Cyrillic and spaces percent-encoded, but the OData key syntax
 * (`(guid'…')`, `(Ref_Key=guid'…',LineNumber=1)`) left readable — `=` and `,` are legal in a path segment.
 */
export function encodePathSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%3D/gi, '=').replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%24/g, '$');
}

/** A query value: `%20` for spaces; the OData punctuation (`,`, `/`, `:`, `$`) kept readable. */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':').replace(/%24/g, '$');
}

function checkPaging(options: QueryOptions): void {
  const names = (options.params ?? []).map(([name]) => name);
  if (names.includes('$inlinecount') && (options.top !== undefined || options.skip !== undefined)) {
    throw new SledopytError({
      code: 'ONEC_QUERY_INVALID',
      message: '$inlinecount together with $top/$skip makes 1C ignore the paging',
      messageRu: 'Внутренняя ошибка запроса к 1С: $inlinecount нельзя сочетать с $top/$skip',
      actor: 'developer',
    });
  }
}

/** `root` ends with `/` (the service root); `path` is the resource path, segments joined by `/`. */
export function buildUrl(root: string, path: readonly string[], options: QueryOptions = {}): string {
  checkPaging(options);
  const query: string[] = options.json === false ? [] : ['$format=json'];
  if (options.select !== undefined && options.select.length > 0) query.push(`$select=${encodeQueryValue(options.select.join(','))}`);
  if (options.filter !== undefined && options.filter !== '') query.push(`$filter=${encodeQueryValue(options.filter)}`);
  if (options.orderBy !== undefined && options.orderBy.length > 0) query.push(`$orderby=${encodeQueryValue(options.orderBy.join(','))}`);
  if (options.top !== undefined) query.push(`$top=${options.top}`);
  if (options.skip !== undefined && options.skip > 0) query.push(`$skip=${options.skip}`);
  for (const [name, value] of options.params ?? []) query.push(`${encodeQueryValue(name)}=${encodeQueryValue(value)}`);
  const resource = `${root}${path.map(encodePathSegment).join('/')}`;
  return query.length === 0 ? resource : `${resource}?${query.join('&')}`;
}

/** `Ref_Key eq guid'a' or Ref_Key eq guid'b' …`: how 1C resolves several objects in one request. */
export const keyFilter = (keyName: string, literals: readonly string[]): string => literals.map((literal) => `${keyName} eq ${literal}`).join(' or ');
