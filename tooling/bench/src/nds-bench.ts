/**
 * `pnpm bench`: the VAT declaration section 9 streaming reader against the machine's read+decode speed, and the
 * УПД parse rate. Each measured reader runs in a fresh child process, so its peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSection9File } from './generate.js';
import { MEASUREMENTS, measure, type Measurement, type MeasurementResult } from './measure.js';
import { parseBenchOptions } from './options.js';
import { benchUpd } from './upd-bench.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const MB = 1024 * 1024;

async function child(argv: readonly string[]): Promise<void> {
  const [, measurement, path, limit] = argv;
  if (measurement === 'upd') {
    process.stdout.write(`${JSON.stringify(benchUpd(Number(path)), (_, value: unknown) => (typeof value === 'bigint' ? String(value) : value))}\n`);
    return;
  }
  if (!(MEASUREMENTS as readonly string[]).includes(measurement ?? '') || path === undefined) throw new RangeError(`bad child arguments ${argv.join(' ')}`);
  const result = await measure(measurement as Measurement, path, Number(limit));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runChild(...args: string[]): string {
  return execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', ...args], { encoding: 'utf8', maxBuffer: 16 * MB, stdio: ['ignore', 'pipe', 'inherit'] });
}

const mbps = (result: MeasurementResult) => result.bytes / MB / result.seconds;
const cpuMbps = (result: MeasurementResult) => result.bytes / MB / result.cpuSeconds;
const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex >= 0) return child(process.argv.slice(childIndex));

  const options = parseBenchOptions(process.argv.slice(2), process.env);
  console.log(`Sledopyt bench — Node ${process.version}, ${(await import('node:os')).cpus().length} CPU(s)`);
  const file = await ensureSection9File(dataDir, options.sizeMb, options.regenerate);
  console.log(
    file.generatedSeconds === undefined
      ? `section 9 file: ${file.path} (${fixed(file.bytes / MB, 0)} MiB, cached)`
      : `section 9 file: generated ${file.path} (${fixed(file.bytes / MB, 0)} MiB) in ${fixed(file.generatedSeconds)} s = ${fixed(file.bytes / MB / file.generatedSeconds)} MiB/s with the package's streaming writer`,
  );
  const saxesBytes = Math.min(file.bytes, options.saxesMb * MB);
  const load = () => (loadavg()[0] ?? 0).toFixed(1);
  console.log(`load average before: ${load()} (other processes on the machine slow every number down)`);
  // The reference and the two batch readers run `rounds` times, interleaved; the fastest run of each is used (for
  // the reference that is the conservative choice for the ratio; on a shared machine one run can be off by 2×).
  const round: Measurement[] = ['reference', 'scanner-columns', 'scanner-columns-1-thread', 'scanner-batches'];
  const order: Measurement[] = [...round, 'scanner-lines', 'saxes-events', 'saxes-reader', ...Array.from({ length: options.rounds - 1 }, () => round).flat()];
  const results: { measurement: Measurement; result: MeasurementResult }[] = [];
  for (const measurement of order) {
    const output = runChild(measurement, file.path, String(saxesBytes));
    results.push({ measurement, result: JSON.parse(output) as MeasurementResult });
  }
  const runsOf = (measurement: Measurement) => results.filter((entry) => entry.measurement === measurement).map((entry) => entry.result);
  const best = (runs: MeasurementResult[], speed: (result: MeasurementResult) => number) => runs.reduce((top, result) => (speed(result) > speed(top) ? result : top));
  const reference = best(runsOf('reference'), mbps);
  const referenceCpu = best(runsOf('reference'), cpuMbps);
  console.log('');
  console.log('reader                     MiB/s  ratio   MiB/cpu-s  ratio   lines/s   peak RSS  note');
  for (const { measurement, result } of results) {
    const perSecond = measurement === 'reference' ? '' : fixed(result.items / result.seconds, 0);
    const note =
      measurement === 'reference'
        ? `read in 4 MiB chunks + TextDecoder('windows-1251')`
        : measurement.startsWith('saxes')
          ? `first ${fixed(result.bytes / MB, 0)} MiB only`
          : `${result.items} lines (${fixed((100 * (result.fastLines ?? 0)) / Math.max(1, result.items), 0)} % by the WebAssembly fast path, ${fixed((100 * (result.aheadLines ?? 0)) / Math.max(1, result.items), 0)} % tokenised ahead by the worker), ${result.entries} СвРегНом`;
    console.log(
      `${measurement.padEnd(25)} ${fixed(mbps(result)).padStart(6)}  ${fixed(mbps(result) / mbps(reference), 2).padStart(5)}  ${fixed(cpuMbps(result)).padStart(9)}  ${fixed(cpuMbps(result) / cpuMbps(referenceCpu), 2).padStart(5)}  ${perSecond.padStart(8)}  ${fixed(result.peakRssMb, 0).padStart(5)} MiB  ${note}`,
    );
  }
  const checksums = new Set(results.filter((entry) => entry.measurement.startsWith('scanner')).map((entry) => entry.result.checksum));
  if (checksums.size > 1) console.log(`\nWARNING: the scanner readers disagree on the touched fields (checksums ${[...checksums].join(', ')})`);
  console.log('');
  for (const name of ['scanner-columns', 'scanner-columns-1-thread', 'scanner-batches'] as const) {
    const runs = runsOf(name);
    if (runs.length === 0) continue;
    const ratio = mbps(best(runs, mbps)) / mbps(reference);
    const cpuRatio = cpuMbps(best(runs, cpuMbps)) / cpuMbps(referenceCpu);
    const rss = Math.max(...runs.map((run) => run.peakRssMb));
    console.log(`${name} / reference (best of ${runs.length}) = ${fixed(ratio, 2)} wall-clock, ${fixed(cpuRatio, 2)} by CPU time (goal ≥ 0.5); peak RSS ${fixed(rss, 0)} MiB (goal < 300 MiB)`);
  }
  console.log(`load average after: ${load()}`);

  const upd = JSON.parse(runChild('upd', String(options.updDocuments))) as ReturnType<typeof benchUpd>;
  console.log(`\nУПД 5.03, 50 lines with СведПрослеж (${fixed(upd.bytes / 1024)} KiB), ${options.updDocuments} documents:`);
  for (const result of upd.results) console.log(`  ${fixed(result.documentsPerSecond, 0).padStart(7)} documents/s  ${result.name}`);

  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'last-results.json'), `${JSON.stringify({ when: new Date().toISOString(), file, results, upd }, null, 2)}\n`);
}

await main();
