import { describe, expect, it } from 'vitest';
import { formatQuantity, wholeQuantity } from '@sledopyt/core';
import { catchError, sharedFile, xmllint } from '../test-support/index.js';
import { BUYER_EDO, BUYER_INN, FIXED_GUID, SELLER_EDO, SELLER_INN, updFixture } from '../test-support/fixtures.js';
import { decodeXml } from '../xml/encoding.js';
import { updToMovements } from './movements.js';
import { readUpd } from './read.js';
import { writeUpd } from './write.js';

const XSD_503 = 'ON_NSCHFDOPPR_1_997_01_05_03_05.xsd';

describe('readUpd on the official samples', () => {
  it('reads the Diadoc УПД 5.02 sample with its traceability block', () => {
    const doc = readUpd(sharedFile('samples/generate_utd970_05_02_01_title0_resp.xml'), { file: 'utd970.xml' });
    expect(doc).toMatchObject({
      ВерсФорм: '5.02',
      Функция: 'СЧФДОП',
      НомерДок: '123',
      ДатаДок: '2023-02-01',
      ДатаИнфПр: '2024-07-13',
      ВремИнфПр: '11.32.07',
      ИдОтпр: '2BM-9681265956-968101000-202207281000014689156',
      ИдПол: '2BM-9677800047-967701000-202207281004154081709',
      ДенИзм: { КодОКВ: '643', НаимОКВ: 'Российский рубль', КурсВал: '12' },
    });
    expect(doc.СвПрод.ИдСв).toEqual({ kind: 'СвЮЛУч', НаимОрг: 'СвЮЛУч-НаимОрг', ИННЮЛ: '9103624367', КПП: '187245452' });
    expect(doc.СвПокуп.ИдСв).toMatchObject({ ИННЮЛ: '1234567894', КПП: '667301001' });
    expect(doc.СведТов).toHaveLength(2);
    const [first, second] = doc.СведТов;
    expect(first).toMatchObject({ НомСтр: 1, НалСт: '20%', ОКЕИ_Тов: '113', КолТов: wholeQuantity(16), ЦенаТов: '200', СтТовБезНДС: 65_400n, СтТовУчНал: 78_480n, СумНал: 100_000n, Акциз: 'без акциза', КодВидТов: '1111111111' });
    expect(first?.СвДТ).toEqual([{ КодПроисх: '980', НомерДТ: '123456' }]);
    // 5.02 states the cost in whole roubles: 100 → 10 000 kopecks.
    expect(first?.СведПрослеж).toEqual([
      { НомТовПрослеж: '10001000/010123/1234567/001', ЕдИзмПрослеж: '778', НаимЕдИзмПрослеж: 'упак', КолВЕдПрослеж: wholeQuantity(30), СтТовБезНДСПрослеж: 10_000n },
    ]);
    expect(second).toMatchObject({ НаимТов: 'Product2 > 2.0 мм', СтТовБезНДС: 5_895_167n, СтТовУчНал: 7_074_200n, СведПрослеж: [] });
    expect(second?.КолТов).toBe(11_410_000_000_000n); // 114.1 in 10⁻¹¹ units
    expect(doc.ВсегоОпл).toEqual({ СтТовБезНДСВсего: 896_500n, СтТовУчНалВсего: 1_000_000n, СумНалВсего: 45_600n });
    expect(doc.СвПер).toMatchObject({ СодОпер: 'СвПер-СодОпер', ДатаПер: '2024-02-15' });
    expect(doc.Подписант).toEqual([{ ФИО: { Фамилия: 'Иванов', Имя: 'Иван', Отчество: 'Иванович' }, Должн: 'Должность', СпосПодтПолном: '6' }]);
  });

  it('reads the Diadoc УПД 5.01 sample (ИП seller, PROS name, no cost in СведПрослеж)', () => {
    const doc = readUpd(sharedFile('samples/generate_utd820_05_01_02_hyphen_title0_resp.xml'));
    expect(doc).toMatchObject({
      ВерсФорм: '5.01',
      НомерДок: '123',
      ДатаДок: '2019-08-01',
      ИдОтпр: '2BM-participantId1',
      ИдПол: '2BM-9147414342-757645784-202407101104400484330',
      ДенИзм: { КодОКВ: '643', НаимОКВ: 'Российский рубль' },
    });
    expect(doc.СвПрод.ИдСв).toEqual({ kind: 'СвИП', ИННФЛ: '114500647890', ФИО: { Фамилия: 'Продавец', Имя: 'Иван', Отчество: 'Иванович' } });
    expect(doc.СвПокуп.ИдСв).toEqual({ kind: 'СвЮЛУч', НаимОрг: 'Документация-получатель', ИННЮЛ: '9147414342', КПП: '757645784' });
    expect(doc.СвПокуп.Адрес).toEqual({ kind: 'АдрРФ', КодРегион: '66', Индекс: '620142', Город: 'Екатеринбург', Улица: 'Сажинская', Дом: '11' });
    const [line] = doc.СведТов;
    expect(line).toMatchObject({ НомСтр: 1, НаимЕдИзм: 'шт', НалСт: 'без НДС', Акциз: 1_000n, СумНал: 0n, КолТов: 0n });
    expect(line?.СведПрослеж).toEqual([
      { НомТовПрослеж: '10001000/010123/1234567/001', ЕдИзмПрослеж: '778', НаимЕдИзмПрослеж: 'упак', КолВЕдПрослеж: wholeQuantity(30) },
    ]);
    expect(doc.Подписант[0]?.ФИО.Фамилия).toBe('Подписант');
    expect(doc.СвПер?.ОснПер).toEqual([{ РеквНаимДок: 'Без документа-основания' }]);
  });
});

