import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { OUR_INN, goodFiles, writeFilesUnder } from '@sledopyt/reconciler/testing';
import { startTestSshd } from '@sledopyt/sftp-drop/testing';
import type { TestSshd } from '@sledopyt/sftp-drop/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';

let sshd: TestSshd;
beforeAll(async () => {
  sshd = await startTestSshd();
}, 30_000);
afterAll(() => sshd.stop());

/** A YAML settings file for a fresh folder tree on the test server. */
function settings(name: string, extra = ''): { base: string; file: string } {
  const base = join(sshd.root, name);
  mkdirSync(join(base, 'inbox'), { recursive: true });
  const file = join(mkdtempSync(join(tmpdir(), 'sledopyt-cli-sftp-')), 'sftp.yaml');
  writeFileSync(
    file,
    [
      'host: 127.0.0.1',
      `port: ${sshd.port}`,
      `user: ${userInfo().username}`,
      `privateKeyFile: ${sshd.clientKeyFile}`,
      `hostKey: "${sshd.hostFingerprint}"`,
      `inbox: ${base}/inbox`,
      `archive: ${base}/archive`,
      `quarantine: ${base}/quarantine`,
      `outbox: ${base}/outbox`,
      'recursive: true',
      'stability: { looks: 2, intervalMs: 20 }',
      `taxpayerInn: "${OUR_INN}"`,
      extra,
    ].join('\n'),
  );
  return { base, file };
}

describe('sledopyt sftp', { timeout: 90_000 }, () => {
  it('poll --once imports the inbox into the store and archives it; a second poll finds nothing', async () => {
    const { base, file } = settings('cli-poll');
    writeFilesUnder(join(base, 'inbox'), await goodFiles());
    const db = `sqlite:${join(mkdtempSync(join(tmpdir(), 'sledopyt-cli-sftp-db-')), 'sledopyt.db')}`;
    const first = await run('--log-level', 'silent', 'sftp', 'poll', '--config', file, '--once', '--db', db, '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ taken: 7, imported: 7, duplicates: 0, quarantined: 0, retryLater: 0 });
    expect(readdirSync(join(base, 'inbox'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())).toEqual([]);

    const second = await run('--log-level', 'silent', 'sftp', 'poll', '--config', file, '--once', '--db', db);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Взято файлов: 0');
  });

  it('poll refuses a server with another host key (exit 2, Russian message)', async () => {
    const { file } = settings('cli-wrong-key');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/hostKey: .*/, `hostKey: "SHA256:${'B'.repeat(43)}"`));
    const result = await run('--log-level', 'silent', 'sftp', 'poll', '--config', file, '--once', '--db', `sqlite:${join(mkdtempSync(join(tmpdir(), 'sledopyt-cli-sftp-db-')), 'x.db')}`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SFTP_HOST_KEY_MISMATCH');
    expect(result.stderr).toContain('не совпадает');
  });

  it('push uploads files to the outbox', async () => {
    const { base, file } = settings('cli-push');
    const local = join(mkdtempSync(join(tmpdir(), 'sledopyt-cli-sftp-out-')), 'reconciliation-2026-Q1.html');
    writeFileSync(local, '<html><body>Сверка за I квартал 2026 г.</body></html>');
    const result = await run('--log-level', 'silent', 'sftp', 'push', local, '--config', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('reconciliation-2026-Q1.html');
    expect(readdirSync(join(base, 'outbox'))).toEqual(['reconciliation-2026-Q1.html']);
  });

  it('reports a settings file with a literal password as a configuration error', async () => {
    const { file } = settings('cli-bad', 'password: qwerty');
    const result = await run('sftp', 'poll', '--config', file, '--once');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SFTP_CONFIG_INVALID');
  });
});
