/**
 * The small typed layer over Node's fetch that speaks 1C's OData 3.0 dialect: Basic auth built by hand from
 * UTF-8 bytes (fetch refuses credentials in the URL), `$format=json`, a per-request timeout through
 * AbortSignal, a bounded request rate, retries with exponential backoff and jitter on 5xx, network errors,
 * truncated JSON and HTML pages with status 200, a `$top`/`$skip` pager with a stable `$orderby`, and
 * key look-ups in `Ref_Key eq … or …` chains. Every failure leaves as a SledopytError (see error-mapper).
 */
import { SledopytError, isSledopytError } from '@sledopyt/core';
import type { Logger } from '@sledopyt/contract';
import { noopLogger } from '@sledopyt/contract';
import { RETRYABLE_CODES, onecErrors } from './errors.js';
import type { RequestContext } from './errors.js';
import { looksLikeHtml, mapHttpFailure } from './odata/error-mapper.js';
import { guidLiteral } from './odata/literals.js';
import { buildUrl, keyFilter } from './odata/query.js';
import type { QueryOptions } from './odata/query.js';
import { RateLimiter, backoffDelay, systemClock } from './odata/timing.js';
import type { BackoffPolicy, Clock } from './odata/timing.js';

export type ODataRow = Record<string, unknown>;

export interface TransportOptions {
  /** The service root, ending with `/odata/standard.odata/`. */
  url: string;
  credentials: { user: string; password: string } | null;
  timeoutMs: number;
  metadataTimeoutMs: number;
  retries: number;
  backoff: BackoffPolicy;
  requestsPerSecond: number;
  logger?: Logger | undefined;
  /** Aborts every request (SIGINT/SIGTERM). */
  signal?: AbortSignal | undefined;
  clock?: Clock | undefined;
  random?: (() => number) | undefined;
}

export interface TransportStats {
  requests: number;
  retries: number;
  bytes: number;
}

/** `Authorization: Basic …` from the UTF-8 bytes of `user:password` (what working 1C clients send). */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export interface PageRequest extends Omit<QueryOptions, 'top' | 'skip'> {
  orderBy: readonly string[];
  pageSize: number;
  /** Rows to skip before the first page (resuming an interrupted pass). */
  startAt?: number | undefined;
}

export interface Page<T> {
  rows: T[];
  /** `$skip` of this page. */
  skip: number;
  /** Whether this is the last page (shorter than `$top`). */
  last: boolean;
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
  retryAfterSeconds: number | undefined;
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  const message = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return code === null ? message : `${code}: ${message}`;
}

const isTimeout = (error: unknown): boolean => error instanceof Error && error.name === 'TimeoutError';

export class ODataTransport {
  readonly root: string;
  readonly stats: TransportStats = { requests: 0, retries: 0, bytes: 0 };
  readonly #options: TransportOptions;
  readonly #authorization: string | null;
  readonly #limiter: RateLimiter;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #logger: Logger;

  constructor(options: TransportOptions) {
    this.root = options.url.endsWith('/') ? options.url : `${options.url}/`;
    this.#options = options;
    this.#authorization = options.credentials === null ? null : basicAuthorization(options.credentials.user, options.credentials.password);
    this.#clock = options.clock ?? systemClock;
    this.#limiter = new RateLimiter(options.requestsPerSecond, this.#clock);
    this.#random = options.random ?? Math.random;
    this.#logger = options.logger ?? noopLogger;
  }

  #context(url: string, entitySet: string | undefined): RequestContext {
    return { url, entitySet, user: this.#options.credentials?.user };
  }

  /** One HTTP exchange; the body is read in full under the same timeout. */
  async #exchange(url: string, accept: string, timeoutMs: number, ctx: RequestContext): Promise<Answer> {
    const outer = this.#options.signal;
    // A function, not a narrowed property: the signal can abort while the request is in flight.
    const aborted = (): boolean => outer?.aborted === true;
    if (aborted()) throw onecErrors.aborted();
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = outer === undefined ? timeout : AbortSignal.any([outer, timeout]);
    const headers: Record<string, string> = { Accept: accept, 'Accept-Charset': 'utf-8' };
    if (this.#authorization !== null) headers['Authorization'] = this.#authorization;
    this.stats.requests += 1;
    try {
      const response = await fetch(url, { headers, signal, redirect: 'follow' });
      const body = await response.text();
      this.stats.bytes += body.length;
      const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', body, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined };
    } catch (error) {
      if (aborted()) throw onecErrors.aborted();
      if (isTimeout(error) || timeout.aborted) throw onecErrors.timeout(ctx, timeoutMs);
      throw onecErrors.unreachable(ctx, networkReason(error));
    }
  }