describe('writeUpd (5.03)', () => {
  const written = writeUpd(updFixture(), { guid: FIXED_GUID });

  it('writes windows-1251 that the official 5.03 XSD accepts', () => {
    const check = xmllint(written.bytes, XSD_503);
    expect(check.output).toBe('');
    expect(check.ok).toBe(true);
    expect(decodeXml(written.bytes).encoding).toBe('windows-1251');
    expect(new TextDecoder('latin1').decode(written.bytes.subarray(0, 45))).toBe('<?xml version="1.0" encoding="windows-1251"?>');
  });

  it('names the file by the 5.03 convention with the traceability flag', () => {
    expect(written.fileName).toBe(`ON_NSCHFDOPPR_${BUYER_EDO}_${SELLER_EDO}_20260302_${FIXED_GUID}_1_0_0_0_0_00.xml`);
    expect(written.document.НаимДокОпр).toContain('Счет-фактура и документ об отгрузке');
  });

  it('writes СведПрослеж with ТН ВЭД, RNPT, unit, quantity and cost as the format spells them', () => {
    const text = decodeXml(written.bytes).text;
    expect(text).toContain('<ДопСведТов КодВидТов="8418102001">');
    expect(text).toContain('<СведПрослеж НомТовПрослеж="10702070/010126/0000001/001" ЕдИзмПрослеж="796" НаимЕдИзмПрослеж="шт" КолВЕдПрослеж="10" СтТовБезНДСПрослеж="450000.00"/>');
    expect(text).toContain('ДопИнфПрослеж="витринный образец"');
    expect(text).toContain('ЦенаТов="32500.5"');
    expect(text).toContain('НаимОрг="ООО &quot;Бытовая техника Урал&quot;"');
  });

  it('round-trips: write → read gives the same model (kopecks, quantities, dates)', () => {
    const read = readUpd(written.bytes, { file: written.fileName });
    expect(read).toEqual(written.document);
    expect(read.СведТов[1]?.СведПрослеж[0]?.СтТовБезНДСПрослеж).toBe(9_750_150n);
    expect(read.ДатаДок).toBe('2026-03-02');
  });

  it('writes UTF-8 on request, and the result reads back the same', () => {
    const utf8 = writeUpd(updFixture(), { guid: FIXED_GUID, encoding: 'utf-8' });
    expect(xmllint(utf8.bytes, XSD_503).ok).toBe(true);
    expect(readUpd(utf8.bytes)).toEqual(written.document);
  });

  it('refuses a model that would break the format, listing every problem', () => {
    const input = updFixture();
    const lines = input.СведТов ?? [];
    const bad = {
      ...input,
      СвПер: undefined,
      Подписант: [{ ФИО: { Фамилия: 'Смирнова', Имя: 'Анна' } }],
      СведТов: lines.map((line, index) =>
        index === 0 ? { ...line, СведПрослеж: [{ ...line.СведПрослеж?.[0], НомТовПрослеж: '10702070/320126/0000001/001' }] } : line,
      ),
    } as typeof input;
    const error = catchError(() => writeUpd(bad));
    expect(error.code).toBe('XML_WRITE_INVALID');
    const problems = (error.details['problems'] as { path: string; code?: string }[]).map((problem) => problem.path);
    expect(problems).toEqual(expect.arrayContaining(['СвПер', 'Подписант.0.СпосПодтПолном', 'СведТов.0.СведПрослеж.0.НомТовПрослеж']));
    expect(error.messageRu).toContain('РНПТ');
  });

  it('refuses characters windows-1251 cannot encode', () => {
    const input = updFixture();
    const error = catchError(() => writeUpd({ ...input, СведТов: [{ ...input.СведТов?.[2], НомСтр: 1, НаимТов: 'Доставка 🚚', НалСт: '22%', СумНал: 0n }] } as typeof input));
    expect(error.code).toBe('XML_WRITE_INVALID');
  });
});

