/**
 * Small conversions between JS values and column values, shared by the repositories.
 */
import { SledopytError } from '@sledopyt/core';
import type { z } from 'zod';

/** An integer from a raw SQL row (bigint on both engines; number or text tolerated), as bigint. */
export function toBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new SledopytError({
    code: 'STORE_VALUE_NOT_INTEGER',
    message: `Expected an integer from the database, got ${typeof value} ${String(value)}`,
    messageRu: 'База данных вернула нецелое значение там, где ожидалось целое число: сообщите разработчикам',
    actor: 'developer',
    details: { type: typeof value },
  });
}

/** A small integer column (year, quarter, counts) as a JS number. */
export const toNumber = (value: unknown): number => Number(toBigInt(value));

export const toNullableBigInt = (value: unknown): bigint | null => (value === null || value === undefined ? null : toBigInt(value));

export const flag = (value: boolean): number => (value ? 1 : 0);

/** A JSON column: text on SQLite, already parsed (jsonb) on PostgreSQL. */
export function readJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** JSON text for a JSON column; bigints become decimal strings (JSON has no bigint). */
export function writeJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * Invoice numbers as the reconciler compares them (discrepancies.md): trimmed and case-folded, so
 * «УТ-15 » and «ут-15» are the same invoice. (`toLowerCase` folds Cyrillic as the ru locale does, at a
 * fraction of `toLocaleLowerCase`'s cost.)
 */

/** Splits rows into multi-row INSERTs that stay under the engine's bound-parameter limit. */
export function* chunkRows<T extends object>(rows: readonly T[], maxParameters: number): Generator<T[]> {
  const first = rows[0];
  if (first === undefined) return;
  const perRow = Math.max(1, Object.keys(first).length);
  const size = Math.max(1, Math.floor(maxParameters / perRow));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Validates a public input with its zod schema; `STORE_INPUT_INVALID` lists every issue. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string, whatRu: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new SledopytError({
    code: 'STORE_INPUT_INVALID',
    message: `Invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    messageRu: `Неверные данные (${whatRu}): ${issues.map((i) => `${i.path || 'запись'} — ${i.message}`).join('; ')}`,
    actor: 'developer',
    details: { issues },
  });
}

const INT64_MAX = 2n ** 63n - 1n;

/**
 * SQLite stores quantities (10⁻¹¹ units) in int64: ±92 233 720.36854775807 units. Larger values need the
 * PostgreSQL store (numeric); refusing them here beats a RangeError from the driver.
 */
export function assertQuantityFits(engine: 'sqlite' | 'postgres', quantity: bigint, context: string): void {
  if (engine !== 'sqlite' || (quantity <= INT64_MAX && quantity >= -INT64_MAX)) return;
  throw new SledopytError({
    code: 'STORE_QUANTITY_OUT_OF_RANGE',
    message: `Quantity ${quantity} (10^-11 units) of ${context} exceeds what the SQLite store holds (±92 233 720 units); use PostgreSQL`,
    messageRu:
      `Количество в записи «${context}» больше 92 233 720 единиц — столько встроенная база SQLite не хранит точно. ` +
      'Подключите хранилище PostgreSQL (--db postgres://…)',
    actor: 'admin',
    details: { context, quantityUnits: quantity.toString() },
  });
}
