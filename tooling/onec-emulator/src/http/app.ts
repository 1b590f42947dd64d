/**
 * The HTTP face of the emulator (hono): the publication prefix `/<publication>/odata/standard.odata/`,
 * Basic auth, fault injection, stats, and 1C's error answers. Everything outside the publication is
 * the web server's plain 404.
 */
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { isODataError, odataErrors } from '../odata/errors.js';
import type { ODataError } from '../odata/errors.js';
import type { ODataResponse, ODataService } from '../odata/service.js';
import { authenticate } from './auth.js';
import type { User } from './auth.js';
import type { FaultInjector } from './faults.js';
import { entitySetOf, parseRequestUrl } from './request-url.js';
import type { RequestUrl } from './request-url.js';
import { CONTENT_TYPES, HTML_ERROR_PAGE, HTML_NOT_FOUND_PAGE, UNAUTHORIZED_TEXT, odataErrorJson, odataErrorXml } from './responses.js';
import type { RequestRecord, RequestStats } from './stats.js';

export interface EmulatorAppConfig {
  readonly service: ODataService;
  /** Publication name, e.g. `buh` → `/buh/odata/standard.odata/`. */
  readonly publication: string;
  /** null: no authentication. */
  readonly users: readonly User[] | null;
  readonly faults: FaultInjector;
  readonly stats: RequestStats;
  /** Aborted when the emulator closes: ends latency waits and hung requests. */
  readonly closing: AbortSignal;
}

type Env = { Bindings: Partial<HttpBindings> };

const ODATA_HEADERS = { DataServiceVersion: '3.0' };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function errorResponse(c: Context<Env>, error: ODataError, json: boolean): Response {
  const body = json ? odataErrorJson(error) : odataErrorXml(error);
  return c.body(body, error.httpStatus as 400, { 'Content-Type': json ? CONTENT_TYPES.json : CONTENT_TYPES.xml, ...ODATA_HEADERS });
}

/** Writes headers and half of the body, then destroys the socket. */
function dropConnection(c: Context<Env>, response: ODataResponse): Response {
  const outgoing = c.env.outgoing;
  if (outgoing === undefined) return new Response(response.body.slice(0, Math.floor(response.body.length / 2)), { status: 200 });
  outgoing.writeHead(200, { 'Content-Type': CONTENT_TYPES[response.contentType], 'Transfer-Encoding': 'chunked' });
  outgoing.write(response.body.slice(0, Math.floor(response.body.length / 2)), () => outgoing.socket?.destroy());
  return RESPONSE_ALREADY_SENT;
}

/** Never answers; frees the socket when the client gives up or the emulator closes. */
async function hang(c: Context<Env>, closing: AbortSignal): Promise<Response> {
  const outgoing = c.env.outgoing;
  await new Promise<void>((resolve) => {
    if (closing.aborted) return resolve();
    closing.addEventListener('abort', () => resolve(), { once: true });
    outgoing?.once('close', () => resolve());
  });
  outgoing?.socket?.destroy();
  return RESPONSE_ALREADY_SENT;
}

export function createEmulatorApp(config: EmulatorAppConfig): Hono<Env> {
  const app = new Hono<Env>();
  const prefix = `/${config.publication}/odata/standard.odata`;

  app.all('*', async (c) => {
    const started = Date.now();
    let url: RequestUrl;
    try {
      url = parseRequestUrl(c.req.url);
    } catch (error) {
      // A malformed percent-encoding: 1C's "bad URL" (code 6), in XML since the format cannot be read.
      return errorResponse(c, isODataError(error) ? error : odataErrors.badUrl(c.req.url), false);
    }
    const inService = url.path === prefix || url.path.startsWith(`${prefix}/`);
    const relative = inService ? url.path.slice(prefix.length) : url.path;
    const auth = authenticate(c.req.header('Authorization'), config.users);
    const record: RequestRecord = config.stats.record({
      method: c.req.method,
      path: relative.replace(/^\//, ''),
      rawPath: url.rawPath,
      rawQuery: url.rawQuery,
      query: Object.fromEntries(url.params),
      entitySet: inService ? entitySetOf(relative) : null,
      spaceEncoding: url.spaceEncoding,
      user: auth.name,
      status: 0,
      fault: null,
      latencyMs: 0,
      internalError: null,
      startedAt: started,
      durationMs: 0,
    });
    const finish = (response: Response): Response => {
      record.status = response === RESPONSE_ALREADY_SENT ? 0 : response.status;
      record.durationMs = Date.now() - started;
      return response;
    };
    if (!inService) return finish(c.html(HTML_NOT_FOUND_PAGE, 404));

    const json = config.service.wantsJson(url.params, c.req.header('Accept') ?? null);
    const decision = config.faults.decide(record.entitySet);
    record.latencyMs = decision.latencyMs;
    if (decision.latencyMs > 0) await sleep(decision.latencyMs, config.closing);
    record.fault = decision.fault;
    if (decision.fault === 'timeout') return finish(await hang(c, config.closing));
    if (decision.fault === 'html-200') return finish(c.html(HTML_ERROR_PAGE, 200));
    if (decision.fault === 'http-500') return finish(errorResponse(c, odataErrors.internal(), json));

    if (!auth.ok) {
      return finish(c.text(UNAUTHORIZED_TEXT, 401, { 'WWW-Authenticate': 'Basic realm="1C:Enterprise"' }));
    }
    if (auth.user?.noODataAccess === true) return finish(errorResponse(c, odataErrors.accessDenied('standard.odata'), json));
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return finish(errorResponse(c, odataErrors.methodForbidden(c.req.method), json));

    let response: ODataResponse;
    try {
      const serviceRoot = `${new URL(c.req.url).origin}/${encodeURIComponent(config.publication)}/odata/standard.odata/`;
      response = config.service.handle({ path: relative, params: url.params, accept: c.req.header('Accept') ?? null, denied: auth.user?.deniedEntitySets ?? [], serviceRoot });
    } catch (error) {
      if (isODataError(error)) return finish(errorResponse(c, error, json));
      record.internalError = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return finish(errorResponse(c, odataErrors.internal(), json));
    }
    if (decision.fault === 'drop-connection') return finish(dropConnection(c, response));
    const body = decision.fault === 'truncated-json' ? response.body.slice(0, Math.floor(response.body.length / 2)) : response.body;
    return finish(c.body(body, response.status as 200, { 'Content-Type': CONTENT_TYPES[response.contentType], ...ODATA_HEADERS }));
  });
  return app;
}