describe('updToMovements', () => {
  const doc = writeUpd(updFixture(), { guid: FIXED_GUID }).document;

  it('turns each СведПрослеж of our sale into a disposal movement with kopecks and the invoice date', () => {
    const movements = updToMovements(doc, SELLER_INN);
    expect(movements).toHaveLength(3);
    expect(movements.map((movement) => [movement.kind, movement.rnpt, movement.tnved, movement.costWithoutVat, formatQuantity(movement.quantity)])).toEqual([
      ['sale', '10702070/010126/0000001/001', '8418102001', 45_000_000n, '10'],
      ['sale', '10702070/150126/0000042/003', '8450111100', 9_750_150n, '3'],
      ['sale', '10702070/150126/0000042/004', '8450111100', 3_250_050n, '1'],
    ]);
    expect(movements[0]).toMatchObject({ taxpayerInn: SELLER_INN, counterpartyInn: BUYER_INN, unit: '796', date: '2026-03-02', document: { kind: 'upd', number: 'ТИ-000123', date: '2026-03-02' } });
  });

  it('makes purchases (receipts) for the buyer and refuses a document that is not ours', () => {
    expect(updToMovements(doc, BUYER_INN).map((movement) => [movement.kind, movement.counterpartyInn])).toEqual([
      ['purchase', SELLER_INN],
      ['purchase', SELLER_INN],
      ['purchase', SELLER_INN],
    ]);
    expect(catchError(() => updToMovements(doc, '5003123458')).code).toBe('UPD_NOT_OURS');
  });

  it('makes a sale to a natural person a retail disposal (04) and one to an EAEU company a movement to the EAEU', () => {
    const toPerson = { ...doc, СвПокуп: { ИдСв: { kind: 'СвФЛУч' as const, ИННФЛ: '500100732259', ФИО: { Фамилия: 'Орлов', Имя: 'Игорь' } } } };
    expect(updToMovements(toPerson, SELLER_INN).map((movement) => [movement.kind, movement.counterpartyInn])).toEqual([
      ['sale_to_individual', '500100732259'],
      ['sale_to_individual', '500100732259'],
      ['sale_to_individual', '500100732259'],
    ]);
    const toMinsk = { ...doc, СвПокуп: { ИдСв: { kind: 'СвИнНеУч' as const, Наим: 'ООО «БелТехТорг»', КодСтр: '112' } } };
    expect(new Set(updToMovements(toMinsk, SELLER_INN).map((movement) => movement.kind))).toEqual(new Set(['eaeu_movement']));
    // A buyer outside the EAEU stays an ordinary sale: export needs a customs declaration, not this УПД.
    const toBerlin = { ...doc, СвПокуп: { ИдСв: { kind: 'СвИнНеУч' as const, Наим: 'Kühlhaus GmbH', КодСтр: '276' } } };
    expect(new Set(updToMovements(toBerlin, SELLER_INN).map((movement) => movement.kind))).toEqual(new Set(['sale']));
  });

  it('splits the line cost by quantity when 5.01 states no cost per batch', () => {
    const line = { ...doc.СведТов[1], СведПрослеж: doc.СведТов[1]?.СведПрослеж.map(({ СтТовБезНДСПрослеж: _cost, ...item }) => item) } as (typeof doc.СведТов)[number];
    const movements = updToMovements({ ...doc, ВерсФорм: '5.01', СведТов: [line] }, BUYER_INN);
    expect(movements.map((movement) => movement.costWithoutVat)).toEqual([9_750_150n, 3_250_050n]);
  });
});
