/**
 * The demo's УПД 5.03 (СЧФДОП with `СведПрослеж`) and УКД 5.01 as the formats package's writer inputs:
 * parties with addresses, goods lines with the ДТ and country of origin, 22 % VAT, totals, transfer and signer.
 */
import type { Participant, UkdWriteInput, UpdWriteInput } from '@sledopyt/formats';
import { DEMO_COMPANY, type DemoParty } from './demo-catalog.js';
import type { DemoCorrection, DemoGoods, DemoTrade } from './demo-files-plan.js';

/** ОКСМ numeric codes of the origins the catalog uses. */
const OKSM: Readonly<Record<string, string>> = { CN: '156', TR: '792', JP: '392', DE: '276', BY: '112', KZ: '398', RU: '643' };
const VAT_PERCENT = 22n;

const REGIONS: Readonly<Record<string, { КодРегион: string; НаимРегион: string; Город?: string }>> = {
  '78': { КодРегион: '78', НаимРегион: 'г. Санкт-Петербург' },
  '77': { КодРегион: '77', НаимРегион: 'г. Москва' },
  '54': { КодРегион: '54', НаимРегион: 'Новосибирская область', Город: 'Новосибирск' },
  '47': { КодРегион: '47', НаимРегион: 'Ленинградская область', Город: 'Всеволожск' },
  '63': { КодРегион: '63', НаимРегион: 'Самарская область', Город: 'Самара' },
};

export const edoId = (party: DemoParty): string => `2BM-${party.inn}-${party.kpp ?? ''}`.replace(/-$/, '');

export function participantOf(party: DemoParty): Participant {
  const region = REGIONS[party.inn.slice(0, 2)] ?? (REGIONS['78'] as (typeof REGIONS)[string]);
  return {
    ИдСв: { kind: 'СвЮЛУч', НаимОрг: party.name, ИННЮЛ: party.inn, ...(party.kpp === null ? {} : { КПП: party.kpp }) },
    Адрес: { kind: 'АдрРФ', ...region, Улица: 'ул. Складская', Дом: String(3 + (Number(party.inn.slice(-3)) % 40)) },
  } as Participant;
}

const vatOf = (cost: bigint): bigint => (cost * VAT_PERCENT + 50n) / 100n;
export const costOf = (goods: Pick<DemoGoods, 'item' | 'quantity'>): bigint => goods.item.unitPrice * BigInt(goods.quantity);
const rubText = (kopecks: bigint): string => (kopecks % 100n === 0n ? String(kopecks / 100n) : `${kopecks / 100n}.${String(kopecks % 100n).padStart(2, '0')}`);
const customsNumber = (rnpt: string): string => rnpt.split('/').slice(0, 3).join('/');

function goodsLine(goods: DemoGoods, index: number) {
  const cost = costOf(goods);
  const vat = vatOf(cost);
  return {
    НомСтр: index + 1,
    НаимТов: goods.item.name,
    ОКЕИ_Тов: '796',
    НаимЕдИзм: 'шт',
    КолТов: String(goods.quantity),
    ЦенаТов: rubText(goods.item.unitPrice),
    СтТовБезНДС: cost,
    НалСт: '22%',
    Акциз: 'без акциза',
    СумНал: vat,
    СтТовУчНал: cost + vat,
    СвДТ: [{ КодПроисх: OKSM[goods.item.origin] ?? '156', НомерДТ: customsNumber(goods.rnpt) }],
    КодВидТов: goods.tnved ?? goods.item.tnved,
    СведПрослеж: [{ НомТовПрослеж: goods.rnpt, ЕдИзмПрослеж: '796', НаимЕдИзмПрослеж: 'шт', КолВЕдПрослеж: String(goods.quantity), СтТовБезНДСПрослеж: cost }],
  };
}

const SIGNER = { ФИО: { Фамилия: 'Орлова', Имя: 'Марина', Отчество: 'Сергеевна' }, Должн: 'Генеральный директор', СпосПодтПолном: '1' } as const;

/** Seller and buyer of a trade: the demo company on one side. */
function sides(trade: DemoTrade): { seller: Participant; buyer: Participant; sellerEdo: string; buyerEdo: string } {
  const us = participantOf(DEMO_COMPANY);
  if (trade.direction === 'purchase') {
    const supplier = trade.party as DemoParty;
    return { seller: participantOf(supplier), buyer: us, sellerEdo: edoId(supplier), buyerEdo: edoId(DEMO_COMPANY) };
  }
  if (trade.foreignBuyer !== undefined) {
    const foreign = trade.foreignBuyer;
    const buyer = {
      ИдСв: { kind: 'СвИнНеУч', ИдСтат: 'ИО', Наим: foreign.name, КодСтр: OKSM[foreign.country] ?? '398', НаимСтран: 'Казахстан', Идентиф: foreign.taxId },
      Адрес: { kind: 'АдрИнф', КодСтр: OKSM[foreign.country] ?? '398', НаимСтран: 'Казахстан', АдрТекст: 'Республика Казахстан, г. Астана, пр. Мангилик Ел, д. 55' },
    } as Participant;
    return { seller: us, buyer, sellerEdo: edoId(DEMO_COMPANY), buyerEdo: `2KZ-${foreign.taxId}` };
  }
  const buyer = trade.party as DemoParty;
  return { seller: us, buyer: participantOf(buyer), sellerEdo: edoId(DEMO_COMPANY), buyerEdo: edoId(buyer) };
}

