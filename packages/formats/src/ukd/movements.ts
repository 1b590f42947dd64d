/**
 * A УКД seen from our side: each `СведПрослеж` becomes one correction movement of the core. The seller's
 * decrease is code 19 (goods come back: a receipt), its increase code 20; the buyer's are 21 and 22
 * (MOVEMENT_KINDS in the core). The batch quantity is the change of `ИзмКолЕдПТ`; УКД 5.01 states no cost per
 * batch, so the line's change of cost without VAT is split over its batches by quantity [I].
 */
import { SledopytError, formatQuantity, parseMovement, type Movement, type MovementKind, type Quantity } from '@sledopyt/core';
import { participantInn } from '../common/participant.js';
import type { UkdDocument, UkdLine } from './model.js';

export function ukdToMovements(doc: UkdDocument, ourInn: string): Movement[] {
  const sellerInn = participantInn(doc.СвПрод);
  const buyerInn = participantInn(doc.СвПокуп);
  const weSell = sellerInn === ourInn;
  if (weSell === (buyerInn === ourInn)) {
    throw new SledopytError({
      code: weSell ? 'UKD_SELF_INVOICE' : 'UKD_NOT_OURS',
      message: `Correction ${doc.НомерКСчФ}: ИНН ${ourInn} is ${weSell ? 'both seller and buyer' : 'neither seller nor buyer'}`,
      messageRu: `корректировочный документ № ${doc.НомерКСчФ}: ИНН ${ourInn} ${weSell ? 'указан и у продавца, и у покупателя' : 'не указан ни у продавца, ни у покупателя'}`,
      details: { fileId: doc.ИдФайл, ourInn, sellerInn, buyerInn },
    });
  }
  const counterpartyInn = weSell ? buyerInn : sellerInn;
  const movements: Movement[] = [];
  for (const line of doc.СведТов) {
    const changes = line.СведПрослеж.map((item) => {
      const change = item.ИзмКолЕдПТ;
      return change === undefined ? 0n : change.КолТовЕдПТПосле - change.КолТовЕдПТДо;
    });
    const costDelta = lineCostDelta(line);
    const costs = splitByQuantity(costDelta < 0n ? -costDelta : costDelta, changes.map((change) => (change < 0n ? -change : change)));
    line.СведПрослеж.forEach((item, index) => {
      const quantityDelta = changes[index] ?? 0n;
      const decrease = quantityDelta !== 0n ? quantityDelta < 0n : costDelta < 0n;
      const kind: MovementKind = weSell
        ? decrease ? 'sale_correction_decrease' : 'sale_correction_increase'
        : decrease ? 'purchase_correction_decrease' : 'purchase_correction_increase';
      const parsed = parseMovement({
        id: `${doc.ИдФайл}#${line.НомСтр}.${index + 1}`,
        kind,
        taxpayerInn: ourInn,
        rnpt: item.НомТовПрослеж,
        unit: item.ЕдИзмПрослеж,
        quantity: formatQuantity((quantityDelta < 0n ? -quantityDelta : quantityDelta) as Quantity),
        costWithoutVat: costs[index] ?? 0n,
        date: doc.ДатаКСчФ,
        document: { kind: 'ukd', number: doc.НомерКСчФ, date: doc.ДатаКСчФ },
        ...(line.КодВидТов === undefined ? {} : { tnved: line.КодВидТов }),
        ...(counterpartyInn === undefined ? {} : { counterpartyInn }),
      });
      if (!parsed.ok) {
        throw new SledopytError({
          code: 'UKD_MOVEMENT_INVALID',
          message: `Line ${line.НомСтр}, batch ${index + 1} of correction ${doc.НомерКСчФ}: ${parsed.error.message}`,
          messageRu: `строка ${line.НомСтр} корректировочного документа № ${doc.НомерКСчФ}, партия ${item.НомТовПрослеж}: ${parsed.error.messageRu}`,
          details: { fileId: doc.ИдФайл, line: line.НомСтр, batch: index + 1, ...parsed.error.details },
          cause: parsed.error,
        });
      }
      movements.push(parsed.value);
    });
  }
  return movements;
}

/** After − before of the line's cost without VAT (kopecks; negative for a decrease). */
function lineCostDelta(line: UkdLine): bigint {
  const cost = line.СтТовБезНДС;
  if (cost === undefined) return 0n;
  if (cost.СтоимУвел !== undefined) return cost.СтоимУвел;
  if (cost.СтоимУм !== undefined) return -cost.СтоимУм;
  return (cost.СтоимПослеИзм ?? 0n) - (cost.СтоимДоИзм ?? 0n);
}

/** Splits `total` over weights; the remainder goes to the last share. Equal shares when all weights are 0. */
function splitByQuantity(total: bigint, weights: bigint[]): bigint[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0n);
  const effective = sum === 0n ? weights.map(() => 1n) : weights;
  const effectiveSum = sum === 0n ? BigInt(weights.length) : sum;
  let assigned = 0n;
  return effective.map((weight, index) => {
    const share = index === effective.length - 1 ? total - assigned : (total * weight) / effectiveSum;
    assigned += share;
    return share;
  });
}
