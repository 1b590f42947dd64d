import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';

describe('sledopyt classify', () => {
  it('says a Chinese monitor is traceable, in units of 796 «Штука»', async () => {
    const { code, stdout } = await run('classify', '8528 52 100 0', '--date', '2026-11-25', '--origin', 'CN', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ traceable: true, reasonCode: 'LISTED', unit: { code: '796', name: 'Штука' }, tnved: '8528521000' });
    expect(typeof result.reason).toBe('string');
  });

  it('excludes a Belarus-made household refrigerator from 2023-03-06 but not the day before', async () => {
    const after = JSON.parse((await run('classify', '8418102001', '--date', '2023-03-06', '--origin', 'BY', '--json')).stdout);
    const before = JSON.parse((await run('classify', '8418102001', '--date', '2023-03-05', '--origin', 'BY', '--json')).stdout);
    expect(after).toMatchObject({ traceable: false, reasonCode: 'EXCLUDED_BY_ORIGIN', unit: null });
    expect(before).toMatchObject({ traceable: true, reasonCode: 'LISTED' });
  });

  it('without an origin explains what the answer depends on, in Russian', async () => {
    const { code, stdout } = await run('classify', '8418102001', '--date', '2026-11-25');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Прослеживается:\s+ДА, если товар ввезён/);
    expect(stdout).toMatch(/Зависит от страны:\s+\S/);
    expect(stdout).toContain('796 — Штука');
  });

  it('rejects a malformed code with exit 2 and a coded Russian message', async () => {
    const { code, stdout, stderr } = await run('classify', '84I8102001', '--date', '2026-11-25');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Ошибка: .+/);
    expect(stderr).toContain('TNVED_INVALID');
  });

  it('reports a bad date as JSON on stderr when --json is given', async () => {
    const { code, stderr } = await run('classify', '8450111100', '--date', '2026-02-30', '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stderr).error.code).toMatch(/^DATE_/);
  });
});
