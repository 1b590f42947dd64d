/**
 * Hostile and broken input for every in-memory reader, through `readDocument` (what the CLI calls):
 * each failure must be a SledopytError naming the file and the line or element — never a crash, never a partial result.
 */
import { describe, expect, it } from 'vitest';
import { writeExportNotice } from './notifications/export-notice.js';
import { writeImportNotice } from './notifications/import-notice.js';
import { writeRemainsNotice } from './notifications/remains-notice.js';
import { readDocument } from './read-document.js';
import { operationsReportFromMovements } from './report/from-movements.js';
import { writeOperationsReport } from './report/write.js';
import { catchError, cp1251, utf8 } from './test-support/index.js';
import {
  FIXED_GUID,
  FORM_SIGNER,
  SELLER_INN,
  TAXPAYER,
  exportNoticeFixture,
  importNoticeFixture,
  remainsNoticeFixture,
  ukdFixture,
  updFixture,
} from './test-support/fixtures.js';
import { writeUkd } from './ukd/write.js';
import { updToMovements } from './upd/movements.js';
import { writeUpd } from './upd/write.js';
import { decodeXml } from './xml/encoding.js';

const office = { taxOffice: '7701', guid: FIXED_GUID };
const upd = writeUpd(updFixture(), { guid: FIXED_GUID });
const report = writeOperationsReport(
  operationsReportFromMovements(updToMovements(upd.document, SELLER_INN), { year: 2026, quarter: 1, taxpayer: TAXPAYER, signer: FORM_SIGNER, КодНО: '7701', ПоМесту: '214' }),
  { guid: FIXED_GUID },
);

interface Case {
  kind: string;
  bytes: Uint8Array;
  /** A required attribute to remove: [element, attribute]. */
  required: [string, string];
  /** An amount attribute to break. */
  amount: [string, string];
  rnpt: string;
}

const CASES: Case[] = [
  { kind: 'upd', bytes: upd.bytes, required: ['СвСчФакт', 'ДатаДок'], amount: ['СведТов', 'СтТовБезНДС'], rnpt: '10702070/150126/0000042/004' },
  { kind: 'ukd', bytes: writeUkd(ukdFixture(), { guid: FIXED_GUID }).bytes, required: ['СвКСчФ', 'НомерКСчФ'], amount: ['СтТовБезНДС', 'СтоимУм'], rnpt: '10702070/010126/0000001/001' },
  { kind: 'import-notice', bytes: writeImportNotice(importNoticeFixture(), office).bytes, required: ['Документ', 'НомУвед'], amount: ['СведТовар', 'СтоимБезНДС'], rnpt: '' },
  { kind: 'export-notice-transit', bytes: writeExportNotice(exportNoticeFixture(), office).bytes, required: ['УведВывозТовСтр', 'ЕдинИзмерПер'], amount: ['УведВывозТовСтр', 'СтТоварБезНДС'], rnpt: '10702070/150126/0000042/003' },
  { kind: 'remains-notice', bytes: writeRemainsNotice(remainsNoticeFixture(), office).bytes, required: ['УведОстатТов', 'НомПервичДок'], amount: ['УведОстатТов', 'СтТоварБезНДС'], rnpt: '' },
  { kind: 'operations-report', bytes: report.bytes, required: ['Документ', 'КодНО'], amount: ['ТоварПросл', 'СтТоварБезНДС'], rnpt: '10702070/010126/0000001/001' },
];

const DECL = '<?xml version="1.0" encoding="windows-1251"?>';

/** Edits the document as text and encodes it back to windows-1251. */
function edit(bytes: Uint8Array, change: (text: string) => string): Uint8Array {
  const text = decodeXml(bytes).text;
  const changed = change(text);
  expect(changed).not.toBe(text); // the corruption really happened
  return cp1251(changed);
}

/** Removes or replaces the first occurrence of an attribute on the first element of that name. */
function onAttribute(text: string, element: string, attribute: string, replace: (match: string, value: string) => string): string {
  const pattern = new RegExp(`(<${element}(?=[\\s/>])[^>]*?)\\s${attribute}="([^"]*)"`);
  return text.replace(pattern, (match, head: string, value: string) => head + replace(match, value));
}

function expectLocated(error: ReturnType<typeof catchError>, file: string, code: string) {
  expect(error.code).toBe(code);
  expect(error.details['file']).toBe(file);
  expect(error.details['line'] !== undefined || error.details['path'] !== undefined).toBe(true);
  expect(error.messageRu).toContain(file);
}

