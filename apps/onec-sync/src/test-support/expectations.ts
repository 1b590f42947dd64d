/**
 * What the emulated base holds, computed from its business records (not through OData): the balance per
 * RNPT and the movements per kind a correct sync must produce. Also a dump of the store's content to compare
 * two databases.
 */
import { addQuantities, formatQuantity, quantityFromNumber, unwrap } from '@sledopyt/core';
import type { MovementKind, Quantity } from '@sledopyt/core';
import type { OneCEmulator } from '@sledopyt/onec-emulator';
import type { Store } from '@sledopyt/store';

type DocumentRecord = OneCEmulator['base']['data']['documents'][number];

const counts = (doc: DocumentRecord): boolean => doc.posted && !doc.deletionMark;

function kindOf(onec: OneCEmulator, doc: DocumentRecord): MovementKind | null {
  if (doc.kind === 'remains-notice') return 'remains';
  if (doc.kind === 'purchase') return doc.channel === 'import' ? 'customs_import' : doc.channel === 'eaeu' ? 'eaeu_import' : 'purchase';
  if (doc.kind === 'sale' && counts(doc)) {
    const buyer = onec.base.data.counterparties.find((c) => c.ref === doc.counterpartyRef);
    return buyer?.role === 'eaeu-buyer' ? 'eaeu_movement' : 'sale';
  }
  return null;
}

/** Movements per kind: one per RNPT share of every purchase, counting sale and remains notification. */
export function expectedMovementsByKind(onec: OneCEmulator): Partial<Record<MovementKind, number>> {
  const byKind: Partial<Record<MovementKind, number>> = {};
  for (const doc of onec.base.data.documents) {
    const kind = kindOf(onec, doc);
    if (kind === null) continue;
    const shares = doc.lines.reduce((n, line) => n + line.shares.length, 0);
    if (shares > 0) byKind[kind] = (byKind[kind] ?? 0) + shares;
  }
  return byKind;
}

/** RNPT → quantity on hand, from the records (receipts minus counting sales). */
export function expectedBalances(onec: OneCEmulator): Map<string, string> {
  const codes = new Map(onec.base.data.batchNumbers.map((b) => [b.ref, b.code]));
  const balances = new Map<string, Quantity>();
  for (const doc of onec.base.data.documents) {
    const kind = kindOf(onec, doc);
    if (kind === null) continue;
    const sign = doc.kind === 'sale' ? -1 : 1;
    for (const share of doc.lines.flatMap((l) => l.shares)) {
      const rnpt = codes.get(share.rnptRef) ?? share.rnptRef;
      balances.set(rnpt, addQuantities(balances.get(rnpt) ?? (0n as Quantity), unwrap(quantityFromNumber(sign * share.traceQuantity))));
    }
  }
  return new Map([...balances].filter(([, q]) => q !== 0n).map(([rnpt, q]) => [rnpt, formatQuantity(q)]));
}

export async function storeBalances(store: Store, taxpayerInn: string): Promise<Map<string, string>> {
  const balances = new Map<string, string>();
  for await (const balance of store.balances({ taxpayerInn })) if (balance.onHand !== 0n) balances.set(balance.rnpt, formatQuantity(balance.onHand));
  return balances;
}

/** Active documents and all movements, without ids and timestamps: equal for equal content. */
export async function storeContent(store: Store): Promise<{ documents: unknown[]; movements: unknown[] }> {
  const documents = await store.db
    .selectFrom('documents')
    .select(['source_ref', 'content_hash', 'kind', 'number', 'date', 'counterparty_inn', 'event_date'])
    .where('status', '=', 'active')
    .orderBy('source_ref')
    .orderBy('content_hash')
    .execute();
  const movements = await store.db.selectFrom('movements').select(['line_ref', 'kind', 'rnpt', 'okei', 'quantity', 'cost_kopecks', 'date', 'counterparty_inn']).orderBy('line_ref').execute();
  return { documents, movements: movements.map((m) => ({ ...m, quantity: String(m.quantity), cost_kopecks: String(m.cost_kopecks) })) };
}

export async function countRows(store: Store, table: 'documents' | 'movements' | 'sync_checkpoints'): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
