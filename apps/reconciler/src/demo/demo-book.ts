/**
 * The demo's operations that no ФНС file carries — retail sales (кассовые чеки), write-offs and inventory
 * results (акты), a paper invoice — stored the way the 1C sync stores its documents (source `onec`), so
 * that the ledger and the report checks see them next to the imported files.
 */
import { createHash } from 'node:crypto';
import { SledopytError, parseMovement, toDecimalString, type Movement } from '@sledopyt/core';
import type { DemoBookOperation } from '@sledopyt/generators';
import type { ImportDocumentInput, Store } from '@sledopyt/store';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function movementOf(op: DemoBookOperation, taxpayerInn: string): Movement {
  const parsed = parseMovement({
    id: `1c/${op.number}#1`,
    kind: op.kind,
    taxpayerInn,
    rnpt: op.goods.rnpt,
    tnved: op.goods.tnved ?? op.goods.item.tnved,
    unit: '796',
    quantity: String(op.goods.quantity),
    costWithoutVat: toDecimalString(op.goods.item.unitPrice * BigInt(op.goods.quantity)),
    date: op.date,
    document: { kind: op.documentKind, number: op.number, date: op.date },
    ...(op.party === null ? {} : { counterpartyInn: op.party.inn }),
  });
  if (parsed.ok) return parsed.value;
  throw new SledopytError({
    code: 'DEMO_BOOK_INVALID',
    message: `Demo 1C operation ${op.number} is not a valid movement: ${parsed.error.message}`,
    messageRu: `Демо-операция 1С ${op.number} не образует допустимое движение: ${parsed.error.messageRu} — ошибка генератора демо-данных`,
    actor: 'developer',
    cause: parsed.error,
  });
}

export function demoBookDocuments(taxpayerInn: string, operations: readonly DemoBookOperation[]): ImportDocumentInput[] {
  return operations.map((op) => {
    const movement = movementOf(op, taxpayerInn);
    const header = {
      taxpayerInn,
      kind: op.documentKind,
      number: op.number,
      date: op.date,
      ...(op.party === null ? {} : { counterpartyInn: op.party.inn, ...(op.party.kpp === null ? {} : { counterpartyKpp: op.party.kpp }) }),
      source: 'onec' as const,
      sourceRef: `demo-1c/${op.kind}/${op.number}`,
      electronic: op.electronic,
      details: { operationCode: op.reportCode },
    };
    return { ...header, contentHash: sha256(JSON.stringify({ header, rnpt: op.goods.rnpt, quantity: op.goods.quantity })), movements: [movement] };
  });
}

/** Stores the operations in one transaction; returns how many documents and movements were added. */
export async function storeDemoBook(store: Store, taxpayerInn: string, operations: readonly DemoBookOperation[]): Promise<{ documents: number; movements: number }> {
  const stored = await store.importBatch({ documents: demoBookDocuments(taxpayerInn, operations) });
  return { documents: stored.inserted, movements: stored.movements };
}
