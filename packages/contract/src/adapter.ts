/**
 * The adapter contract: each adapter (1C sync, SFTP drop, reconciler) is one folder with the same shape
 * and exports one definition. The CLI and the scheduler run any adapter the same way: validate its config
 * with its zod schema, give it a context, await its summary.
 */
import type { z } from 'zod';
import type { Logger } from './logger.js';
import type { Progress } from './progress.js';

/** Raised when the contract changes incompatibly; adapters declare the version they implement. */
export const ADAPTER_CONTRACT_VERSION = 1;

export interface AdapterContext<Config, Services> {
  config: Config;
  logger: Logger;
  progress: Progress;
  /** Aborted on SIGTERM/SIGINT: finish the current step, commit, and return. */
  signal: AbortSignal;
  /** What the application provides (the store, a clock…), typed by the adapter. */
  services: Services;
}

export interface AdapterDefinition<Schema extends z.ZodType, Services, Summary> {
  /** Stable id, used in config files, logs (`scope`) and run records: `onec-sync`, `sftp-drop`, `reconcile`. */
  name: string;
  contractVersion: typeof ADAPTER_CONTRACT_VERSION;
  /** One line in Russian for `--help` and the scheduler's listing. */
  descriptionRu: string;
  configSchema: Schema;
  run(context: AdapterContext<z.output<Schema>, Services>): Promise<Summary>;
}

/** Identity with type inference: `export default defineAdapter({ … })`. */
export function defineAdapter<Schema extends z.ZodType, Services, Summary>(
  definition: AdapterDefinition<Schema, Services, Summary>,
): AdapterDefinition<Schema, Services, Summary> {
  return definition;
}
