/**
 * @sledopyt/store — one SQL schema on SQLite (embedded default) and PostgreSQL: versioned migrations,
 * idempotent transactional imports, streamed declaration loading, set-based reads, runs, discrepancies,
 * sync checkpoints and a cross-instance job lock. Open it with `openStore(url)`; everything else is a
 * method of the returned `Store`.
 */
export * from './url.js';
export * from './open.js';
export type { Store } from './store.js';
export type * from './schema.js';
export { knownMigrationNames, MIGRATION_TABLE } from './migrations/index.js';
export { toBigInt, readJson } from './values.js';
export { taxpayerInputSchema } from './repositories/taxpayers.js';
export type { StoredTaxpayer, TaxpayerInput } from './repositories/taxpayers.js';
export {
  STORE_DOCUMENT_KINDS,
  DOCUMENT_SOURCES,
  contentHashSchema,
  documentSourceSchema,
  documentHeaderSchema,
  documentRefSchema,
  importBatchOptionsSchema,
} from './repositories/documents.js';
export type {
  StoreDocumentKind,
  DocumentSource,
  DocumentHeaderInput,
  ImportDocumentInput,
  ImportBatchInput,
  ImportBatchResult,
  DocumentRef,
  RetractResult,
} from './repositories/documents.js';
export {
  DECLARATION_SECTIONS,
  declarationInputSchema,
  declarationLineInputSchema,
  traceEntryInputSchema,
  importDeclarationOptionsSchema,
} from './repositories/declarations.js';
export type {
  DeclarationSection,
  DeclarationInput,
  DeclarationLineInput,
  TraceEntryInput,
  ImportDeclarationOptions,
  ImportDeclarationResult,
} from './repositories/declarations.js';
export { movementQuerySchema, balanceQuerySchema, pageOptionsSchema } from './repositories/movements.js';
export type { MovementQuery, BalanceQuery, PageOptions, StoredMovement } from './repositories/movements.js';
export { RUN_OUTCOMES, jobNameSchema, startRunInputSchema, finishRunInputSchema } from './repositories/runs.js';
export type { RunOutcome, Run, StartRunInput, FinishRunInput } from './repositories/runs.js';
export { DISCREPANCY_SEVERITIES, discrepancyInputSchema } from './repositories/discrepancies.js';
export type { DiscrepancySeverity, DiscrepancyInput, StoredDiscrepancy } from './repositories/discrepancies.js';
export { checkpointKeySchema, checkpointInputSchema } from './repositories/checkpoints.js';
export type { Checkpoint, CheckpointKey, CheckpointInput } from './repositories/checkpoints.js';
export { jobLockOptionsSchema, advisoryLockKey } from './repositories/locks.js';
export type { JobLockOptions, JobLockResult, LockHolder, LockedJob } from './repositories/locks.js';
export { declarationLinesQuerySchema, movementsByInvoiceQuerySchema } from './repositories/reconcile-streams.js';
export type { DeclarationLinesQuery, MovementsByInvoiceQuery, InForceDeclaration } from './repositories/reconcile-streams.js';
export { filingQuerySchema } from './repositories/filings.js';
export type { FilingQuery, StoredFiling } from './repositories/filings.js';
export { paperDocumentsQuerySchema } from './repositories/paper-documents.js';
export type { PaperDocumentsQuery } from './repositories/paper-documents.js';
