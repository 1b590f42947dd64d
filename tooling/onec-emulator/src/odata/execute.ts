/**
 * Runs `$filter`, `$orderby`, `$top`/`$skip` and `$inlinecount` over an entity set, as 1C does: the whole
 * result unless `$top` is given (no server paging, no `odata.nextLink`), `$skip` applied before
 * `$top`, and `$inlinecount=allpages` making the server ignore `$skip` and `$top` (NOTES.md §1.4).
 * Filtered and sorted results are cached per query text and base revision so that paging through
 * 100 000 documents sorts once; a filter on `Ref_Key eq guid'…'` (or an `or` chain of them) reads the
 * key index instead of scanning.
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
  /** Part of the cache key; null disables caching (virtual tables). */
  readonly cacheKey: string | null;
}

export interface QueryResult {
  readonly rows: readonly Row[];
  /** `odata.count` when `$inlinecount=allpages`. */
  readonly count: number | null;
}

const CACHE_SIZE = 24;
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
  readonly #positions = new WeakMap<readonly Row[], Map<Row, number>>();

  constructor(env: FilterEnvironment) {
    this.#compiler = new FilterCompiler(env);
  }

  #position(all: readonly Row[]): Map<Row, number> {
    let map = this.#positions.get(all);
    if (map === undefined) {
      map = new Map(all.map((row, index) => [row, index]));
      this.#positions.set(all, map);
    }
    return map;
  }

  #candidates(source: QuerySource, type: EntityTypeInfo, filter: FilterNode | null): readonly Row[] {
    const all = source.rows();
    const keyName = type.kind === 'recordset' || type.kind === 'records' ? 'Recorder' : 'Ref_Key';
    const keys = filter === null || source.rowsOf === null ? null : keyLookup(filter, keyName);
    if (keys === null || source.rowsOf === null) return all;
    const lookup = source.rowsOf;
    const found = [...new Set(keys.flatMap((k) => lookup(k)))];
    if (found.length < 2) return found;
    const position = this.#position(all);
    return found.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  }

  #filterAndSort(source: QuerySource, type: EntityTypeInfo, options: QueryOptions): readonly Row[] {
    const predicate = options.filter === null ? null : this.#compiler.compile(options.filter, type);
    const orderBy = options.orderBy.map((item) => ({ value: this.#compiler.compile(item.node, type), sign: item.descending ? -1 : 1 }));
    let rows = this.#candidates(source, type, options.filter);
    if (predicate !== null) {
      rows = rows.filter((row) => {
        const v = predicate({ row, vars: EMPTY_VARS });
        return v.t === 'boolean' && v.v;
      });
    }
    if (orderBy.length === 0) return rows;
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
    return keyed.map((k) => k.row);
  }

  run(source: QuerySource, type: EntityTypeInfo, options: QueryOptions): QueryResult {
    const cacheKey = source.cacheKey === null ? null : `${source.cacheKey}\u0000${options.filterText ?? ''}\u0000${options.orderByText ?? ''}`;
    let rows = cacheKey === null ? undefined : this.#cache.get(cacheKey);
    if (rows === undefined) {
      rows = this.#filterAndSort(source, type, options);
      if (cacheKey !== null) {
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
