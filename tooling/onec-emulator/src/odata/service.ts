/**
 * Answers one GET of the standard OData interface, independent of the HTTP framework: resolves the
 * resource path against the published schema, runs the query and writes JSON or Atom. Errors are
 * thrown as `ODataError`; the HTTP layer turns them into 1C's error bodies.
 */
import type { EmulatedBase } from '../data/base.js';
import type { EntityTypeInfo, ServiceSchema } from '../edm/schema.js';
import type { Row } from '../profiles/index.js';
import { writeAtomEntry, writeAtomFeed } from './atom-writer.js';
import { validateSelection } from './entity-members.js';
import type { EntityLookup } from './entity-members.js';
import { odataErrors } from './errors.js';
import { QueryExecutor } from './execute.js';
import type { QuerySource } from './execute.js';
import { writeJsonCollection, writeJsonEntity } from './json-writer.js';
import { compareValues, toValue } from './filter-eval.js';
import type { Value } from './literals.js';
import { writeMetadata, writeServiceDocumentJson, writeServiceDocumentXml } from './metadata.js';
import { parseFormat, parseQueryOptions } from './query-options.js';
import type { QueryOptions } from './query-options.js';
import { parseResourcePath } from './resource-path.js';
import type { KeyValues, ResourcePath } from './resource-path.js';
import { balanceType, computeBalance } from './virtual-tables.js';

export interface ODataResponse {
  readonly status: number;
  readonly contentType: 'json' | 'atomFeed' | 'atomEntry' | 'atomService' | 'xml' | 'text';
  readonly body: string;
}

export interface ODataRequest {
  readonly path: string;
  readonly params: ReadonlyMap<string, string>;
  readonly accept: string | null;
  /** Entity sets the authenticated user may not read. */
  readonly denied: readonly string[];
  /** The service root as the client addressed it (1C builds `odata.metadata` from the request URL). */
  readonly serviceRoot: string;
}

const NOT_EMULATED_FUNCTIONS = new Set(['Turnovers', 'BalanceAndTurnovers', 'SliceLast', 'SliceFirst']);

export class ODataService implements EntityLookup {
  readonly #base: EmulatedBase;
  readonly #schema: ServiceSchema;
  readonly #executor: QueryExecutor;
  #metadata: string | null = null;

  constructor(base: EmulatedBase, schema: ServiceSchema) {
    this.#base = base;
    this.#schema = schema;
    this.#executor = new QueryExecutor({ schema, lookup: (set, ref) => this.lookup(set, ref) });
  }

