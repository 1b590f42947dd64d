/**
 * The logger every library and adapter receives (never imports): the application decides where logs go
 * (JSON lines for machines, pretty lines for people). The shape is pino's, so pino loggers fit as they are.
 */
export type LogFields = Record<string, unknown>;

export interface LogMethod {
  (fields: LogFields, message?: string): void;
  (message: string): void;
}

export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  /** A logger whose every line carries these fields (e.g. `{ scope: 'onec', runId }`). */
  child(bindings: LogFields): Logger;
}

const ignore: LogMethod = () => undefined;

export const noopLogger: Logger = { debug: ignore, info: ignore, warn: ignore, error: ignore, child: () => noopLogger };

/** Field names whose values never reach a log (config keys, HTTP headers, connection strings). */
export const SECRET_FIELD_NAMES = ['password', 'passphrase', 'privateKey', 'secret', 'token', 'authorization', 'cookie'] as const;
