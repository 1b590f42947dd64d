/**
 * Test harness: an emulated 1C base on a real port, the sync's config pointed at it, a recording logger
 * and progress, and an instant clock (no real waiting between retries).
 */
import { startOneCEmulator } from '@sledopyt/onec-emulator';
import type { OneCEmulator, OneCEmulatorOptions } from '@sledopyt/onec-emulator';
import type { Logger, LogFields, Progress } from '@sledopyt/contract';
import { afterEach } from 'vitest';
import { parseOneCSyncConfig } from '../config.js';
import type { OneCSyncConfig, OneCSyncConfigInput } from '../config.js';
import type { Clock } from '../odata/timing.js';
import type { OneCSyncContext, OneCSyncServices } from '../sync.js';

/** ИНН of the emulated company (the emulator publishes no `Catalog_Организации`). */
export const COMPANY_INN = '7707083893';
export const ONEC_USER = 'Администратор';
export const ONEC_PASSWORD = 'пароль-Секрет-42';
export const PASSWORD_ENV = 'SLEDOPYT_TEST_ONEC_PASSWORD';

const running: OneCEmulator[] = [];
afterEach(async () => {
  for (const emulator of running.splice(0)) await emulator.close();
});

export async function emulator(options: OneCEmulatorOptions = {}): Promise<OneCEmulator> {
  const started = await startOneCEmulator({ seed: 11, documents: 120, users: [{ name: ONEC_USER, password: ONEC_PASSWORD }], ...options });
  running.push(started);
  return started;
}

export function configFor(onec: OneCEmulator, overrides: Partial<OneCSyncConfigInput> = {}): OneCSyncConfig {
  return parseOneCSyncConfig({
    url: onec.url,
    user: ONEC_USER,
    passwordEnv: PASSWORD_ENV,
    taxpayerInn: COMPANY_INN,
    pageSize: 40,
    retries: { attempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
    rateLimit: { requestsPerSecond: 10_000 },
    timeouts: { requestMs: 5_000, metadataMs: 5_000 },
    ...overrides,
  });
}

/** A clock whose sleeps return at once (and are recorded). */
export function instantClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  let now = 0;
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

export interface LogLine {
  level: string;
  fields: LogFields;
  message: string;
}

/** A logger that keeps every line (to assert on, and to prove the password never reaches a log). */
export function recordingLogger(lines: LogLine[] = [], bindings: LogFields = {}): Logger & { lines: LogLine[] } {
  const method =
    (level: string) =>
    (fieldsOrMessage: LogFields | string, message?: string): void => {
      if (typeof fieldsOrMessage === 'string') lines.push({ level, fields: { ...bindings }, message: fieldsOrMessage });
      else lines.push({ level, fields: { ...bindings, ...fieldsOrMessage }, message: message ?? '' });
    };
  return { lines, debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error'), child: (more) => recordingLogger(lines, { ...bindings, ...more }) };
}

export interface TaskRecord {
  label: string;
  total: number | undefined;
  done: number;
  finished: boolean;
}

export function recordingProgress(tasks: TaskRecord[] = []): Progress & { tasks: TaskRecord[] } {
  return {
    tasks,
    task: (label, options) => {
      const record: TaskRecord = { label, total: options?.total, done: 0, finished: false };
      tasks.push(record);
      return {
        advance: (units) => {
          record.done += units;
        },
        setTotal: (total) => {
          record.total = total;
        },
        finish: () => {
          record.finished = true;
        },
      };
    },
  };
}

export function syncContext(config: OneCSyncConfig, services: Partial<OneCSyncServices> & Pick<OneCSyncServices, 'store'>, signal: AbortSignal = new AbortController().signal): OneCSyncContext & { logger: ReturnType<typeof recordingLogger>; progress: ReturnType<typeof recordingProgress> } {
  return {
    config,
    logger: recordingLogger(),
    progress: recordingProgress(),
    signal,
    services: { secrets: { env: { [PASSWORD_ENV]: ONEC_PASSWORD } }, clock: instantClock(), random: () => 0.5, ...services },
  };
}
