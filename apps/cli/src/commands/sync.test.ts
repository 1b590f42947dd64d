import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOneCEmulator } from '@sledopyt/onec-emulator';
import type { OneCEmulator, OneCEmulatorOptions } from '@sledopyt/onec-emulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';

const USER = 'Администратор';
const PASSWORD = 'Весна-2026!';
const PASSWORD_ENV = 'SLEDOPYT_CLI_TEST_ONEC_PASSWORD';
const INN = '7707083893';

const emulators: OneCEmulator[] = [];
async function emulator(options: OneCEmulatorOptions = {}): Promise<OneCEmulator> {
  const started = await startOneCEmulator({ profile: 'bp30', seed: 5, documents: 80, users: [{ name: USER, password: PASSWORD }], ...options });
  emulators.push(started);
  return started;
}
afterEach(async () => {
  for (const e of emulators.splice(0)) await e.close();
});
beforeAll(() => {
  process.env[PASSWORD_ENV] = PASSWORD;
});
afterAll(() => {
  Reflect.deleteProperty(process.env, PASSWORD_ENV);
});

const tempDb = (): string => `sqlite:${join(mkdtempSync(join(tmpdir(), 'sledopyt-cli-sync-')), 'sledopyt.db')}`;
const connection = (onec: OneCEmulator): string[] => ['--url', onec.url, '--user', USER, '--password-env', PASSWORD_ENV, '--inn', INN];

describe('sledopyt sync 1c', () => {
  it('loads a БП base into the store (one JSON summary with counts per entity set and per movement kind), then reads only changes', async () => {
    const onec = await emulator();
    const db = tempDb();
    const first = await run('--log-level', 'silent', 'sync', '1c', ...connection(onec), '--db', db, '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ profile: 'bp30', dryRun: false, aborted: false, skipped: [], crossCheck: { differing: 0 } });
    expect(summary.entitySets['Document_ПоступлениеТоваровУслуг'].imported).toBeGreaterThan(0);
    expect(summary.movements.byKind.sale).toBeGreaterThan(0);
    expect(summary.movements.written).toBe(Object.values(summary.movements.byKind as Record<string, number>).reduce((a, b) => a + b, 0));

    const sale = onec.base.documentsIn('Document_РеализацияТоваровУслуг').find((d) => d.posted && d.lines.some((l) => l.shares.length > 0));
    onec.base.unpost(sale?.ref ?? '');
    const second = await run('--log-level', 'silent', 'sync', '1c', ...connection(onec), '--db', db);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('отозвано (распроведены или удалены): 1');
    expect(second.stdout).toContain('Записано документов: 0');
    expect(second.stdout).toMatch(/Остатки по РНПТ совпадают с регистром 1С «AccumulationRegister_ПрослеживаемыеТовары»: (\d+) из \1\./);
  });

  it('reads settings from a JSON file, and logs progress per entity set as JSON lines on stderr', async () => {
    const onec = await emulator({ profile: 'ut115' });
    const dir = mkdtempSync(join(tmpdir(), 'sledopyt-cli-sync-config-'));
    const configFile = join(dir, 'onec.json');
    writeFileSync(configFile, JSON.stringify({ url: onec.url, user: USER, passwordEnv: PASSWORD_ENV, taxpayerInn: INN, pageSize: 25, rateLimit: { requestsPerSecond: 1000 } }));
    const result = await run('--log-format', 'json', 'sync', '1c', '--config', configFile, '--db', tempDb(), '--since', '01.10.2025');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('документы с 01.10.2025');
    const lines = result.stderr.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; progress?: { task: string } });
    const finished = lines.filter((l) => l.progress !== undefined && l.msg.includes('готово')).map((l) => l.progress?.task);
    expect(finished).toEqual(expect.arrayContaining(['Catalog_НомераГТД', 'Document_ПриобретениеТоваровУслуг', 'Document_РеализацияТоваровУслуг']));
    expect(result.stderr).not.toContain(PASSWORD);
  });

  it('--check names what the OData composition lacks and how to add it (exit 2); a complete base passes (exit 0)', async () => {
    const incomplete = await emulator({ omitEntitySets: ['Document_РеализацияТоваровУслуг'] });
    const failed = await run('--log-level', 'silent', 'sync', '1c', ...connection(incomplete), '--check');
    expect(failed.code).toBe(2);
    expect(failed.stdout).toContain('✘ Документ «Реализация (акты, накладные, УПД)» (Document_РеализацияТоваровУслуг)');
    expect(failed.stdout).toContain('Настройка стандартного интерфейса OData');
    expect(failed.stdout).toContain('Итог: синхронизация невозможна');

    const complete = await emulator({ profile: 'ut115' });
    const passed = await run('--log-level', 'silent', 'sync', '1c', ...connection(complete), '--check', '--json');
    expect(passed.code).toBe(0);
    expect(JSON.parse(passed.stdout)).toMatchObject({ ok: true, profile: 'ut115', missingRequired: [] });
    // The check reads nothing but $metadata and one row per object.
    expect(complete.stats.requests.every((r) => r.path === '$metadata' || r.query['$top'] === '1')).toBe(true);
  });

  it('exits 2 with a message for the admin on a wrong password, and never prints the password', async () => {
    const onec = await emulator();
    process.env['SLEDOPYT_CLI_TEST_WRONG'] = 'Осень-2025?';
    try {
      const result = await run('sync', '1c', '--url', onec.url, '--user', USER, '--password-env', 'SLEDOPYT_CLI_TEST_WRONG', '--inn', INN, '--db', tempDb(), '--json');
      expect(result.code).toBe(2);
      // Log lines first, then the error object (pretty-printed JSON).
      expect(JSON.parse(result.stderr.slice(result.stderr.lastIndexOf('{\n  "error"'))).error).toMatchObject({ code: 'ONEC_AUTH_FAILED', actor: 'admin' });
      expect(result.stderr + result.stdout).not.toContain('Осень-2025?');
    } finally {
      Reflect.deleteProperty(process.env, 'SLEDOPYT_CLI_TEST_WRONG');
    }
  });

  it('takes no password on the command line, and says where it should come from', async () => {
    const onec = await emulator();
    const flag = await run('sync', '1c', '--url', onec.url, '--user', USER, '--password', PASSWORD);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--password'");
    const none = await run('sync', '1c', '--url', onec.url, '--user', USER, '--inn', INN, '--dry-run');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('ONEC_PASSWORD_MISSING');
    expect(none.stderr).toContain('--password-env');
  });

  it('a dry run reads and maps everything and writes nothing', async () => {
    const onec = await emulator();
    const db = tempDb();
    const dry = await run('--log-level', 'silent', 'sync', '1c', ...connection(onec), '--db', db, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const summary = JSON.parse(dry.stdout);
    expect(summary.dryRun).toBe(true);
    expect(summary.documents.imported).toBeGreaterThan(0);
    const real = await run('--log-level', 'silent', 'sync', '1c', ...connection(onec), '--db', db, '--json');
    expect(JSON.parse(real.stdout).documents.imported).toBe(summary.documents.imported);
  });
});
