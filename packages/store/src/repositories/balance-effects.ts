/**
 * Which balance total each movement kind moves, as SQL CASE lists. This mirrors the core ledger's
 * (unexported) `effectOf`, derived from the same `MOVEMENT_KINDS` rows; the test "SQL balances equal the
 * core's computeBalances" keeps the two in step.
 */
import { MOVEMENT_KINDS, MOVEMENT_KIND_LIST } from '@sledopyt/core';
import type { MovementKind, MovementKindRule } from '@sledopyt/core';

export type BalanceTotal = 'received' | 'disposed' | 'terminated';

export interface BalanceEffect {
  total: BalanceTotal;
  sign: 1 | -1;
}

export function balanceEffect(rule: MovementKindRule): BalanceEffect {
  if (rule.corrects === 'disposal') return { total: 'disposed', sign: rule.direction === 'receipt' ? -1 : 1 };
  if (rule.corrects === 'receipt') return { total: 'received', sign: rule.direction === 'receipt' ? 1 : -1 };
  if (rule.direction === 'receipt') return { total: 'received', sign: 1 };
  return { total: rule.endsTraceability ? 'terminated' : 'disposed', sign: 1 };
}

const kindsWhere = (test: (rule: MovementKindRule) => boolean): MovementKind[] =>
  MOVEMENT_KIND_LIST.filter((kind) => test(MOVEMENT_KINDS[kind]));

/** Kinds that add to / subtract from a total. */
export function kindsOf(total: BalanceTotal, sign: 1 | -1): MovementKind[] {
  return kindsWhere((rule) => {
    const effect = balanceEffect(rule);
    return effect.total === total && effect.sign === sign;
  });
}

/** Renewals (codes 10–12): the part of `received` that came back into traceability. */
export const RENEWAL_KINDS = kindsWhere((rule) => rule.renewal);

/** Receipts that are not corrections: they set `firstReceiptDate`. */
export const PLAIN_RECEIPT_KINDS = kindsWhere((rule) => rule.direction === 'receipt' && rule.corrects === null);
