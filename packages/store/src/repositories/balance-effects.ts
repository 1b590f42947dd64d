/**
 * Which balance total each movement kind moves, as SQL CASE lists, from the core ledger's own rule
 * (`balanceEffectOf` over `MOVEMENT_KINDS`); the test "SQL balances equal the core's computeBalances" guards it.
 */
import { MOVEMENT_KINDS, MOVEMENT_KIND_LIST, balanceEffectOf } from '@sledopyt/core';
import type { BalanceEffect, MovementKind, MovementKindRule } from '@sledopyt/core';

export type BalanceTotal = BalanceEffect['total'];

const kindsWhere = (test: (rule: MovementKindRule) => boolean): MovementKind[] =>
  MOVEMENT_KIND_LIST.filter((kind) => test(MOVEMENT_KINDS[kind]));

/** Kinds that add to / subtract from a total. */
export function kindsOf(total: BalanceTotal, sign: 1 | -1): MovementKind[] {
  return kindsWhere((rule) => {
    const effect = balanceEffectOf(rule);
    return effect.total === total && effect.sign === sign;
  });
}

/** Renewals (codes 10–12): the part of `received` that came back into traceability. */
export const RENEWAL_KINDS = kindsWhere((rule) => rule.renewal);

/** Receipts that are not corrections: they set `firstReceiptDate`. */
export const PLAIN_RECEIPT_KINDS = kindsWhere((rule) => rule.direction === 'receipt' && rule.corrects === null);
