/**
 * A realistic inbox for import tests (`@sledopyt/reconciler/testing`): ООО «ТехноИмпорт», a Moscow importer
 * of household appliances, in Q1 2026 — its sale to a Yekaterinburg retailer and its purchase from a
 * Vladivostok importer (УПД 5.03), a correction of the sale (УКД), an import notification for refrigerators
 * from Minsk with the RNPT ФНС assigned, a remains notification, and sections 8 and 9 of its VAT declaration.
 * Written with the formats package's writers, so the files are what the readers accept in production.
 * Also the broken ones the import must survive: truncated, hostile, partial, corrupt at the end.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { completeInn, wholeQuantity } from '@sledopyt/core';
import type { Quantity } from '@sledopyt/core';
import {
  decodeXml,
  encodeXml,
  writeImportNotice,
  writeNdsSectionBytes,
  writeRemainsNotice,
  writeUkd,
  writeUpd,
} from '@sledopyt/formats';
import type { NdsSectionFileInput, PurchaseBookLineInput, SalesBookLineInput, UpdWriteInput } from '@sledopyt/formats';

export const OUR_INN = completeInn('770123456');
export const OUR_KPP = '770101001';
export const SUPPLIER_INN = completeInn('253601234');
export const BUYER_INN = completeInn('667300100');

const OUR = { kind: 'СвЮЛУч', НаимОрг: 'ООО «ТехноИмпорт»', ИННЮЛ: OUR_INN, КПП: OUR_KPP } as const;
const SUPPLIER = { kind: 'СвЮЛУч', НаимОрг: 'ООО «Приморский импортёр»', ИННЮЛ: SUPPLIER_INN, КПП: '253601001' } as const;
const BUYER = { kind: 'СвЮЛУч', НаимОрг: 'ООО "Бытовая техника Урал"', ИННЮЛ: BUYER_INN, КПП: '667301001' } as const;
const edo = (party: { ИННЮЛ: string; КПП: string }) => `2BM-${party.ИННЮЛ}-${party.КПП}`;
const MOSCOW = { kind: 'АдрРФ', КодРегион: '77', НаимРегион: 'г. Москва', Индекс: '125009', Улица: 'ул. Тверская', Дом: '7' } as const;
const SIGNER = { ФИО: { Фамилия: 'Смирнова', Имя: 'Анна', Отчество: 'Петровна' }, Должн: 'Генеральный директор', СпосПодтПолном: '1' } as const;

export const RNPT_FRIDGE = '10702070/010126/0000001/001';
export const RNPT_WASHER = '10702070/150126/0000042/003';
/** Assigned by ФНС after the import notification (same 8/6/7/3 shape as a customs RNPT). */
export const RNPT_EAEU = '77010000/090226/0000017/001';

