import { it } from 'vitest';
import { modelOf, manyWithFines } from './test-support/quarter.js';
import { writeReports } from './write-reports.js';
it('try', async () => {
  let t = Date.now();
  const m = manyWithFines(60000);
  console.log('gen', Date.now() - t);
  for (const f of [[], ['json'], ['csv'], ['xlsx'], ['html']] as const) {
    t = Date.now();
    await writeReports(modelOf(m.discrepancies, m.fines), { outDir: '/tmp/rep/big', formats: f.length ? [...f] : ['json'], htmlRowLimit: 20000 });
    console.log(f, Date.now() - t);
  }
}, 300000);
