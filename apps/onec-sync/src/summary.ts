/**
 * What a sync run did, for the command line (`--json` prints it as is), the run record and the logs:
 * counts per entity set and per movement kind, what was skipped and why, the objects the base does not
 * publish, and the balance cross-check.
 */
import type { MovementKind } from '@sledopyt/core';
import type { ProfileName } from './composition.js';
import type { SkipEntry } from './mapping/skips.js';

export interface EntitySetCounts {
  /** Objects listed from 1C in the period. */
  read: number;
  /** Objects read in full (new or changed since the last run). */
  fetched: number;
  /** Objects whose DataVersion matches the store: nothing read beyond the listing. */
  unchanged: number;
  /** Store documents written. */
  imported: number;
  /** Store documents already there with the same content (a resumed page). */
  duplicates: number;
  /** Earlier versions replaced by a changed 1C document. */
  superseded: number;
  /** 1C documents unposted, marked for deletion or deleted since the last run: their movements withdrawn. */
  retracted: number;
  /** Unposted or marked documents never stored (nothing to withdraw). */
  notEffective: number;
  /** Documents that could not be mapped at all (see `skipped` for why). */
  skipped: number;
  /** Movements written. */
  movements: number;
}

export const emptyCounts = (): EntitySetCounts => ({ read: 0, fetched: 0, unchanged: 0, imported: 0, duplicates: 0, superseded: 0, retracted: 0, notEffective: 0, skipped: 0, movements: 0 });

export interface MissingObject {
  set: string;
  titleRu: string;
  purposeRu: string;
}

export interface BalanceDifference {
  rnpt: string;
  taxpayerInn: string;
  onec: string;
  store: string;
}

export interface CrossCheck {
  register: string;
  /** RNPTs with a balance on either side. */
  compared: number;
  matching: number;
  differing: number;
  /** Up to ten differences. */
  examples: BalanceDifference[];
}

export interface SyncSummary {
  /** `onec:<host>/<publication>`. */
  source: string;
  profile: ProfileName;
  profileTitleRu: string;
  since: string;
  /** When the run started (UTC), and the same moment on the base's wall clock (as 1C's event log shows it). */
  startedAt: string;
  startedAtBaseTime: string;
  dryRun: boolean;
  /** Catalog rows read per entity set. */
  catalogs: Record<string, number>;
  entitySets: Record<string, EntitySetCounts>;
  documents: EntitySetCounts;
  movements: { written: number; byKind: Partial<Record<MovementKind, number>> };
  skipped: SkipEntry[];
  /** Optional objects the base does not publish (what is lost without them). */
  notPublished: MissingObject[];
  crossCheck: CrossCheck | null;
  requests: { total: number; retries: number; bytes: number };
  /** Stopped by a signal: what was committed stays; the next run continues. */
  aborted: boolean;
  durationMs: number;
}

export function totalCounts(sets: Record<string, EntitySetCounts>): EntitySetCounts {
  const total = emptyCounts();
  for (const counts of Object.values(sets)) for (const key of Object.keys(total) as (keyof EntitySetCounts)[]) total[key] += counts[key];
  return total;
}

/** Flat numbers for the run record (`runs.counts`). */
export function runCounts(summary: SyncSummary): Record<string, number> {
  const counts: Record<string, number> = { ...summary.documents, movementsWritten: summary.movements.written, skippedRows: summary.skipped.reduce((n, s) => n + s.count, 0), requests: summary.requests.total, retries: summary.requests.retries };
  for (const [kind, n] of Object.entries(summary.movements.byKind)) counts[`movements.${kind}`] = n ?? 0;
  if (summary.crossCheck !== null) counts['crossCheck.differing'] = summary.crossCheck.differing;
  return counts;
}
