/**
 * The отчёт об операциях from ledger movements: the movements of one quarter that carry an operation code
 * (purchases 17, sales 15, write-offs 02…; customs imports, EAEU imports and remains have none) become report
 * lines, one per operation date + code + primary document + counterparty, with one `ТоварПросл` per RNPT and unit.
 */
import { dateParts, movementOperationCode, reportDocumentKindCode, type CalendarDate, type Movement, type Quantity } from '@sledopyt/core';
import type { FormSigner, FormTaxpayer } from '../notifications/common.js';
import type { OperationsReport, ReportLine } from './model.js';

export interface ReportFromMovementsOptions {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  taxpayer: FormTaxpayer;
  signer: FormSigner;
  КодНО: string;
  ПоМесту: string;
  НомКорр?: number;
  ВерсПрог?: string;
  /** Counterparties by ИНН (the ledger keeps only the ИНН); unknown ones are left out of `Контрагент`. */
  counterparties?: Readonly<Record<string, FormTaxpayer>>;
}

export type OperationsReportDraft = Omit<OperationsReport, 'ИдФайл'>;

export function operationsReportFromMovements(movements: Iterable<Movement>, options: ReportFromMovementsOptions): OperationsReportDraft {
  const groups = new Map<string, { line: Omit<ReportLine, 'НомерПор'>; goods: Map<string, ReportLine['ТоварПросл'][number]> }>();
  for (const movement of movements) {
    const code = movementOperationCode(movement);
    if (code === null || !inQuarter(movement.date, options.year, options.quarter)) continue;
    const document = movement.document;
    const key = [movement.date, code, document.kind, document.number, document.date, movement.counterpartyInn ?? ''].join('|');
    let group = groups.get(key);
    if (group === undefined) {
      const counterparty = movement.counterpartyInn === undefined ? undefined : options.counterparties?.[movement.counterpartyInn];
      group = {
        line: {
          ДатаОпер: movement.date,
          КодВидОпер: code,
          РеквПервичДок: { ВидДок: String(reportDocumentKindCode(document.kind)) as ReportLine['РеквПервичДок']['ВидДок'], НомДок: document.number, ДатаДок: document.date },
          ...(counterparty === undefined ? {} : { Контрагент: counterparty }),
          ТоварПросл: [],
        },
        goods: new Map(),
      };
      groups.set(key, group);
    }
    const goodsKey = `${movement.rnpt}|${movement.unit}`;
    const existing = group.goods.get(goodsKey);
    if (existing === undefined) {
      group.goods.set(goodsKey, { РегНомерТов: movement.rnpt, ЕдинИзмерПер: movement.unit, КоличТоварПер: movement.quantity, СтТоварБезНДС: movement.costWithoutVat });
    } else {
      existing.КоличТоварПер = (existing.КоличТоварПер + movement.quantity) as Quantity;
      existing.СтТоварБезНДС += movement.costWithoutVat;
    }
  }
  const lines = [...groups.values()]
    .map(({ line, goods }) => ({ ...line, ТоварПросл: [...goods.values()] }))
    .sort((a, b) => compare(a.ДатаОпер, b.ДатаОпер) || compare(a.КодВидОпер, b.КодВидОпер) || compare(a.РеквПервичДок.НомДок, b.РеквПервичДок.НомДок))
    .map((line, index) => ({ НомерПор: index + 1, ...line }));
  return {
    ВерсФорм: '5.02',
    ...(options.ВерсПрог === undefined ? {} : { ВерсПрог: options.ВерсПрог }),
    ОтчетГод: String(options.year),
    Период: String(20 + options.quarter) as OperationsReport['Период'],
    НомКорр: options.НомКорр ?? 0,
    КодНО: options.КодНО,
    ПоМесту: options.ПоМесту,
    СвНП: options.taxpayer,
    Подписант: options.signer,
    ОтчетОперПрТовСтр: lines,
  };
}

function inQuarter(date: CalendarDate, year: number, quarter: number): boolean {
  const parts = dateParts(date);
  return parts.year === year && Math.ceil(parts.month / 3) === quarter;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
