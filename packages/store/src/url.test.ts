import { isSledopytError } from '@sledopyt/core';
import type { SledopytError } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STORE_URL, describeLocation, parseStoreUrl, redactUrl, storeUrlSchema } from './url.js';

function urlError(url: string): SledopytError {
  try {
    parseStoreUrl(url);
  } catch (error) {
    if (isSledopytError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${url} to be refused`);
}

describe('parseStoreUrl', () => {
  it.each([
    ['sqlite:./data/sledopyt.db', './data/sledopyt.db'],
    ['sqlite:/var/lib/sledopyt/sledopyt.db', '/var/lib/sledopyt/sledopyt.db'],
    ['sqlite:///var/lib/sledopyt/sledopyt.db', '/var/lib/sledopyt/sledopyt.db'],
    ['sqlite::memory:', ':memory:'],
    ['./data/holding.db', './data/holding.db'],
    ['sledopyt.db', 'sledopyt.db'],
    ['C:\\Sledopyt\\data.db', 'C:\\Sledopyt\\data.db'],
  ])('%s is SQLite at %s', (url, path) => {
    expect(parseStoreUrl(url)).toEqual({ engine: 'sqlite', path });
  });

  it('defaults to the SQLite file under ./data', () => {
    expect(parseStoreUrl(DEFAULT_STORE_URL)).toEqual({ engine: 'sqlite', path: './data/sledopyt.db' });
  });

  it('reads a PostgreSQL URL with its schema parameter', () => {
    const location = parseStoreUrl('postgresql://sledopyt:p%40ss@db.holding.local:6432/sledopyt?schema=holding_2026&sslmode=require');
    expect(location).toEqual({
      engine: 'postgres',
      connectionString: 'postgresql://sledopyt:p%40ss@db.holding.local:6432/sledopyt?sslmode=require',
      schema: 'holding_2026',
      host: 'db.holding.local',
      port: 6432,
      database: 'sledopyt',
      user: 'sledopyt',
    });
  });

  it('uses port 5432 and schema public by default', () => {
    expect(parseStoreUrl('postgres://sledopyt@127.0.0.1/sledopyt')).toMatchObject({ port: 5432, schema: 'public' });
  });

  it.each([
    ['', 'url'],
    ['mysql://root@localhost/sledopyt', 'scheme'],
    ['sqlite:', 'path'],
    ['postgres://sledopyt:secret@:5432/sledopyt', 'host'],
    ['postgres:///sledopyt', 'host'],
    ['postgres://sledopyt:secret@127.0.0.1:99999/sledopyt', 'port'],
    ['postgres://sledopyt:secret@127.0.0.1:54x2/sledopyt', 'port'],
    ['postgres://sledopyt:secret@db host/sledopyt', 'url'],
    ['postgres://sledopyt:secret@127.0.0.1:0/sledopyt', 'port'],
    ['postgres://sledopyt:secret@127.0.0.1:5432/', 'database'],
    ['postgres://127.0.0.1:5432/sledopyt', 'user'],
    ['postgres://sledopyt:secret@127.0.0.1/sledopyt?schema=Drop;Table', 'schema'],
  ])('refuses %j, naming the %s', (url, part) => {
    const error = urlError(url);
    expect(error.code).toBe('STORE_URL_INVALID');
    expect(error.actor).toBe('admin');
    expect(error.details['part']).toBe(part);
    expect(error.messageRu).not.toContain('secret');
    expect(error.message).not.toContain('secret');
  });

  it('validates config values through the zod schema', () => {
    const ok = storeUrlSchema.safeParse('sqlite:./data/sledopyt.db');
    expect(ok.success && ok.data.engine).toBe('sqlite');
    const bad = storeUrlSchema.safeParse('oracle://scott:tiger@db/orcl');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('oracle');
    expect(bad.error?.issues[0]?.message).not.toContain('tiger');
  });
});

describe('redactUrl', () => {
  it.each([
    ['postgres://sledopyt:S3cret@127.0.0.1:5432/sledopyt', 'postgres://sledopyt:***@127.0.0.1:5432/sledopyt'],
    ['postgres://sledopyt@127.0.0.1/sledopyt', 'postgres://sledopyt@127.0.0.1/sledopyt'],
    ['postgres://u:p%40ss:word@h/db', 'postgres://u:***@h/db'],
    ['postgres://h/db?user=u&password=S3cret&sslmode=require', 'postgres://h/db?user=u&password=***&sslmode=require'],
    ['sqlite:./data/sledopyt.db', 'sqlite:./data/sledopyt.db'],
  ])('%s → %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });

  it('describes a location without the password', () => {
    const text = describeLocation(parseStoreUrl('postgres://sledopyt:S3cret@127.0.0.1/sledopyt?schema=holding'));
    expect(text).toBe('postgres://sledopyt:***@127.0.0.1/sledopyt (schema holding)');
  });
});
