import { writeReports } from '/work/main/packages/reports/dist/index.js';
import { discrepancy, DISCREPANCY_CODES, DISCREPANCY_CATALOG } from '@sledopyt/core';
const rows = [];
for (let i = 0; i < 60000; i++) {
  const code = DISCREPANCY_CODES[i % DISCREPANCY_CODES.length];
  rows.push(discrepancy(code, { rnpt: `10702070/010126/${String(1000 + (i % 500)).padStart(7, '0')}/001`, document: { kind: 'upd', number: `ПХ-${i}`, date: '2026-08-01', counterpartyInn: '7701234560' }, expected: '3 шт', actual: '4 шт', messageRu: `УПД № ПХ-${i}: ${DISCREPANCY_CATALOG[code].titleRu}` }));
}
const t = Date.now();
await writeReports({ taxpayer: { inn: '7701234560', kpp: '770101001', name: 'ООО Тест' }, period: '2026-Q3', generatedAt: new Date(), runId: 1, fines: { byKind: [], totalRub: 0 }, discrepancies: rows }, { outDir: '/tmp/rep/prof', formats: ['xlsx'] });
console.log('xlsx', Date.now() - t);
