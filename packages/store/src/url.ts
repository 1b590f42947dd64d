/**
 * Where the store lives, as one string (`--db`, config): `sqlite:PATH`, a bare file path, `sqlite::memory:`,
 * or `postgres://user:password@host:port/database?schema=name`. Errors name the part that is wrong and never
 * repeat a password: use `redactUrl` for anything that reaches a log or a message.
 */
import { SledopytError } from '@sledopyt/core';
import { z } from 'zod';

/** The embedded default: one SQLite file under the working directory. */
export const DEFAULT_STORE_URL = 'sqlite:./data/sledopyt.db';

export type StoreEngine = 'sqlite' | 'postgres';

export interface SqliteLocation {
  engine: 'sqlite';
  /** A file path, or `:memory:` for a private in-memory database. */
  path: string;
}

export interface PostgresLocation {
  engine: 'postgres';
  /** The URL without the store's own `schema` parameter: what `pg` receives. */
  connectionString: string;
  /** The schema that holds the tables (default `public`); created on open when missing. */
  schema: string;
  host: string;
  port: number;
  database: string;
  user: string;
}

export type StoreLocation = SqliteLocation | PostgresLocation;

/** The URL's parts an error can point at. */
export type StoreUrlPart = 'url' | 'scheme' | 'path' | 'host' | 'port' | 'database' | 'user' | 'schema';

const PART_RU: Readonly<Record<StoreUrlPart, string>> = {
  url: 'адрес',
  scheme: 'схема (начало адреса)',
  path: 'путь к файлу',
  host: 'сервер',
  port: 'порт',
  database: 'имя базы данных',
  user: 'пользователь',
  schema: 'схема PostgreSQL (параметр schema)',
};

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;
/** Unquoted PostgreSQL identifiers: the schema name goes into `search_path` and lock keys. */
const PG_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Replaces the password of a URL (user info or `password=` parameter) with `***`. Safe on any text. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^/?#@:]*):[^@/?#]*@/, '$1:***@').replace(/([?&]password=)[^&#]*/gi, '$1***');
}

function urlError(url: string, part: StoreUrlPart, reasonRu: string, reason: string): SledopytError {
  const shown = redactUrl(url);
  return new SledopytError({
    code: 'STORE_URL_INVALID',
    message: `Invalid store URL "${shown}" (${part}): ${reason}`,
    messageRu:
      `Адрес базы данных «${shown}» указан неверно — ${PART_RU[part]}: ${reasonRu}. ` +
      'Примеры: sqlite:./data/sledopyt.db или postgres://пользователь:пароль@127.0.0.1:5432/sledopyt',
    actor: 'admin',
    details: { url: shown, part },
  });
}

function parseSqlite(url: string, path: string): SqliteLocation {
  // `sqlite:///abs/path` and `sqlite://./rel` are common spellings of the same thing.
  const cleaned = path.startsWith('///') ? path.slice(2) : path.startsWith('//') ? path.slice(2) : path;
  if (cleaned.trim() === '') throw urlError(url, 'path', 'не указан путь к файлу базы', 'empty path');
  return { engine: 'sqlite', path: cleaned };
}

/** host and port as written (the URL parser would only say "invalid URL" for a bad port or an empty host). */
const AUTHORITY = /^[a-z]+:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::([^/?#]*))?/i;

function checkAuthority(url: string): void {
  const [, host = '', port] = AUTHORITY.exec(url) ?? [];
  if (host === '') throw urlError(url, 'host', 'не указан сервер (например 127.0.0.1)', 'missing host');
  if (port !== undefined && port !== '' && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    throw urlError(url, 'port', 'порт — число от 1 до 65535', 'port out of range');
  }
}

function parsePostgres(url: string): PostgresLocation {
  checkAuthority(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw urlError(url, 'url', 'адрес не разбирается как URL', 'not a URL');
  }
  const port = parsed.port === '' ? 5432 : Number(parsed.port);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) {
    throw urlError(url, 'database', 'после сервера укажите имя базы: …@сервер:5432/имя_базы', 'missing database name');
  }
  const user = decodeURIComponent(parsed.username);
  if (user === '') throw urlError(url, 'user', 'не указан пользователь: postgres://пользователь:пароль@…', 'missing user');
  const schema = parsed.searchParams.get('schema') ?? 'public';
  if (!PG_IDENTIFIER.test(schema)) {
    throw urlError(url, 'schema', 'строчные латинские буквы, цифры и _, не длиннее 63 знаков, не с цифры', 'invalid schema name');
  }
  parsed.searchParams.delete('schema');
  return { engine: 'postgres', connectionString: parsed.toString(), schema, host: parsed.hostname, port, database, user };
}

/** Parses a store URL; throws `STORE_URL_INVALID` (actor admin) naming the wrong part. */
export function parseStoreUrl(input: string): StoreLocation {
  const url = input.trim();
  if (url === '') throw urlError(input, 'url', 'адрес пуст', 'empty URL');
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || WINDOWS_DRIVE.test(url)) return parseSqlite(url, url);
  if (scheme === 'sqlite') return parseSqlite(url, url.slice('sqlite:'.length));
  if (scheme === 'postgres' || scheme === 'postgresql') return parsePostgres(url);
  throw urlError(url, 'scheme', `«${scheme}:» не поддерживается — только sqlite: или postgres://`, `unsupported scheme ${scheme}`);
}

/** The URL as a zod schema (config files): the output is the parsed location. */
export const storeUrlSchema = z.string().transform((text, ctx): StoreLocation => {
  try {
    return parseStoreUrl(text);
  } catch (error) {
    const e = error as SledopytError;
    ctx.addIssue({ code: 'custom', message: e.messageRu, params: { code: e.code, part: e.details['part'] } });
    return z.NEVER;
  }
});

/** A location as a URL again, password redacted: for logs and `Store.url`. */
export function describeLocation(location: StoreLocation): string {
  return location.engine === 'sqlite'
    ? `sqlite:${location.path}`
    : redactUrl(location.connectionString) + (location.schema === 'public' ? '' : ` (schema ${location.schema})`);
}
