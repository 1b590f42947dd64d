import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DISCREPANCY_CATALOG } from '@sledopyt/core';
import { readDocument, readNdsLines, validateDocument, type NdsLine } from '@sledopyt/formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoFiles, type DemoFiles } from './demo-files.js';

const XSD_UPD_503 = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fns-formats/ON_NSCHFDOPPR_1_997_01_05_03_05.xsd');

/** `xmllint --noout --schema` over many files in one run (as packages/formats checks its УПД writer). */
function xmllint(files: { name: string; bytes: Uint8Array }[], xsd: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sledopyt-demo-files-'));
  const paths = files.map((file) => {
    const path = join(dir, file.name);
    writeFileSync(path, file.bytes);
    return path;
  });
  try {
    execFileSync('xmllint', ['--noout', '--schema', xsd, ...paths], { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, output: '' };
  } catch (error) {
    const failure = error as { stderr?: Buffer; message: string };
    return { ok: false, output: (failure.stderr?.toString() ?? failure.message).split('\n').filter((line) => !line.endsWith(' validates')).join('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sectionLines(bytes: Uint8Array, fileName: string): Promise<NdsLine[]> {
  const lines: NdsLine[] = [];
  for await (const line of readNdsLines(bytes, { fileName, invalidRegistrationNumbers: 'keep' })) lines.push(line);
  return lines;
}

describe('generateDemoFiles', () => {
  let demo: DemoFiles;
  beforeAll(async () => {
    demo = await generateDemoFiles();
  });
  const ofKind = (kind: string) => demo.files.filter((f) => f.kind === kind);
  const plantOf = (code: string) => demo.planted.find((p) => p.code === code);

  it('writes a few hundred УПД both ways and every other kind of file, windows-1251, under official names', () => {
    const readable = (bytes: Uint8Array, name: string) => {
      try {
        return readDocument(bytes, name);
      } catch {
        return undefined;
      }
    };
    const upds = ofKind('upd').flatMap((f) => readable(f.bytes, f.name) ?? []);
    const company = demo.company.inn;
    expect(upds.filter((p) => p.kind === 'upd' && p.document.СвПрод.ИдСв.kind === 'СвЮЛУч' && p.document.СвПрод.ИдСв.ИННЮЛ === company).length).toBeGreaterThanOrEqual(200);
    expect(upds.filter((p) => p.kind === 'upd' && p.document.СвПокуп.ИдСв.kind === 'СвЮЛУч' && p.document.СвПокуп.ИдСв.ИННЮЛ === company).length).toBeGreaterThanOrEqual(50);
    expect(ofKind('upd').length).toBe(upds.length);
    for (const kind of ['ukd', 'import-notice', 'remains-notice', 'movement-notice', 'operations-report', 'nds-8', 'nds-9']) expect(ofKind(kind).length, kind).toBeGreaterThan(0);
    for (const file of demo.files) {
      expect(new TextDecoder('latin1').decode(file.bytes.subarray(0, 45))).toContain('encoding="windows-1251"');
      expect(file.name).toMatch(/^(ON_NSCHFDOPPR|ON_NKORSCHFDOPPRPROS|ON_UVVOZTOV|ON_UVOSTTOV|ON_UVVIOZTOV2|ON_OTCHOPTOV|NO_NDS\.[89])_[^/]+\.xml$/);
    }
    expect(new Set(demo.files.map((f) => f.name)).size).toBe(demo.files.length);
  });

  it('writes УПД that the official 5.03 XSD accepts, with СведПрослеж, as СЧФДОП', () => {
    const upds = ofKind('upd');
    const check = xmllint(upds, XSD_UPD_503);
    expect(check.output).toBe('');
    expect(check.ok).toBe(true);
    const first = readDocument(upds[0]?.bytes ?? new Uint8Array(), upds[0]?.name);
    expect(first.kind === 'upd' && first.document.Функция).toBe('СЧФДОП');
    expect(first.kind === 'upd' && first.document.СведТов.every((line) => line.СведПрослеж.length > 0)).toBe(true);
  });

  it('keeps every file that carries no planted problem valid for the formats package', () => {
    const refs = new Set(demo.planted.flatMap((p) => [p.ref, p.rnpt ?? '']));
    const problems = demo.files
      .filter((f) => !f.kind.startsWith('nds') && !refs.has(f.documentNumber))
      .flatMap((f) => validateDocument(f.bytes, f.name).problems.map((p) => `${f.kind} ${f.documentNumber}: ${p.code}`));
    expect(problems).toEqual([]);
  });

  it('plants one problem of each of the catalog codes, each naming a document, a notification or an RNPT of the files', () => {
    expect(demo.planted.map((p) => p.code).sort()).toEqual(Object.keys(DISCREPANCY_CATALOG).sort());
    const numbers = new Set(demo.files.map((f) => f.documentNumber));
    const book = new Set(demo.book.map((op) => op.number));
    const declared = new Set<string>(['ТС-9001', 'ТС-9002']);
    for (const p of demo.planted) {
      const named = numbers.has(p.ref) || book.has(p.ref) || declared.has(p.ref) || (p.rnpt !== undefined && p.rnpt === p.ref);
      expect(named, `${p.code} → ${p.ref}`).toBe(true);
    }
  });

  it('spoils the declaration: section 9 carries the planted lines, section 8 the purchases as they are', async () => {
    const [s8, s9] = [ofKind('nds-8')[0], ofKind('nds-9')[0]];
    const purchases = await sectionLines(s8?.bytes ?? new Uint8Array(), s8?.name ?? '');
    const sales = await sectionLines(s9?.bytes ?? new Uint8Array(), s9?.name ?? '');
    expect(purchases.length).toBe(ofKind('upd').filter((f) => !f.documentNumber.startsWith('ТС-')).length);
    const line = (code: string) => sales.filter((l) => l.НомСчФПрод === plantOf(code)?.ref);
    const customs = line('RNPT_IS_CUSTOMS_DECL')[0]?.СвРегНом[0];
    expect(customs?.kind).toBe('customs_declaration');
    expect(customs?.КолТовПросл).toBeGreaterThan(0n);
    const incomplete = line('TRACE_FIELDS_INCOMPLETE')[0]?.СвРегНом[0];
    expect([incomplete?.kind, incomplete?.СтоимТовПросл]).toEqual(['rnpt', undefined]);
    expect(line('UNIT_MISMATCH')[0]?.СвРегНом[0]?.ОКЕИ).toBe('166');
    const invalid = line('RNPT_INVALID')[0]?.СвРегНом[0];
    expect([invalid?.kind, invalid?.РегНомПросл]).toEqual(['invalid', expect.stringMatching(/^\d{8}\/3106\d{2}\/\d{7}\/\d{3}$/)]);
    expect(line('DUPLICATE_LINE')).toHaveLength(2);
    expect(line('NOT_IN_DECLARATION')).toHaveLength(0);
    const storno = line('SIGN_ERROR')[0];
    expect(storno?.book === 'sales' && (storno.СтоимПродСФ ?? 0n) < 0n && (storno.СвРегНом[0]?.КолТовПросл ?? 0n) > 0n).toBe(true);
    expect((line('PERIOD_MISMATCH')[0]?.ДатаСчФПрод ?? '') > '2026-12-31').toBe(true);
  });

  it('files the report on operations late, without one retail sale, with a row dated outside the quarter', () => {
    const report = readDocument(ofKind('operations-report')[0]?.bytes ?? new Uint8Array());
    if (report.kind !== 'operations-report') throw new TypeError(`expected the report, got ${report.kind}`);
    expect(report.document.ИдФайл).toContain('_20270128_');
    const rows = report.document.ОтчетОперПрТовСтр;
    expect(rows.some((r) => r.ТоварПросл.some((g) => g.РегНомерТов === plantOf('NOT_IN_REPORT')?.rnpt))).toBe(false);
    expect(demo.book.some((op) => op.reportCode === '04' && op.goods.rnpt === plantOf('NOT_IN_REPORT')?.rnpt)).toBe(true);
    expect(rows.filter((r) => r.ДатаОпер < '2026-10-01').map((r) => r.РеквПервичДок.НомДок)).toEqual([plantOf('REPORT_FIELD_INVALID')?.ref]);
  });

  it('is the same for the same seed and differs for another', async () => {
    const digest = (files: DemoFiles) => createHash('sha256').update(files.files.map((f) => `${f.name}:${createHash('sha256').update(f.bytes).digest('hex')}`).join('\n')).digest('hex');
    expect(digest(await generateDemoFiles())).toBe(digest(demo));
    expect(digest(await generateDemoFiles({ seed: 7 }))).not.toBe(digest(demo));
  });
});
