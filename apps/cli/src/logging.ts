/**
 * Logs for people and machines: JSON lines (one object per line, for journald, cron mail, log shippers)
 * or readable lines on a terminal. Always on stderr, so stdout stays the command's output. Secrets are
 * redacted by field name wherever they appear, two levels deep.
 */
import { Writable } from 'node:stream';
import { pino, type DestinationStream, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';
import { SECRET_FIELD_NAMES, type Logger } from '@sledopyt/contract';

export type LogFormat = 'auto' | 'json' | 'pretty';
export const LOG_FORMATS: readonly LogFormat[] = ['auto', 'json', 'pretty'];
export const LOG_LEVELS: readonly LevelWithSilent[] = ['debug', 'info', 'warn', 'error', 'silent'];

export interface LoggerOptions {
  format: LogFormat;
  level: LevelWithSilent;
  /** Where lines go; default stderr. */
  write?: ((line: string) => void) | undefined;
  isTty?: boolean | undefined;
}

const REDACT_PATHS = SECRET_FIELD_NAMES.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]);

export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      write(chunk.toString('utf8'));
      callback();
    },
  });
  const tty = options.isTty ?? process.stderr.isTTY === true;
  const usePretty = options.format === 'pretty' || (options.format === 'auto' && tty);
  const destination: DestinationStream = usePretty
    ? pretty({ destination: sink, sync: true, colorize: tty, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
    : sink;
  return pino(
    {
      level: options.level,
      base: { app: 'sledopyt' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[скрыто]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
