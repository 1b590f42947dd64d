import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goodFiles, writeFilesUnder, writeInbox } from '@sledopyt/reconciler/testing';
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../test-support/files.js';
import { run } from '../test-support/run.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'sledopyt-cli-import-'));

describe('sledopyt import', () => {
  it('imports an inbox into a SQLite file, lists what it could not import (exit 2), and a second run changes nothing (exit 0)', async () => {
    const root = tempDir();
    const inbox = join(root, 'inbox');
    await writeInbox(inbox);
    const db = `sqlite:${join(root, 'db', 'sledopyt.db')}`;

    const first = await run('--log-level', 'silent', 'import', '--json', '--db', db, inbox);
    expect(first.code).toBe(2);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ store: db, files: 11, imported: 7, duplicates: 0, documents: 5, movements: 6, declarations: 2, declarationLines: 4 });
    expect(summary.skipped).toEqual([expect.objectContaining({ reason: expect.stringContaining('.part') })]);
    expect(summary.failed.map((f: { code: string }) => f.code).sort()).toEqual(['XML_DOCTYPE_FORBIDDEN', 'XML_TRUNCATED', 'XML_VALUE_INVALID']);

    // Only the good files now: all of them are in the store already.
    const good = join(root, 'good');
    writeFilesUnder(good, await goodFiles());
    const second = await run('--log-level', 'silent', 'import', '--json', '--db', db, good);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ files: 7, imported: 0, duplicates: 7, failed: [], documents: 0 });

    const human = await run('--log-level', 'silent', 'import', '--db', db, inbox);
    expect(human.code).toBe(2);
    expect(human.stdout).toContain('Файлов: 11 — загружено 0, уже были в базе 7, пропущено 1, с ошибками 3.');
    expect(human.stdout).toContain('[XML_DOCTYPE_FORBIDDEN]');
    expect(human.stdout).toContain('из этих файлов в базе ничего нет');
  });

  it('logs each file as a JSON line on stderr, keeping stdout for the result', async () => {
    const root = tempDir();
    const files = writeFilesUnder(join(root, 'inbox'), await goodFiles());
    const { code, stdout, stderr } = await run('import', '--json', '--db', `sqlite:${join(root, 'sledopyt.db')}`, ...Object.values(files));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).imported).toBe(7);
    const messages = stderr.trim().split('\n').map((line) => JSON.parse(line) as { msg: string; file?: string });
    expect(messages.filter((m) => m.msg.startsWith('Загружен ')).length).toBe(7);
  });

  it('exits 2 for a path that does not exist and for an ИНН with wrong check digits', async () => {
    const db = `sqlite:${join(tempDir(), 'sledopyt.db')}`;
    const missing = await run('import', '--db', db, '/srv/sftp/нет-такой-папки');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('IMPORT_PATH_NOT_FOUND');
    const files = tempFiles({ 'a.xml': '<Файл/>' });
    const badInn = await run('import', '--json', '--db', db, '--inn', '7701234561', files['a.xml'] ?? '');
    expect(badInn.code).toBe(2);
    expect(JSON.parse(badInn.stderr).error.code).toBe('IMPORT_OPTIONS_INVALID');
  });

  it('exits 3 when the store cannot be reached, and never prints its password', async () => {
    const files = tempFiles({ 'a.xml': '<Файл/>' });
    const { code, stdout, stderr } = await run('import', '--db', 'postgres://auditor:S3cret-pass@127.0.0.1:1/sledopyt', files['a.xml'] ?? '');
    expect(code).toBe(3);
    expect(stderr).toContain('STORE_UNAVAILABLE');
    expect(stderr).toContain('auditor:***@127.0.0.1:1');
    expect(stdout + stderr).not.toContain('S3cret-pass');
  });
});
