import { isSledopytError } from '@sledopyt/core';
import { decodeXml, encodeXml } from '@sledopyt/formats';
import { describe, expect, it } from 'vitest';
import { spoilXml } from './demo-files-spoil.js';

const xml = (body: string) =>
  encodeXml(`<?xml version="1.0" encoding="windows-1251"?>\n<Файл>${body}</Файл>\n`, 'windows-1251');
const text = (bytes: Uint8Array) => decodeXml(bytes).text;
const LINES =
  '<КнПродСтр НомСчФПрод="ТС-10001"><СвРегНом РегНомПросл="10702070/010126/0000001/001" ОКЕИ="796" КолТовПросл="2" СтоимТовПросл="36800.00"/></КнПродСтр>' +
  '<КнПродСтр НомСчФПрод="ТС-10002"><СвРегНом РегНомПросл="10702070/010126/0000001/001" ОКЕИ="796" КолТовПросл="1" СтоимТовПросл="18400.00"/></КнПродСтр>';

describe('spoilXml', () => {
  it('edits one line of a windows-1251 file and keeps its encoding', () => {
    const out = spoilXml(xml(LINES), [
      { within: { start: 'НомСчФПрод="ТС-10002"', end: '</КнПродСтр>' }, find: / СтоимТовПросл="[^"]*"/, replace: '' },
      { within: { start: 'НомСчФПрод="ТС-10001"', end: '</КнПродСтр>' }, find: 'РегНомПросл="10702070/010126/0000001/001"', replace: 'РегНомПросл="10702070/010126/0000001"' },
    ]);
    const result = decodeXml(out);
    expect(result.encoding).toBe('windows-1251');
    expect(result.text).toContain('<КнПродСтр НомСчФПрод="ТС-10001"><СвРегНом РегНомПросл="10702070/010126/0000001" ОКЕИ="796" КолТовПросл="2" СтоимТовПросл="36800.00"/>');
    expect(result.text).toContain('<КнПродСтр НомСчФПрод="ТС-10002"><СвРегНом РегНомПросл="10702070/010126/0000001/001" ОКЕИ="796" КолТовПросл="1"/>');
  });

  it('refuses an edit that matches nowhere or more than once, instead of spoiling the wrong line', () => {
    const codeOf = (run: () => unknown): string | undefined => {
      try {
        run();
        return undefined;
      } catch (error) {
        return isSledopytError(error) ? `${error.code}:${String(error.details?.['found'])}` : 'other';
      }
    };
    expect(codeOf(() => spoilXml(xml(LINES), [{ find: 'РегНомПросл="10702070/010126/0000001/001"', replace: '' }]))).toBe('DEMO_SPOIL_MISMATCH:2');
    expect(codeOf(() => spoilXml(xml(LINES), [{ find: /КолТовПросл="7"/, replace: '' }]))).toBe('DEMO_SPOIL_MISMATCH:0');
    expect(text(spoilXml(xml(LINES), []))).toContain(LINES);
  });
});
