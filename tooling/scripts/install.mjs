#!/usr/bin/env node
// `pnpm install` that also works offline: better-sqlite3 compiles from source on Node 20 (its prebuilt binaries
// are downloaded from GitHub, which not every machine reaches), and node-gyp downloads Node's headers unless
// npm_config_nodedir says where they are. pnpm passes neither .npmrc's `nodedir` nor changes made by a pnpmfile
// to the build, only the environment — so this sets it to the running Node's own headers, when installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env };
const prefix = resolve(dirname(process.execPath), '..');
if (!env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;

const result = spawnSync('pnpm', ['install', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
if (result.error) {
  console.error(`Не удалось запустить pnpm (${result.error.message}). Установите его: npm i -g pnpm@12.21.0`);
  process.exit(1);
}
process.exit(result.status ?? 1);
