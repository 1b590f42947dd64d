import { describe, expect, it } from 'vitest';
import { ODataTransport, basicAuthorization } from './transport.js';
import type { TransportOptions } from './transport.js';
import { ONEC_PASSWORD, ONEC_USER, emulator, instantClock, recordingLogger } from './test-support/harness.js';
import { rejected as failure } from '@sledopyt/core/testing';

const SALES = 'Document_РеализацияТоваровУслуг';

function transportFor(url: string, overrides: Partial<TransportOptions> = {}): ODataTransport & { clock: ReturnType<typeof instantClock> } {
  const clock = instantClock();
  const transport = new ODataTransport({
    url,
    credentials: { user: ONEC_USER, password: ONEC_PASSWORD },
    timeoutMs: 2_000,
    metadataTimeoutMs: 2_000,
    retries: 3,
    backoff: { baseDelayMs: 200, maxDelayMs: 5_000 },
    requestsPerSecond: 10_000,
    clock,
    random: () => 0.5,
    ...overrides,
  });
  return Object.assign(transport, { clock });
}

describe('ODataTransport against the emulated 1C', () => {
  it('pages with $top/$skip and a stable $orderby, never $inlinecount, with %20 for spaces', async () => {
    const onec = await emulator({ profile: 'bp30', documents: 150 });
    const transport = transportFor(onec.url);
    const pages = [];
    for await (const page of transport.pages(SALES, { select: ['Ref_Key', 'DataVersion'], filter: "Date ge datetime'2025-10-01T00:00:00'", orderBy: ['Ref_Key'], pageSize: 25 })) pages.push(page);
    const refs = pages.flatMap((p) => p.rows.map((r) => String(r['Ref_Key'])));
    const expected = onec.base.documentsIn(SALES).map((d) => d.ref).sort();
    expect(refs).toEqual(expected);
    expect(new Set(refs).size).toBe(refs.length);
    expect(pages.at(-1)?.last).toBe(true);
    const queries = onec.stats.queriesFor(SALES);
    expect(queries.length).toBe(pages.length);
    for (const record of onec.stats.requests) {
      expect(record.rawQuery).not.toContain('inlinecount');
      expect(record.spaceEncoding).not.toBe('plus');
      expect(record.user).toBe(ONEC_USER);
    }
    expect(await transport.count(SALES, "Date ge datetime'2025-10-01T00:00:00'")).toBe(expected.length);
  });

  it('reads objects by key in or-chains of the given size', async () => {
    const onec = await emulator({ profile: 'ut115' });
    const transport = transportFor(onec.url);
    const refs = onec.base.documentsIn(SALES).slice(0, 7).map((d) => d.ref);
    const rows = await transport.byKeys(SALES, [...refs, refs[0] ?? ''], { select: ['Ref_Key', 'Number'], chunk: 3 });
    expect(rows.map((r) => r['Ref_Key']).sort()).toEqual([...refs].sort());
    expect(onec.stats.queriesFor(SALES)).toHaveLength(3);
  });

  it('retries 1C exceptions (500, code -1) with backoff and then succeeds', async () => {
    const onec = await emulator({ profile: 'bp30' });
    const logger = recordingLogger();
    const transport = transportFor(onec.url, { logger });
    const fault = onec.faults.add({ kind: 'http-500', entitySet: SALES, times: 2 });
    const rows = await transport.collection([SALES], { select: ['Ref_Key'], top: 5 });
    expect(rows).toHaveLength(5);
    expect(fault.hits).toBe(2);
    expect(transport.stats.retries).toBe(2);
    expect(transport.clock.slept.filter((ms) => ms >= 1)).toEqual([100, 200]);
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.fields['code'])).toEqual(['ONEC_SERVER_ERROR', 'ONEC_SERVER_ERROR']);
  });

  it('gives up after the retries with a transient error that keeps 1C’s own message', async () => {
    const onec = await emulator({ profile: 'bp30' });
    const transport = transportFor(onec.url, { retries: 2 });
    onec.faults.add({ kind: 'http-500', entitySet: SALES });
    const error = await failure(transport.collection([SALES], { top: 1 }));
    expect(error.code).toBe('ONEC_SERVER_ERROR');
    expect(error.actor).toBe('transient');
    expect(error.details['odataCode']).toBe('-1');
    expect(onec.stats.countFor(SALES)).toBe(3);
  });

  it('treats an HTML page with status 200, a truncated JSON body and a dropped connection as transient and retries them', async () => {
    const onec = await emulator({ profile: 'ut115' });
    const transport = transportFor(onec.url);
    for (const kind of ['html-200', 'truncated-json', 'drop-connection'] as const) {
      const fault = onec.faults.add({ kind, entitySet: SALES, times: 1 });
      expect(await transport.collection([SALES], { select: ['Ref_Key'], top: 3 })).toHaveLength(3);
      expect(fault.hits, kind).toBe(1);
    }
    expect(transport.stats.retries).toBe(3);
    onec.faults.add({ kind: 'html-200', entitySet: SALES });
    const error = await failure(transport.collection([SALES], { top: 1 }));
    expect(error.code).toBe('ONEC_HTML_RESPONSE');
    expect(error.actor).toBe('admin');
  });

  it('times out a request that never answers, and retries it', async () => {
    const onec = await emulator({ profile: 'bp30' });
    const transport = transportFor(onec.url, { timeoutMs: 300 });
    onec.faults.add({ kind: 'timeout', entitySet: SALES, times: 1 });
    expect(await transport.collection([SALES], { select: ['Ref_Key'], top: 2 })).toHaveLength(2);
    onec.faults.add({ kind: 'timeout', entitySet: SALES });
    const error = await failure(transportFor(onec.url, { timeoutMs: 200, retries: 1 }).collection([SALES], { top: 1 }));
    expect(error.code).toBe('ONEC_TIMEOUT');
  });

  it('sends a Cyrillic login as UTF-8 Basic auth; a wrong password is a 401 for the admin, without the password anywhere', async () => {
    const onec = await emulator({ profile: 'bp30', users: [{ name: 'Бухгалтер Иванова', password: 'Зима2026!' }] });
    expect(basicAuthorization('Бухгалтер Иванова', 'Зима2026!')).toBe(`Basic ${Buffer.from('Бухгалтер Иванова:Зима2026!', 'utf8').toString('base64')}`);
    const good = transportFor(onec.url, { credentials: { user: 'Бухгалтер Иванова', password: 'Зима2026!' } });
    expect(await good.metadata()).toContain('StandardODATA');
    const bad = transportFor(onec.url, { credentials: { user: 'Бухгалтер Иванова', password: 'Лето2025?' } });
    const error = await failure(bad.metadata());
    expect(error.code).toBe('ONEC_AUTH_FAILED');
    expect(error.actor).toBe('admin');
    expect(error.messageRu).toContain('«Бухгалтер Иванова»');
    const everything = JSON.stringify({ ...error.toJSON(), stack: error.stack });
    expect(everything).not.toContain('Лето2025?');
    expect(everything).not.toContain(Buffer.from('Бухгалтер Иванова:Лето2025?', 'utf8').toString('base64'));
    // The emulator decoded the good login from UTF-8 and saw the same name on the refused request.
    expect(onec.stats.requests.map((r) => [r.user, r.status])).toEqual([
      ['Бухгалтер Иванова', 200],
      ['Бухгалтер Иванова', 401],
    ]);
  });

  it('explains 403 (no rights on a set) and 404 code 8 (not in the composition)', async () => {
    const onec = await emulator({
      profile: 'bp30',
      omitEntitySets: ['Document_УведомлениеОВвозеПрослеживаемыхТоваров'],
      users: [{ name: ONEC_USER, password: ONEC_PASSWORD, deniedEntitySets: [SALES] }],
    });
    const transport = transportFor(onec.url);
    const denied = await failure(transport.collection([SALES], { top: 1 }));
    expect(denied.code).toBe('ONEC_ACCESS_DENIED');
    const missing = await failure(transport.collection(['Document_УведомлениеОВвозеПрослеживаемыхТоваров'], { top: 1 }));
    expect(missing.code).toBe('ONEC_NOT_IN_COMPOSITION');
    expect(missing.messageRu).toContain('«Состав»');
    // Neither is retried: retrying cannot fix rights or the composition.
    expect(transport.stats.retries).toBe(0);
  });

  it('says where the standard OData interface is missing when the URL is wrong', async () => {
    const onec = await emulator({ profile: 'bp30' });
    const wrong = onec.url.replace('/buh/', '/accounting/');
    const error = await failure(transportFor(wrong).metadata());
    expect(error.code).toBe('ONEC_NOT_PUBLISHED');
    expect(error.messageRu).toContain('/odata/standard.odata/');
  });

  it('stops at once when the run is aborted', async () => {
    const onec = await emulator({ profile: 'bp30' });
    const controller = new AbortController();
    const transport = transportFor(onec.url, { signal: controller.signal, timeoutMs: 5_000 });
    onec.faults.add({ kind: 'latency', entitySet: SALES, latencyMs: 2_000 });
    const pending = transport.collection([SALES], { top: 1 });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).toBe('ONEC_SYNC_ABORTED');
  });
});
