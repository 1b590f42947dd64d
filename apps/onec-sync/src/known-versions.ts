/**
 * What the store already holds from this base: for each 1C object with an active store document, its
 * `DataVersion` and date (kept in `documents.details.onec` by the mappers). One set-based query per run;
 * the only engine-specific bit is reading a JSON field (SQLite `json_extract`, PostgreSQL `#>>`).
 */
import type { CalendarDate } from '@sledopyt/core';
import type { Store } from '@sledopyt/store';
import { parseSourceRef } from './mapping/context.js';

export interface KnownObject {
  dataVersion: string;
  /** The 1C document date (the period filter applies to it). */
  date: CalendarDate | null;
  taxpayerInn: string;
}

/** Entity set → Ref_Key → what the store holds. */
export type KnownVersions = Map<string, Map<string, KnownObject>>;

interface KnownRow {
  source_ref: string;
  data_version: string | null;
  onec_date: string | null;
  inn: string;
}

export async function loadKnownVersions(store: Store, sourceId: string): Promise<KnownVersions> {
  const prefix = `${sourceId}/`;
  const { sql } = store;
  const field = (name: string) => (store.engine === 'postgres' ? sql<string | null>`d.details #>> ${sql.lit(`{onec,${name}}`)}` : sql<string | null>`json_extract(d.details, ${sql.lit(`$.onec.${name}`)})`);
  const query = sql<KnownRow>`
    select d.source_ref, ${field('dataVersion')} as data_version, ${field('date')} as onec_date, t.inn
    from documents d join taxpayers t on t.id = d.taxpayer_id
    where d.source = 'onec' and d.status = 'active' and substr(d.source_ref, 1, ${prefix.length}) = ${prefix}`;
  const result = await query.execute(store.db);
  const known: KnownVersions = new Map();
  for (const row of result.rows) {
    const parsed = parseSourceRef(row.source_ref);
    if (parsed === null || parsed.sourceId !== sourceId || row.data_version === null) continue;
    let bySet = known.get(parsed.set);
    if (bySet === undefined) {
      bySet = new Map();
      known.set(parsed.set, bySet);
    }
    bySet.set(parsed.ref, { dataVersion: row.data_version, date: (row.onec_date as CalendarDate | null) ?? null, taxpayerInn: row.inn });
  }
  return known;
}
