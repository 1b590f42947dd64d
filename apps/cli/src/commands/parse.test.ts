import { describe, expect, it } from 'vitest';
import { writeSection9 } from '@sledopyt/reconciler/testing';
import { run } from '../test-support/run.js';
import { SAMPLE_UPD_501, SAMPLE_UPD_502, readBytes, tempFiles } from '../test-support/files.js';

describe('sledopyt parse', () => {
  it('summarises the official УПД samples: format, number, parties, RNPT, cost', async () => {
    const { code, stdout } = await run('parse', SAMPLE_UPD_502, '--json');
    expect(code).toBe(0);
    const [file] = JSON.parse(stdout).files;
    expect(file).toMatchObject({ ok: true, summary: { kind: 'upd', version: '5.02', number: '123', date: '2023-02-01', rnpts: ['10001000/010123/1234567/001'] } });
    expect(file.summary.traceableCostWithoutVat).toBe('10000'); // 100 roubles, in kopecks
    expect(file.summary.parties.map((p: { inn: string }) => p.inn)).toEqual(['9103624367', '1234567894']);
  });

  it('prints a readable Russian summary', async () => {
    const { code, stdout } = await run('parse', SAMPLE_UPD_501);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Документ:\s+УПД.*5\.01/);
    expect(stdout).toMatch(/Продавец:\s+.*ИНН 114500647890/);
  });

  it('exits 2 naming the reason for a truncated file and a DOCTYPE, and still reports the good file', async () => {
    const sample = readBytes(SAMPLE_UPD_502);
    const files = tempFiles({
      'truncated.xml': sample.slice(0, Math.floor(sample.length * 0.6)),
      'entities.xml': '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><Файл>&lol;</Файл>',
    });
    const { code, stdout } = await run('parse', '--json', SAMPLE_UPD_502, files['truncated.xml']!, files['entities.xml']!);
    expect(code).toBe(2);
    const out = JSON.parse(stdout).files;
    expect(out.map((f: { ok: boolean }) => f.ok)).toEqual([true, false, false]);
    expect(out[1].error.code).toBe('XML_TRUNCATED');
    expect(out[2].error.code).toBe('XML_DOCTYPE_FORBIDDEN');
  });

  it('exits 2 with FILE_NOT_FOUND for a missing file', async () => {
    const { code, stdout } = await run('parse', '/nonexistent/ON_NSCHFDOPPR.xml');
    expect(code).toBe(2);
    expect(stdout).toContain('FILE_NOT_FOUND');
  });
});

describe('sledopyt parse on a VAT declaration section', () => {
  it('streams a section 9 file and summarises its lines, entries, RNPTs and cost', async () => {
    const { 'NO_NDS.9.xml': file } = tempFiles({ 'NO_NDS.9.xml': await writeSection9() });
    const { code, stdout } = await run('parse', file!, '--json');
    expect(code).toBe(0);
    const [parsed] = JSON.parse(stdout).files;
    expect(parsed).toMatchObject({ ok: true, summary: { kind: 'nds-9', distinctRnptsAtLeast: false } });
    expect(parsed.summary.lines).toBeGreaterThan(0);
    expect(parsed.summary.traceableItems).toBeGreaterThan(0);
    expect(parsed.summary.rnpts.length).toBe(parsed.summary.distinctRnpts);
  });

  it('streams a section larger than the head that tells its format (64 KiB) to the end', async () => {
    const bytes = await writeSection9({ extraLines: 600 });
    expect(bytes.length).toBeGreaterThan(200 * 1024);
    const { 'NO_NDS.9.xml': file } = tempFiles({ 'NO_NDS.9.xml': bytes });
    const { code, stdout } = await run('parse', file!, '--json');
    expect(code).toBe(0);
    const [parsed] = JSON.parse(stdout).files;
    expect(parsed).toMatchObject({ ok: true, summary: { kind: 'nds-9' } });
    expect(parsed.summary.lines).toBeGreaterThan(600);
  });
});
