/**
 * What importing one file did: plain, JSON-ready data.
 */
import type { QuarterId } from '@sledopyt/core';
import type { FormatKind } from '@sledopyt/formats';
import type { PeriodSource } from './declaration-period.js';

export type FileImportStatus = 'imported' | 'duplicate' | 'skipped';

export interface FileImportResult {
  file: string;
  kind: FormatKind;
  status: FileImportStatus;
  /** Why the file was not imported (status `skipped`), in Russian. */
  reason?: string;
  /** The taxpayers the file was imported for (or found to be stored for). */
  taxpayerInns: string[];
  /** SHA-256 of the file, the idempotency key; null for files read but not stored (the declaration's main file). */
  contentHash: string | null;
  documents: number;
  movements: number;
  /** Declaration sections stored (0 or 1 per file). */
  declarations: number;
  declarationLines: number;
  declarationEntries: number;
  /** VAT declaration sections: the quarter and where it was taken from. */
  period?: { id: QuarterId; source: PeriodSource };
}

export function emptyResult(file: string, kind: FormatKind, status: FileImportStatus, taxpayerInns: string[], contentHash: string | null): FileImportResult {
  return { file, kind, status, taxpayerInns, contentHash, documents: 0, movements: 0, declarations: 0, declarationLines: 0, declarationEntries: 0 };
}
