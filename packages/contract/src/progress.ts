/**
 * Progress of long work (imports, syncs, reconciles). The application shows it as a bar on a terminal
 * and as periodic log lines under cron or systemd; libraries only report.
 */
export interface ProgressTask {
  /** Adds done units (rows, bytes, documents). */
  advance(units: number): void;
  /** Sets the total when it becomes known. */
  setTotal(total: number): void;
  finish(): void;
}

export interface Progress {
  /** Starts a task; `unit` names what is counted («строк», «документов», «МБ»). */
  task(label: string, options?: { total?: number | undefined; unit?: string | undefined }): ProgressTask;
}

const idleTask: ProgressTask = { advance: () => undefined, setTotal: () => undefined, finish: () => undefined };

export const silentProgress: Progress = { task: () => idleTask };
