/**
 * The XLSX writer needs the rows grouped by code (a sheet per type), while the run delivers them in its
 * own order, and exceljs's streaming writer buffers in memory every sheet but the one being written. So
 * rows are spooled to one temporary JSON-lines file per code and written sheet by sheet afterwards.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { DiscrepancyCode } from '@sledopyt/core';
import { TextFile } from '../io/text-file.js';
import type { ReportRow } from '../rows.js';

export interface SpooledRow {
  index: number;
  row: ReportRow;
}

export class CodeSpool {
  private readonly files = new Map<DiscrepancyCode, TextFile>();

  constructor(private readonly dir: string) {}

  async add(row: ReportRow, index: number): Promise<void> {
    let file = this.files.get(row.code);
    if (file === undefined) {
      file = TextFile.create(join(this.dir, `${row.code}.jsonl`));
      this.files.set(row.code, file);
    }
    await file.write(`${JSON.stringify({ index, row } satisfies SpooledRow)}\n`);
  }

  async close(): Promise<void> {
    for (const file of this.files.values()) await file.close();
  }

  async abort(): Promise<void> {
    for (const file of this.files.values()) await file.abort();
  }

  /** The rows of one code, in the order they were added. */
  async *read(code: DiscrepancyCode): AsyncGenerator<SpooledRow> {
    const file = this.files.get(code);
    if (file === undefined) return;
    const lines = createInterface({ input: createReadStream(file.path, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') yield JSON.parse(line) as SpooledRow;
  }
}