export function updInput(trade: DemoTrade): UpdWriteInput {
  const { seller, buyer, sellerEdo, buyerEdo } = sides(trade);
  const lines = trade.goods.map(goodsLine);
  const total = lines.reduce((sum, line) => sum + line.СтТовБезНДС, 0n);
  const vat = lines.reduce((sum, line) => sum + line.СумНал, 0n);
  return {
    ВерсФорм: '5.03',
    ВерсПрог: '1С:Бухгалтерия 3.0',
    ИдОтпр: sellerEdo,
    ИдПол: buyerEdo,
    Функция: 'СЧФДОП',
    ДатаИнфПр: trade.date,
    ВремИнфПр: '10.15.00',
    НомерДок: trade.number,
    ДатаДок: trade.date,
    СвПрод: seller,
    СвПокуп: buyer,
    ДенИзм: { КодОКВ: '643', НаимОКВ: 'Российский рубль' },
    СведТов: lines,
    ВсегоОпл: { СтТовБезНДСВсего: total, СтТовУчНалВсего: total + vat, СумНалВсего: vat },
    СвПер: {
      СодОпер: 'Товары переданы',
      ДатаПер: trade.date,
      ОснПер: [{ РеквНаимДок: 'Договор поставки', РеквНомерДок: `${trade.direction === 'sale' ? 'П' : 'З'}-2026/${trade.number.slice(-3)}`, РеквДатаДок: '2026-01-15' }],
    },
    Подписант: [SIGNER],
  } as UpdWriteInput;
}

/** The УКД of one of our sales: the first goods line's quantity changes to `quantityAfter`. */
export function ukdInput(correction: DemoCorrection): UkdWriteInput {
  const { sale } = correction;
  const { seller, buyer, sellerEdo, buyerEdo } = sides(sale);
  const goods = sale.goods[0] as DemoGoods;
  const before = costOf(goods);
  const after = costOf({ item: goods.item, quantity: correction.quantityAfter });
  const increase = after > before;
  const delta = increase ? after - before : before - after;
  const vatBefore = vatOf(before);
  const vatAfter = vatOf(after);
  const vatDelta = increase ? vatAfter - vatBefore : vatBefore - vatAfter;
  const change = (a: bigint, b: bigint, d: bigint) => ({ СтоимДоИзм: a, СтоимПослеИзм: b, ...(increase ? { СтоимУвел: d } : { СтоимУм: d }) });
  const quantityDelta = String(Math.abs(correction.quantityAfter - goods.quantity));
  const totals = { СтТовБезНДСВсего: delta, СтТовУчНалВсего: delta + vatDelta, СумНал: vatDelta };
  return {
    ВерсПрог: '1С:Бухгалтерия 3.0',
    ИдОтпр: sellerEdo,
    ИдПол: buyerEdo,
    Функция: 'КСЧФДИС',
    НаимДокОпр: 'Корректировочный счет-фактура и документ об изменении стоимости отгруженных товаров',
    ДатаИнфПр: correction.date,
    ВремИнфПр: '11.40.00',
    НаимЭконСубСост: `${DEMO_COMPANY.name}, ИНН/КПП ${DEMO_COMPANY.inn}/${DEMO_COMPANY.kpp ?? ''}`,
    НомерКСчФ: correction.number,
    ДатаКСчФ: correction.date,
    КодОКВ: '643',
    СчФ: [{ НомерСчФ: sale.number, ДатаСчФ: sale.date }],
    СвПрод: seller,
    СвПокуп: buyer,
    СведТов: [
      {
        НомСтр: 1,
        ПорНомТовВСЧФ: 1,
        НаимТов: goods.item.name,
        ОКЕИ_ТовДо: '796',
        ОКЕИ_ТовПосле: '796',
        КолТовДо: String(goods.quantity),
        КолТовПосле: String(correction.quantityAfter),
        ЦенаТовДо: rubText(goods.item.unitPrice),
        ЦенаТовПосле: rubText(goods.item.unitPrice),
        НалСтДо: '22%',
        НалСтПосле: '22%',
        СтТовБезНДС: change(before, after, delta),
        СумНалДо: vatBefore,
        СумНалПосле: vatAfter,
        СумНалРазн: increase ? { СумУвел: vatDelta } : { СумУм: vatDelta },
        СтТовУчНал: change(before + vatBefore, after + vatAfter, delta + vatDelta),
        КодВидТов: goods.tnved ?? goods.item.tnved,
        СведПрослеж: [
          {
            НомТовПрослеж: goods.rnpt,
            ЕдИзмПрослеж: '796',
            ИзмКолЕдПТ: {
              КолТовЕдПТДо: String(goods.quantity),
              КолТовЕдПТПосле: String(correction.quantityAfter),
              ...(increase ? { КолТовЕдПТУвел: quantityDelta } : { КолТовЕдПТУм: quantityDelta }),
            },
          },
        ],
      },
    ],
    ...(increase ? { ВсегоУвел: totals } : { ВсегоУм: totals }),
    СодФХЖ3: {
      СодОпер: correction.reasonRu,
      ДатаНапр: correction.date,
      ПередатДокум: [{ НаимОсн: 'УПД', НомОсн: sale.number, ДатаОсн: sale.date }],
      ДокумОснКор: [{ НаимОсн: 'Соглашение об изменении стоимости', НомОсн: correction.number.slice(-2), ДатаОсн: correction.date }],
    },
    Подписант: [
      {
        ОблПолн: '6',
        Статус: '1',
        ОснПолн: 'Должностные обязанности',
        kind: 'ЮЛ',
        ИННЮЛ: DEMO_COMPANY.inn,
        НаимОрг: DEMO_COMPANY.name,
        Должн: 'Генеральный директор',
        ФИО: SIGNER.ФИО,
      },
    ],
  } as UkdWriteInput;
}
