import { describe, expect, it } from 'vitest';
import { catchError, cp1251, utf8 } from '../test-support/index.js';
import { loadXml } from './load.js';

const DOC = `<?xml version="1.0" encoding="windows-1251"?>
<Файл ИдФайл="X">
  <Документ ДатаИнфПр="02.03.2026">
    <СведТов НомСтр="1" СтТовБезНДС="1000.00" КолТов="5"/>
    <СведТов НомСтр="2" СтТовБезНДС="12,50" КолТов="abc">
      <СумНал><СумНал>250.00</СумНал></СумНал>
    </СведТов>
  </Документ>
</Файл>`;

describe('XmlNode', () => {
  const { root } = loadXml(cp1251(DOC), { file: 'upd.xml' });
  const document = root.child('Документ');
  const [first, second] = document.children('СведТов');

  it('reads typed values', () => {
    expect(document.date('ДатаИнфПр')).toBe('2026-03-02');
    expect(first?.kopecks('СтТовБезНДС')).toBe(100_000n);
    expect(first?.decimal('КолТов')).toBe('5');
    expect(second?.child('СумНал').child('СумНал').textKopecks()).toBe(25_000n);
  });

  it('names file, line, element path and attribute for a non-numeric amount', () => {
    const error = catchError(() => second?.kopecks('СтТовБезНДС'));
    expect(error.code).toBe('XML_VALUE_INVALID');
    expect(error.details).toMatchObject({ file: 'upd.xml', line: 5, path: 'Файл/Документ/СведТов[2]', attribute: 'СтТовБезНДС', value: '12,50' });
    expect(error.message).toBe('upd.xml:5:5, Файл/Документ/СведТов[2]/@СтТовБезНДС: Invalid value "12,50": expected an amount such as 1234.56');
    expect(error.messageRu).toContain('строка 5');
  });

  it('names missing attributes and elements', () => {
    const attribute = catchError(() => document.attr('Функция'));
    expect(attribute.code).toBe('XML_REQUIRED_MISSING');
    expect(attribute.details).toMatchObject({ line: 3, path: 'Файл/Документ', attribute: 'Функция' });
    const element = catchError(() => document.child('СвСчФакт'));
    expect(element.details).toMatchObject({ path: 'Файл/Документ', element: 'СвСчФакт' });
  });

  it('reports malformed XML with line and column from the parser', () => {
    const error = catchError(() => loadXml(utf8('<Файл>\n  <Документ А="1" А="2"/>\n</Файл>'), { file: 'dup.xml' }));
    expect(error.code).toBe('XML_MALFORMED');
    expect(error.details).toMatchObject({ file: 'dup.xml', line: 2 });
  });

  it('refuses an undefined entity reference', () => {
    const error = catchError(() => loadXml(utf8('<Файл А="&x;"/>'), { file: 'e.xml' }));
    expect(error.code).toBe('XML_MALFORMED');
  });
});
