/**
 * Counts findings per key (RNPT, counterparty) in bounded memory. Exact while the number of distinct keys
 * stays within `capacity`; beyond it, the least frequent half is dropped now and then (a batched
 * Space-Saving/Misra–Gries variant), so the heavy hitters that the top-N charts show survive, and the
 * result says it is approximate.
 */
import type { FindingSeverity } from '@sledopyt/core';

export interface KeyTally {
  key: string;
  count: number;
  bySeverity: Record<FindingSeverity, number>;
  fineRub: number;
}

export interface TopList {
  /** Most frequent first; ties by key. */
  top: KeyTally[];
  /** Distinct keys seen (a lower bound when `approximate`). */
  distinct: number;
  /** Findings without this key (no RNPT, no counterparty). */
  withoutKey: number;
  /** Some keys were dropped: counts of keys seen again after a drop are lower bounds. */
  approximate: boolean;
}

const byCountThenKey = (a: KeyTally, b: KeyTally) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export class TopCounter {
  private readonly tallies = new Map<string, KeyTally>();
  private withoutKey = 0;
  private dropped = 0;

  constructor(private readonly capacity = 20_000) {}

  add(key: string | null, severity: FindingSeverity, fineRub: number): void {
    if (key === null || key === '') {
      this.withoutKey += 1;
      return;
    }
    let tally = this.tallies.get(key);
    if (tally === undefined) {
      tally = { key, count: 0, bySeverity: { error: 0, warning: 0, info: 0 }, fineRub: 0 };
      this.tallies.set(key, tally);
      if (this.tallies.size > 2 * this.capacity) this.prune();
    }
    tally.count += 1;
    tally.bySeverity[severity] += 1;
    tally.fineRub += fineRub;
  }

  /** Keeps the `capacity` most frequent keys; amortised O(log n) per key. */
  private prune(): void {
    const kept = [...this.tallies.values()].sort(byCountThenKey).slice(0, this.capacity);
    this.dropped += this.tallies.size - kept.length;
    this.tallies.clear();
    for (const tally of kept) this.tallies.set(tally.key, tally);
  }

  result(topN: number): TopList {
    const top = [...this.tallies.values()].sort(byCountThenKey).slice(0, topN);
    return { top: top.map((t) => ({ ...t, bySeverity: { ...t.bySeverity } })), distinct: this.tallies.size + this.dropped, withoutKey: this.withoutKey, approximate: this.dropped > 0 };
  }
}
