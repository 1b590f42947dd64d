import { describe, expect, it } from 'vitest';
import { run } from './test-support/run.js';

describe('sledopyt --help', () => {
  it('lists every subcommand with a one-line Russian description', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Использование:');
    for (const name of ['classify', 'rnpt', 'deadlines', 'demo']) expect(stdout).toMatch(new RegExp(`^\\s+${name}\\b.*\\S`, 'm'));
  });

  it('exits 2 on an unknown subcommand and says what to do', async () => {
    const { code, stderr } = await run('clasify');
    expect(code).toBe(2);
    expect(stderr).toContain('sledopyt --help');
  });

  it('with no arguments prints help and exits 2', async () => {
    const { code, stdout } = await run();
    expect(code).toBe(2);
    expect(stdout).toContain('Команды:');
  });
});
