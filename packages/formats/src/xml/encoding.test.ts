import { describe, expect, it } from 'vitest';
import { catchError, cp1251, utf8 } from '../test-support/index.js';
import { decodeXml, detectXmlEncoding, encodeXml, isWindows1251Encodable } from './encoding.js';

const DECL_1251 = '<?xml version="1.0" encoding="windows-1251"?>\n';
const BODY = '<Файл ИдФайл="x"><Документ НаимОрг="ООО «Ромашка» № 5"/></Файл>';

describe('detectXmlEncoding', () => {
  it('honours a windows-1251 declaration and decodes Cyrillic names', () => {
    const bytes = cp1251(DECL_1251 + BODY);
    expect(detectXmlEncoding(bytes)).toEqual({ encoding: 'windows-1251', bomLength: 0, declared: 'windows-1251' });
    expect(decodeXml(bytes).text).toContain('ООО «Ромашка» № 5');
  });

  it('reads UTF-8 with and without a BOM, and undeclared files as UTF-8', () => {
    const declared = utf8('<?xml version="1.0" encoding="UTF-8"?>' + BODY);
    expect(detectXmlEncoding(declared).encoding).toBe('utf-8');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(BODY)]);
    expect(detectXmlEncoding(withBom)).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(decodeXml(withBom).text.startsWith('<Файл')).toBe(true);
  });

  it('refuses UTF-8 bytes declared as windows-1251, naming the line of the first Cyrillic character', () => {
    const error = catchError(() => detectXmlEncoding(utf8(DECL_1251 + BODY), { file: 'upd.xml' }));
    expect(error.code).toBe('XML_ENCODING_MISMATCH');
    expect(error.details).toMatchObject({ file: 'upd.xml', line: 2 });
    expect(error.messageRu).toContain('UTF-8');
  });

  it('refuses windows-1251 bytes declared (or defaulting) as UTF-8', () => {
    const declared = catchError(() => detectXmlEncoding(cp1251('<?xml version="1.0" encoding="utf-8"?>\n' + BODY), { file: 'a.xml' }));
    expect(declared.code).toBe('XML_ENCODING_MISMATCH');
    expect(declared.details['line']).toBe(2);
    const undeclared = catchError(() => detectXmlEncoding(cp1251(BODY)));
    expect(undeclared.code).toBe('XML_ENCODING_MISMATCH');
    expect(undeclared.messageRu).toContain('windows-1251');
  });

  it('refuses encodings other than windows-1251 and UTF-8', () => {
    expect(catchError(() => detectXmlEncoding(utf8('<?xml version="1.0" encoding="KOI8-R"?><a/>'))).code).toBe('XML_ENCODING_UNSUPPORTED');
    expect(catchError(() => detectXmlEncoding(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]))).code).toBe('XML_ENCODING_UNSUPPORTED');
  });

  it('refuses a UTF-8 BOM in a file declared windows-1251', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...cp1251(DECL_1251 + '<a/>')]);
    expect(catchError(() => detectXmlEncoding(bytes)).code).toBe('XML_ENCODING_MISMATCH');
  });

  it('accepts a UTF-8 head cut inside a character when told the bytes are partial', () => {
    const bytes = utf8(BODY);
    const cut = bytes.subarray(0, 8); // "<Файл" is 1 + 4×2 bytes: cut after the first byte of "л"
    expect(detectXmlEncoding(cut, { partial: true }).encoding).toBe('utf-8');
    expect(catchError(() => detectXmlEncoding(cut)).code).toBe('XML_ENCODING_MISMATCH');
  });
});

describe('encodeXml', () => {
  it('round-trips Russian text, №, «» and € through windows-1251', () => {
    const text = 'Товар № 5 «Кофе» — 1 000 € ёЁ';
    const bytes = encodeXml(text, 'windows-1251');
    expect(bytes.length).toBe(text.length);
    expect(bytes[text.indexOf('№')]).toBe(0xb9);
    expect(new TextDecoder('windows-1251').decode(bytes)).toBe(text);
  });

  it('refuses characters windows-1251 cannot hold instead of writing "?"', () => {
    expect(isWindows1251Encodable('Кофе ☕')).toBe(false);
    const error = catchError(() => encodeXml('<a>\n<b Наим="Кофе ☕"/></a>', 'windows-1251'));
    expect(error.code).toBe('XML_WRITE_INVALID');
    expect(error.details).toMatchObject({ line: 2, char: '☕' });
  });
});
