/**
 * `$filter` (and `$orderby` expressions) of 1C's OData v3 dialect into a syntax tree: `or`/`and`/`not`,
 * `eq ne gt ge lt le`, `add sub mul div mod`, parentheses, property paths with navigation
 * (`Контрагент/ИНН`), function calls, and lambdas on tabular sections (`Товары/any(d: d/Цена gt 10)`).
 * Cyrillic identifiers are ordinary identifiers.
 */
import { odataErrors } from './errors.js';
import { NULL, datetimeValue, guidValue, readQuoted } from './literals.js';
import type { Value } from './literals.js';

export type BinaryOp = 'or' | 'and' | 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'add' | 'sub' | 'mul' | 'div' | 'mod';

export type FilterNode =
  | { readonly k: 'literal'; readonly value: Value }
  | { readonly k: 'path'; readonly segments: readonly string[] }
  | { readonly k: 'binary'; readonly op: BinaryOp; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly k: 'not'; readonly operand: FilterNode }
  | { readonly k: 'negate'; readonly operand: FilterNode }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly FilterNode[] }
  | { readonly k: 'lambda'; readonly collection: readonly string[]; readonly quantifier: 'any' | 'all'; readonly variable: string | null; readonly body: FilterNode | null };

type Token =
  | { readonly type: 'literal'; readonly value: Value }
  | { readonly type: 'ident'; readonly text: string }
  | { readonly type: 'punct'; readonly text: '(' | ')' | ',' | '/' | ':' | '-' };

const IDENT_START = /[\p{L}_$]/u;
const IDENT_PART = /[\p{L}\p{N}_$]/u;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'") {
      const { value, end } = readQuoted(text, i);
      tokens.push({ type: 'literal', value: { t: 'string', v: value } });
      i = end;
    } else if ('(),/:'.includes(ch)) {
      tokens.push({ type: 'punct', text: ch as '(' | ')' | ',' | '/' | ':' });
      i += 1;
    } else if (/\d/.test(ch) || (ch === '-' && /\d/.test(text[i + 1] ?? '') && !endsOperand(tokens))) {
      const match = NUMBER.exec(text.slice(i))?.[0] ?? ch;
      tokens.push({ type: 'literal', value: { t: 'number', v: Number.parseFloat(match) } });
      i += match.length;
    } else if (ch === '-') {
      tokens.push({ type: 'punct', text: '-' });
      i += 1;
    } else if (IDENT_START.test(ch)) {
      let end = i + 1;
      while (end < text.length && IDENT_PART.test(text[end] ?? '')) end += 1;
      const word = text.slice(i, end);
      if (text[end] === "'" && /^(guid|datetime|datetimeoffset|time|binary|X)$/.test(word)) {
        const { value, end: after } = readQuoted(text, end);
        if (word === 'guid') tokens.push({ type: 'literal', value: guidValue(value) });
        else if (word === 'datetime') tokens.push({ type: 'literal', value: datetimeValue(value) });
        else throw odataErrors.queryOption(`литерал ${word}'…' не поддерживается`);
        i = after;
        continue;
      }
      if (word === 'true' || word === 'false') tokens.push({ type: 'literal', value: { t: 'boolean', v: word === 'true' } });
      else if (word === 'null') tokens.push({ type: 'literal', value: NULL });
      else tokens.push({ type: 'ident', text: word });
      i = end;
    } else {
      throw odataErrors.queryOption(`недопустимый символ «${ch}» в позиции ${i + 1}`);
    }
  }
  return tokens;
}

/** A `-` right after an operand is subtraction text, not a negative number (1C uses `sub`, but be safe). */
function endsOperand(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && (last.type === 'literal' || last.type === 'ident' || (last.type === 'punct' && last.text === ')'));
}

const COMPARISON = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

class Parser {
  readonly #tokens: Token[];
  readonly #source: string;
  #at = 0;

  constructor(source: string) {
    this.#source = source;
    this.#tokens = tokenize(source);
  }

  parseWhole(): FilterNode {
    const node = this.#or();
    if (this.#at < this.#tokens.length) throw this.#error('лишний текст в конце выражения');
    return node;
  }

  /** Comma-separated expressions, each optionally followed by `asc`/`desc` (for `$orderby`). */
  parseOrderList(): { node: FilterNode; descending: boolean }[] {
    const items: { node: FilterNode; descending: boolean }[] = [];
    for (;;) {
      const node = this.#additive();
      const direction = this.#peekIdent();
      let descending = false;
      if (direction === 'asc' || direction === 'desc') {
        descending = direction === 'desc';
        this.#at += 1;
      }
      items.push({ node, descending });
      if (this.#at >= this.#tokens.length) return items;
      this.#expectPunct(',');
    }
  }

  #error(detail: string): Error {
    return odataErrors.queryOption(`${detail} в «${this.#source}»`);
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#at];
  }

  #peekIdent(): string | null {
    const token = this.#peek();
    return token?.type === 'ident' ? token.text : null;
  }

