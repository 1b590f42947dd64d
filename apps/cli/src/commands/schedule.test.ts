import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoDeclaration, generateDemoQuarter } from '@sledopyt/generators';
import { seedDemoStore } from '@sledopyt/reconciler';
import { openStore } from '@sledopyt/store';
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../test-support/files.js';
import { run } from '../test-support/run.js';

const bin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sledopyt schedule', () => {
  it('runs the reconcile job on its cron, records it, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sledopyt-service-'));
    const db = `sqlite:${join(dir, 'store.db')}`;
    const quarter = generateDemoQuarter();
    const seeding = await openStore(db);
    await seedDemoStore(seeding, quarter, generateDemoDeclaration(quarter).lines);
    await seeding.close();
    const { 'sledopyt.config.yaml': config } = tempFiles({
      'sledopyt.config.yaml': `db: "${db}"\nlog:\n  format: json\njobs:\n  reconcile:\n    cron: "*/2 * * * * *"\n    period: ${quarter.period}\n    outDir: "${join(dir, 'out')}"\n    formats: [json]\n`,
    });
    const child = spawn(process.execPath, [bin, 'schedule', '--config', config!], { stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stderr.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const store = await openStore(db);
    try {
      const deadline = Date.now() + 20_000;
      let done: { outcome: string }[] = [];
      while (Date.now() < deadline) {
        done = await store.db.selectFrom('runs').select(['outcome']).where('job', '=', 'reconcile').where('outcome', '=', 'succeeded').execute();
        if (done.length > 0) break;
        await sleep(200);
      }
      expect(done.length, logs).toBeGreaterThan(0);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const lines = logs.trim().split('\n').map((line) => JSON.parse(line));
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['расписание запущено', 'задание выполнено', 'получен сигнал остановки: завершаем текущий шаг', 'расписание остановлено']));
      const runs = await store.db.selectFrom('runs').select(['outcome']).where('job', '=', 'reconcile').execute();
      expect(runs.every((r) => r.outcome === 'succeeded' || r.outcome === 'interrupted')).toBe(true);
    } finally {
      child.kill('SIGKILL');
      await store.close();
    }
  }, 40_000);

  it('refuses an invalid config with exit 2, naming the key', async () => {
    const { 'c.yaml': config } = tempFiles({ 'c.yaml': 'jobs:\n  reconcile:\n    cron: "0 25 * * *"\n' });
    const { code, stderr } = await run('schedule', '--config', config!);
    expect(code).toBe(2);
    expect(stderr).toContain('jobs.reconcile.cron');
    expect(stderr).toContain('CONFIG_INVALID');
  });
});

describe('sledopyt schedule with adapter jobs', () => {
  it('reads the adapters’ settings files at start and refuses a missing one with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sledopyt-service-'));
    const { 'c.yaml': config } = tempFiles({
      'c.yaml': `db: "sqlite:${join(dir, 'store.db')}"\njobs:\n  sftpPoll:\n    cron: "*/5 * * * *"\n    config: "${join(dir, 'missing-sftp.yaml')}"\n`,
    });
    const { code, stderr } = await run('schedule', '--config', config!);
    expect(code).toBe(2);
    expect(stderr).toContain('missing-sftp.yaml');
  });
});
