import { describe, expect, it } from 'vitest';
import { formatQuantity } from '@sledopyt/core';
import { catchError, cp1251 } from '../test-support/index.js';
import { BUYER_EDO, BUYER_INN, FIXED_GUID, SELLER_EDO, SELLER_INN, ukdFixture } from '../test-support/fixtures.js';
import { checkStructure } from '../test-support/structure.js';
import { decodeXml } from '../xml/encoding.js';
import { ukdToMovements } from './movements.js';
import { readUkd } from './read.js';
import { writeUkd } from './write.js';

const TABLE = 'ukd-ON_NKORSCHFDOPPR-5.01-from-1C-XDTO.structure.tsv';

describe('УКД 5.01 (structure inferred from 1C XDTO [I])', () => {
  const written = writeUkd(ukdFixture(), { guid: FIXED_GUID });

  it('writes a document that fits the derived structure table', () => {
    expect(checkStructure(written.bytes, TABLE)).toEqual([]);
    expect(written.fileName).toBe(`ON_NKORSCHFDOPPRPROS_${BUYER_EDO}_${SELLER_EDO}_20260316_${FIXED_GUID}.xml`);
    const text = decodeXml(written.bytes).text;
    expect(text).toContain('<СведПрослеж НомТовПрослеж="10702070/010126/0000001/001" ЕдИзмПрослеж="796">');
    expect(text).toContain('<ИзмКолЕдПТ КолТовЕдПТДо="10" КолТовЕдПТПосле="8">');
    expect(text).toContain('<КолТовЕдПТУм>2</КолТовЕдПТУм>');
  });

  it('the structure check catches what it should (unknown attribute, missing required one, order)', () => {
    const text = decodeXml(written.bytes).text;
    const broken = text.replace(' КодОКВ="643"', ' Валюта="643"').replace(/<ТаблКСчФ>[\s\S]*<\/ТаблКСчФ>/, (table) => table).replace('<СвПрод>', '<СвПродX>').replace('</СвПрод>', '</СвПродX>');
    const problems = checkStructure(cp1251(broken), TABLE);
    expect(problems).toEqual(expect.arrayContaining(['unknown attribute Файл/Документ/СвКСчФ/@Валюта', 'missing required attribute Файл/Документ/СвКСчФ/@КодОКВ', 'unknown element Файл/Документ/СвКСчФ/СвПродX']));
  });

  it('round-trips write → read', () => {
    expect(readUkd(written.bytes, { file: written.fileName })).toEqual(written.document);
  });

  it('maps the seller’s decrease to code-19 movements and the buyer’s to code 21', () => {
    const seller = ukdToMovements(written.document, SELLER_INN);
    expect(seller.map((movement) => [movement.kind, movement.rnpt, formatQuantity(movement.quantity), movement.costWithoutVat, movement.date])).toEqual([
      ['sale_correction_decrease', '10702070/010126/0000001/001', '2', 90_000_00n, '2026-03-16'],
    ]);
    expect(seller[0]?.document).toEqual({ kind: 'ukd', number: 'К-0007', date: '2026-03-16' });
    expect(ukdToMovements(written.document, BUYER_INN)[0]?.kind).toBe('purchase_correction_decrease');
  });

  it('refuses a correction with an invalid RNPT when writing, and names it when reading', () => {
    const input = ukdFixture();
    const line = input.СведТов[0];
    const bad = { ...input, СведТов: [{ ...line, СведПрослеж: [{ НомТовПрослеж: '10702070/010126/000001/001', ЕдИзмПрослеж: '796' }] }] } as typeof input;
    expect(catchError(() => writeUkd(bad)).code).toBe('XML_WRITE_INVALID');
    const text = decodeXml(written.bytes).text.replace('10702070/010126/0000001/001', '10702070/010126/000001/001');
    const error = catchError(() => readUkd(cp1251(text), { file: 'ukd.xml' }));
    expect(error.code).toBe('XML_VALUE_INVALID');
    expect(error.details).toMatchObject({ file: 'ukd.xml', path: 'Файл/Документ/ТаблКСчФ/СведТов/СведПрослеж', attribute: 'НомТовПрослеж' });
    expect(String(error.details['rnptCode'])).toMatch(/^RNPT_/);
  });
});
