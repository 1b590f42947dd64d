import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISCREPANCY_CATALOG } from '@sledopyt/core';
import { detectFormat, readDocument, readNdsLines, validateDocument } from '@sledopyt/formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../test-support/run.js';

const places = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sledopyt-demo-'));
  return ['--out', join(dir, 'out'), '--db-file', join(dir, 'demo.db'), '--inbox', join(dir, 'inbox')];
};

interface Planted {
  code: string;
  ref: string;
  rnpt?: string;
  found: boolean;
}


/** The parts of `sledopyt demo --json` the tests read. */
interface DemoJson {
  period: string;
  inbox: { dir: string; files: number; byKind: Record<string, number> };
  import: { imported: number; declarationLines: number; failed: { file: string; code: string }[] };
  book: { documents: number };
  reports: Record<string, string> & { html: string; json: string };
  catalog: { sku: string; classification: { reasonCode: string } }[];
  planted: Planted[];
}

describe('sledopyt demo', () => {
  let json: { code: number; out: DemoJson };
  beforeAll(async () => {
    const { code, stdout } = await run('demo', '--json', ...places());
    json = { code, out: JSON.parse(stdout) as DemoJson };
  });

  it('writes the quarter as ФНС files into the inbox, each readable and, unless spoiled on purpose, valid', async () => {
    expect(json.code).toBe(0);
    const dir = json.out.inbox.dir as string;
    const names = readdirSync(dir).sort();
    expect(names.length).toBe(json.out.inbox.files);
    expect(json.out.inbox.byKind.upd).toBeGreaterThanOrEqual(250);
    expect(json.out.inbox.byKind).toMatchObject({ ukd: 2, 'import-notice': 3, 'remains-notice': 2, 'movement-notice': 1, 'operations-report': 1, 'nds-8': 1, 'nds-9': 1 });
    const refs = new Set(json.out.planted.map((p) => p.ref));
    const unreadable: string[] = [];
    const invalidHonest: string[] = [];
    let sectionLines = 0;
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(join(dir, name)));
      // windows-1251 with the declaration saying so, and the official file name.
      expect(new TextDecoder('latin1').decode(bytes.subarray(0, 45))).toContain('encoding="windows-1251"');
      expect(`${detectFormat(bytes, name).kind}`).toMatch(/^(upd|ukd|import-notice|export-notice-transit|remains-notice|operations-report|nds-8|nds-9)$/);
      expect(name).toMatch(/^(ON_NSCHFDOPPR|ON_NKORSCHFDOPPRPROS|ON_UVVOZTOV|ON_UVOSTTOV|ON_UVVIOZTOV2|ON_OTCHOPTOV|NO_NDS\.[89])_.+\.xml$/);
      if (name.startsWith('NO_NDS')) {
        for await (const _line of readNdsLines(bytes, { fileName: name, invalidRegistrationNumbers: 'keep' })) sectionLines += 1;
        continue;
      }
      try {
        const parsed = readDocument(bytes, name);
        const number = parsed.summary.number ?? '';
        if (!refs.has(number) && validateDocument(bytes, name).problems.length > 0) invalidHonest.push(name);
      } catch {
        unreadable.push(name);
      }
    }
    expect(sectionLines).toBe(json.out.import.declarationLines);
    expect(invalidHonest).toEqual([]);
    // Every file imports: the impossible RNPT (31 June) is planted in a section 9 line, kept as written.
    expect(unreadable).toEqual([]);
    expect(json.out.import.failed).toEqual([]);
    expect(json.out.import.imported).toBe(names.length);
  });

  it('plants one problem of every catalog code', () => {
    const codes = json.out.planted.map((p) => p.code).sort();
    expect(codes).toEqual(Object.keys(DISCREPANCY_CATALOG).sort());
  });

  it('finds every planted problem through the reconciler, and reports it', () => {
    const planted = json.out.planted;
    expect(planted.filter((p) => !p.found).map((p) => `${p.code} ${p.ref}`)).toEqual([]);
    for (const path of Object.values(json.out.reports)) expect(existsSync(path)).toBe(true);
    expect(readFileSync(json.out.reports.html, 'utf8')).toContain('<svg');
    const reported = JSON.parse(readFileSync(json.out.reports.json, 'utf8')) as { code: string; document: { number: string } | null }[];
    expect(new Set(reported.map((d) => d.code))).toEqual(new Set(planted.map((p) => p.code)));
    for (const p of planted.filter((x) => ['QUANTITY_MISMATCH', 'NOT_IN_DECLARATION', 'NEGATIVE_BALANCE', 'PAPER_INVOICE', 'RNPT_INVALID'].includes(x.code))) {
      expect(reported.some((d) => d.code === p.code && d.document?.number === p.ref), `${p.code} ${p.ref} in discrepancies.json`).toBe(true);
    }
    expect(json.out.period).toBe('2026-Q4');
    expect(json.out.book.documents).toBeGreaterThanOrEqual(8);
    const classified = Object.fromEntries(json.out.catalog.map((c) => [c.sku, c.classification.reasonCode]));
    expect(classified).toMatchObject({ 'MON-27Q': 'LISTED', 'REF-BY-A4': 'EXCLUDED_BY_ORIGIN', 'WM-PARTS': 'EXCLUDED_CODE', 'WM-RU-5': 'MADE_IN_RUSSIA', 'NB-15': 'NOT_LISTED' });
  });

  it('prints where the inbox, the database and the reports are, and a one-screen summary', async () => {
    const { code, stdout, stderr } = await run('demo', ...places());
    expect(code).toBe(0);
    expect(stderr).toMatch(/Демо: \d+ файлов ФНС записано в /);
    expect(stdout).toContain('4 квартал 2026');
    expect(stdout).toMatch(/Файлы ФНС \(\d+\): УПД \d+, УКД 2,/);
    expect(stdout).toMatch(/Заложено в демо-данные проблем: 27 \(кодов каталога: 27\), найдено сверкой: \d+/);
    expect(stdout).toMatch(/Декларация по НДС: не позднее 25\.01\.2027/);
    expect(stdout).toMatch(/Файлы ФНС: .+inbox\nБаза демо-данных: .+demo\.db\nОтчёты для аудиторов:\n {2}.+report\.html/);
    for (const finding of ['NEGATIVE_BALANCE', 'RNPT_UNKNOWN', 'OPERATION_AFTER_TERMINATION', 'RENEWAL_WITHOUT_TERMINATION', 'SIGN_ERROR']) expect(stdout).toContain(finding);
    expect(stdout.split('\n').length).toBeLessThan(80);
  });

  it('refuses a malformed period with exit 2', async () => {
    const { code, stderr } = await run('demo', '--period', '2026-3', ...places());
    expect(code).toBe(2);
    expect(stderr).toContain('QUARTER_FORMAT');
  });
});
