/**
 * УПД parse rate for a typical 50-line document (5.03, every line with СведПрослеж), written with the
 * package's writer: the package's reader (`readDocument`: safety scan, saxes tree, model, summary), and the two
 * parsers alone on the same bytes — fast-xml-parser (DOM-like object) and saxes (events).
 */
import { readDocument, writeUpd, type UpdWriteInput } from '@sledopyt/formats';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';

export interface UpdResult {
  name: string;
  documentsPerSecond: number;
  documents: number;
}

export function typicalUpd(lines = 50): UpdWriteInput {
  const goods = Array.from({ length: lines }, (_, index) => {
    const quantity = 1 + (index % 9);
    const price = 1_990_000n + BigInt(index) * 10_000n;
    const base = price * BigInt(quantity);
    return {
      НомСтр: index + 1,
      НаимТов: `Холодильник двухкамерный модель Х-${100 + index}, No Frost, 360 л`,
      ОКЕИ_Тов: '796',
      НаимЕдИзм: 'шт',
      КолТов: String(quantity),
      ЦенаТов: String(Number(price) / 100),
      СтТовБезНДС: base,
      НалСт: '22%' as const,
      Акциз: 'без акциза' as const,
      СумНал: (base * 22n) / 100n,
      СтТовУчНал: base + (base * 22n) / 100n,
      СвДТ: [{ КодПроисх: '156', НомерДТ: '10702070/010126/0000001' }],
      КодВидТов: '8418102001',
      СведПрослеж: [{ НомТовПрослеж: `10702070/010126/0000001/${String(index + 1).padStart(3, '0')}`, ЕдИзмПрослеж: '796', НаимЕдИзмПрослеж: 'шт', КолВЕдПрослеж: String(quantity), СтТовБезНДСПрослеж: base }],
    };
  });
  const sum = (pick: (line: (typeof goods)[number]) => bigint) => goods.reduce((total, line) => total + pick(line), 0n);
  return {
    ВерсФорм: '5.03',
    ВерсПрог: 'Следопыт bench',
    ИдОтпр: '2BM-7701234560-770101001',
    ИдПол: '2BM-6673012345-667301001',
    Функция: 'СЧФДОП',
    ДатаИнфПр: '2026-03-02',
    ВремИнфПр: '10.15.00',
    НомерДок: 'ТИ-000123',
    ДатаДок: '2026-03-02',
    СвПрод: { ИдСв: { kind: 'СвЮЛУч', НаимОрг: 'ООО «ТехноИмпорт»', ИННЮЛ: '7701234560', КПП: '770101001' }, Адрес: { kind: 'АдрРФ', КодРегион: '77', НаимРегион: 'г. Москва', Улица: 'ул. Тверская', Дом: '7' } },
    СвПокуп: { ИдСв: { kind: 'СвЮЛУч', НаимОрг: 'ООО "Бытовая техника Урал"', ИННЮЛ: '6673012345', КПП: '667301001' }, Адрес: { kind: 'АдрРФ', КодРегион: '66', НаимРегион: 'Свердловская область', Город: 'Екатеринбург', Улица: 'ул. Сажинская', Дом: '11' } },
    ДенИзм: { КодОКВ: '643', НаимОКВ: 'Российский рубль' },
    СведТов: goods,
    ВсегоОпл: { СтТовБезНДСВсего: sum((line) => line.СтТовБезНДС), СтТовУчНалВсего: sum((line) => line.СтТовУчНал), СумНалВсего: sum((line) => line.СумНал) },
    СвПер: { СодОпер: 'Товары переданы', ДатаПер: '2026-03-02', ОснПер: [{ РеквНаимДок: 'Договор поставки', РеквНомерДок: '15/2026', РеквДатаДок: '2026-01-12' }] },
    Подписант: [{ ФИО: { Фамилия: 'Смирнова', Имя: 'Анна', Отчество: 'Петровна' }, Должн: 'Генеральный директор', СпосПодтПолном: '1' }],
  };
}

function rate(name: string, documents: number, run: () => void): UpdResult {
  for (let i = 0; i < Math.min(200, documents); i++) run();
  const started = performance.now();
  for (let i = 0; i < documents; i++) run();
  return { name, documents, documentsPerSecond: documents / ((performance.now() - started) / 1000) };
}

export function benchUpd(documents: number): { bytes: number; results: UpdResult[] } {
  const { bytes, fileName } = writeUpd(typicalUpd());
  const decoder = new TextDecoder('windows-1251');
  const fxp = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false });
  let sink = 0;
  const results = [
    rate('readDocument (package: safety scan + saxes tree + model)', documents, () => {
      sink += readDocument(bytes, fileName).summary.lines;
    }),
    rate('fast-xml-parser (decode + parse to objects, no model)', documents, () => {
      sink += Object.keys(fxp.parse(decoder.decode(bytes)) as object).length;
    }),
    rate('saxes (decode + events, no model)', documents, () => {
      const parser = new SaxesParser({ xmlns: false });
      parser.on('opentag', () => {
        sink++;
      });
      parser.write(decoder.decode(bytes)).close();
    }),
  ];
  if (sink < 0) throw new RangeError('unreachable');
  return { bytes: bytes.length, results };
}
