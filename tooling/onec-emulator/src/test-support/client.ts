/** A minimal 1C OData client for the tests: query strings joined with encodeURIComponent (`%20`), UTF-8 Basic auth. */
export interface GetOptions {
  readonly user?: string;
  readonly password?: string;
  readonly accept?: string;
  readonly signal?: AbortSignal;
}

export const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

/** `path` is relative to the service root; `query` values are encoded here. */
export function odataUrl(root: string, path: string, query: Record<string, string | number> = {}): string {
  const encodedPath = path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%27/g, "'").replace(/%28/g, '(').replace(/%29/g, ')').replace(/%2C/g, ','))
    .join('/');
  const search = Object.entries(query)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `${root}${encodedPath}${search === '' ? '' : `?${search}`}`;
}

export async function get(url: string, options: GetOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (options.user !== undefined) headers['Authorization'] = basic(options.user, options.password ?? '');
  if (options.accept !== undefined) headers['Accept'] = options.accept;
  return fetch(url, { headers, ...(options.signal === undefined ? {} : { signal: options.signal }) });
}

export interface Collection<T = Record<string, unknown>> {
  readonly 'odata.metadata': string;
  readonly 'odata.count'?: string;
  readonly value: T[];
}

export async function getJson<T = Record<string, unknown>>(root: string, path: string, query: Record<string, string | number> = {}, options: GetOptions = {}): Promise<Collection<T>> {
  const response = await get(odataUrl(root, path, { $format: 'json', ...query }), options);
  if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as Collection<T>;
}
