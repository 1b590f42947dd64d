/**
 * Options of `importFile` / `importFiles`, validated with zod (the ИНН with its check digits, the quarter
 * as `2026-Q1`). The logger and the progress reporter are injected by the application.
 */
import { resolve } from 'node:path';
import { innSchema, quarterSchema } from '@sledopyt/core';
import { noopLogger, silentProgress } from '@sledopyt/contract';
import type { Logger, Progress } from '@sledopyt/contract';
import { z } from 'zod';
import type { SectionTitles } from './declaration-period.js';
import { invalidOptions } from './errors.js';

const isFunction = (value: unknown): boolean => typeof value === 'function';
const hasMethods =
  (...names: string[]) =>
  (value: unknown): boolean =>
    typeof value === 'object' && value !== null && names.every((name) => isFunction((value as Record<string, unknown>)[name]));

export const importOptionsSchema = z.object({
  /** Our company (`--inn`): every file must belong to it. Without it, each file says whose it is (see README). */
  taxpayerInn: innSchema.optional(),
  /** Where the files came from: given on the command line, or fetched from an SFTP inbox. */
  source: z.enum(['file', 'sftp']).default('file'),
  /** The quarter of VAT declaration sections (`2026-Q1`) when no main file comes with them. */
  period: quarterSchema.optional(),
  /** The store's reference of a file (default: its absolute path); an SFTP poller passes the remote path. */
  sourceRef: z.custom<(path: string) => string>(isFunction, { message: 'функция путь → ссылка' }).optional(),
  /** Declaration lines per store batch. */
  batchSize: z.number().int().min(1).max(100_000).default(2_000),
  logger: z.custom<Logger>(hasMethods('debug', 'info', 'warn', 'error', 'child'), { message: 'журнал (Logger)' }).default(noopLogger),
  progress: z.custom<Progress>(hasMethods('task'), { message: 'индикатор хода работы (Progress)' }).default(silentProgress),
});

export type ImportOptions = z.input<typeof importOptionsSchema>;
export type ParsedImportOptions = z.output<typeof importOptionsSchema>;

/** What `importFiles` passes to `importFile` beyond the user's options: the main files' section titles. */
export interface ImportFileOptions extends ImportOptions {
  sectionTitles?: SectionTitles;
}

export function parseImportOptions(options: ImportOptions): ParsedImportOptions {
  const parsed = importOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  throw invalidOptions(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}

export const sourceRefOf = (options: ParsedImportOptions, path: string): string => (options.sourceRef === undefined ? resolve(path) : options.sourceRef(path));
