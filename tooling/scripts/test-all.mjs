#!/usr/bin/env node
// `pnpm test`: lint, typecheck and every package's tests through turbo, then one total line
// ("Tests: N passed, N failed, N skipped") summed from each package's vitest JSON report.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspaces = ['packages', 'apps', 'tooling'].flatMap((group) => {
  const dir = join(root, group);
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
});
const reportOf = (pkg) => join(pkg, 'test-results', 'vitest.json');
for (const pkg of workspaces) rmSync(reportOf(pkg), { force: true });

// CI has 2 cores: turbo's default of 10 parallel tasks made real parts (Chromium, PostgreSQL, sshd) ten times
// slower than on a quiet machine, and timeouts flaky. SLEDOPYT_TEST_CONCURRENCY overrides.
const concurrency = process.env.SLEDOPYT_TEST_CONCURRENCY ?? (process.env.CI ? '3' : undefined);
const turboArgs = ['run', 'lint', 'typecheck', 'test', '--continue', ...(concurrency ? [`--concurrency=${concurrency}`] : []), ...process.argv.slice(2)];
const turbo = spawnSync(join(root, 'node_modules', '.bin', 'turbo'), turboArgs, {
  cwd: root,
  stdio: 'inherit',
  env: { TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', ...process.env },
});

let passed = 0, failed = 0, skipped = 0, suites = 0;
for (const pkg of workspaces) {
  if (!existsSync(reportOf(pkg))) continue;
  const report = JSON.parse(readFileSync(reportOf(pkg), 'utf8'));
  suites += 1;
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
const status = turbo.status ?? 1;
console.log(`\n${suites} packages tested${status === 0 ? '' : `; turbo failed with exit code ${status} (see the failing task above)`}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status);
