/**
 * Multi-row INSERTs for the hot paths (movements, declaration lines and entries, discrepancies). Kysely's
 * builder compiles every batch anew, which cost as much as executing it; here the statement text is built
 * once per (table, row count) and reused, and rows are split to stay under the engine's parameter limit.
 */
import { CompiledQuery } from 'kysely';
import type { Insertable } from 'kysely';
import type { Executor } from './context.js';
import type { StoreDatabase } from './schema.js';
import type { StoreEngine } from './url.js';

type Table = keyof StoreDatabase;
type Column<T extends Table> = keyof Insertable<StoreDatabase[T]> & string;

/** Full-size statements only: remainders vary in size and would make the cache grow without bound. */
const fullStatements = new Map<string, string>();

function buildStatement(engine: StoreEngine, table: string, columns: readonly string[], rowCount: number): string {
  const width = columns.length;
  const placeholder = engine === 'postgres' ? (i: number) => `$${i + 1}` : () => '?';
  const rows: string[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const cells: string[] = [];
    for (let c = 0; c < width; c += 1) cells.push(placeholder(r * width + c));
    rows.push(`(${cells.join(', ')})`);
  }
  return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${rows.join(', ')}`;
}

function statement(engine: StoreEngine, table: string, columns: readonly string[], rowCount: number, full: boolean): string {
  if (!full) return buildStatement(engine, table, columns, rowCount);
  const key = `${engine}|${table}|${columns.join(',')}|${rowCount}`;
  let text = fullStatements.get(key);
  if (text === undefined) {
    text = buildStatement(engine, table, columns, rowCount);
    fullStatements.set(key, text);
  }
  return text;
}

/** Rows per statement: as many as the parameter limit allows, but not so many that one statement is huge. */
const MAX_ROWS_PER_STATEMENT = 2_000;

export async function bulkInsert<T extends Table>(
  db: Executor,
  target: { engine: StoreEngine; maxParameters: number },
  table: T,
  columns: readonly Column<T>[],
  rows: readonly Insertable<StoreDatabase[T]>[],
): Promise<void> {
  const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(target.maxParameters / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    for (const row of chunk) {
      const record = row as Record<string, unknown>;
      for (const column of columns) parameters.push(record[column] ?? null);
    }
    const text = statement(target.engine, table, columns, chunk.length, chunk.length === perStatement);
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}
