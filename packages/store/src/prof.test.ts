import { it } from 'vitest';
import { wholeQuantity } from '@sledopyt/core';
import { declarationLineInputSchema } from '/work/main/packages/store/src/repositories/declarations.js';
import { Kysely, SqliteDialect } from 'kysely';
import Database from 'better-sqlite3';
it('prof', async () => {
  const line = (n: number) => ({ lineNumber: n, invoiceNumber: `РН-${n}`, invoiceDate: '2026-02-03', counterpartyInn: '7810543210', operationCodes: ['01'], amountKopecks: 1n, vatKopecks: 1n, tnvedCodes: ['8418102001'], entries: [{ kind: 'rnpt' as const, number: '10702070/150126/0000001/001', raw: '10702070/150126/0000001/001', okei: '796', quantity: wholeQuantity(12), costKopecks: 1n }] });
  let t = performance.now();
  for (let i = 0; i < 200000; i++) declarationLineInputSchema.parse(line(i));
  console.log('zod 200k', performance.now() - t);
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
  await db.schema.createTable('t').addColumn('a', 'integer').addColumn('b', 'text').addColumn('c','text').addColumn('d','integer').addColumn('e','text').addColumn('f','text').addColumn('g','text').addColumn('h','text').addColumn('i','integer').addColumn('j','integer').addColumn('k','integer').addColumn('l','integer').addColumn('m','text').addColumn('n','text').addColumn('o','text').addColumn('p','text').addColumn('q','text').addColumn('r','text').execute();
  const rows = Array.from({ length: 1800 }, (_, i) => ({ a: i, b: 'x', c: 'y', d: 1, e: 'a', f: 'b', g: 'c', h: 'd', i: 1, j: 2, k: 3, l: 4, m: 'q', n: null, o: null, p: null, q: 'z', r: '01' }));
  t = performance.now();
  let compile = 0;
  for (let i = 0; i < 111; i++) { const t0 = performance.now(); const q = db.insertInto('t').values(rows).compile(); compile += performance.now() - t0; await db.executeQuery(q); }
  console.log('200k rows insert', performance.now() - t, 'compile', compile);
});
