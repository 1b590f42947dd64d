import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The built command as users run it: a real process, real exit codes, stdout and stderr apart.
const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
const bin = fileURLToPath(new URL(`../${packageJson.bin['sledopyt'] ?? ''}`, import.meta.url));
const sledopyt = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('the sledopyt binary', () => {
  it('is declared as the package bin and prints help', () => {
    const result = sledopyt('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Использование: sledopyt/);
  });

  it('exits 2 with reasons on stdout for an invalid RNPT, keeping stderr empty', () => {
    const result = sledopyt('rnpt', 'check', '10702070/010126/0000001/000');
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('RNPT_ITEM_ZERO');
    expect(result.stderr).toBe('');
  });

  it('prints machine-readable JSON only on stdout', () => {
    const result = sledopyt('classify', '9401710001', '--date', '2026-11-25', '--origin', 'DE', '--json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ traceable: true, unit: { code: '796' } });
  });
});