  lookup(setName: string, ref: string): Row | undefined {
    if (this.#schema.type(setName) === undefined) return undefined;
    return this.#base.source(setName)?.rowsOf(ref)[0];
  }

  /** Whether a request wants JSON — decides the shape of an error answer too. */
  wantsJson(params: ReadonlyMap<string, string>, accept: string | null): boolean {
    try {
      return parseFormat(params.get('$format'), accept).kind === 'json';
    } catch {
      return false;
    }
  }

  handle(request: ODataRequest): ODataResponse {
    const resource = parseResourcePath(request.path);
    switch (resource.kind) {
      case 'service': {
        const json = this.wantsJson(request.params, request.accept);
        return json
          ? { status: 200, contentType: 'json', body: writeServiceDocumentJson(this.#schema, request.serviceRoot) }
          : { status: 200, contentType: 'atomService', body: writeServiceDocumentXml(this.#schema, request.serviceRoot) };
      }
      case 'metadata':
        this.#metadata ??= writeMetadata(this.#schema);
        return { status: 200, contentType: 'xml', body: this.#metadata };
      default:
        return this.#data(resource, request);
    }
  }

  #typeOf(setName: string, denied: readonly string[]): EntityTypeInfo {
    const type = this.#schema.type(setName);
    if (type === undefined) throw odataErrors.entitySetNotFound(setName);
    if (denied.includes(setName) || denied.includes(type.objectName)) throw odataErrors.accessDenied(setName);
    return type;
  }

  #source(type: EntityTypeInfo): QuerySource {
    const source = this.#base.source(type.setName);
    if (source === undefined) throw odataErrors.entitySetNotFound(type.setName);
    return { rows: () => source.rows(), rowsOf: (ref) => source.rowsOf(ref), ownerIndex: (ref) => source.ownerIndex(ref), cacheKey: `${type.setName}@${this.#base.revision}` };
  }

  #data(resource: Exclude<ResourcePath, { kind: 'service' | 'metadata' }>, request: ODataRequest): ODataResponse {
    const options = parseQueryOptions(request.params, request.accept);
    const type = this.#typeOf(resource.set, request.denied);
    if (resource.kind === 'collection') {
      validateSelection(type, this.#schema, options);
      this.#executor.validate(type, options);
      const result = this.#executor.run(this.#source(type), type, resource.count ? { ...options, top: null, skip: 0, inlineCount: true } : options);
      if (resource.count) return { status: 200, contentType: 'text', body: String(result.count ?? result.rows.length) };
      return this.#collection(result.rows, type, options, result.count, type.setName, request.serviceRoot);
    }
    if (resource.kind === 'virtual') return this.#virtual(resource, type, request, options);
    if (options.expand.length > 0) throw odataErrors.queryOption('$expand не применяется к запросу одной сущности');
    const row = this.#byKey(type, resource.key);
    if (resource.navigation === null) {
      validateSelection(type, this.#schema, options);
      return this.#entity(row, type, options, request.serviceRoot);
    }
    const nav = type.navigationByName.get(resource.navigation);
    if (nav === undefined) throw odataErrors.propertyNotFound(type.setName, resource.navigation);
    const targetType = this.#typeOf(nav.target, request.denied);
    const ref = row[nav.keyProperty];
    const target = typeof ref === 'string' ? this.lookup(nav.target, ref) : undefined;
    if (target === undefined) throw odataErrors.instanceNotFound(nav.target);
    validateSelection(targetType, this.#schema, options);
    return this.#entity(target, targetType, options, request.serviceRoot);
  }

  #collection(rows: readonly Row[], type: EntityTypeInfo, options: QueryOptions, count: number | null, contextName: string, serviceRoot: string): ODataResponse {
    const common = { select: options.select, expand: options.expand, serviceRoot };
    if (options.format.kind === 'json') {
      return { status: 200, contentType: 'json', body: writeJsonCollection(rows, type, this.#schema, this, { ...common, metadata: options.format.metadata }, count, contextName) };
    }
    return { status: 200, contentType: 'atomFeed', body: writeAtomFeed(rows, type, this.#schema, this, common, count, contextName) };
  }

  #entity(row: Row, type: EntityTypeInfo, options: QueryOptions, serviceRoot: string): ODataResponse {
    const common = { select: options.select, expand: [], serviceRoot };
    if (options.format.kind === 'json') return { status: 200, contentType: 'json', body: writeJsonEntity(row, type, this.#schema, this, { ...common, metadata: options.format.metadata }) };
    return { status: 200, contentType: 'atomEntry', body: writeAtomEntry(row, type, this.#schema, this, common) };
  }

  /** Finds the row a key addresses; a missing key part is code 7, no such row code 9. */
  #byKey(type: EntityTypeInfo, key: KeyValues): Row {
    const source = this.#base.source(type.setName);
    if (source === undefined) throw odataErrors.entitySetNotFound(type.setName);
    const named = new Map<string, Value>('named' in key ? key.named : [[type.keys[0] ?? 'Ref_Key', key.single]]);
    // A register whose recorder has one type is keyed by `Recorder_Key` (DOC 17.4.13.1.1); accept it for `Recorder`.
    const recorderKey = named.get('Recorder_Key');
    if (recorderKey !== undefined && !named.has('Recorder')) named.set('Recorder', recorderKey);
    const values = new Map<string, Value>();
    for (const name of type.keys) {
      const value = named.get(name);
      if (value === undefined) {
        if (name === 'Recorder_Type' && type.kind === 'recordset') continue;
        throw odataErrors.keyMissing(type.setName);
      }
      values.set(name, value);
    }
    const owner = values.get(type.keys[0] ?? '');
    if (owner === undefined) throw odataErrors.keyMissing(type.setName);
    const candidates = source.rowsOf(owner.t === 'guid' || owner.t === 'string' ? owner.v.toLowerCase() : '');
    const row = candidates.find((r) =>
      [...values].every(([name, value]) => {
        const p = type.propertyByName.get(name);
        if (p === undefined) return false;
        const actual = toValue(r[name], p);
        // Recorder is Edm.String holding a guid: accept `guid'…'` and `'…'` alike.
        const expected: Value = name === 'Recorder' && value.t === 'guid' ? { t: 'string', v: value.v } : value;
        return compareValues(actual.t === 'string' && name === 'Recorder' ? { t: 'string', v: actual.v.toLowerCase() } : actual, expected) === 0;
      }),
    );
    if (row === undefined) throw odataErrors.instanceNotFound(type.setName);
    return row;
  }

  #virtual(resource: Extract<ResourcePath, { kind: 'virtual' }>, type: EntityTypeInfo, request: ODataRequest, options: QueryOptions): ODataResponse {
    if (type.kind !== 'recordset' || resource.fn !== 'Balance') {
      if (type.kind === 'recordset' && NOT_EMULATED_FUNCTIONS.has(resource.fn)) throw odataErrors.notSupported(`${resource.fn} (эмулятор умеет только Balance)`);
      throw odataErrors.methodNotFound(resource.fn);
    }
    // Parameters may also come in the query string: `…/Balance?Condition=…` (DOC example).
    const params = new Map(resource.params);
    for (const name of ['Period', 'Condition']) {
      const fromQuery = request.params.get(name);
      if (!params.has(name) && fromQuery !== undefined) params.set(name, fromQuery);
    }
    const records = this.#base.source(`${type.setName}_RecordType`)?.rows() ?? [];
    const rows = computeBalance(this.#schema, this.#executor.compiler(), type.setName, records, params);
    const rowType = balanceType(this.#schema, type.setName);
    validateSelection(rowType, this.#schema, options);
    const result = this.#executor.run({ rows: () => rows, rowsOf: null, ownerIndex: null, cacheKey: null }, rowType, resource.count ? { ...options, inlineCount: true } : options);
    if (resource.count) return { status: 200, contentType: 'text', body: String(result.count ?? 0) };
    return this.#collection(result.rows, rowType, { ...options, expand: [] }, result.count, rowType.setName, request.serviceRoot);
  }
}