  /** GET with the rate limit and retries; `parse` turns a 2xx answer into the value or throws a retryable error. */
  async #request<T>(url: string, entitySet: string | undefined, accept: string, timeoutMs: number, parse: (answer: Answer, ctx: RequestContext) => T): Promise<T> {
    const ctx = this.#context(url, entitySet);
    for (let attempt = 0; ; attempt += 1) {
      let retryAfter: number | undefined;
      try {
        await this.#limiter.acquire(this.#options.signal);
        const answer = await this.#exchange(url, accept, timeoutMs, ctx);
        retryAfter = answer.retryAfterSeconds;
        if (answer.status < 200 || answer.status >= 300) throw mapHttpFailure(answer, ctx);
        return parse(answer, ctx);
      } catch (error) {
        if (!isSledopytError(error) || !RETRYABLE_CODES.has(error.code) || attempt >= this.#options.retries) throw error;
        const delayMs = backoffDelay(this.#options.backoff, attempt + 1, this.#random, retryAfter);
        this.stats.retries += 1;
        this.#logger.warn({ code: error.code, entitySet: entitySet ?? null, attempt: attempt + 1, delayMs }, `1С: ${error.message}; повтор через ${delayMs} мс`);
        await this.#clock.sleep(delayMs, this.#options.signal);
      }
    }
  }

  /** The `$metadata` CSDL document (XML). */
  metadata(): Promise<string> {
    const url = `${this.root}$metadata`;
    return this.#request(url, undefined, 'application/xml', this.#options.metadataTimeoutMs, (answer, ctx) => {
      if (looksLikeHtml(answer.contentType, answer.body) || !/<(?:\w+:)?Edmx[\s>]/.test(answer.body)) throw onecErrors.htmlResponse(ctx, answer.status);
      return answer.body;
    });
  }

  /** A JSON resource: `path` segments under the service root (`['Catalog_X']`, `['AccumulationRegister_X', 'Balance']`). */
  json<T>(path: readonly string[], options: QueryOptions = {}, entitySet: string | undefined = path[0]): Promise<T> {
    const url = buildUrl(this.root, path, options);
    return this.#request(url, entitySet, 'application/json', this.#options.timeoutMs, (answer, ctx) => {
      if (looksLikeHtml(answer.contentType, answer.body)) throw onecErrors.htmlResponse(ctx, answer.status);
      try {
        return JSON.parse(answer.body) as T;
      } catch (error) {
        throw onecErrors.badResponse(ctx, error instanceof Error ? error.message : 'JSON');
      }
    });
  }

  /** `Set/$count?$filter=…`: how many objects a filter selects (a plain number; never `$inlinecount`). */
  count(entitySet: string, filter?: string): Promise<number> {
    const url = buildUrl(this.root, [entitySet, '$count'], { filter, json: false });
    return this.#request(url, entitySet, 'text/plain', this.#options.timeoutMs, (answer, ctx) => {
      const value = Number(answer.body.trim());
      if (!Number.isInteger(value) || value < 0) throw looksLikeHtml(answer.contentType, answer.body) ? onecErrors.htmlResponse(ctx, answer.status) : onecErrors.badResponse(ctx, 'ответ $count — не число');
      return value;
    });
  }

  /** The `value` array of a collection. */
  async collection<T = ODataRow>(path: readonly string[], options: QueryOptions = {}, entitySet?: string): Promise<T[]> {
    const body = await this.json<{ value?: unknown }>(path, options, entitySet ?? path[0]);
    if (!Array.isArray(body.value)) {
      throw onecErrors.badResponse({ url: buildUrl(this.root, path, options), entitySet: entitySet ?? path[0] }, 'в ответе нет массива value');
    }
    return body.value as T[];
  }

  /**
   * Pages of an entity set with `$top`/`$skip` and a stable `$orderby`, until a short page (1C has no server
   * paging and no `odata.nextLink`). Never `$inlinecount`: it would make 1C ignore `$skip` and `$top`.
   */
  async *pages<T = ODataRow>(entitySet: string, request: PageRequest): AsyncGenerator<Page<T>> {
    if (request.orderBy.length === 0) {
      throw new SledopytError({
        code: 'ONEC_QUERY_INVALID',
        message: `Paging ${entitySet} needs a stable $orderby`,
        messageRu: `Внутренняя ошибка: постраничное чтение ${entitySet} без $orderby`,
        actor: 'developer',
      });
    }
    const { pageSize, startAt, ...query } = request;
    for (let skip = startAt ?? 0; ; skip += pageSize) {
      const rows = await this.collection<T>([entitySet], { ...query, top: pageSize, skip }, entitySet);
      const last = rows.length < pageSize;
      yield { rows, skip, last };
      if (last) return;
    }
  }

  /** The objects with these refs, `chunk` refs per request (`Ref_Key eq guid'…' or …`). */
  async byKeys<T = ODataRow>(entitySet: string, refs: readonly string[], options: { select?: readonly string[] | undefined; chunk: number; keyName?: string }): Promise<T[]> {
    const rows: T[] = [];
    const unique = [...new Set(refs)];
    for (let at = 0; at < unique.length; at += options.chunk) {
      const literals = unique.slice(at, at + options.chunk).map(guidLiteral);
      rows.push(...(await this.collection<T>([entitySet], { select: options.select, filter: keyFilter(options.keyName ?? 'Ref_Key', literals) }, entitySet)));
    }
    return rows;
  }
}
