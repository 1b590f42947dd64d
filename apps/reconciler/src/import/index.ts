/**
 * The import pipeline (issue 4): files and folders of ФНС documents into the store, transactional per file
 * and idempotent by content hash.
 */
export { collectInputFiles, type InputFiles, type SkippedFile } from './collect-files.js';
export { importFile } from './import-file.js';
export { importFiles, type ImportSummary, type FailedFile, type KindCounts } from './import-files.js';
export { importOptionsSchema, type ImportOptions, type ImportFileOptions } from './options.js';
export type { FileImportResult, FileImportStatus } from './result.js';
export type { DeclarationPeriod, PeriodSource, SectionTitle, SectionTitles } from './declaration-period.js';
export { declarationLineInput } from './declaration-lines.js';
export { isBadInput } from './errors.js';
