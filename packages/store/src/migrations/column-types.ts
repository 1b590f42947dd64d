/**
 * The few column types that differ between the engines; migrations name columns by meaning and this
 * maps the meaning to a type. Every table gets the same columns on both engines.
 *
 * - quantity: the core's `Quantity` as an integer of 10⁻¹¹ units. PostgreSQL `numeric(38,0)` holds every
 *   N(26.11) value and any sum exactly; SQLite INTEGER is int64, so a single value or a SUM is capped at
 *   ±92 233 720.36854775807 units (the store refuses larger values on write; SQLite's SUM raises
 *   "integer overflow" rather than wrap). See README "Decisions".
 * - code: identifiers compared and ordered byte-wise (RNPT, ИНН, ОКЕИ, invoice numbers): `collate "C"` on
 *   PostgreSQL so keyset pages and ORDER BY agree with SQLite's BINARY order whatever the database locale.
 * - flag: 0/1 integers on both engines (better-sqlite3 cannot bind booleans; `= 1` works everywhere).
 * - date: PostgreSQL `date`, SQLite `YYYY-MM-DD` text; instant: `timestamptz` / ISO 8601 UTC text.
 */
import { sql } from 'kysely';
import type { ColumnDataType, ColumnDefinitionBuilder, CreateTableBuilder, Expression } from 'kysely';
import type { StoreEngine } from '../url.js';

type DataType = ColumnDataType | Expression<unknown>;

export interface ColumnTypes {
  engine: StoreEngine;
  bigint: DataType;
  int: DataType;
  quantity: DataType;
  text: DataType;
  code: DataType;
  flag: DataType;
  date: DataType;
  instant: DataType;
  json: DataType;
  /** Adds the surrogate key `id` (identity on PostgreSQL, AUTOINCREMENT rowid on SQLite: ids are never reused). */
  idColumn<T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C | 'id'>;
  /** Table options at the end of CREATE TABLE (SQLite: STRICT, so a wrong type is an error, not a silent cast). */
  finish<T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C>;
}

const sqliteTypes: ColumnTypes = {
  engine: 'sqlite',
  bigint: 'integer',
  int: 'integer',
  quantity: 'integer',
  text: 'text',
  code: 'text',
  flag: 'integer',
  date: 'text',
  instant: 'text',
  json: 'text',
  idColumn: (table) => table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement()),
  finish: (table) => table.modifyEnd(sql`strict`),
};

const postgresTypes: ColumnTypes = {
  engine: 'postgres',
  bigint: 'bigint',
  int: 'integer',
  quantity: 'numeric(38, 0)',
  text: 'text',
  code: sql`text collate "C"`,
  flag: 'smallint',
  date: 'date',
  instant: 'timestamptz',
  json: 'jsonb',
  idColumn: (table) => table.addColumn('id', 'bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity()),
  finish: (table) => table,
};

export const columnTypes = (engine: StoreEngine): ColumnTypes => (engine === 'sqlite' ? sqliteTypes : postgresTypes);

export const notNull = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder => col.notNull();

/** The meanings of columns that bulk inserts name (ColumnTypes' keys without the helpers). */
export type ColumnMeaning = 'bigint' | 'int' | 'quantity' | 'text' | 'code' | 'flag' | 'date' | 'instant' | 'json';

/** PostgreSQL type names of the meanings, for casts such as `unnest($1::numeric[])`. */
export const POSTGRES_TYPE_NAMES: Readonly<Record<ColumnMeaning, string>> = {
  bigint: 'bigint',
  int: 'integer',
  quantity: 'numeric',
  text: 'text',
  code: 'text',
  flag: 'smallint',
  date: 'date',
  instant: 'timestamptz',
  json: 'jsonb',
};
