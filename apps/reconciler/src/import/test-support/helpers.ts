/** Helpers for the import tests: temp folders, row counts, a progress reporter that records. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Progress } from '@sledopyt/contract';
import type { Store } from '@sledopyt/store';
import { afterEach } from 'vitest';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temp folder removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sledopyt-import-'));
  folders.push(folder);
  return folder;
}

export type CountedTable = 'taxpayers' | 'documents' | 'movements' | 'declarations' | 'declaration_lines' | 'declaration_trace_entries';

export async function rowCounts(store: Store): Promise<Record<CountedTable, number>> {
  const tables: CountedTable[] = ['taxpayers', 'documents', 'movements', 'declarations', 'declaration_lines', 'declaration_trace_entries'];
  const counts = {} as Record<CountedTable, number>;
  for (const table of tables) {
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

export interface RecordedTask {
  label: string;
  total: number | undefined;
  unit: string | undefined;
  done: number;
  finished: boolean;
}

/** A Progress that keeps every task it was asked for. */
export function recordingProgress(): { progress: Progress; tasks: RecordedTask[] } {
  const tasks: RecordedTask[] = [];
  const progress: Progress = {
    task: (label, options = {}) => {
      const task: RecordedTask = { label, total: options.total, unit: options.unit, done: 0, finished: false };
      tasks.push(task);
      return {
        advance: (units) => {
          task.done += units;
        },
        setTotal: (total) => {
          task.total = total;
        },
        finish: () => {
          task.finished = true;
        },
      };
    },
  };
  return { progress, tasks };
}