describe.each(CASES)('readDocument on a broken $kind', ({ kind, bytes, required, amount, rnpt }) => {
  const file = `${kind}.xml`;

  it('reads the intact document', () => {
    expect(readDocument(bytes, file).kind).toBe(kind);
  });

  it('refuses DOCTYPE with entity definitions (billion laughs) before expanding anything', () => {
    const bomb = `${DECL}\n<!DOCTYPE Файл [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>`;
    const error = catchError(() => readDocument(edit(bytes, (text) => text.replace(/^<\?xml[^>]*\?>/, bomb)), file));
    expectLocated(error, file, 'XML_DOCTYPE_FORBIDDEN');
  });

  it('refuses an external entity', () => {
    const xxe = `${DECL}\n<!DOCTYPE Файл [<!ENTITY secret SYSTEM "file:///etc/passwd">]>`;
    const broken = edit(bytes, (text) => text.replace(/^<\?xml[^>]*\?>/, xxe).replace('ВерсПрог="Sledopyt 0.1.0"', 'ВерсПрог="&secret;"'));
    expectLocated(catchError(() => readDocument(broken, file)), file, 'XML_DOCTYPE_FORBIDDEN');
  });

  it('refuses a truncated file', () => {
    const error = catchError(() => readDocument(bytes.subarray(0, Math.floor(bytes.length * 0.6)), file));
    expectLocated(error, file, 'XML_TRUNCATED');
  });

  it('refuses UTF-8 bytes declared windows-1251, and windows-1251 bytes declared UTF-8', () => {
    const text = decodeXml(bytes).text;
    expectLocated(catchError(() => readDocument(utf8(text), file)), file, 'XML_ENCODING_MISMATCH');
    const declaredUtf8 = edit(bytes, (source) => source.replace('encoding="windows-1251"', 'encoding="UTF-8"'));
    expectLocated(catchError(() => readDocument(declaredUtf8, file)), file, 'XML_ENCODING_MISMATCH');
  });

  it('refuses a wrong root element', () => {
    const broken = edit(bytes, (text) => text.replace('<Файл ', '<Документы ').replace('</Файл>', '</Документы>'));
    const error = catchError(() => readDocument(broken, file));
    expectLocated(error, file, 'XML_WRONG_ROOT');
    expect(error.details['root']).toBe('Документы');
  });

  it('names the missing required attribute, its element path and line', () => {
    const [element, attribute] = required;
    const error = catchError(() => readDocument(edit(bytes, (text) => onAttribute(text, element, attribute, () => '')), file));
    expectLocated(error, file, 'XML_REQUIRED_MISSING');
    expect(error.details['attribute']).toBe(attribute);
    expect(String(error.details['path']).endsWith(element)).toBe(true);
    expect(error.details['line']).toBeGreaterThan(1);
  });

  it('refuses a non-numeric amount', () => {
    const [element, attribute] = amount;
    const error = catchError(() => readDocument(edit(bytes, (text) => onAttribute(text, element, attribute, () => ` ${attribute}="12 500,00"`)), file));
    expectLocated(error, file, 'XML_VALUE_INVALID');
    expect(error.details).toMatchObject({ attribute, value: '12 500,00' });
  });

  it.skipIf(rnpt === '')('refuses an invalid RNPT with the core’s error code', () => {
    const error = catchError(() => readDocument(edit(bytes, (text) => text.replace(rnpt, rnpt.replace(/\/(\d{2})(\d{2})(\d{2})\//, '/$1' + '13' + '$3/'))), file));
    expectLocated(error, file, 'XML_VALUE_INVALID');
    expect(String(error.details['rnptCode'])).toMatch(/^RNPT_DATE/);
  });
});

describe('a 50 MB attribute value', () => {
  it.each([
    ['upd', upd.bytes, 'НаимТов'],
    ['operations-report', report.bytes, 'НомДок'],
  ] as const)('is refused in a %s before it becomes a string', (kind, bytes, attribute) => {
    const text = decodeXml(bytes).text;
    const marker = `${attribute}="`;
    expect(text.indexOf(marker)).toBeGreaterThan(0);
    const at = text.indexOf(marker) + marker.length;
    const head = cp1251(text.slice(0, at));
    const tail = cp1251(text.slice(at));
    const huge = new Uint8Array(head.length + 50 * 1024 * 1024 + tail.length);
    huge.set(head);
    huge.fill(0xc0, head.length, head.length + 50 * 1024 * 1024); // «А» in windows-1251
    huge.set(tail, huge.length - tail.length);
    const error = catchError(() => readDocument(huge, `${kind}-huge.xml`));
    expect(error.code).toBe('XML_LIMIT_EXCEEDED');
    expect(error.details).toMatchObject({ file: `${kind}-huge.xml`, attribute });
    expect(error.details['line']).toBeGreaterThan(0);
  });
});
