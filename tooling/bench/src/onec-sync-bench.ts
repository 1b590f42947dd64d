/**
 * `pnpm bench` (1C part): a full sync of 100 000 documents (purchases and sales, plus the customs documents
 * and notifications they bring) from the 1C emulator running in a process of its own on loopback into a fresh
 * SQLite store, then a second run with nothing changed. Prints documents/s and the peak RSS of the sync
 * process (and of the emulator, separately). `--onec-docs N` or SLEDOPYT_BENCH_ONEC_DOCS for a short run.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { noopLogger, silentProgress } from '@sledopyt/contract';
import { parseOneCSyncConfig, runOneCSync } from '@sledopyt/onec-sync';
import type { SyncSummary } from '@sledopyt/onec-sync';
import { openStore } from '@sledopyt/store';

const PASSWORD_ENV = 'SLEDOPYT_BENCH_ONEC_PASSWORD';
const PASSWORD = 'bench-пароль';
const USER = 'Администратор';
const MB = 1024 * 1024;

function documentsWanted(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const index = argv.indexOf('--onec-docs');
  const value = index >= 0 ? argv[index + 1] : env['SLEDOPYT_BENCH_ONEC_DOCS'];
  const documents = value === undefined ? 100_000 : Number(value);
  if (!Number.isInteger(documents) || documents < 10 || documents > 200_000) throw new RangeError(`--onec-docs: 10…200000, got ${value ?? ''}`);
  return documents;
}

/** Starts the emulator's bin on a free loopback port and waits for the URL it prints. */
function startEmulator(documents: number): Promise<{ child: ChildProcess; url: string }> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('@sledopyt/onec-emulator')), 'bin.js');
  const child = spawn(process.execPath, [bin, '--profile', 'bp30', '--documents', String(documents), '--port', '0', '--user', USER, '--password-env', PASSWORD_ENV], {
    env: { ...process.env, [PASSWORD_ENV]: PASSWORD },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const url = /OData: (\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new RangeError(`the emulator exited with code ${code ?? 'null'} before it listened`)));
  });
}

/** Peak RSS of another process (Linux `VmHWM`), MiB; null elsewhere. */
function peakRssOf(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid ?? 0}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

const authorization = `Basic ${Buffer.from(`${USER}:${PASSWORD}`, 'utf8').toString('base64')}`;

/** The emulator builds its data on the first request: touch every set the sync reads before the clock starts. */
async function warmUp(url: string): Promise<number> {
  const started = performance.now();
  for (const set of ['Catalog_НомераГТД', 'Document_ПоступлениеТоваровУслуг', 'Document_РеализацияТоваровУслуг', 'Document_УведомлениеОбОстаткахПрослеживаемыхТоваров']) {
    const response = await fetch(`${url}${encodeURIComponent(set)}/$count`, { headers: { Authorization: authorization } });
    await response.text();
  }
  return (performance.now() - started) / 1000;
}

async function syncOnce(url: string, databaseUrl: string): Promise<{ summary: SyncSummary; seconds: number }> {
  const store = await openStore(databaseUrl);
  try {
    const config = parseOneCSyncConfig({
      url,
      user: USER,
      passwordEnv: PASSWORD_ENV,
      taxpayerInn: '7707083893',
      pageSize: 1000,
      keysPerRequest: 50,
      // Loopback: the rate limit that protects a production 1C server would only measure itself here.
      rateLimit: { requestsPerSecond: 10_000 },
    });
    const started = performance.now();
    const summary = await runOneCSync({
      config,
      logger: noopLogger,
      progress: silentProgress,
      signal: new AbortController().signal,
      services: { store, secrets: { env: { [PASSWORD_ENV]: PASSWORD } } },
    });
    return { summary, seconds: (performance.now() - started) / 1000 };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const documents = documentsWanted(process.argv.slice(2), process.env);
  console.log(`\n1C OData sync — ${documents} purchases and sales from the emulator (БП 3.0 profile, its own process, loopback) into a fresh SQLite store`);
  const dir = mkdtempSync(join(tmpdir(), 'sledopyt-bench-onec-'));
  const { child, url } = await startEmulator(documents);
  try {
    console.log(`emulator warm-up (generating the base): ${(await warmUp(url)).toFixed(1)} s`);
    const databaseUrl = `sqlite:${join(dir, 'sledopyt.db')}`;
    const first = await syncOnce(url, databaseUrl);
    const second = await syncOnce(url, databaseUrl);
    const line = (label: string, run: { summary: SyncSummary; seconds: number }): string => {
      const d = run.summary.documents;
      return (
        `${label.padEnd(24)} ${d.read.toString().padStart(7)} documents read, ${d.fetched.toString().padStart(7)} read in full, ` +
        `${run.summary.movements.written.toString().padStart(7)} movements written in ${run.seconds.toFixed(1).padStart(6)} s = ` +
        `${Math.round(d.read / run.seconds).toString().padStart(6)} documents/s (${run.summary.requests.total} requests, ${(run.summary.requests.bytes / MB).toFixed(0)} MiB of JSON)`
      );
    };
    console.log(line('full load', first));
    console.log(line('rerun, nothing changed', second));
    console.log(`cross-check with 1C's balance register: ${first.summary.crossCheck === null ? 'not run' : `${first.summary.crossCheck.matching} of ${first.summary.crossCheck.compared} RNPTs match`}`);
    const emulatorRss = peakRssOf(child.pid);
    console.log(`peak RSS: sync process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB${emulatorRss === null ? '' : `; emulator process ${emulatorRss.toFixed(0)} MiB (not counted)`}`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
