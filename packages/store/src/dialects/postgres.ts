/**
 * PostgreSQL through pg's Pool. Values are read so that both engines give the same JS types:
 * int2/int4/int8 → bigint (as SQLite's safe integers), integral numeric → bigint (sums, quantities),
 * date → the `YYYY-MM-DD` text, timestamptz → ISO 8601 UTC text. The parsers are set on this pool only
 * (not pg's global registry), so other pg users in the process are unaffected.
 * The store's tables live in one schema (`?schema=` in the URL, default public) via `search_path`.
 */
import pg from 'pg';
import { PostgresDialect, sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { PostgresLocation } from '../url.js';
import type { EngineDriver } from './engine.js';

const PG_MAX_PARAMETERS = 65_535;
const POOL_SIZE = 5;

const OID = { int8: 20, int2: 21, int4: 23, numeric: 1700, date: 1082, timestamptz: 1184 } as const;
const INTEGRAL = /^-?\d+$/;

const parsers = new Map<number, (value: string) => unknown>([
  [OID.int8, BigInt],
  [OID.int2, BigInt],
  [OID.int4, BigInt],
  // A numeric with a fraction (none of the store's columns, but raw SQL may compute one) stays exact text.
  [OID.numeric, (value) => (INTEGRAL.test(value) ? BigInt(value) : value)],
  [OID.date, (value) => value],
  [OID.timestamptz, (value) => new Date(value).toISOString()],
]);

const storeTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = format === 'binary' ? undefined : parsers.get(oid);
    return parser ?? pg.types.getTypeParser(oid, format);
  },
};

export function createPostgresPool(location: PostgresLocation, max = POOL_SIZE): pg.Pool {
  return new pg.Pool({
    connectionString: location.connectionString,
    max,
    types: storeTypes as pg.CustomTypesConfig,
    options: `-c search_path=${location.schema}`,
    application_name: 'sledopyt',
  });
}

export function createPostgresEngine(location: PostgresLocation): EngineDriver {
  return {
    engine: 'postgres',
    dialect: new PostgresDialect({ pool: async () => createPostgresPool(location) }),
    maxParameters: PG_MAX_PARAMETERS,
    schema: location.schema,
    lockNamespace: `${location.database}.${location.schema}`,
    prepare: async (db: Kysely<unknown>) => {
      await sql`create schema if not exists ${sql.id(location.schema)}`.execute(db);
    },
  };
}
