import { describe, expect, it } from 'vitest';
import { wholeQuantity } from '@sledopyt/core';
import { catchError, cp1251 } from '../test-support/index.js';
import { FIXED_GUID, exportNoticeFixture, importNoticeFixture, remainsNoticeFixture } from '../test-support/fixtures.js';
import { checkStructure } from '../test-support/structure.js';
import { decodeXml } from '../xml/encoding.js';
import { detectFormat } from '../xml/detect.js';
import { readExportNotice, writeExportNotice } from './export-notice.js';
import { readImportNotice, writeImportNotice } from './import-notice.js';
import { readRemainsNotice, writeRemainsNotice } from './remains-notice.js';

/** Choices in the 1C tables (both alternatives are marked «О»). */
const ALTERNATIVES = [['СведЮЛ', 'СведИП'], ['НаимОрг', 'ФИО']];
const options = { taxOffice: '7701', guid: FIXED_GUID };

describe('уведомление о ввозе (1169008, 5.02)', () => {
  const written = writeImportNotice(importNoticeFixture(), options);

  it('fits the structure table, is named by the convention and detected by КНД', () => {
    expect(checkStructure(written.bytes, 'uved-vvoz-ON_UVVOZTOV-1169008-5.02.structure.tsv', ALTERNATIVES)).toEqual([]);
    expect(written.fileName).toBe(`ON_UVVOZTOV_7701_7701_7701234560770101001_20260209_${FIXED_GUID}.xml`);
    expect(detectFormat(written.bytes)).toMatchObject({ kind: 'import-notice', version: '5.02', knd: '1169008' });
    expect(decodeXml(written.bytes).text).toContain('<СведТовар КодТовТНВЭД="8418102001" КолТовСопрДок="20" ЕдинИзмСопрДок="796" ЕдинИзмерКол="796" КоличТоварКол="20" СтоимБезНДС="900000.00"/>');
  });

  it('round-trips and keeps the optional RNPT absent until ФНС assigns it', () => {
    const read = readImportNotice(written.bytes);
    expect(read).toEqual(written.document);
    expect(read.СведТовар.РегНомерТов).toBeUndefined();
    expect(read.СведТовар.КоличТоварКол).toBe(wholeQuantity(20));
    expect(read.ДатаУвед).toBe('2026-02-09');
  });

  it('needs a tax office code to name the file', () => {
    expect(catchError(() => writeImportNotice(importNoticeFixture())).code).toBe('XML_WRITE_INVALID');
  });
});

describe('уведомление о перемещении (1184054, 5.01)', () => {
  const written = writeExportNotice(exportNoticeFixture(), options);

  it('fits the structure table (goods lines inside the accompanying document)', () => {
    expect(checkStructure(written.bytes, 'uved-peremeshchenie-ON_UVVIOZTOV2-1184054-5.01.structure.tsv', ALTERNATIVES)).toEqual([]);
    expect(detectFormat(written.bytes).kind).toBe('export-notice-transit');
  });

  it('round-trips', () => {
    const read = readExportNotice(written.bytes);
    expect(read).toEqual(written.document);
    expect(read.УведВывозТов[0]?.СвСопрДок[0]?.УведВывозТовСтр[0]).toMatchObject({ РегНомерТов: '10702070/150126/0000042/003', СтТоварБезНДС: 65_001_00n });
    expect(read.УведВывозТов[0]?.ОКСМ).toEqual(['417']);
  });

  it('refuses a wrong RNPT when reading, naming the line element', () => {
    const text = decodeXml(written.bytes).text.replace('10702070/150126/0000042/003', '10702070/150126/0000042/0O3');
    const error = catchError(() => readExportNotice(cp1251(text), { file: 'notice.xml' }));
    expect(error.code).toBe('XML_VALUE_INVALID');
    expect(error.details).toMatchObject({ file: 'notice.xml', path: 'Файл/Документ/УведВывозТов/СвСопрДок/УведВывозТовСтр', attribute: 'РегНомерТов' });
  });
});

describe('уведомление об остатках (1169011, 5.02)', () => {
  const written = writeRemainsNotice(remainsNoticeFixture(), options);

  it('fits the structure table and round-trips, with the representative and the seller’s ИНН', () => {
    expect(checkStructure(written.bytes, 'uved-ostatki-ON_UVOSTTOV-1169011-5.02.structure.tsv', [...ALTERNATIVES, ['ИННЮЛ', 'ИННФЛ']])).toEqual([]);
    const read = readRemainsNotice(written.bytes);
    expect(read).toEqual(written.document);
    expect(read.Подписант).toEqual({ ПрПодп: '2', ФИО: { Фамилия: 'Кузнецов', Имя: 'Олег' }, СвПред: { НаимДок: 'Доверенность № 12 от 10.01.2026' } });
    expect(read.ИНН).toEqual(['771234567859']);
    expect(read.УведОстатТов.СтТоварБезНДС).toBe(1_250_000n);
  });

  it('refuses a notice of another kind', () => {
    const imported = writeImportNotice(importNoticeFixture(), options);
    const error = catchError(() => readRemainsNotice(imported.bytes, { file: 'vvoz.xml' }));
    expect(error.code).toBe('XML_WRONG_ROOT');
    expect(error.details).toMatchObject({ attribute: 'КНД', knd: '1169008', expected: '1169011' });
  });
});
