import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOneCEmulator } from '../server.js';
import type { OneCEmulator } from '../server.js';
import { get, odataUrl } from '../test-support/client.js';
import { FaultInjector } from './faults.js';

const SALES = 'Document_РеализацияТоваровУслуг';

describe('fault injection over HTTP', () => {
  let emulator: OneCEmulator;
  const salesUrl = (): string => odataUrl(emulator.url, SALES, { $format: 'json', $top: 20 });
  beforeAll(async () => {
    emulator = await startOneCEmulator({ documents: 60 });
  });
  afterEach(() => emulator.faults.clear());
  afterAll(() => emulator.close());

  it('delays an answer by the given latency', async () => {
    emulator.faults.add({ kind: 'latency', entitySet: SALES, latencyMs: 300, times: 1 });
    const started = Date.now();
    const response = await get(salesUrl());
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await (await get(salesUrl())).text();
    // `times: 1`: the second request is not delayed (asserted on the stats, not the clock of a busy machine).
    expect(emulator.stats.requests.slice(-2).map((r) => r.latencyMs)).toEqual([300, 0]);
  });

  it('answers HTTP 500 with odata.error code -1, then recovers', async () => {
    const rule = emulator.faults.add({ kind: 'http-500', entitySet: SALES, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const failed = await get(salesUrl());
      expect(failed.status).toBe(500);
      expect(await failed.json()).toEqual({ 'odata.error': { code: '-1', message: { lang: 'ru', value: expect.stringContaining('внутренняя ошибка') as string } } });
    }
    expect((await get(salesUrl())).status).toBe(200);
    expect(rule.hits).toBe(2);
    expect(emulator.stats.requests.filter((r) => r.fault === 'http-500')).toHaveLength(2);
  });

  it('answers an HTML page with status 200', async () => {
    emulator.faults.add({ kind: 'html-200', times: 1 });
    const response = await get(salesUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    await expect(response.json()).rejects.toThrow();
  });

  it('drops the connection in the middle of the body', async () => {
    emulator.faults.add({ kind: 'drop-connection', entitySet: SALES, times: 1 });
    await expect(get(salesUrl()).then((r) => r.text())).rejects.toThrow();
    expect((await get(salesUrl())).status).toBe(200);
  });

  it('sends a complete response whose JSON is cut short', async () => {
    emulator.faults.add({ kind: 'truncated-json', entitySet: SALES, times: 1 });
    const response = await get(salesUrl());
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body.startsWith('{"odata.metadata"')).toBe(true);
    expect(() => JSON.parse(body) as unknown).toThrow();
  });

  it('never answers until the client gives up', async () => {
    emulator.faults.add({ kind: 'timeout', entitySet: SALES, times: 1 });
    await expect(get(salesUrl(), { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await get(salesUrl())).status).toBe(200);
  });

  it('hits only the named entity set and lets `skip` requests through first', async () => {
    emulator.faults.add({ kind: 'http-500', entitySet: SALES, skip: 2, times: 1 });
    expect((await get(odataUrl(emulator.url, 'Catalog_Контрагенты', { $format: 'json' }))).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await get(salesUrl())).status);
    expect(statuses).toEqual([200, 200, 500, 200]);
  });

  it('fails $metadata when told to', async () => {
    emulator.faults.add({ kind: 'http-500', entitySet: '$metadata', times: 1 });
    expect((await get(`${emulator.url}$metadata`)).status).toBe(500);
    expect((await get(`${emulator.url}$metadata`)).status).toBe(200);
  });
});

describe('fault probabilities', () => {
  it('draw from the seeded generator: the same seed fires on the same requests', () => {
    const pattern = (seed: number): boolean[] => {
      const faults = new FaultInjector(seed);
      faults.add({ kind: 'http-500', probability: 0.3 });
      return Array.from({ length: 200 }, () => faults.decide(SALES).fault !== null);
    };
    const first = pattern(5);
    expect(pattern(5)).toEqual(first);
    expect(pattern(6)).not.toEqual(first);
    const rate = first.filter(Boolean).length / first.length;
    expect(rate).toBeGreaterThan(0.2);
    expect(rate).toBeLessThan(0.4);
  });

  it('reject a rule that is not one of the fault kinds', () => {
    expect(() => new FaultInjector(1).add({ kind: 'slow' as 'latency' })).toThrow();
  });

  it('close promptly even while a request hangs', async () => {
    const emulator = await startOneCEmulator({ documents: 5 });
    emulator.faults.add({ kind: 'timeout' });
    const pending = get(`${emulator.url}$metadata`).then(
      (r) => r.status,
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await emulator.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await pending).toBe('dropped');
  });
});
