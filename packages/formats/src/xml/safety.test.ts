import { describe, expect, it } from 'vitest';
import { catchError, cp1251 } from '../test-support/index.js';
import { assertXmlSafe, XmlSafetyScanner } from './safety.js';

const DECL = '<?xml version="1.0" encoding="windows-1251"?>\n';
const scan = (text: string, file = 'in.xml') => assertXmlSafe(cp1251(text), { file, encoding: 'windows-1251' });

describe('XmlSafetyScanner', () => {
  it('passes an ordinary ФНС document with comments, CDATA and ">" inside values', () => {
    expect(() =>
      scan(`${DECL}<!-- comment -- with dashes -->\n<Файл ИдФайл='a>b'>\n  <Документ НаимТов="Товар &gt; 2.0 мм"><![CDATA[x]]></Документ>\n</Файл>\n`),
    ).not.toThrow();
  });

  it('refuses the billion-laughs DOCTYPE before any entity is expanded', () => {
    const bomb = `${DECL}<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<Файл>&lol2;</Файл>`;
    const error = catchError(() => scan(bomb, 'bomb.xml'));
    expect(error.code).toBe('XML_DOCTYPE_FORBIDDEN');
    expect(error.details).toMatchObject({ file: 'bomb.xml', line: 2, declaration: 'DOCTYPE' });
  });

  it('refuses an external entity and a bare ENTITY declaration', () => {
    const xxe = `${DECL}<!DOCTYPE Файл [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Файл>&xxe;</Файл>`;
    expect(catchError(() => scan(xxe)).code).toBe('XML_DOCTYPE_FORBIDDEN');
    expect(catchError(() => scan(`${DECL}<!ENTITY x "y"><Файл/>`)).details['declaration']).toBe('ENTITY');
  });

  it('refuses a 50 MB attribute value naming the element, attribute and line, without decoding it', () => {
    const head = cp1251(`${DECL}<Файл ИдФайл="ON_X">\n  <Документ КНД="1115131">\n    <СведТов НаимТов="`);
    const tail = cp1251('"/></Документ></Файл>');
    const bytes = new Uint8Array(head.length + 50 * 1024 * 1024 + tail.length);
    bytes.set(head, 0);
    bytes.fill(0x41, head.length, head.length + 50 * 1024 * 1024);
    bytes.set(tail, bytes.length - tail.length);
    const error = catchError(() => assertXmlSafe(bytes, { file: 'huge.xml', encoding: 'windows-1251' }));
    expect(error.code).toBe('XML_LIMIT_EXCEEDED');
    expect(error.details).toMatchObject({ file: 'huge.xml', line: 4, path: 'Файл/Документ/СведТов', attribute: 'НаимТов', limit: 65536 });
    expect(error.messageRu).toContain('значение атрибута');
  });

  it('reports a truncated file with the open element path', () => {
    const error = catchError(() => scan(`${DECL}<Файл>\n<Документ КНД="1115131">\n<СвСчФакт НомерДок="12`, 'cut.xml'));
    expect(error.code).toBe('XML_TRUNCATED');
    expect(error.details).toMatchObject({ file: 'cut.xml', path: 'Файл/Документ/СвСчФакт', line: 4 });
    expect(catchError(() => scan('')).messageRu).toBe('Файл in.xml, строка 1: файл пуст');
  });

  it('refuses mismatched end tags and excessive nesting', () => {
    expect(catchError(() => scan('<Файл><Документ></Файл></Документ>')).code).toBe('XML_MALFORMED');
    const deep = '<a>'.repeat(100) + '</a>'.repeat(100);
    expect(catchError(() => scan(deep)).details).toMatchObject({ what: 'nesting depth', limit: 64 });
  });

  it('gives the same verdict whatever the chunk boundaries (streaming use)', () => {
    const good = cp1251(`${DECL}<Файл А="1"><!-- c --><Б В='2'/><![CDATA[]]></Файл>`);
    for (let cut = 1; cut < good.length; cut++) {
      const scanner = new XmlSafetyScanner({ encoding: 'windows-1251' });
      scanner.push(good.subarray(0, cut));
      scanner.push(good.subarray(cut));
      expect(() => scanner.end()).not.toThrow();
    }
    const bad = cp1251(`${DECL}<!DOCTYPE x><x/>`);
    for (let cut = 1; cut < bad.length; cut++) {
      const scanner = new XmlSafetyScanner({ encoding: 'windows-1251' });
      expect(() => {
        scanner.push(bad.subarray(0, cut));
        scanner.push(bad.subarray(cut));
        scanner.end();
      }).toThrow(/DTD/);
    }
  });
});