/** УПД № ТИ-000123 of 02.03.2026: we sell 10 refrigerators and 4 washing machines (two batches) to the retailer. */
export function saleUpd(): UpdWriteInput {
  return {
    ВерсФорм: '5.03',
    ВерсПрог: 'Sledopyt 0.1.0',
    ИдОтпр: edo(OUR),
    ИдПол: edo(BUYER),
    Функция: 'СЧФДОП',
    ДатаИнфПр: '2026-03-02',
    ВремИнфПр: '10.15.00',
    НомерДок: 'ТИ-000123',
    ДатаДок: '2026-03-02',
    СвПрод: { ИдСв: OUR, Адрес: MOSCOW },
    СвПокуп: { ИдСв: BUYER, Адрес: { kind: 'АдрРФ', КодРегион: '66', НаимРегион: 'Свердловская область', Город: 'Екатеринбург', Улица: 'ул. Сажинская', Дом: '11' } },
    ДенИзм: { КодОКВ: '643', НаимОКВ: 'Российский рубль' },
    СведТов: [
      {
        НомСтр: 1,
        НаимТов: 'Холодильник двухкамерный Bosch KGN39VL24R',
        ОКЕИ_Тов: '796',
        НаимЕдИзм: 'шт',
        КолТов: '10',
        ЦенаТов: '45000',
        СтТовБезНДС: 450_000_00n,
        НалСт: '22%',
        СумНал: 99_000_00n,
        СтТовУчНал: 549_000_00n,
        СвДТ: [{ КодПроисх: '156', НомерДТ: '10702070/010126/0000001' }],
        КодВидТов: '8418102001',
        СведПрослеж: [{ НомТовПрослеж: RNPT_FRIDGE, ЕдИзмПрослеж: '796', НаимЕдИзмПрослеж: 'шт', КолВЕдПрослеж: '10', СтТовБезНДСПрослеж: 450_000_00n }],
      },
      {
        НомСтр: 2,
        НаимТов: 'Стиральная машина LG F2J3WS2W',
        ОКЕИ_Тов: '796',
        НаимЕдИзм: 'шт',
        КолТов: '4',
        ЦенаТов: '32500',
        СтТовБезНДС: 130_000_00n,
        НалСт: '22%',
        СумНал: 28_600_00n,
        СтТовУчНал: 158_600_00n,
        КодВидТов: '8450111100',
        СведПрослеж: [
          { НомТовПрослеж: RNPT_WASHER, ЕдИзмПрослеж: '796', НаимЕдИзмПрослеж: 'шт', КолВЕдПрослеж: '3', СтТовБезНДСПрослеж: 97_500_00n },
          { НомТовПрослеж: '10702070/150126/0000042/004', ЕдИзмПрослеж: '796', НаимЕдИзмПрослеж: 'шт', КолВЕдПрослеж: '1', СтТовБезНДСПрослеж: 32_500_00n },
        ],
      },
      { НомСтр: 3, НаимТов: 'Доставка до склада покупателя', ПрТовРаб: '3', СтТовБезНДС: 5_000_00n, НалСт: '22%', СумНал: 1_100_00n, СтТовУчНал: 6_100_00n },
    ],
    ВсегоОпл: { СтТовБезНДСВсего: 585_000_00n, СтТовУчНалВсего: 713_700_00n, СумНалВсего: 128_700_00n },
    СвПер: { СодОпер: 'Товары переданы', ДатаПер: '2026-03-02', ОснПер: [{ РеквНаимДок: 'Договор поставки', РеквНомерДок: '15/2026', РеквДатаДок: '2026-01-12' }] },
    Подписант: [SIGNER],
  };
}

/** УПД № ПИ-000045 of 20.01.2026: the Vladivostok importer sells us 20 washing machines. */
export function purchaseUpd(): UpdWriteInput {
  return {
    ...saleUpd(),
    ИдОтпр: edo(SUPPLIER),
    ИдПол: edo(OUR),
    ДатаИнфПр: '2026-01-20',
    НомерДок: 'ПИ-000045',
    ДатаДок: '2026-01-20',
    СвПрод: { ИдСв: SUPPLIER, Адрес: { kind: 'АдрРФ', КодРегион: '25', НаимРегион: 'Приморский край', Город: 'Владивосток', Улица: 'ул. Светланская', Дом: '29' } },
    СвПокуп: { ИдСв: OUR, Адрес: MOSCOW },
    СведТов: [
      {
        НомСтр: 1,
        НаимТов: 'Стиральная машина LG F2J3WS2W',
        ОКЕИ_Тов: '796',
        НаимЕдИзм: 'шт',
        КолТов: '20',
        ЦенаТов: '27000',
        СтТовБезНДС: 540_000_00n,
        НалСт: '22%',
        СумНал: 118_800_00n,
        СтТовУчНал: 658_800_00n,
        СвДТ: [{ КодПроисх: '410', НомерДТ: '10702070/150126/0000042' }],
        КодВидТов: '8450111100',
        СведПрослеж: [{ НомТовПрослеж: RNPT_WASHER, ЕдИзмПрослеж: '796', НаимЕдИзмПрослеж: 'шт', КолВЕдПрослеж: '20', СтТовБезНДСПрослеж: 540_000_00n }],
      },
    ],
    ВсегоОпл: { СтТовБезНДСВсего: 540_000_00n, СтТовУчНалВсего: 658_800_00n, СумНалВсего: 118_800_00n },
    СвПер: { СодОпер: 'Товары переданы', ДатаПер: '2026-01-20' },
  };
}

export const FORM_TAXPAYER = { kind: 'СведЮЛ', НаимОрг: 'ООО «ТехноИмпорт»', ИННЮЛ: OUR_INN, КПП: OUR_KPP } as const;
export const FORM_SIGNER = { ПрПодп: '1', ФИО: { Фамилия: 'Смирнова', Имя: 'Анна', Отчество: 'Петровна' } } as const;
const GUIDS = {
  importNotice: '0b6f2a44-3c1e-4f7a-9a55-2f4d1e7c8b90',
  remainsNotice: '1c7e3b55-4d2f-4a8b-8b66-3a5e2f8d9ca1',
  section8: '2d8f4c66-5e3a-4b9c-9c77-4b6f3a9eadb2',
  section9: '3e9a5d77-6f4b-4cad-8d88-5c7a4bafbec3',
} as const;

