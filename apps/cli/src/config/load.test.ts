import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../test-support/files.js';
import { loadConfig, validateConfig } from './load.js';

const problemsOf = (raw: unknown): string[] => {
  try {
    validateConfig(raw, 'sledopyt.config.yaml', {});
  } catch (error) {
    return (error as { details: { problems: string[] } }).details.problems;
  }
  return [];
};

describe('the configuration', () => {
  it('fills defaults: SQLite store, Moscow time, core rule settings', () => {
    const config = validateConfig({}, 'x', {});
    expect(config).toMatchObject({ db: 'sqlite:./data/sledopyt.db', timezone: 'Europe/Moscow', log: { format: 'auto', level: 'info' }, core: { eaeuRnptBeforeImport: { severity: 'warning', effectiveFrom: '2026-10-01' } }, jobs: {} });
  });

  it('reads YAML, JSON and TypeScript files', async () => {
    const files = tempFiles({
      'a.yaml': 'timezone: Asia/Yekaterinburg\njobs:\n  reconcile:\n    cron: "0 3 * * *"\n    failOn: warning\n',
      'b.json': JSON.stringify({ core: { eaeuRnptBeforeImport: { severity: 'error' } } }),
      'c.ts': "const config: Record<string, unknown> = { jobs: { reconcile: { cron: '30 2 * * 1-5', period: '2026-Q3' } } };\nexport default config;\n",
    });
    expect((await loadConfig(files['a.yaml']!)).jobs.reconcile).toMatchObject({ cron: '0 3 * * *', failOn: 'warning', period: 'previous', outDir: './out' });
    expect((await loadConfig(files['b.json']!)).core.eaeuRnptBeforeImport.severity).toBe('error');
    expect((await loadConfig(files['c.ts']!)).jobs.reconcile?.period).toBe('2026-Q3');
  });

  it('names every wrong key and the reason, in Russian', () => {
    const problems = problemsOf({
      timezone: 'Mars/Olympus',
      db: 'mysql://x',
      jobs: { reconcile: { cron: '0 25 * * *', period: 'last', inn: '7707083890' }, sftp: {} },
      colour: 'red',
    });
    const joined = problems.join('\n');
    expect(joined).toMatch(/^timezone: неизвестный часовой пояс/m);
    expect(joined).toMatch(/^db: /m);
    expect(joined).toMatch(/^jobs\.reconcile\.cron: расписание cron: /m);
    expect(joined).toMatch(/^jobs\.reconcile\.period: previous, current или квартал/m);
    expect(joined).toMatch(/^jobs\.reconcile\.inn: ИНН/m);
    expect(joined).toMatch(/(colour|sftp)/);
  });

  it('takes the store URL from SLEDOPYT_DB, keeping passwords out of files', () => {
    expect(validateConfig({ db: 'sqlite:/tmp/a.db' }, 'x', { SLEDOPYT_DB: 'postgres://sledopyt:secret@127.0.0.1:5432/sledopyt' }).db).toBe('postgres://sledopyt:secret@127.0.0.1:5432/sledopyt');
  });

  it('says which file is missing or malformed', async () => {
    await expect(loadConfig('/nonexistent/sledopyt.config.yaml')).rejects.toMatchObject({ code: 'CONFIG_INVALID', messageRu: expect.stringContaining('файл не найден') });
    const files = tempFiles({ 'bad.json': '{ "jobs": ' });
    writeFileSync(files['bad.json']!, '{ "jobs": ');
    await expect(loadConfig(files['bad.json']!)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('the shipped example configuration', () => {
  it('is valid', async () => {
    const example = new URL('../../../../tooling/deploy/sledopyt.config.example.yaml', import.meta.url);
    const config = await loadConfig(example.pathname);
    expect(config.jobs.reconcile).toMatchObject({ cron: '0 3 * * *', period: 'previous' });
  });
});

describe('adapter jobs in the configuration', () => {
  it('accepts the 1C sync and SFTP poll jobs with their own settings files', () => {
    const config = validateConfig({ jobs: { onecSync: { cron: '*/15 * * * *', config: '/etc/sledopyt/onec.json' }, sftpPoll: { cron: '*/5 * * * *', config: '/etc/sledopyt/sftp.yaml' } } }, 'x', {});
    expect(config.jobs.onecSync?.config).toBe('/etc/sledopyt/onec.json');
    expect(problemsOf({ jobs: { sftpPoll: { cron: '*/5 * * * *' } } }).join()).toMatch(/jobs\.sftpPoll\.config/);
  });
});
