/**
 * `importFiles`: every file under the given paths into the store, one file at a time, each in its own
 * transaction. One bad file never stops the others: it is listed with its error's code and Russian message.
 *
 * Order: the files are sorted, then taken in two rounds — first the files that name their taxpayer
 * (declaration sections, notifications, report), then УПД/УКД, whose taxpayer is whichever party the store
 * already knows: an inbox with a company's declaration and its invoices imports in one run without `--inn`.
 * The declaration's main files are read first for the period of their sections.
 */
import type { ErrorActor } from '@sledopyt/core';
import { readNdsDeclarationTitle } from '@sledopyt/formats';
import type { FormatKind } from '@sledopyt/formats';
import type { Store } from '@sledopyt/store';
import { collectInputFiles } from './collect-files.js';
import type { SkippedFile } from './collect-files.js';
import { sectionTitlesOf } from './declaration-period.js';
import type { SectionTitle } from './declaration-period.js';
import { asSledopytError } from './errors.js';
import { readDocumentBytes } from './file-bytes.js';
import { detectFile, importFile } from './import-file.js';
import type { ImportOptions } from './options.js';
import { parseImportOptions } from './options.js';
import type { FileImportResult } from './result.js';

export interface FailedFile {
  file: string;
  /** The detected format, when the head of the file could be read. */
  kind: FormatKind | null;
  code: string;
  messageRu: string;
  actor: ErrorActor;
}

export interface KindCounts {
  files: number;
  imported: number;
  duplicates: number;
  skipped: number;
  failed: number;
}

export interface ImportSummary {
  /** Every file found, skipped ones included: files = imported + duplicates + skipped + failed. */
  files: number;
  imported: number;
  duplicates: number;
  skipped: SkippedFile[];
  failed: FailedFile[];
  /** Stored by this run. */
  documents: number;
  movements: number;
  declarations: number;
  declarationLines: number;
  declarationEntries: number;
  /** Files per detected format (`unknown` when not even the head could be read). */
  byKind: Record<string, KindCounts>;
  /** Each file read, in the order of import. */
  results: FileImportResult[];
}

/** Files that name their taxpayer go first; УПД/УКД look the taxpayer up among those already stored. */
const LATER_KINDS = new Set<FormatKind>(['upd', 'ukd']);

interface PlannedFile {
  file: string;
  kind: FormatKind | null;
}

async function plan(files: readonly string[]): Promise<PlannedFile[]> {
  const planned: PlannedFile[] = [];
  for (const file of files) {
    // A head that cannot be read fails again, with its message, when the file is imported.
    const kind = await detectFile(file).then(
      (detected) => detected.kind,
      () => null,
    );
    planned.push({ file, kind });
  }
  const rank = (entry: PlannedFile): number => (entry.kind === 'nds-main' ? 0 : entry.kind !== null && LATER_KINDS.has(entry.kind) ? 2 : 1);
  // Array.prototype.sort is stable: the sorted path order holds within each round.
  return planned.sort((a, b) => rank(a) - rank(b));
}

/** The sections the main files list, with their periods. A main file that cannot be read fails on import. */
async function readSectionTitles(planned: readonly PlannedFile[]): Promise<Map<string, SectionTitle>> {
  const titles = new Map<string, SectionTitle>();
  for (const { file, kind } of planned) {
    if (kind !== 'nds-main') continue;
    try {
      const title = readNdsDeclarationTitle(await readDocumentBytes(file), { file });
      for (const [key, facts] of sectionTitlesOf(title, file)) titles.set(key, facts);
    } catch {
      // reported when the file itself is imported
    }
  }
  return titles;
}

function emptySummary(skipped: SkippedFile[], files: number): ImportSummary {
  return { files, imported: 0, duplicates: 0, skipped, failed: [], documents: 0, movements: 0, declarations: 0, declarationLines: 0, declarationEntries: 0, byKind: {}, results: [] };
}

function countKind(summary: ImportSummary, kind: string, field: keyof Omit<KindCounts, 'files'>): void {
  const counts = (summary.byKind[kind] ??= { files: 0, imported: 0, duplicates: 0, skipped: 0, failed: 0 });
  counts.files += 1;
  counts[field] += 1;
}

function addResult(summary: ImportSummary, result: FileImportResult): void {
  summary.results.push(result);
  if (result.status === 'imported') summary.imported += 1;
  else if (result.status === 'duplicate') summary.duplicates += 1;
  else summary.skipped.push({ file: result.file, reason: result.reason ?? '' });
  countKind(summary, result.kind, result.status === 'imported' ? 'imported' : result.status === 'duplicate' ? 'duplicates' : 'skipped');
  summary.documents += result.documents;
  summary.movements += result.movements;
  summary.declarations += result.declarations;
  summary.declarationLines += result.declarationLines;
  summary.declarationEntries += result.declarationEntries;
}

export async function importFiles(store: Store, paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const parsed = parseImportOptions(options);
  const logger = parsed.logger;
  const { files, skipped } = await collectInputFiles(paths);
  for (const skip of skipped) logger.info({ file: skip.file, reason: skip.reason }, `Пропущен ${skip.file}: ${skip.reason}`);
  const summary = emptySummary([...skipped], files.length + skipped.length);
  const planned = await plan(files);
  const sectionTitles = await readSectionTitles(planned);

  const task = parsed.progress.task('Импорт файлов', { total: planned.length, unit: 'файлов' });
  try {
    for (const { file, kind } of planned) {
      try {
        const result = await importFile(store, file, { ...options, sectionTitles });
        addResult(summary, result);
        if (result.status === 'imported') {
          logger.info(
            { file, kind: result.kind, taxpayers: result.taxpayerInns, documents: result.documents, movements: result.movements, declarationLines: result.declarationLines },
            `Загружен ${file}`,
          );
        } else {
          logger.info({ file, kind: result.kind, status: result.status }, result.status === 'duplicate' ? `Уже загружен ранее: ${file}` : `Пропущен ${file}: ${result.reason ?? ''}`);
        }
      } catch (caught) {
        const error = asSledopytError(caught, file);
        summary.failed.push({ file, kind, code: error.code, messageRu: error.messageRu, actor: error.actor });
        countKind(summary, kind ?? 'unknown', 'failed');
        logger.warn({ file, code: error.code, actor: error.actor, details: error.details }, `Не загружен ${file}: ${error.messageRu}`);
      } finally {
        task.advance(1);
      }
    }
  } finally {
    task.finish();
  }
  summary.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return summary;
}
