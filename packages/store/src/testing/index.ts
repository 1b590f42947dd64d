/**
 * `@sledopyt/store/testing`: real databases for tests of any package that uses the store — SQLite in a temp
 * dir and PostgreSQL (SLEDOPYT_TEST_PG_URL, a schema per store). For tests only: it imports vitest.
 */
export * from './engines.js';
