/**
 * Compiles a `$filter`/`$orderby` tree against an entity type into closures over rows. Property names
 * are checked once, at compile time, so an unknown property fails even on an empty set (code 10).
 * Values are typed by the property: comparing a Guid property with a string, or a composite value
 * with a `guid'…'`, matches nothing — 1C returns an empty result for the latter (NOTES.md §1.4) and
 * the emulator treats every type mismatch that way [I].
 */
import type { EntityTypeInfo, ServiceSchema } from '../edm/schema.js';
import { emptyValue } from '../edm/schema.js';
import type { PropertyDef } from '../edm/types.js';
import { EMPTY_GUID } from '../edm/types.js';
import type { Row } from '../profiles/index.js';
import { odataErrors } from './errors.js';
import type { FilterNode } from './filter-parser.js';
import { NULL } from './literals.js';
import type { Value } from './literals.js';

export interface EvalContext {
  readonly row: Row;
  readonly vars: ReadonlyMap<string, Row>;
}

export type Compiled = (context: EvalContext) => Value;

export interface FilterEnvironment {
  readonly schema: ServiceSchema;
  /** The row of `setName` with key `ref`, for navigation (`Контрагент/ИНН`). */
  lookup(setName: string, ref: string): Row | undefined;
}

/** Functions DOC lists as unsupported by 1C (NOTES.md §1.4). */
const UNSUPPORTED = new Set(['length', 'indexof', 'replace', 'tolower', 'toupper', 'trim', 'floor', 'ceiling', 'years', 'months', 'days', 'hours', 'minutes', 'seconds']);

export function toValue(raw: unknown, p: PropertyDef): Value {
  const value = raw === undefined ? emptyValue(p) : raw;
  if (value === null) return NULL;
  if (p.name.endsWith('_Type')) return { t: 'string', v: String(value) };
  switch (p.type) {
    case 'Edm.Guid':
      return { t: 'guid', v: String(value).toLowerCase() };
    case 'Edm.DateTime':
      return { t: 'datetime', v: String(value) };
    case 'Edm.Boolean':
      return { t: 'boolean', v: value === true };
    case 'Edm.String':
      return { t: 'string', v: String(value) };
    default:
      return { t: 'number', v: Number(value) };
  }
}

/** -1/0/1, or null when the values cannot be compared (different types). */
export function compareValues(a: Value, b: Value): number | null {
  if (a.t === 'null' || b.t === 'null') return a.t === b.t ? 0 : null;
  if (a.t !== b.t) return null;
  const x = a.v;
  const y = (b as typeof a).v;
  return x < y ? -1 : x > y ? 1 : 0;
}

const bool = (v: boolean): Value => ({ t: 'boolean', v });
const isTrue = (v: Value): boolean => v.t === 'boolean' && v.v;

function compare(op: string, a: Value, b: Value): Value {
  if (a.t === 'null' || b.t === 'null') {
    if (op === 'eq') return bool(a.t === b.t);
    if (op === 'ne') return bool(a.t !== b.t);
    return bool(false);
  }
  const order = compareValues(a, b);
  if (order === null) return bool(false);
  switch (op) {
    case 'eq':
      return bool(order === 0);
    case 'ne':
      return bool(order !== 0);
    case 'gt':
      return bool(order > 0);
    case 'ge':
      return bool(order >= 0);
    case 'lt':
      return bool(order < 0);
    default:
      return bool(order <= 0);
  }
}

function arithmetic(op: string, a: Value, b: Value): Value {
  if (a.t !== 'number' || b.t !== 'number') return NULL;
  switch (op) {
    case 'add':
      return { t: 'number', v: a.v + b.v };
    case 'sub':
      return { t: 'number', v: a.v - b.v };
    case 'mul':
      return { t: 'number', v: a.v * b.v };
    case 'div':
      return b.v === 0 ? NULL : { t: 'number', v: a.v / b.v };
    default:
      return b.v === 0 ? NULL : { t: 'number', v: a.v % b.v };
  }
}

const text = (v: Value): string | null => (v.t === 'string' ? v.v : null);

function likePattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${escaped}$`, 'is');
}

function callFunction(name: string, args: readonly Value[]): Value {
  const [a = NULL, b = NULL, c = NULL] = args;
  switch (name) {
    case 'substringof': {
      const needle = text(a);
      const hay = text(b);
      return needle === null || hay === null ? bool(false) : bool(hay.includes(needle));
    }
    case 'startswith':
      return text(a) === null || text(b) === null ? bool(false) : bool((text(a) ?? '').startsWith(text(b) ?? ''));
    case 'endswith':
      return text(a) === null || text(b) === null ? bool(false) : bool((text(a) ?? '').endsWith(text(b) ?? ''));
    case 'like':
      return text(a) === null || text(b) === null ? bool(false) : bool(likePattern(text(b) ?? '').test(text(a) ?? ''));
    case 'concat':
      return { t: 'string', v: `${text(a) ?? ''}${text(b) ?? ''}` };
    case 'substring': {
      const s = text(a);
      if (s === null || b.t !== 'number') return NULL;
      return { t: 'string', v: c.t === 'number' ? s.substr(b.v, c.v) : s.slice(b.v) };
    }
    case 'year':
    case 'month':
    case 'day':
    case 'hour':
    case 'minute':
    case 'second': {
      if (a.t !== 'datetime') return NULL;
      const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(a.v);
      const index = ['year', 'month', 'day', 'hour', 'minute', 'second'].indexOf(name) + 1;
      return { t: 'number', v: Number(parts?.[index] ?? 0) };
    }
    default:
      throw odataErrors.queryOption(`функция ${name} не поддерживается`);
  }
}

const KNOWN_FUNCTIONS = new Set(['substringof', 'startswith', 'endswith', 'like', 'concat', 'substring', 'year', 'month', 'day', 'hour', 'minute', 'second']);

export class FilterCompiler {
  readonly #env: FilterEnvironment;

  constructor(env: FilterEnvironment) {
    this.#env = env;
  }

  compile(node: FilterNode, type: EntityTypeInfo, vars: ReadonlyMap<string, EntityTypeInfo> = new Map()): Compiled {
    switch (node.k) {
      case 'literal': {
        const value = node.value;
        return () => value;
      }
      case 'path':
        return this.#path(node.segments, type, vars);
      case 'not': {
        const operand = this.compile(node.operand, type, vars);
        return (context) => bool(!isTrue(operand(context)));
      }
      case 'negate': {
        const operand = this.compile(node.operand, type, vars);
        return (context) => {
          const v = operand(context);
          return v.t === 'number' ? { t: 'number', v: -v.v } : NULL;
        };
      }
      case 'binary': {
        const left = this.compile(node.left, type, vars);
        const right = this.compile(node.right, type, vars);
        const op = node.op;
        if (op === 'and') return (context) => bool(isTrue(left(context)) && isTrue(right(context)));
        if (op === 'or') return (context) => bool(isTrue(left(context)) || isTrue(right(context)));
        if (op === 'add' || op === 'sub' || op === 'mul' || op === 'div' || op === 'mod') return (context) => arithmetic(op, left(context), right(context));
        return (context) => compare(op, left(context), right(context));
      }
      case 'call': {
        if (UNSUPPORTED.has(node.name)) throw odataErrors.queryOption(`функция ${node.name} не поддерживается стандартным интерфейсом OData`);
        if (!KNOWN_FUNCTIONS.has(node.name)) throw odataErrors.queryOption(`неизвестная функция ${node.name}`);
        const args = node.args.map((a) => this.compile(a, type, vars));
        const name = node.name;
        return (context) => callFunction(name, args.map((a) => a(context)));
      }
      case 'lambda':
        return this.#lambda(node, type, vars);
    }
  }

  /** Walks navigation segments; returns the final type and a getter of the row that holds the last segment. */
  #walk(segments: readonly string[], type: EntityTypeInfo, vars: ReadonlyMap<string, EntityTypeInfo>): { type: EntityTypeInfo; row: (c: EvalContext) => Row | undefined; last: string } {
    const [first = '', ...rest] = segments;
    const variableType = vars.get(first);
    let current: EntityTypeInfo = variableType ?? type;
    let getter: (c: EvalContext) => Row | undefined = variableType === undefined ? (c) => c.row : (c) => c.vars.get(first);
    const names = variableType === undefined ? segments : rest;
    if (names.length === 0) throw odataErrors.queryOption(`переменная ${first} без свойства`);
    for (const name of names.slice(0, -1)) {
      const nav = current.navigationByName.get(name);
      if (nav === undefined) throw odataErrors.propertyNotFound(current.setName, name);
      const target = this.#env.schema.type(nav.target);
      if (target === undefined) throw odataErrors.propertyNotFound(current.setName, name);
      const previous = getter;
      getter = (c) => {
        const ref = previous(c)?.[nav.keyProperty];
        if (typeof ref !== 'string' || ref === EMPTY_GUID) return undefined;
        return this.#env.lookup(nav.target, ref);
      };
      current = target;
    }
    return { type: current, row: getter, last: names[names.length - 1] ?? '' };
  }

  #path(segments: readonly string[], type: EntityTypeInfo, vars: ReadonlyMap<string, EntityTypeInfo>): Compiled {
    const walked = this.#walk(segments, type, vars);
    const p = walked.type.propertyByName.get(walked.last);
    if (p === undefined) throw odataErrors.propertyNotFound(walked.type.setName, walked.last);
    return (context) => {
      const row = walked.row(context);
      return row === undefined ? NULL : toValue(row[p.name], p);
    };
  }

  #lambda(node: Extract<FilterNode, { k: 'lambda' }>, type: EntityTypeInfo, vars: ReadonlyMap<string, EntityTypeInfo>): Compiled {
    const walked = this.#walk(node.collection, type, vars);
    const rowSet = walked.type.collections.get(walked.last);
    const rowType = rowSet === undefined ? undefined : this.#env.schema.type(rowSet);
    if (rowType === undefined) throw odataErrors.propertyNotFound(walked.type.setName, walked.last);
    const variable = node.variable;
    const body = node.body === null || variable === null ? null : this.compile(node.body, type, new Map([...vars, [variable, rowType]]));
    const quantifier = node.quantifier;
    return (context) => {
      const rows = (walked.row(context)?.[walked.last] as readonly Row[] | undefined) ?? [];
      if (body === null || variable === null) return bool(quantifier === 'any' ? rows.length > 0 : true);
      const test = (r: Row): boolean => isTrue(body({ row: context.row, vars: new Map([...context.vars, [variable, r]]) }));
      return bool(quantifier === 'any' ? rows.some(test) : rows.every(test));
    };
  }
}