/** Section 9 lines: our sale УПД (three batches), a storno of an earlier sale, and a line with a plain ДТ number. */
export function salesBookLines(extra = 0): SalesBookLineInput[] {
  const lines: SalesBookLineInput[] = [
    {
      НомерПор: 1,
      НомСчФПрод: 'ТИ-000123',
      ДатаСчФПрод: '2026-03-02',
      СтоимПродСФ: 713_700_00n,
      СтоимПродСФ22: 585_000_00n,
      СумНДССФ22: 128_700_00n,
      КодВидОпер: ['01'],
      СвРегНом: [
        { РегНомПросл: RNPT_FRIDGE, ОКЕИ: '796', КолТовПросл: wholeQuantity(10), СтоимТовПросл: 450_000_00n },
        { РегНомПросл: RNPT_WASHER, ОКЕИ: '796', КолТовПросл: wholeQuantity(3), СтоимТовПросл: 97_500_00n },
        { РегНомПросл: '10702070/150126/0000042/004', ОКЕИ: '796', КолТовПросл: wholeQuantity(1), СтоимТовПросл: 32_500_00n },
      ],
      СвПокуп: [{ kind: 'СведЮЛ', ИННЮЛ: BUYER_INN, КПП: '667301001' }],
    },
    {
      НомерПор: 2,
      НомСчФПрод: 'ТИ-000098',
      ДатаСчФПрод: '2026-02-11',
      СтоимПродСФ: -54_900_00n,
      СтоимПродСФ22: -45_000_00n,
      СумНДССФ22: -9_900_00n,
      КодВидОпер: ['01'],
      СвРегНом: [{ РегНомПросл: RNPT_FRIDGE, ОКЕИ: '796', КолТовПросл: -wholeQuantity(1) as Quantity, СтоимТовПросл: -45_000_00n }],
      СвПокуп: [{ kind: 'СведИП', ИННФЛ: '772112345678' }],
    },
    {
      НомерПор: 3,
      НомСчФПрод: 'ТИ-000101',
      ДатаСчФПрод: '2026-02-16',
      СтоимПродСФ: 12_200_00n,
      СтоимПродСФ22: 10_000_00n,
      СумНДССФ22: 2_200_00n,
      КодВидОпер: ['01'],
      СвРегНом: [{ РегНомПросл: '10702070/150126/0001234' }],
      СвПокуп: [{ kind: 'СведЮЛ', ИННЮЛ: BUYER_INN, КПП: '667301001' }],
    },
  ];
  for (let index = 0; index < extra; index += 1) {
    const quantity = 1 + (index % 5);
    lines.push({
      НомерПор: lines.length + 1,
      НомСчФПрод: `ТИ-${String(200 + index).padStart(6, '0')}`,
      ДатаСчФПрод: `2026-03-${String(1 + (index % 28)).padStart(2, '0')}`,
      СтоимПродСФ: BigInt(quantity) * 54_900_00n,
      СтоимПродСФ22: BigInt(quantity) * 45_000_00n,
      СумНДССФ22: BigInt(quantity) * 9_900_00n,
      КодВидОпер: ['01'],
      СвРегНом: [{ РегНомПросл: RNPT_FRIDGE, ОКЕИ: '796', КолТовПросл: wholeQuantity(quantity), СтоимТовПросл: BigInt(quantity) * 45_000_00n }],
      СвПокуп: [{ kind: 'СведЮЛ', ИННЮЛ: BUYER_INN, КПП: '667301001' }],
    });
  }
  return lines;
}

export function purchaseBookLines(): PurchaseBookLineInput[] {
  return [
    {
      НомерПор: 1,
      НомСчФПрод: 'ПИ-000045',
      ДатаСчФПрод: '2026-01-20',
      СтоимПокупВ: 658_800_00n,
      СумНДСВыч: 118_800_00n,
      КодВидОпер: ['01'],
      ДатаУчТов: ['2026-01-21'],
      СвПрод: [{ kind: 'СведЮЛ', ИННЮЛ: SUPPLIER_INN, КПП: '253601001' }],
      СвРегНом: [{ РегНомПросл: RNPT_WASHER, ОКЕИ: '796', КолТовПросл: wholeQuantity(20), СтоимТовПросл: 540_000_00n }],
    },
  ];
}

