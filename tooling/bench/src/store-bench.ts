/**
 * `pnpm bench` (store part, issue #4): import and reconcile of one taxpayer's quarter of N section 9 lines
 * against N sales (plus the customs declarations that brought the goods in) on SQLite and, when reachable,
 * PostgreSQL; and the same reconciliation over arrays in memory (`reconcileInMemory`, a JS Map by invoice)
 * as the reference. Each part runs in a child process of its own, so its peak RSS is its own. Prints
 * lines/s, wall time and peak RSS, the ratios store/reference, and the discrepancies per code of every
 * path (they must agree). Sizes: SLEDOPYT_BENCH_LINES=1000000,5000000 (default) or `--lines 20000`;
 * engines: SLEDOPYT_BENCH_ENGINES=sqlite,postgres (default); `--skip reference,generate` (SLEDOPYT_BENCH_SKIP)
 * re-measures the store alone.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '@sledopyt/store';
import { planBulkQuarter } from '@sledopyt/generators';
import { STORE_PHASES, measurePhase, type PhaseResult, type StorePhase } from './store-bench-measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..', '.data');
const DEFAULT_PG_URL = 'postgres://sledopyt_test:sledopyt_test@127.0.0.1:5432/sledopyt_test';
const ENGINES = ['sqlite', 'postgres'] as const;
type Engine = (typeof ENGINES)[number];

const SKIPPABLE = ['generate', 'reference'] as const;
type Skippable = (typeof SKIPPABLE)[number];

interface StoreBenchOptions {
  sizes: number[];
  engines: Engine[];
  /** Parts not to run (`--skip reference`: re-measure the store alone). */
  skip: Skippable[];
}

function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): StoreBenchOptions {
  const flag = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index < 0 ? undefined : argv[index + 1];
  };
  const sizes = (flag('--lines') ?? env['SLEDOPYT_BENCH_LINES'] ?? '1000000,5000000').split(',').map((text) => Number(text.replaceAll('_', '').trim()));
  for (const size of sizes) if (!Number.isInteger(size) || size < 1_000 || size > 50_000_000) throw new RangeError(`--lines: 1000…50000000 each, got ${size}`);
  const engines = (flag('--engines') ?? env['SLEDOPYT_BENCH_ENGINES'] ?? 'sqlite,postgres').split(',').map((text) => text.trim());
  for (const engine of engines) if (!(ENGINES as readonly string[]).includes(engine)) throw new RangeError(`--engines: sqlite and/or postgres, got ${engine}`);
  const skip = (flag('--skip') ?? env['SLEDOPYT_BENCH_SKIP'] ?? '').split(',').map((text) => text.trim()).filter(Boolean);
  for (const part of skip) if (!(SKIPPABLE as readonly string[]).includes(part)) throw new RangeError(`--skip: generate and/or reference, got ${part}`);
  return { sizes, engines: engines as Engine[], skip: skip as Skippable[] };
}

