/**
 * The one table of movement kinds: direction, operation code, whether the kind ends or renews
 * traceability, and which notification it needs (traceability-rules §4.1, §4.2, §4.6). Everything else
 * in the ledger reads these rows instead of switching on kinds.
 */
import { z } from 'zod';
import type { RnptOrigin } from '../rnpt/origin.js';
import type { OperationCode } from './operation-codes.js';

export type MovementDirection = 'receipt' | 'disposal';

/** A notification the movement requires (КНД 1169008 ввоз, 1184054 перемещение, 1169011 остатки). */
export type NotificationKind = 'eaeu_import' | 'eaeu_movement' | 'remains';

export interface MovementKindRule {
  direction: MovementDirection;
  /** For УКД/КСФ kinds: whether the correction changes an earlier receipt or disposal; else null. */
  corrects: MovementDirection | null;
  /** The code in the отчёт об операциях, when one applies; null when none does or it depends on the document. */
  operationCode: OperationCode | null;
  /** Codes a movement of this kind may carry explicitly (its `operationCode` field). */
  allowedOperationCodes: readonly OperationCode[];
  /** The goods leave traceability (codes 01–09). */
  endsTraceability: boolean;
  /** The goods come back into traceability (codes 10–12). */
  renewal: boolean;
  notification: NotificationKind | null;
  /** For receipts that bring a new RNPT: where it comes from. */
  rnptOrigin: RnptOrigin | null;
  labelRu: string;
}

function kind(
  direction: MovementDirection,
  operationCode: OperationCode | null,
  labelRu: string,
  extra: Partial<Omit<MovementKindRule, 'direction' | 'operationCode' | 'labelRu'>> = {},
): MovementKindRule {
  return {
    direction,
    corrects: null,
    operationCode,
    allowedOperationCodes: operationCode === null ? [] : [operationCode],
    endsTraceability: false,
    renewal: false,
    notification: null,
    rnptOrigin: null,
    labelRu,
    ...extra,
  };
}

export const MOVEMENT_KINDS = {
  // Receipts
  purchase: kind('receipt', '17', 'Приобретение'),
  customs_import: kind('receipt', null, 'Ввоз по декларации на товары', { rnptOrigin: 'customs_declaration' }),
  eaeu_import: kind('receipt', null, 'Ввоз из государства ЕАЭС', {
    notification: 'eaeu_import',
    rnptOrigin: 'eaeu_import_notification',
  }),
  remains: kind('receipt', null, 'Остатки (уведомление об остатках)', {
    notification: 'remains',
    rnptOrigin: 'remains_notification',
  }),
  free_receipt: kind('receipt', '18', 'Безвозмездное получение'),
  // [I] A participant's return comes either as the buyer's own УПД (for us: an acquisition, 17) or, for goods
  // the buyer never accepted, as our УКД on decrease (19) — the document decides, so no default code.
  return_from_buyer: kind('receipt', null, 'Возврат от покупателя', { allowedOperationCodes: ['17', '19'] }),
  found_after_shortage: kind('receipt', '10', 'Выявление при инвентаризации ранее недостающих товаров', { renewal: true }),
  returned_by_individual: kind('receipt', '11', 'Возврат от физического лица (НПД)', { renewal: true }),
  returned_from_production: kind('receipt', '12', 'Возврат неиспользованных товаров из производства', { renewal: true }),
  transfer_in: kind('receipt', '14', 'Получение, не связанное с реализацией'),
  // Disposals
  sale: kind('disposal', '15', 'Реализация'),
  free_transfer: kind('disposal', '16', 'Безвозмездная передача'),
  sale_to_individual: kind('disposal', '04', 'Розничная реализация физическому лицу (НПД)', { endsTraceability: true }),
  free_transfer_to_individual: kind('disposal', '06', 'Безвозмездная передача физическому лицу (НПД)', {
    endsTraceability: true,
  }),
  export: kind('disposal', '05', 'Вывоз по процедуре экспорта или реэкспорта', { endsTraceability: true }),
  // A sale to a buyer in another EAEU state: report code 15 for non-VAT payers (§4.6) and an уведомление о
  // перемещении. Whether it ends RF traceability is not stated anywhere [I]: treated as an ordinary disposal.
  eaeu_movement: kind('disposal', '15', 'Перемещение (вывоз) в государство ЕАЭС', { notification: 'eaeu_movement' }),
  write_off: kind('disposal', '02', 'Утилизация, уничтожение, утрата', {
    endsTraceability: true,
    allowedOperationCodes: ['02', '03'],
  }),
  production: kind('disposal', '01', 'Передача в производство (переработку)', { endsTraceability: true }),
  confiscation: kind('disposal', '07', 'Конфискация', { endsTraceability: true }),
  diplomatic: kind('disposal', '08', 'Реализация дипломатическим представительствам', { endsTraceability: true }),
  shortage: kind('disposal', '09', 'Недостача, выявленная при инвентаризации', { endsTraceability: true }),
  transfer_out: kind('disposal', '13', 'Передача, не связанная с реализацией'),
  // [I] Mirror of return_from_buyer: our own УПД to the supplier (15) or the supplier's УКД on decrease (21).
  return_to_supplier: kind('disposal', null, 'Возврат поставщику', { allowedOperationCodes: ['15', '21'] }),
  // Corrections (УКД / КСФ). A price-only correction has quantity 0 and changes no balance.
  sale_correction_decrease: kind('receipt', '19', 'УКД продавца на уменьшение', { corrects: 'disposal' }),
  sale_correction_increase: kind('disposal', '20', 'УКД продавца на увеличение', { corrects: 'disposal' }),
  purchase_correction_decrease: kind('disposal', '21', 'Получен КСФ (УКД) на уменьшение', { corrects: 'receipt' }),
  purchase_correction_increase: kind('receipt', '22', 'Получен КСФ (УКД) на увеличение', { corrects: 'receipt' }),
} as const satisfies Record<string, MovementKindRule>;

export type MovementKind = keyof typeof MOVEMENT_KINDS;

export const MOVEMENT_KIND_LIST = Object.keys(MOVEMENT_KINDS) as MovementKind[];

export const movementKindSchema = z.enum(MOVEMENT_KIND_LIST as [MovementKind, ...MovementKind[]]);

export const movementKindRule = (movementKind: MovementKind): MovementKindRule => MOVEMENT_KINDS[movementKind];