function sectionFile(section: '8' | '9', guid: string, totals: Record<string, bigint>, correctionNumber = 0): NdsSectionFileInput {
  return {
    section,
    ВерсФорм: '5.12',
    ВерсПрог: 'Следопыт 0.1',
    НомКорр: correctionNumber,
    fileName: { taxOffice: '7701', finalTaxOffice: '7701', taxpayerId: `${OUR_INN}${OUR_KPP}`, date: '2026-04-20', guid },
    totals,
  };
}

export interface Section9Options {
  guid?: string;
  /** More sale lines after the three of the quarter (each a batch of refrigerators). */
  extraLines?: number;
  /** НомКорр of the declaration (0: primary). */
  correctionNumber?: number;
}

/** The file name (= ИдФайл + `.xml`) of our section file with this GUID. */
export const sectionFileName = (section: '8' | '9', guid: string): string => `NO_NDS.${section}_7701_7701_${OUR_INN}${OUR_KPP}_20260420_${guid}.xml`;

export function writeSection9(options: Section9Options = {}): Promise<Uint8Array> {
  const lines = salesBookLines(options.extraLines ?? 0);
  const base = lines.reduce((sum, line) => sum + (line.СтоимПродСФ22 ?? 0n), 0n);
  const vat = lines.reduce((sum, line) => sum + (line.СумНДССФ22 ?? 0n), 0n);
  return writeNdsSectionBytes(sectionFile('9', options.guid ?? GUIDS.section9, { СтПродБезНДС22: base, СумНДСВсКПр22: vat }, options.correctionNumber), lines);
}

/**
 * The declaration's main file NO_NDS (title only; sections 1–7 are not needed here), listing its section files.
 * `Период` 21–24 = I–IV quarter.
 */
export function mainDeclarationFile(input: { guid: string; period: string; year: number; correctionNumber?: number; salesBook?: string; purchaseBook?: string }): { fileName: string; bytes: Uint8Array } {
  const fileId = `NO_NDS_7701_7701_${OUR_INN}${OUR_KPP}_20260420_${input.guid}`;
  const book = (element: string, attribute: string, name: string | undefined) => (name === undefined ? '' : `\n      <${element} ${attribute}="${name}"/>`);
  const text = `<?xml version="1.0" encoding="windows-1251"?>
<Файл ИдФайл="${fileId}" ВерсПрог="1С:Бухгалтерия 3.0" ВерсФорм="5.12" ПризнНал8-12="1" ПризнНал8="${input.purchaseBook === undefined ? 0 : 1}" ПризнНал9="${input.salesBook === undefined ? 0 : 1}">
  <Документ КНД="1151001" ДатаДок="20.04.2026" Период="${input.period}" ОтчетГод="${input.year}" КодНО="7701" НомКорр="${input.correctionNumber ?? 0}" ПоМесту="214">
    <СвНП><НПЮЛ НаимОрг="ООО «ТехноИмпорт»" ИННЮЛ="${OUR_INN}" КПП="${OUR_KPP}"/></СвНП>
    <Подписант ПрПодп="1"><ФИО Фамилия="Смирнова" Имя="Анна" Отчество="Петровна"/></Подписант>
    <НДС>
      <СумУплНП СумПУ_173.5="0" СумПУ_173.1="1848000" ПризнСЗПК="0"/>${book('КнигаПокуп', 'НаимКнПок', input.purchaseBook)}${book('КнигаПрод', 'НаимКнПрод', input.salesBook)}
    </НДС>
  </Документ>
</Файл>
`;
  return { fileName: `${fileId}.xml`, bytes: encodeXml(text, 'windows-1251') };
}

export function writeSection8(): Promise<Uint8Array> {
  const lines = purchaseBookLines();
  return writeNdsSectionBytes(sectionFile('8', GUIDS.section8, { СумНДСВсКПк: lines.reduce((sum, line) => sum + line.СумНДСВыч, 0n) }), lines);
}

