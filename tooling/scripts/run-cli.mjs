#!/usr/bin/env node
// `pnpm sledopyt <args>` and `pnpm demo` from a checkout: build what the CLI needs (turbo caches it,
// so a second run costs well under a second), then run the built command with the given arguments.
// The build's own output is shown only when it fails, on stderr, so that `--json` on stdout stays clean.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const turbo = join(root, 'node_modules', '.bin', 'turbo');
const build = spawnSync(turbo, ['run', 'build', '--filter=@sledopyt/cli...', '--output-logs=errors-only', '--log-order=grouped'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
});
if (build.status !== 0) {
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}${build.error ? String(build.error) : ''}`);
  process.stderr.write('\nСборка не удалась: исправьте ошибки выше (или выполните `pnpm install`) и запустите команду снова.\n');
  process.exit(3);
}
process.argv = [process.argv[0], join(root, 'apps/cli/dist/bin.js'), ...process.argv.slice(2)];
await import(pathToFileURL(join(root, 'apps/cli/dist/bin.js')).href);
