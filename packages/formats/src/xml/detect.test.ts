import { describe, expect, it } from 'vitest';
import { catchError, cp1251, sharedFile, utf8 } from '../test-support/index.js';
import { detectFormat } from './detect.js';

const DECL = '<?xml version="1.0" encoding="windows-1251"?>\n';

describe('detectFormat', () => {
  it('recognises the official УПД samples (5.01 and 5.02)', () => {
    expect(detectFormat(sharedFile('samples/generate_utd970_05_02_01_title0_resp.xml'))).toMatchObject({
      kind: 'upd',
      version: '5.02',
      knd: '1115131',
      encoding: 'windows-1251',
    });
    const v501 = detectFormat(sharedFile('samples/generate_utd820_05_01_02_hyphen_title0_resp.xml'));
    expect(v501).toMatchObject({ kind: 'upd', version: '5.01' });
    expect(v501.fileId.startsWith('ON_NSCHFDOPPRPROS_')).toBe(true);
  });

  it('tells traceability forms and VAT sections apart by КНД, section index and prefix', () => {
    const form = (knd: string) => detectFormat(cp1251(`${DECL}<Файл ИдФайл="X" ВерсФорм="5.02"><Документ КНД="${knd}"/></Файл>`)).kind;
    expect(form('1169008')).toBe('import-notice');
    expect(form('1184054')).toBe('export-notice-transit');
    expect(form('1169011')).toBe('remains-notice');
    expect(form('1169010')).toBe('operations-report');
    expect(form('1115133')).toBe('ukd');
    const section = detectFormat(cp1251(`${DECL}<Файл ИдФайл="NO_NDS.9_7701_7701_7701234567770101001_20260420_5f34036f-27c9-438b-8ccc-0c5059326d04" ВерсФорм="5.12"><Документ Индекс="0000090" НомКорр="0"><КнигаПрод/></Документ></Файл>`));
    expect(section).toMatchObject({ kind: 'nds-9', version: '5.12' });
    expect(section.knd).toBeUndefined();
    const byPrefix = detectFormat(utf8(`<Файл ИдФайл="ON_OTCHOPTOV_7701_7701_7701234567770101001_20260420_5f34036f-27c9-438b-8ccc-0c5059326d04" ВерсФорм="5.02"></Файл>`));
    expect(byPrefix.kind).toBe('operations-report');
  });

  it('names a wrong root and an unsupported document', () => {
    const wrongRoot = catchError(() => detectFormat(cp1251(`${DECL}<html><body/></html>`), 'page.xml'));
    expect(wrongRoot.code).toBe('XML_WRONG_ROOT');
    expect(wrongRoot.details).toMatchObject({ file: 'page.xml', root: 'html' });
    const buyer = catchError(() => detectFormat(cp1251(`${DECL}<Файл ИдФайл="ON_NSCHFDOPPOK_1" ВерсФорм="5.03"><Документ КНД="1115132"/></Файл>`)));
    expect(buyer.code).toBe('XML_FORMAT_UNKNOWN');
    expect(buyer.messageRu).toContain('информация покупателя');
  });

  it('refuses DOCTYPE in the head before parsing it', () => {
    const error = catchError(() => detectFormat(cp1251(`${DECL}<!DOCTYPE Файл [<!ENTITY x SYSTEM "file:///etc/passwd">]><Файл ИдФайл="&x;"/>`)));
    expect(error.code).toBe('XML_DOCTYPE_FORBIDDEN');
  });

  it('reads only the head of a large file', () => {
    const head = cp1251(`${DECL}<Файл ИдФайл="X" ВерсФорм="5.02"><Документ КНД="1169008">`);
    const bytes = new Uint8Array(head.length + 10 * 1024 * 1024);
    bytes.set(head);
    bytes.fill(0x20, head.length); // whitespace, no end: a streaming reader would see the rest
    expect(detectFormat(bytes).kind).toBe('import-notice');
  });
});
