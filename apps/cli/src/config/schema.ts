/**
 * The one configuration of Sledopyt (`sledopyt.config.json|yaml|ts`), as a zod schema with defaults:
 * where the store is, the time zone, logs, the core's rule settings, and the scheduled jobs. Every key
 * is documented here; errors name the key and the reason (see load.ts).
 */
import { coreSettingsSchema, innSchema, isQuarterId } from '@sledopyt/core';
import { cronProblems } from '@sledopyt/reconciler';
import { REPORT_FORMATS } from '@sledopyt/reports';
import { DEFAULT_STORE_URL, parseStoreUrl } from '@sledopyt/store';
import { z } from 'zod';
import { LOG_FORMATS, LOG_LEVELS } from '../logging.js';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** A cron expression (5 fields, or 6 with seconds first), checked field by field. */
export const cronSchema = z.string().superRefine((cron, ctx) => {
  for (const problem of cronProblems(cron)) ctx.addIssue({ code: 'custom', message: `расписание cron: ${problem}` });
});

const storeUrl = z.string().superRefine((url, ctx) => {
  try {
    parseStoreUrl(url);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error && 'messageRu' in error ? String(error.messageRu) : 'неверный адрес базы' });
  }
});

export const reconcileJobSchema = z.strictObject({
  /** When to run, e.g. `0 3 * * *` (03:00 every night) in `timezone`. */
  cron: cronSchema,
  /** `previous` (the last complete quarter), `current`, or a fixed quarter `2026-Q3`. */
  period: z
    .string()
    .default('previous')
    .refine((p) => p === 'previous' || p === 'current' || isQuarterId(p), { message: 'previous, current или квартал вида 2026-Q3' }),
  /** The taxpayer; optional when the store holds one. */
  inn: innSchema.optional(),
  outDir: z.string().min(1).default('./out'),
  formats: z.array(z.enum(REPORT_FORMATS)).min(1).default([...REPORT_FORMATS]),
  failOn: z.enum(['error', 'warning', 'never']).default('error'),
});

/** A job of an adapter with its own settings file, on a cron expression. */
export const adapterJobSchema = z.strictObject({
  cron: cronSchema,
  /** Path of the adapter's settings file. */
  config: z.string().min(1, { message: 'укажите путь к файлу настроек задания' }),
});

export const configSchema = z.strictObject({
  /**
   * `sqlite:PATH` (embedded default) or `postgres://user:password@host/db`. Keep a password out of the file:
   * the environment variable SLEDOPYT_DB (e.g. from a systemd EnvironmentFile) overrides this key.
   */
  db: storeUrl.default(DEFAULT_STORE_URL),
  /** The time zone of cron expressions and of "today". */
  timezone: z.string().refine(isTimeZone, { message: 'неизвестный часовой пояс (пример: Europe/Moscow)' }).default('Europe/Moscow'),
  log: z
    .strictObject({
      format: z.enum(LOG_FORMATS as ['auto', 'json', 'pretty']).default('auto'),
      level: z.enum(LOG_LEVELS as ['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    })
    .prefault({}),
  /** Rule settings of the core, e.g. `eaeuRnptBeforeImport.severity`. */
  core: coreSettingsSchema.prefault({}),
  jobs: z
    .strictObject({
      reconcile: reconcileJobSchema.optional(),
      /** The 1C OData sync: its own settings file (JSON, as `sledopyt sync 1c --config`). */
      onecSync: adapterJobSchema.optional(),
      /** The SFTP inbox poll: its own settings file (JSON/YAML, as `sledopyt sftp poll --config`). */
      sftpPoll: adapterJobSchema.optional(),
    })
    .prefault({}),
});

export type SledopytConfig = z.output<typeof configSchema>;
export type SledopytConfigInput = z.input<typeof configSchema>;
