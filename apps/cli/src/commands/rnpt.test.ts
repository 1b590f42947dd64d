import { describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';

describe('sledopyt rnpt check', () => {
  it('exits 0 when every number is valid', async () => {
    const { code, stdout } = await run('rnpt', 'check', '10702070/010126/0000001/001', '10129020/270721/0000123/017');
    expect(code).toBe(0);
    expect(stdout).toContain('✔ 10702070/010126/0000001/001');
    expect(stdout).toContain('Верных: 2, неверных: 0');
  });

  it('exits 2 and gives a reason per number when any is invalid', async () => {
    const { code, stdout } = await run(
      'rnpt', 'check', '--json',
      '10702070/010126/0000001/001', // valid
      '10702070/310226/0000002/001', // 31 February
      '10702070/010126/0000003/000', // item 000
      '10702070/010126/0000004', // a customs declaration number, not an RNPT
    );
    expect(code).toBe(2);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ valid: 1, invalid: 3 });
    const codes = out.results.map((r: { error: { code: string } | null }) => r.error?.code ?? null);
    expect(codes[0]).toBeNull();
    expect(new Set(codes.slice(1)).size).toBe(3); // each failure has its own code
    for (const r of out.results.slice(1)) expect(r.error.messageRu.length).toBeGreaterThan(10);
  });
});
