/**
 * `discrepancies.json`: an array with one object per discrepancy, written element by element. Field
 * order puts what the issue requires first (code, severity, rnpt, document, section, expected, actual,
 * fineRub, messageRu), then the rest of the core's Discrepancy.
 */
import type { ReportRow } from '../rows.js';
import type { TextFile } from '../io/text-file.js';

/** The JSON object of one row, in the documented field order. */
export function discrepancyJson(row: ReportRow): Record<string, unknown> {
  return {
    code: row.code,
    severity: row.severity,
    rnpt: row.rnpt,
    document: row.document === null ? null : { number: row.document.number, date: row.document.date, counterpartyInn: row.document.counterpartyInn, kind: row.document.kind },
    section: row.section,
    expected: row.expected,
    actual: row.actual,
    fineRub: row.fineRub,
    messageRu: row.messageRu,
    titleRu: row.titleRu,
    fixRu: row.fixRu,
    legalBasisRu: row.legalBasisRu,
    declarationLineId: row.declarationLineId,
    movementIds: row.movementIds,
    details: row.details,
  };
}

export class JsonArrayWriter {
  private count = 0;

  constructor(private readonly file: TextFile) {}

  async row(row: ReportRow): Promise<void> {
    // One element per line keeps the file greppable and diff-friendly.
    await this.file.write(`${this.count === 0 ? '[\n' : ',\n'}${JSON.stringify(discrepancyJson(row))}`);
    this.count += 1;
  }

  async close(): Promise<string> {
    await this.file.write(this.count === 0 ? '[]\n' : '\n]\n');
    return this.file.close();
  }

  abort(): Promise<void> {
    return this.file.abort();
  }
}
