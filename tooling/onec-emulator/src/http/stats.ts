/**
 * What the emulator saw, for test assertions: every request with its path and query exactly as received,
 * how spaces were encoded in the query (`%20` or `+` — whether 1C decodes `+` is unverified, so both are
 * accepted and counted, NOTES.md §1.8), the user, the status and any fault injected.
 */
export type SpaceEncoding = 'percent' | 'plus' | 'both' | 'none';

export interface RequestRecord {
  readonly method: string;
  /** Path after the service root, percent-decoded (`Catalog_Контрагенты(guid'…')`). */
  readonly path: string;
  /** Path as received, still percent-encoded. */
  readonly rawPath: string;
  /** Query string as received, without the `?`. */
  readonly rawQuery: string;
  /** Decoded query parameters. */
  readonly query: Readonly<Record<string, string>>;
  /** The entity set addressed (`Document_X` for `Document_X(guid'…')/…`), `$metadata`, `` for the service document, null outside the service. */
  readonly entitySet: string | null;
  readonly spaceEncoding: SpaceEncoding;
  /** The Basic-auth user name as decoded (UTF-8), null without credentials. */
  readonly user: string | null;
  /** HTTP status; 0 when the connection was dropped or never answered. */
  status: number;
  fault: string | null;
  /** Latency injected before answering, milliseconds. */
  latencyMs: number;
  /** The exception behind a code -1 answer that no fault rule caused (an emulator bug or bad input it did not foresee). */
  internalError: string | null;
  readonly startedAt: number;
  durationMs: number;
}

export class RequestStats {
  readonly requests: RequestRecord[] = [];

  record(entry: RequestRecord): RequestRecord {
    this.requests.push(entry);
    return entry;
  }

  get total(): number {
    return this.requests.length;
  }

  /** Request counts per decoded path. */
  perPath(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.requests) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
    return counts;
  }

  /** Request counts per entity set. */
  perEntitySet(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.requests) if (r.entitySet !== null) counts.set(r.entitySet, (counts.get(r.entitySet) ?? 0) + 1);
    return counts;
  }

  countFor(entitySet: string): number {
    return this.requests.filter((r) => r.entitySet === entitySet).length;
  }

  /** Query strings as received, in order (for checking `$top`/`$skip` paging). */
  queriesFor(entitySet: string): string[] {
    return this.requests.filter((r) => r.entitySet === entitySet).map((r) => r.rawQuery);
  }

  reset(): void {
    this.requests.length = 0;
  }
}