/** The correction of the sale: two of the ten refrigerators came back defective. */
function saleUkd() {
  return writeUkd(
    {
      ВерсПрог: 'Sledopyt 0.1.0',
      ИдОтпр: edo(OUR),
      ИдПол: edo(BUYER),
      Функция: 'КСЧФДИС',
      ДатаИнфПр: '2026-03-16',
      ВремИнфПр: '09.05.30',
      НаимЭконСубСост: `ООО «ТехноИмпорт», ИНН/КПП ${OUR_INN}/${OUR_KPP}`,
      НомерКСчФ: 'К-0007',
      ДатаКСчФ: '2026-03-16',
      КодОКВ: '643',
      СчФ: [{ НомерСчФ: 'ТИ-000123', ДатаСчФ: '2026-03-02' }],
      СвПрод: { ИдСв: OUR, Адрес: MOSCOW },
      СвПокуп: { ИдСв: BUYER },
      СведТов: [
        {
          НомСтр: 1,
          ПорНомТовВСЧФ: 1,
          НаимТов: 'Холодильник двухкамерный Bosch KGN39VL24R',
          ОКЕИ_ТовДо: '796',
          ОКЕИ_ТовПосле: '796',
          КолТовДо: '10',
          КолТовПосле: '8',
          ЦенаТовДо: '45000',
          ЦенаТовПосле: '45000',
          НалСтДо: '22%',
          НалСтПосле: '22%',
          СтТовБезНДС: { СтоимДоИзм: 450_000_00n, СтоимПослеИзм: 360_000_00n, СтоимУм: 90_000_00n },
          СумНалДо: 99_000_00n,
          СумНалПосле: 79_200_00n,
          СумНалРазн: { СумУм: 19_800_00n },
          СтТовУчНал: { СтоимДоИзм: 549_000_00n, СтоимПослеИзм: 439_200_00n, СтоимУм: 109_800_00n },
          КодВидТов: '8418102001',
          СведПрослеж: [{ НомТовПрослеж: RNPT_FRIDGE, ЕдИзмПрослеж: '796', ИзмКолЕдПТ: { КолТовЕдПТДо: '10', КолТовЕдПТПосле: '8', КолТовЕдПТУм: '2' } }],
        },
      ],
      ВсегоУм: { СтТовБезНДСВсего: 90_000_00n, СтТовУчНалВсего: 109_800_00n, СумНал: 19_800_00n },
      СодФХЖ3: {
        СодОпер: 'Возврат товара ненадлежащего качества',
        ДатаНапр: '2026-03-16',
        ПередатДокум: [{ НаимОсн: 'УПД', НомОсн: 'ТИ-000123', ДатаОсн: '2026-03-02' }],
        ДокумОснКор: [{ НаимОсн: 'Акт о возврате', НомОсн: '3', ДатаОсн: '2026-03-13' }],
      },
      Подписант: [{ ОблПолн: '6', Статус: '1', ОснПолн: 'Должностные обязанности', kind: 'ЮЛ', ИННЮЛ: OUR_INN, НаимОрг: 'ООО «ТехноИмпорт»', Должн: 'Генеральный директор', ФИО: SIGNER.ФИО }],
    },
    { guid: '4fab6e88-7a5c-4dbe-9e99-6d8b5cb0cfd4' },
  );
}

/** Corrective import notification (НомКорр 1) with the RNPT ФНС assigned: 20 refrigerators from Minsk. */
function importNotice() {
  return writeImportNotice(
    {
      ВерсПрог: 'Sledopyt 0.1.0',
      НомУвед: '1',
      ДатаУвед: '2026-02-09',
      НомКорр: 1,
      СвНП: FORM_TAXPAYER,
      Подписант: FORM_SIGNER,
      СвЛицПрд: { ОКСМ: '112', ИдКод: '190123456', Адрес: 'Республика Беларусь, г. Минск, ул. Тимирязева, д. 65', НаимОрг: 'ООО «БелХолод»' },
      СвСопрДок: [
        { ВидСопрДок: '3', ДатаСопрДок: '2026-02-02', НомСопрДок: 'ТТН 0456789' },
        { ВидСопрДок: '1', ДатаСопрДок: '2026-02-03', НомСопрДок: '17' },
      ],
      СведТовар: {
        КодТовТНВЭД: '8418102001',
        КолТовСопрДок: '20',
        ЕдинИзмСопрДок: '796',
        РегНомерТов: RNPT_EAEU,
        ЕдинИзмерКол: '796',
        КоличТоварКол: '20',
        СтоимБезНДС: 900_000_00n,
      },
    },
    { taxOffice: '7701', guid: GUIDS.importNotice },
  );
}

