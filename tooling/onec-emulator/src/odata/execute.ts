/**
 * Runs `$filter`, `$orderby`, `$top`/`$skip` and `$inlinecount` over an entity set, as 1C does: the whole
 * result unless `$top` is given (no server paging, no `odata.nextLink`), `$skip` applied before
 * `$top`, and `$inlinecount=allpages` making the server ignore `$skip` and `$top` (NOTES.md §1.4).
 * Filtered and sorted results are cached per query text and base revision (a few of them) so that
 * paging through 100 000 documents sorts once; a filter on `Ref_Key eq guid'…'` (or an `or` chain of
 * them) reads the key index instead of scanning.
 */
import type { EntityTypeInfo } from '../edm/schema.js';
import type { Row } from '../profiles/index.js';
import { FilterCompiler, compareValues } from './filter-eval.js';
import type { FilterEnvironment } from './filter-eval.js';
import type { FilterNode } from './filter-parser.js';
import type { QueryOptions } from './query-options.js';

export interface QuerySource {
  readonly rows: () => readonly Row[];
  /** Rows with this owner key (`Ref_Key` or `Recorder`), or null when the source has no key index. */
  readonly rowsOf: ((ref: string) => readonly Row[]) | null;
  /** Position of an owner in the natural order, so that key look-ups come back in scan order. */
  readonly ownerIndex: ((ref: string) => number) | null;
  /** Part of the cache key; null disables caching (virtual tables). */
  readonly cacheKey: string | null;
}

export interface QueryResult {
  readonly rows: readonly Row[];
  /** `odata.count` when `$inlinecount=allpages`. */
  readonly count: number | null;
}

const CACHE_SIZE = 8;
const EMPTY_VARS = new Map<string, Row>();

/** The guids of a top-level `Key eq guid'…' [or …]` chain inside an `and`, or null. */
function keyLookup(node: FilterNode, keyName: string): string[] | null {
  if (node.k === 'binary' && node.op === 'and') return keyLookup(node.left, keyName) ?? keyLookup(node.right, keyName);
  if (node.k === 'binary' && node.op === 'or') {
    const left = keyLookup(node.left, keyName);
    const right = keyLookup(node.right, keyName);
    return left === null || right === null ? null : [...left, ...right];
  }
  if (node.k === 'binary' && node.op === 'eq') {
    const [path, literal] = node.left.k === 'path' ? [node.left, node.right] : [node.right, node.left];
    if (path.k === 'path' && path.segments.length === 1 && path.segments[0] === keyName && literal.k === 'literal' && literal.value.t === 'guid') return [literal.value.v];
  }
  return null;
}

export class QueryExecutor {
  readonly #compiler: FilterCompiler;
  readonly #cache = new Map<string, readonly Row[]>();

  constructor(env: FilterEnvironment) {
    this.#compiler = new FilterCompiler(env);
  }

  /** All rows, or only the rows of the owners a `Key eq guid'…'` chain names (in scan order). */
  #candidates(source: QuerySource, type: EntityTypeInfo, filter: FilterNode | null): { rows: readonly Row[]; byKey: boolean } {
    const keyName = type.kind === 'recordset' || type.kind === 'records' ? 'Recorder' : 'Ref_Key';
    const keys = filter === null || source.rowsOf === null ? null : keyLookup(filter, keyName);
    if (keys === null || source.rowsOf === null) return { rows: source.rows(), byKey: false };
    const lookup = source.rowsOf;
    const owners = [...new Set(keys)];
    const index = source.ownerIndex;
    if (index !== null) owners.sort((a, b) => index(a) - index(b));
    return { rows: owners.flatMap((k) => lookup(k)), byKey: true };
  }

  #filterAndSort(source: QuerySource, type: EntityTypeInfo, options: QueryOptions): { rows: readonly Row[]; byKey: boolean } {
    const predicate = options.filter === null ? null : this.#compiler.compile(options.filter, type);
    const orderBy = options.orderBy.map((item) => ({ value: this.#compiler.compile(item.node, type), sign: item.descending ? -1 : 1 }));
    const candidates = this.#candidates(source, type, options.filter);
    let rows = candidates.rows;
    if (predicate !== null) {
      rows = rows.filter((row) => {
        const v = predicate({ row, vars: EMPTY_VARS });
        return v.t === 'boolean' && v.v;
      });
    }
    if (orderBy.length === 0) return { rows, byKey: candidates.byKey };
    // Decorate-sort-undecorate; ties keep the natural order (Array.prototype.sort is stable).
    const keyed = rows.map((row) => ({ row, keys: orderBy.map((o) => o.value({ row, vars: EMPTY_VARS })) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < orderBy.length; i += 1) {
        const x = a.keys[i];
        const y = b.keys[i];
        if (x === undefined || y === undefined) continue;
        const order = compareValues(x, y) ?? (x.t === 'null' ? -1 : y.t === 'null' ? 1 : 0);
        if (order !== 0) return order * (orderBy[i]?.sign ?? 1);
      }
      return 0;
    });
    return { rows: keyed.map((k) => k.row), byKey: candidates.byKey };
  }

  run(source: QuerySource, type: EntityTypeInfo, options: QueryOptions): QueryResult {
    const cacheKey = source.cacheKey === null ? null : `${source.cacheKey}\u0000${options.filterText ?? ''}\u0000${options.orderByText ?? ''}`;
    let rows = cacheKey === null ? undefined : this.#cache.get(cacheKey);
    if (rows === undefined) {
      const result = this.#filterAndSort(source, type, options);
      rows = result.rows;
      // Key look-ups are cheap to redo; caching them would only fill the cache.
      if (cacheKey !== null && !result.byKey) {
        this.#cache.set(cacheKey, rows);
        if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value ?? '');
      }
    }
    if (options.inlineCount) return { rows, count: rows.length };
    const end = options.top === null ? undefined : options.skip + options.top;
    return { rows: rows.slice(options.skip, end), count: null };
  }

  /** Compiles without running: reports unknown properties and bad syntax even when the set is empty. */
  validate(type: EntityTypeInfo, options: QueryOptions): void {
    if (options.filter !== null) this.#compiler.compile(options.filter, type);
    for (const item of options.orderBy) this.#compiler.compile(item.node, type);
  }

  compiler(): FilterCompiler {
    return this.#compiler;
  }
}
