import { openStore } from '../dist/index.js';
import { wholeQuantity, completeInn } from '@sledopyt/core';
import { rmSync } from 'node:fs';
const url = process.argv[2];
rmSync('/tmp/prof-db', { recursive: true, force: true });
const store = await openStore(url);
const inn = completeInn('772801234');
const line = (n) => ({ lineNumber: n, invoiceNumber: `РН-${n}`, invoiceDate: '2026-02-03', counterpartyInn: '7810543210', operationCodes: ['01'], amountKopecks: 1n, vatKopecks: 1n, tnvedCodes: ['8418102001'], entries: [{ kind: 'rnpt', number: '10702070/150126/0000001/001', raw: '10702070/150126/0000001/001', okei: '796', quantity: wholeQuantity(12), costKopecks: 1n }] });
async function* lines(n) { for (let i = 0; i < n; i++) yield line(i); }
const t = performance.now();
await store.importDeclaration({ taxpayerInn: inn, year: 2026, quarter: 1, correctionNumber: 0, section: '9', fileName: 'x', contentHash: 'a'.repeat(64), source: 'file', sourceRef: 'x' }, lines(200000), { batchSize: 5000 });
console.log('ms', performance.now() - t);
await store.close();