/** Remains notification as first filed: a used refrigerator bought from an individual, no RNPT yet. */
function remainsNotice() {
  return writeRemainsNotice(
    {
      НомУвед: '2',
      ДатаУвед: '2026-01-20',
      ПризнУвед: '1',
      СвНП: FORM_TAXPAYER,
      Подписант: { ПрПодп: '2', ФИО: { Фамилия: 'Кузнецов', Имя: 'Олег' }, СвПред: { НаимДок: 'Доверенность № 12 от 10.01.2026' } },
      ИНН: ['771234567859'],
      УведОстатТов: {
        НаимПервичДок: 'Договор купли-продажи',
        НомПервичДок: '5',
        ДатаПервичДок: '2026-01-15',
        НаимТовДок: 'Холодильник Атлант ХМ-4021 (бывший в употреблении)',
        КодТНВЭД: '8418102001',
        КолТоварДок: '1',
        ЕдинИзмерДок: '796',
        ЕдинИзмерКол: '796',
        КоличТоварКол: '1',
        СтТоварБезНДС: 12_500_00n,
      },
    },
    { taxOffice: '7701', guid: GUIDS.remainsNotice },
  );
}

/** The good files of the inbox: name → bytes. */
export async function goodFiles(): Promise<Record<string, Uint8Array>> {
  const sale = writeUpd(saleUpd(), { guid: '5a0b7f99-8b6d-4ecf-8faa-7e9c6dc1d0e5' });
  const purchase = writeUpd(purchaseUpd(), { guid: '6b1c8aaa-9c7e-4fd0-9abb-8fad7ed2e1f6' });
  const ukd = saleUkd();
  const notice = importNotice();
  const remains = remainsNotice();
  return {
    [`edo/out/${sale.fileName}`]: sale.bytes,
    [`edo/in/${purchase.fileName}`]: purchase.bytes,
    [`edo/out/${ukd.fileName}`]: ukd.bytes,
    [`fns/${notice.fileName}`]: notice.bytes,
    [`fns/${remains.fileName}`]: remains.bytes,
    [`fns/${sectionFileName('8', GUIDS.section8)}`]: await writeSection8(),
    [`fns/${sectionFileName('9', GUIDS.section9)}`]: await writeSection9(),
  };
}

export const CORRUPT_GUID = '7fbc9bbb-ad8f-4ae1-8bcc-9bbe8fe3f2a7';

/** A section 9 of many lines whose last line is broken (НомерПор is not a number): nothing of it may be stored. */
export async function corruptTailSection9(lines: number): Promise<Uint8Array> {
  const bytes = await writeSection9({ guid: CORRUPT_GUID, extraLines: lines - salesBookLines().length });
  const text = decodeXml(bytes).text;
  const last = `НомерПор="${lines}"`;
  const at = text.lastIndexOf(last);
  if (at < 0) throw new Error(`no line ${lines} in the generated section`);
  return encodeXml(`${text.slice(0, at)}НомерПор="${lines}O"${text.slice(at + last.length)}`, 'windows-1251');
}

/** A DOCTYPE with an entity (a "billion laughs" seed): refused before any parser sees it. */
export const HOSTILE_DOCTYPE = new TextEncoder().encode(
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Файл [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n' +
    '<Файл ИдФайл="ON_NSCHFDOPPR_x" ВерсФорм="5.03" ВерсПрог="x"><Документ КНД="1115131">&lol2;</Документ></Файл>\n',
);

/** Writes name → bytes (names may contain folders) under `root`; returns the paths by name. */
export function writeFilesUnder(root: string, files: Record<string, Uint8Array | string>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(root, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    paths[name] = path;
  }
  return paths;
}

/** The inbox with everything: the good files, and the bad ones under `bad/`. Returns the paths by name. */
export async function writeInbox(root: string, options: { corruptSectionLines?: number } = {}): Promise<Record<string, string>> {
  const good = await goodFiles();
  const saleName = Object.keys(good).find((name) => name.startsWith('edo/out/ON_NSCHFDOPPR')) ?? '';
  const sale = good[saleName] ?? new Uint8Array();
  return writeFilesUnder(root, {
    ...good,
    'bad/ON_NSCHFDOPPR_truncated.xml': sale.subarray(0, Math.floor(sale.length / 2)),
    'bad/ON_NSCHFDOPPR_doctype.xml': HOSTILE_DOCTYPE,
    'edo/in/ON_NSCHFDOPPR_upload.xml.part': sale,
    [`bad/${sectionFileName('9', CORRUPT_GUID)}`]: await corruptTailSection9(options.corruptSectionLines ?? 300),
  });
}
