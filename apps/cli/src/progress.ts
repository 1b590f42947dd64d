/**
 * Progress for long work: a bar on a terminal (cli-progress, on stderr), and under cron or systemd a
 * `progress` log line every few seconds with the count, rate and share done.
 */
import cliProgress from 'cli-progress';
import type { Logger, Progress, ProgressTask } from '@sledopyt/contract';

export interface ProgressOptions {
  logger: Logger;
  /** Draw a bar (stderr is a terminal); otherwise log lines. */
  interactive: boolean;
  /** Seconds between log lines in non-interactive mode. */
  everySeconds?: number;
  now?: () => number;
}

export function createProgress(options: ProgressOptions): Progress {
  return { task: (label, task = {}) => (options.interactive ? barTask(label, task.total, task.unit) : logTask(options, label, task.total, task.unit)) };
}

function barTask(label: string, total: number | undefined, unit = ''): ProgressTask {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} ${unit} · {percentage}% · осталось {eta_formatted}`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    advance: (units) => bar.increment(units),
    setTotal: (value) => bar.setTotal(value),
    finish: () => bar.stop(),
  };
}

function logTask(options: ProgressOptions, label: string, initialTotal: number | undefined, unit = ''): ProgressTask {
  const now = options.now ?? Date.now;
  const every = (options.everySeconds ?? 10) * 1000;
  const started = now();
  let lastLog = started;
  let done = 0;
  let total = initialTotal;
  const fields = () => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    return { task: label, done, total: total ?? null, unit, perSecond: Math.round(done / seconds), percent: total ? Math.round((done / total) * 100) : null };
  };
  return {
    advance: (units) => {
      done += units;
      if (now() - lastLog >= every) {
        lastLog = now();
        options.logger.info({ progress: fields() }, `${label}: ${done}${total ? ` из ${total}` : ''} ${unit}`);
      }
    },
    setTotal: (value) => {
      total = value;
    },
    finish: () => options.logger.info({ progress: fields() }, `${label}: готово, ${done} ${unit}`),
  };
}
