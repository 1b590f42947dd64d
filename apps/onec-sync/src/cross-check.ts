/**
 * After a sync, the store's balance per RNPT next to 1C's own register of traceable goods: БП
 * `AccumulationRegister_ПрослеживаемыеТовары/Balance` (`КоличествоПрослеживаемостиBalance` by `РНПТ_Key`),
 * УТ/КА/ERP `AccumulationRegister_ТоварыОрганизаций/Balance` (`КоличествоПоРНПТBalance` by `НомерГТД_Key`).
 * A difference means a document the sync could not map, or movements from before `since`. Only RNPTs of
 * this base are compared, so documents from other sources (УПД files) do not show up as differences.
 */
import { addQuantities, formatQuantity, quantityFromNumber } from '@sledopyt/core';
import type { Quantity } from '@sledopyt/core';
import type { Store } from '@sledopyt/store';
import type { ProfileName } from './composition.js';
import type { ReferenceData } from './mapping/reference-data.js';
import { num, ref } from './mapping/row.js';
import type { Row } from './mapping/row.js';
import type { CrossCheck } from './summary.js';
import type { ODataTransport } from './transport.js';

const REGISTER_FIELDS: Readonly<Record<ProfileName, { rnpt: string; quantity: string }>> = {
  bp30: { rnpt: 'РНПТ_Key', quantity: 'КоличествоПрослеживаемостиBalance' },
  ut115: { rnpt: 'НомерГТД_Key', quantity: 'КоличествоПоРНПТBalance' },
};

const MAX_EXAMPLES = 10;

const key = (inn: string, rnpt: string): string => `${inn}\u0000${rnpt}`;

export async function crossCheckBalances(transport: ODataTransport, store: Store, register: string, profile: ProfileName, reference: ReferenceData): Promise<CrossCheck> {
  const fields = REGISTER_FIELDS[profile];
  const rows = await transport.collection<Row>([register, 'Balance'], { select: ['Организация_Key', fields.rnpt, fields.quantity] }, register);
  const onec = new Map<string, Quantity>();
  const taxpayers = new Set<string>();
  for (const row of rows) {
    const rnpt = reference.rnpt(ref(row, fields.rnpt));
    const inn = reference.taxpayerInn(ref(row, 'Организация_Key'));
    const quantity = quantityFromNumber(num(row, fields.quantity) ?? 0);
    if (!rnpt.ok || inn === null || !quantity.ok) continue;
    taxpayers.add(inn);
    onec.set(key(inn, rnpt.rnpt), addQuantities(onec.get(key(inn, rnpt.rnpt)) ?? (0n as Quantity), quantity.value));
  }
  const ours = new Set([...reference.batchNumbers.values()].filter((b) => b.kind === 'rnpt').map((b) => b.code));
  const stored = new Map<string, Quantity>();
  for (const inn of taxpayers) {
    for await (const balance of store.balances({ taxpayerInn: inn })) {
      if (!ours.has(balance.rnpt)) continue;
      stored.set(key(inn, balance.rnpt), addQuantities(stored.get(key(inn, balance.rnpt)) ?? (0n as Quantity), balance.onHand));
    }
  }
  const result: CrossCheck = { register, compared: 0, matching: 0, differing: 0, examples: [] };
  for (const k of new Set([...onec.keys(), ...stored.keys()])) {
    const a = onec.get(k) ?? (0n as Quantity);
    const b = stored.get(k) ?? (0n as Quantity);
    if (a === 0n && b === 0n) continue;
    result.compared += 1;
    if (a === b) {
      result.matching += 1;
      continue;
    }
    result.differing += 1;
    if (result.examples.length < MAX_EXAMPLES) {
      const [taxpayerInn = '', rnpt = ''] = k.split('\u0000');
      result.examples.push({ rnpt, taxpayerInn, onec: formatQuantity(a), store: formatQuantity(b) });
    }
  }
  return result;
}
