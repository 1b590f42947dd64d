/**
 * A УПД seen from our side: each `СведПрослеж` becomes one ledger movement of the core. We are the buyer →
 * a purchase (receipt, code 17). We are the seller → a sale (disposal, code 15), except for a buyer who
 * is a natural person (`СвФЛУч`: a sale for personal needs or to an НПД payer ends traceability, code 04)
 * and a foreign buyer from another EAEU state (`СвИнНеУч` with its `КодСтр`: a movement to the EAEU that
 * needs an уведомление о перемещении). The movement date is the invoice date (ДатаДок), the date the VAT
 * books and the report on operations use.
 */
import { SledopytError, checkCountry, formatQuantity, parseMovement, type Movement, type MovementInput, type MovementKind } from '@sledopyt/core';
import { participantInn } from '../common/participant.js';
import type { GoodsLine, Traceability, UpdDocument } from './model.js';

/** What a sale is, by the buyer. */
function saleKindFor(buyer: UpdDocument['СвПокуп']): MovementKind {
  const id = buyer?.ИдСв;
  if (id?.kind === 'СвФЛУч') return 'sale_to_individual';
  if (id?.kind === 'СвИнНеУч' && id.КодСтр !== undefined) {
    const country = checkCountry(id.КодСтр);
    if (country.ok && country.value.eaeuMember && country.value.alpha2 !== 'RU') return 'eaeu_movement';
  }
  return 'sale';
}

export function updToMovements(doc: UpdDocument, ourInn: string): Movement[] {
  const sellerInn = participantInn(doc.СвПрод);
  const buyerInn = participantInn(doc.СвПокуп);
  const weSell = sellerInn === ourInn;
  const weBuy = buyerInn === ourInn;
  if (weSell === weBuy) {
    throw new SledopytError({
      code: weSell ? 'UPD_SELF_INVOICE' : 'UPD_NOT_OURS',
      message: `Document ${doc.НомерДок} of ${doc.ДатаДок}: ИНН ${ourInn} is ${weSell ? 'both seller and buyer' : 'neither seller nor buyer'} (seller ${sellerInn ?? '—'}, buyer ${buyerInn ?? '—'})`,
      messageRu: weSell
        ? `в документе № ${doc.НомерДок} наш ИНН ${ourInn} указан и у продавца, и у покупателя — направление движения не определить`
        : `документ № ${doc.НомерДок} не наш: ИНН ${ourInn} нет ни у продавца (${sellerInn ?? 'не указан'}), ни у покупателя (${buyerInn ?? 'не указан'}). Проверьте ИНН в настройках или файл`,
      details: { fileId: doc.ИдФайл, ourInn, sellerInn, buyerInn },
    });
  }
  const counterpartyInn = weSell ? buyerInn : sellerInn;
  const kind = weSell ? saleKindFor(doc.СвПокуп) : 'purchase';
  const documentKind = doc.Функция === 'СЧФ' ? 'invoice' : 'upd';

  const movements: Movement[] = [];
  for (const line of doc.СведТов) {
    const costs = batchCosts(line);
    line.СведПрослеж.forEach((item, index) => {
      const input: MovementInput = {
        id: `${doc.ИдФайл}#${line.НомСтр}.${index + 1}`,
        kind,
        taxpayerInn: ourInn,
        rnpt: item.НомТовПрослеж,
        unit: item.ЕдИзмПрослеж,
        quantity: formatQuantity(item.КолВЕдПрослеж),
        costWithoutVat: costs[index] ?? 0n,
        date: doc.ДатаДок,
        document: { kind: documentKind, number: doc.НомерДок, date: doc.ДатаДок },
        ...(line.КодВидТов === undefined ? {} : { tnved: line.КодВидТов }),
        ...(counterpartyInn === undefined ? {} : { counterpartyInn }),
      };
      const parsed = parseMovement(input);
      if (!parsed.ok) {
        throw new SledopytError({
          code: 'UPD_MOVEMENT_INVALID',
          message: `Line ${line.НомСтр}, batch ${index + 1} of document ${doc.НомерДок}: ${parsed.error.message}`,
          messageRu: `строка ${line.НомСтр} документа № ${doc.НомерДок}, партия ${item.НомТовПрослеж}: ${parsed.error.messageRu}`,
          details: { fileId: doc.ИдФайл, line: line.НомСтр, batch: index + 1, ...parsed.error.details },
          cause: parsed.error,
        });
      }
      movements.push(parsed.value);
    });
  }
  return movements;
}

/**
 * Cost without VAT of each batch in kopecks. 5.02/5.03 state it per batch. 5.01 does not [V X501]: the line's
 * cost is then split by quantity, the rounding remainder going to the last batch [I: no rule is published].
 */
function batchCosts(line: GoodsLine): bigint[] {
  const items: Traceability[] = line.СведПрослеж;
  if (items.every((item) => item.СтТовБезНДСПрослеж !== undefined)) return items.map((item) => item.СтТовБезНДСПрослеж ?? 0n);
  const lineCost = line.СтТовБезНДС ?? 0n;
  const total = items.reduce((sum, item) => sum + item.КолВЕдПрослеж, 0n);
  if (total === 0n) return items.map(() => 0n);
  let assigned = 0n;
  return items.map((item, index) => {
    const share = index === items.length - 1 ? lineCost - assigned : (lineCost * item.КолВЕдПрослеж) / total;
    assigned += share;
    return share;
  });
}