async function child(argv: readonly string[]): Promise<void> {
  const [, phase, lines, url] = argv;
  if (!(STORE_PHASES as readonly string[]).includes(phase ?? '')) throw new RangeError(`bad child arguments ${argv.join(' ')}`);
  const result = await measurePhase(phase as StorePhase, Number(lines), url ?? '');
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

type ChildOutcome = { ok: true; result: PhaseResult } | { ok: false; reason: string; outOfMemory: boolean; seconds: number };

function runChild(phase: StorePhase, lines: number, url = ''): ChildOutcome {
  const startedAt = performance.now();
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', phase, String(lines), url], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seconds = (performance.now() - startedAt) / 1000;
  if (run.status === 0) return { ok: true, result: JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as PhaseResult };
  const stderr = run.stderr;
  const outOfMemory = /heap out of memory|Allocation failed/i.test(stderr);
  const reason = outOfMemory
    ? 'JavaScript heap out of memory'
    : `exit ${run.status ?? run.signal ?? '?'}: ${(stderr.split('\n').find((text) => /Error\b/.test(text)) ?? stderr.trim().split('\n').at(-1) ?? '').trim()}`;
  return { ok: false, reason, outOfMemory, seconds };
}

/** A PostgreSQL schema of its own for one size, or why PostgreSQL is skipped. */
async function postgresTarget(lines: number): Promise<{ url: string; drop: () => Promise<void> } | { skipped: string }> {
  const base = process.env['SLEDOPYT_TEST_PG_URL'] ?? DEFAULT_PG_URL;
  let url: string;
  try {
    const parsed = new URL(base);
    parsed.searchParams.set('schema', `bench_${lines}_${randomBytes(4).toString('hex')}`);
    url = parsed.toString();
  } catch {
    return { skipped: 'SLEDOPYT_TEST_PG_URL is not a URL' };
  }
  try {
    const store = await openStore(url, { migrate: false });
    const schema = new URL(url).searchParams.get('schema') ?? '';
    await store.close();
    return {
      url,
      drop: async () => {
        const admin = await openStore(url, { migrate: false });
        try {
          await admin.sql`drop schema if exists ${admin.sql.id(schema)} cascade`.execute(admin.db);
        } finally {
          await admin.close();
        }
      },
    };
  } catch (error) {
    return { skipped: `PostgreSQL unreachable (${error instanceof Error ? error.message : String(error)}); start it with tooling/scripts/ensure-postgres.sh or set SLEDOPYT_TEST_PG_URL` };
  }
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const perSecond = (count: number, seconds: number): string => Math.round(count / seconds).toLocaleString('en-US').padStart(9);
const mib = (value: number): string => `${fixed(value, 0).padStart(6)} MiB`;

interface SizeReport {
  lines: number;
  generate?: PhaseResult;
  reference?: PhaseResult;
  referenceFailure?: string;
  engines: Partial<Record<Engine, { import?: PhaseResult; reconcile?: PhaseResult; failure?: string; skipped?: string }>>;
}

function line(label: string, result: PhaseResult, rows: number, note: string): void {
  console.log(`  ${label.padEnd(22)} ${fixed(result.seconds).padStart(8)} s ${fixed(result.cpuSeconds).padStart(8)} s ${perSecond(rows, result.seconds)} rows/s ${mib(result.peakRssMb)}  ${note}`);
}

async function benchSize(lines: number, engines: readonly Engine[], skip: readonly Skippable[]): Promise<SizeReport> {
  const plan = planBulkQuarter({ lines });
  const report: SizeReport = { lines, engines: {} };
  console.log(
    `\n${lines.toLocaleString('en-US')} section 9 lines vs ${lines.toLocaleString('en-US')} sales (${plan.rnpts.toLocaleString('en-US')} RNPTs from ${plan.customsDeclarations.toLocaleString('en-US')} customs declarations of the previous quarter), ${plan.period}; load average ${fixed(loadavg()[0] ?? 0)}`,
  );
  console.log(`  ${'part'.padEnd(22)} ${'wall'.padStart(10)} ${'CPU'.padStart(10)} ${'rate (wall)'.padStart(16)} ${'peak RSS'.padStart(10)}  note`);
  const generated = skip.includes('generate') ? undefined : runChild('generate', lines);
  if (generated?.ok === true) {
    report.generate = generated.result;
    line('data generator alone', generated.result, lines, 'stream + map to store inputs, nothing stored (part of every import below)');
  }
  const reference = skip.includes('reference') ? undefined : runChild('reference', lines);
  if (reference === undefined) {
    // skipped on request
  } else if (reference.ok) {
    report.reference = reference.result;
    line('reference: join', reference.result, lines, `reconcileInMemory over arrays (building them took ${fixed(reference.result.parts['buildSeconds'] ?? 0)} s more)`);
  } else {
    report.referenceFailure = reference.reason;
    console.log(`  ${'reference'.padEnd(22)} FAILED after ${fixed(reference.seconds)} s: ${reference.reason}${reference.outOfMemory ? ' — the in-memory reference cannot hold this quarter in the default heap; the store path is bounded' : ''}`);
  }
  for (const engine of engines) {
    let url: string;
    let drop: () => Promise<void>;
    let dbPath: string | undefined;
    if (engine === 'sqlite') {
      mkdirSync(dataDir, { recursive: true });
      dbPath = join(dataDir, `store-bench-${lines}.db`);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
      url = `sqlite:${dbPath}`;
      const path = dbPath;
      drop = async () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      };
    } else {
      const target = await postgresTarget(lines);
      if ('skipped' in target) {
        report.engines[engine] = { skipped: target.skipped };
        console.log(`  ${engine.padEnd(22)} skipped: ${target.skipped}`);
        continue;
      }
      ({ url, drop } = target);
    }
    const entry: NonNullable<SizeReport['engines'][Engine]> = {};
    report.engines[engine] = entry;
    try {
      const imported = runChild('import', lines, url);
      if (!imported.ok) {
        entry.failure = `import: ${imported.reason}`;
        console.log(`  ${`${engine}: import`.padEnd(22)} FAILED after ${fixed(imported.seconds)} s: ${imported.reason}`);
        continue;
      }
      entry.import = imported.result;
      const p = imported.result.parts;
      const rows = (p['movements'] ?? 0) + (p['declarationLines'] ?? 0);
      line(
        `${engine}: import`,
        imported.result,
        rows,
        `${(p['movements'] ?? 0).toLocaleString('en-US')} movements in ${(p['documents'] ?? 0).toLocaleString('en-US')} documents ${fixed(p['documentsSeconds'] ?? 0)} s (${perSecond(p['movements'] ?? 0, p['documentsSeconds'] ?? 1).trim()}/s) + ${(p['declarationLines'] ?? 0).toLocaleString('en-US')} lines ${fixed(p['declarationSeconds'] ?? 0)} s (${perSecond(p['declarationLines'] ?? 0, p['declarationSeconds'] ?? 1).trim()}/s)`,
      );
      const reconciled = runChild('reconcile', lines, url);
      if (!reconciled.ok) {
        entry.failure = `reconcile: ${reconciled.reason}`;
        console.log(`  ${`${engine}: reconcile`.padEnd(22)} FAILED after ${fixed(reconciled.seconds)} s: ${reconciled.reason}`);
        continue;
      }
      entry.reconcile = reconciled.result;
      const r = reconciled.result.parts;
      line(
        `${engine}: reconcile`,
        reconciled.result,
        lines,
        `read ${(r['ledgerMovements'] ?? 0).toLocaleString('en-US')} ledger movements, ${(r['declarationLines'] ?? 0).toLocaleString('en-US')} lines, ${(r['declaredMovements'] ?? 0).toLocaleString('en-US')} declared movements; ${r['discrepancies'] ?? 0} findings saved`,
      );
    } finally {
      await drop();
    }
  }
  printRatios(report);
  printFindings(report, plan.planted);
  return report;
}

function printRatios(report: SizeReport): void {
  const reference = report.reference;
  if (reference === undefined) return;
  const build = reference.parts['buildSeconds'] ?? 0;
  for (const [engine, entry] of Object.entries(report.engines)) {
    if (entry.reconcile === undefined || entry.import === undefined) continue;
    const reconcileRatio = entry.reconcile.seconds / reference.seconds;
    const totalRatio = (entry.import.seconds + entry.reconcile.seconds) / (build + reference.seconds);
    console.log(
      `  ${engine}/reference: reconcile ${fixed(reconcileRatio, 2)}× the in-memory join (goal ≤ 2×: ${reconcileRatio <= 2 ? 'met' : 'NOT met'}); ` +
        `import + reconcile ${fixed(totalRatio, 1)}× building the arrays + join; peak RSS ${fixed(Math.max(entry.import.peakRssMb, entry.reconcile.peakRssMb), 0)} vs ${fixed(reference.peakRssMb, 0)} MiB`,
    );
  }
}

function printFindings(report: SizeReport, planted: Record<string, number>): void {
  const columns: [string, Record<string, number> | undefined][] = [
    ['planted', planted],
    ['reference', report.reference?.byCode],
    ...Object.entries(report.engines).map(([engine, entry]): [string, Record<string, number> | undefined] => [engine, entry.reconcile?.byCode]),
  ];
  const present = columns.filter(([, counts]) => counts !== undefined) as [string, Record<string, number>][];
  const codes = [...new Set(present.flatMap(([, counts]) => Object.keys(counts)))].sort();
  console.log(`  findings per code:  ${present.map(([name]) => name.padStart(10)).join('')}`);
  const found = present.filter(([name]) => name !== 'planted');
  let mismatches = 0;
  for (const code of codes) {
    const values = found.map(([, counts]) => counts[code] ?? 0);
    const agree = values.every((value) => value === values[0]);
    if (!agree) mismatches += 1;
    console.log(`    ${code.padEnd(22)}${present.map(([, counts]) => String(counts[code] ?? 0).padStart(10)).join('')}${agree ? '' : '   ← MISMATCH between paths'}`);
  }
  if (found.length > 1) console.log(mismatches === 0 ? '  every path finds the same number of discrepancies per code' : `  ${mismatches} code(s) differ between paths: a bug`);
}

async function main(): Promise<void> {
  const childIndex = process.argv.indexOf('--child');
  if (childIndex >= 0) return child(process.argv.slice(childIndex));
  const options = parseOptions(process.argv.slice(2), process.env);
  console.log(`\nStore import + reconcile (issue #4) — Node ${process.version}, ${cpus().length} CPU(s); each part in its own process`);
  const reports: SizeReport[] = [];
  for (const lines of options.sizes) reports.push(await benchSize(lines, options.engines, options.skip));
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, `store-bench-results-${options.sizes.join('-')}.json`), `${JSON.stringify({ when: new Date().toISOString(), reports }, null, 2)}\n`);
}

await main();