  #isPunct(text: string): boolean {
    const token = this.#peek();
    return token?.type === 'punct' && token.text === text;
  }

  #expectPunct(text: string): void {
    if (!this.#isPunct(text)) throw this.#error(`ожидается «${text}»`);
    this.#at += 1;
  }

  #binaryLevel(operators: ReadonlySet<string>, next: () => FilterNode): FilterNode {
    let left = next();
    for (;;) {
      const op = this.#peekIdent();
      if (op === null || !operators.has(op)) return left;
      this.#at += 1;
      left = { k: 'binary', op: op as BinaryOp, left, right: next() };
    }
  }

  #or(): FilterNode {
    return this.#binaryLevel(new Set(['or']), () => this.#and());
  }

  #and(): FilterNode {
    return this.#binaryLevel(new Set(['and']), () => this.#not());
  }

  #not(): FilterNode {
    if (this.#peekIdent() === 'not') {
      this.#at += 1;
      return { k: 'not', operand: this.#not() };
    }
    return this.#comparison();
  }

  #comparison(): FilterNode {
    const left = this.#additive();
    const op = this.#peekIdent();
    if (op === null || !COMPARISON.has(op)) return left;
    this.#at += 1;
    return { k: 'binary', op: op as BinaryOp, left, right: this.#additive() };
  }

  #additive(): FilterNode {
    return this.#binaryLevel(new Set(['add', 'sub']), () => this.#multiplicative());
  }

  #multiplicative(): FilterNode {
    return this.#binaryLevel(new Set(['mul', 'div', 'mod']), () => this.#unary());
  }

  #unary(): FilterNode {
    if (this.#isPunct('-')) {
      this.#at += 1;
      return { k: 'negate', operand: this.#unary() };
    }
    return this.#primary();
  }

  #primary(): FilterNode {
    const token = this.#peek();
    if (token === undefined) throw this.#error('выражение оборвано');
    if (token.type === 'literal') {
      this.#at += 1;
      return { k: 'literal', value: token.value };
    }
    if (token.type === 'punct') {
      if (token.text !== '(') throw this.#error(`неожиданный символ «${token.text}»`);
      this.#at += 1;
      const inner = this.#or();
      this.#expectPunct(')');
      return inner;
    }
    this.#at += 1;
    if (this.#isPunct('(')) return this.#call(token.text);
    return this.#path(token.text);
  }

  #call(name: string): FilterNode {
    this.#expectPunct('(');
    const args: FilterNode[] = [];
    if (!this.#isPunct(')')) {
      for (;;) {
        args.push(this.#or());
        if (this.#isPunct(')')) break;
        this.#expectPunct(',');
      }
    }
    this.#expectPunct(')');
    return { k: 'call', name, args };
  }

  #path(first: string): FilterNode {
    const segments = [first];
    while (this.#isPunct('/')) {
      this.#at += 1;
      const next = this.#peekIdent();
      if (next === null) throw this.#error('после «/» ожидается имя свойства');
      this.#at += 1;
      if ((next === 'any' || next === 'all') && this.#isPunct('(')) return this.#lambda(segments, next);
      segments.push(next);
    }
    return { k: 'path', segments };
  }

  #lambda(collection: string[], quantifier: 'any' | 'all'): FilterNode {
    this.#expectPunct('(');
    if (this.#isPunct(')')) {
      this.#at += 1;
      return { k: 'lambda', collection, quantifier, variable: null, body: null };
    }
    const variable = this.#peekIdent();
    if (variable === null) throw this.#error('ожидается имя переменной лямбда-выражения');
    this.#at += 1;
    this.#expectPunct(':');
    const body = this.#or();
    this.#expectPunct(')');
    return { k: 'lambda', collection, quantifier, variable, body };
  }
}

export function parseFilter(text: string): FilterNode {
  return new Parser(text).parseWhole();
}

export function parseOrderBy(text: string): { node: FilterNode; descending: boolean }[] {
  return new Parser(text).parseOrderList();
}
