import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.js';
import { BUYER_INN, FIXED_GUID, SELLER_INN, updFixture } from './test-support/fixtures.js';
import { catchError, cp1251, sharedFile } from './test-support/index.js';
import { writeUpd, type UpdWriteInput } from './upd/write.js';
import { decodeXml } from './xml/encoding.js';
import { validateDocument } from './validate-document.js';

function withLines(change: (lines: NonNullable<UpdWriteInput['СведТов']>) => NonNullable<UpdWriteInput['СведТов']>): Uint8Array {
  const input = updFixture();
  return writeUpd({ ...input, СведТов: change(input.СведТов ?? []) }, { guid: FIXED_GUID }).bytes;
}

describe('readDocument', () => {
  it('detects and reads the official 5.02 sample, with a summary', () => {
    const parsed = readDocument(sharedFile('samples/generate_utd970_05_02_01_title0_resp.xml'), 'utd970.xml');
    expect(parsed.kind).toBe('upd');
    expect(parsed.summary).toEqual({
      kind: 'upd',
      titleRu: 'УПД / счёт-фактура (информация продавца)',
      version: '5.02',
      fileId: 'ON_NSCHFDOPPR_2BM-9677800047-967701000-202207281004154081709_2BM-9681265956-968101000-202207281000014689156_20240713_5f34036f-27c9-438b-8ccc-0c5059326d04_1_1_0_0_1_00',
      number: '123',
      date: '2023-02-01',
      parties: [
        { role: 'продавец', name: 'СвЮЛУч-НаимОрг', inn: '9103624367' },
        { role: 'покупатель', name: 'СвЮЛУч-НаимОрг', inn: '1234567894' },
      ],
      lines: 2,
      traceableItems: 1,
      rnpts: ['10001000/010123/1234567/001'],
      traceableCostWithoutVat: 10_000n,
    });
  });

  it('summarises a written УПД', () => {
    const parsed = readDocument(writeUpd(updFixture(), { guid: FIXED_GUID }).bytes, 'upd.xml');
    expect(parsed.summary).toMatchObject({ number: 'ТИ-000123', date: '2026-03-02', lines: 3, traceableItems: 3, traceableCostWithoutVat: 58_000_200n });
    expect(parsed.summary.parties.map((party) => party.inn)).toEqual([SELLER_INN, BUYER_INN]);
  });

  it('points VAT declaration sections to the streaming reader', () => {
    const section = cp1251('<?xml version="1.0" encoding="windows-1251"?>\n<Файл ИдФайл="NO_NDS.9_7701_7701_7701234560770101001_20260420_5f34036f-27c9-438b-8ccc-0c5059326d04" ВерсФорм="5.12"><Документ Индекс="0000090" НомКорр="0"/></Файл>');
    const error = catchError(() => readDocument(section, 'nds9.xml'));
    expect(error.code).toBe('XML_FORMAT_UNKNOWN');
    expect(error.details).toMatchObject({ kind: 'nds-9' });
  });
});

describe('validateDocument', () => {
  it('finds nothing wrong in a correct УПД', () => {
    expect(validateDocument(writeUpd(updFixture(), { guid: FIXED_GUID }).bytes, 'upd.xml').problems).toEqual([]);
  });

  it('lists every problem: unit against the goods list, missing traceability, bad RNPT', () => {
    const bytes = withLines((lines) => [
      { ...lines[0], СведПрослеж: [{ ...lines[0]?.СведПрослеж?.[0], ЕдИзмПрослеж: '778', НаимЕдИзмПрослеж: 'упак' }] } as (typeof lines)[number],
      { ...lines[1], СведПрослеж: [] } as (typeof lines)[number],
      lines[2] as (typeof lines)[number],
    ]);
    // A written document is always valid; break an RNPT afterwards as a sender might.
    const text = decodeXml(bytes).text.replace('10702070/010126/0000001/001', '10702070/010126/0000001/01');
    const { parsed, problems } = validateDocument(cp1251(text), 'upd.xml');
    expect(parsed?.kind).toBe('upd');
    expect(problems.map((problem) => [problem.severity, problem.code, problem.path])).toEqual([
      ['warning', 'RNPT_NORMALISED', 'Файл/Документ/ТаблСчФакт/СведТов[1]/ДопСведТов/СведПрослеж/@НомТовПрослеж'],
      ['error', 'TRACEABILITY_UNIT_MISMATCH', 'Файл/Документ/ТаблСчФакт/СведТов[1]/ДопСведТов/СведПрослеж'],
      ['error', 'TRACEABILITY_MISSING', 'Файл/Документ/ТаблСчФакт/СведТов[2]'],
    ]);
    expect(problems[1]?.messageRu).toContain('796');
  });

  it('flags an RNPT dated after the document, and reports a broken file as one structural problem', () => {
    const late = decodeXml(writeUpd(updFixture(), { guid: FIXED_GUID }).bytes).text.replace('10702070/010126/0000001/001', '10702070/010426/0000001/001');
    expect(validateDocument(cp1251(late), 'late.xml').problems.map((problem) => problem.code)).toEqual(['RNPT_DATE_FUTURE']);
    const { parsed, problems } = validateDocument(cp1251(late.slice(0, 900)), 'cut.xml');
    expect(parsed).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'XML_TRUNCATED' });
  });
});
