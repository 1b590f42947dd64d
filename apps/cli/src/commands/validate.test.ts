import { describe, expect, it } from 'vitest';
import { corruptTailSection9, writeSection9 } from '@sledopyt/reconciler/testing';
import { run } from '../test-support/run.js';
import { SAMPLE_UPD_501, SAMPLE_UPD_502, tempFiles } from '../test-support/files.js';

describe('sledopyt validate', () => {
  it('lists traceability problems of the official samples with codes and element paths (exit 1 on errors)', async () => {
    const { code, stdout } = await run('validate', '--json', SAMPLE_UPD_501, SAMPLE_UPD_502);
    expect(code).toBe(1);
    const [v501, v502] = JSON.parse(stdout).files;
    // The 5.01 sample's RNPT is dated 2023, after the document date 01.08.2019.
    expect(v501.problems.map((p: { code: string }) => p.code)).toContain('RNPT_DATE_FUTURE');
    expect(v501.problems.find((p: { code: string }) => p.code === 'RNPT_DATE_FUTURE').path).toMatch(/СведПрослеж.*НомТовПрослеж/);
    // The 5.02 sample carries traceability on a code (1111 11 111 1) that is not on the list: a warning only.
    expect(v502.problems.map((p: { code: string; severity: string }) => [p.code, p.severity])).toEqual([['TRACEABILITY_NOT_REQUIRED', 'warning']]);
  });

  it('exits 0 when only warnings are found, and says so in Russian', async () => {
    const { code, stdout } = await run('validate', SAMPLE_UPD_502);
    expect(code).toBe(0);
    expect(stdout).toContain('[внимание] TRACEABILITY_NOT_REQUIRED');
  });

  it('exits 2 for a file that is not a readable document', async () => {
    const files = tempFiles({ 'wrong.xml': new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><Счёт/>') });
    const { code, stdout } = await run('validate', files['wrong.xml']!);
    expect(code).toBe(2);
    expect(stdout).toMatch(/XML_(WRONG_ROOT|FORMAT_UNKNOWN)/);
  });
});

describe('sledopyt validate on VAT declaration sections', () => {
  it('reads a good section 9 to the end (exit 0) and names the line of a corrupt one (exit 2)', async () => {
    const files = tempFiles({ 'good.xml': await writeSection9(), 'corrupt.xml': await corruptTailSection9(120) });
    const good = await run('validate', files['good.xml']!);
    expect(good.code).toBe(0);
    const bad = await run('validate', '--json', files['corrupt.xml']!);
    expect(bad.code).toBe(2);
    const [result] = JSON.parse(bad.stdout).files;
    expect(result.readable).toBe(false);
    expect(result.problems[0].code).toMatch(/^XML_/);
    expect(result.problems[0].line).toBeGreaterThan(100);
  });

  it('reads a good section larger than the head that tells its format (64 KiB) to the end', async () => {
    const bytes = await writeSection9({ extraLines: 600 });
    expect(bytes.length).toBeGreaterThan(200 * 1024);
    const { 'big.xml': file } = tempFiles({ 'big.xml': bytes });
    const { code, stdout } = await run('validate', '--json', file!);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files[0]).toMatchObject({ readable: true, problems: [] });
  });
});
