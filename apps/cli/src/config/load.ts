/**
 * Reads `sledopyt.config.json`, `.yaml`/`.yml` or `.ts`/`.js` and validates it. Every problem is reported at
 * once as `key.path: reason` in Russian, with the file name; the administrator fixes the file.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { SledopytError } from '@sledopyt/core';
import { createJiti } from 'jiti';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { configSchema, type SledopytConfig } from './schema.js';

// Russian default messages for everything the schema does not word itself.
z.config(z.locales.ru());

const configError = (file: string, problems: string[], cause?: unknown) =>
  new SledopytError({
    code: 'CONFIG_INVALID',
    message: `Invalid configuration ${file}: ${problems.join('; ')}`,
    messageRu: `Ошибка в файле настроек ${file}:\n  ${problems.join('\n  ')}`,
    actor: 'admin',
    details: { file, problems },
    cause,
  });

async function readRaw(file: string): Promise<unknown> {
  const extension = extname(file).toLowerCase();
  if (extension === '.ts' || extension === '.mts' || extension === '.js' || extension === '.mjs') {
    // Node 20 cannot import TypeScript: jiti compiles the config file on the fly.
    return createJiti(import.meta.url).import(file, { default: true });
  }
  const text = await readFile(file, 'utf8');
  if (extension === '.json') return JSON.parse(text) as unknown;
  if (extension === '.yaml' || extension === '.yml') return parseYaml(text) as unknown;
  throw configError(file, [`неизвестный формат «${extension}»: нужен .json, .yaml, .yml или .ts`]);
}

export async function loadConfig(path: string): Promise<SledopytConfig> {
  const file = resolve(path);
  let raw: unknown;
  try {
    raw = await readRaw(file);
  } catch (error) {
    if (error instanceof SledopytError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw configError(file, [code === 'ENOENT' ? 'файл не найден' : `файл не читается: ${(error as Error).message}`], error);
  }
  return validateConfig(raw ?? {}, file);
}

/** Environment overrides (secrets stay out of config files): SLEDOPYT_DB replaces `db`. */
function withEnvironment(raw: unknown, env: NodeJS.ProcessEnv): unknown {
  const db = env['SLEDOPYT_DB'];
  if (db === undefined || db === '' || typeof raw !== 'object' || raw === null) return raw;
  return { ...raw, db };
}

export function validateConfig(raw: unknown, file = '(настройки)', env: NodeJS.ProcessEnv = process.env): SledopytConfig {
  const parsed = configSchema.safeParse(withEnvironment(raw, env));
  if (parsed.success) return parsed.data;
  throw configError(file, parsed.error.issues.map((issue) => `${issue.path.join('.') || '(весь файл)'}: ${issue.message}`));
}
