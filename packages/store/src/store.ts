/**
 * The store's public face: one object per open database, the same on both engines. Methods delegate to
 * the repositories; `db` and `sql` are the escape hatch for set-based queries (the reconciler).
 */
import { iterateFilings, type FilingQuery, type StoredFiling } from './repositories/filings.js';
import { paperDocumentIds, type PaperDocumentsQuery } from './repositories/paper-documents.js';
import type { LedgerBalance } from '@sledopyt/core';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { StoreContext } from './context.js';
import type { StoreDatabase } from './schema.js';
import type { StoreEngine } from './url.js';
import { getCheckpoint, saveCheckpoint } from './repositories/checkpoints.js';
import type { Checkpoint, CheckpointInput, CheckpointKey } from './repositories/checkpoints.js';
import { importDeclaration } from './repositories/declarations.js';
import type { DeclarationInput, DeclarationLineInput, ImportDeclarationOptions, ImportDeclarationResult } from './repositories/declarations.js';
import { iterateDiscrepancies, saveDiscrepancies } from './repositories/discrepancies.js';
import type { DiscrepancyInput, StoredDiscrepancy } from './repositories/discrepancies.js';
import { hasContentHash, importBatch, retractDocument } from './repositories/documents.js';
import type { DocumentRef, ImportBatchInput, ImportBatchResult, RetractResult } from './repositories/documents.js';
import { withJobLock } from './repositories/locks.js';
import type { JobLockOptions, JobLockResult, LockedJob } from './repositories/locks.js';
import { iterateBalances, iterateMovements } from './repositories/movements.js';
import type { BalanceQuery, MovementQuery, PageOptions, StoredMovement } from './repositories/movements.js';
import { iterateDeclarationLinesByInvoice, iterateMovementsByInvoice } from './repositories/reconcile-streams.js';
import type { DeclarationLinesQuery, MovementsByInvoiceQuery } from './repositories/reconcile-streams.js';
import type { DeclarationLine } from '@sledopyt/core';
import { finishRun, getRun, startRun } from './repositories/runs.js';
import type { FinishRunInput, Run, StartRunInput } from './repositories/runs.js';
import { findTaxpayer, upsertTaxpayer } from './repositories/taxpayers.js';
import type { StoredTaxpayer, TaxpayerInput } from './repositories/taxpayers.js';

export interface Store {
  readonly engine: StoreEngine;
  /** The URL with the password redacted. */
  readonly url: string;
  /** Migrations applied when this store was opened (empty when the schema was current). */
  readonly migrationsApplied: readonly string[];
  /** Kysely over the store's tables: set-based queries of the reconciler. */
  readonly db: Kysely<StoreDatabase>;
  /** Kysely's `sql` tagged template, for raw SQL on `db`. */
  readonly sql: typeof sql;

  upsertTaxpayer(input: TaxpayerInput): Promise<StoredTaxpayer>;
  findTaxpayer(inn: string): Promise<StoredTaxpayer | undefined>;

  /** Documents with their movements in one transaction; duplicates (same content hash) change nothing. */
  importBatch(input: ImportBatchInput): Promise<ImportBatchResult>;
  /** Whether a document or declaration with this content hash is stored for the taxpayer. */
  hasContentHash(taxpayerInn: string, contentHash: string): Promise<boolean>;
  /** The source withdrew a document (1С deletion, unposting): it stops counting. */
  retractDocument(ref: DocumentRef): Promise<RetractResult>;
  /** A declaration section with its lines streamed in batches, in one transaction. */
  importDeclaration(
    declaration: DeclarationInput,
    lines: AsyncIterable<DeclarationLineInput> | Iterable<DeclarationLineInput>,
    options?: ImportDeclarationOptions,
  ): Promise<ImportDeclarationResult>;

  /** Movements of a taxpayer in date order, paged (bounded memory). */
  movements(query: MovementQuery, options?: PageOptions): AsyncGenerator<StoredMovement>;
  /** Balances per (RNPT, ОКЕИ), computed in SQL, paged; the core's `LedgerBalance` shape and order. */
  balances(query: BalanceQuery, options?: PageOptions): AsyncGenerator<LedgerBalance>;

  /** The reconciler's sorted streams (one direction at a time), ordered by (normalised invoice number, date). */
  declarationLinesByInvoice(query: DeclarationLinesQuery, options?: PageOptions): AsyncGenerator<DeclarationLine>;
  movementsByInvoice(query: MovementsByInvoiceQuery, options?: PageOptions): AsyncGenerator<StoredMovement>;
  /** Notifications and reports on operations the taxpayer filed, as stored (the adapters know their details). */
  filings(query: FilingQuery, options?: PageOptions): AsyncGenerator<StoredFiling>;
  /** Ids of the period's documents known to be on paper (for PAPER_INVOICE). */
  paperDocumentIds(query: PaperDocumentsQuery): Promise<Set<bigint>>;

  startRun(input: StartRunInput): Promise<bigint>;
  finishRun(runId: bigint, input: FinishRunInput): Promise<void>;
  getRun(runId: bigint): Promise<Run | undefined>;
  saveDiscrepancies(runId: bigint, items: Iterable<DiscrepancyInput> | AsyncIterable<DiscrepancyInput>, options?: { batchSize?: number }): Promise<number>;
  discrepancies(runId: bigint, options?: PageOptions): AsyncGenerator<StoredDiscrepancy>;

  getCheckpoint(key: CheckpointKey): Promise<Checkpoint | undefined>;
  saveCheckpoint(input: CheckpointInput): Promise<void>;

  /** Runs `job` under a cross-instance lock, or reports who holds it. */
  withJobLock<T>(name: string, job: LockedJob<T>, options?: JobLockOptions): Promise<JobLockResult<T>>;

  close(): Promise<void>;
}

export function createStore(ctx: StoreContext, migrationsApplied: readonly string[]): Store {
  return {
    engine: ctx.engine,
    url: ctx.where,
    migrationsApplied,
    db: ctx.db,
    sql,
    upsertTaxpayer: (input) => upsertTaxpayer(ctx, input),
    findTaxpayer: (inn) => findTaxpayer(ctx.db, inn),
    importBatch: (input) => importBatch(ctx, input),
    hasContentHash: (taxpayerInn, contentHash) => hasContentHash(ctx.db, taxpayerInn, contentHash),
    retractDocument: (ref) => retractDocument(ctx, ref),
    importDeclaration: (declaration, lines, options) => importDeclaration(ctx, declaration, lines, options),
    movements: (query, options) => iterateMovements(ctx, query, options),
    balances: (query, options) => iterateBalances(ctx, query, options),
    declarationLinesByInvoice: (query, options) => iterateDeclarationLinesByInvoice(ctx, query, options),
    movementsByInvoice: (query, options) => iterateMovementsByInvoice(ctx, query, options),
    filings: (query, options) => iterateFilings(ctx, query, options),
    paperDocumentIds: (query) => paperDocumentIds(ctx, query),
    startRun: (input) => startRun(ctx, input),
    finishRun: (runId, input) => finishRun(ctx, runId, input),
    getRun: (runId) => getRun(ctx, runId),
    saveDiscrepancies: (runId, items, options) => saveDiscrepancies(ctx, runId, items, options),
    discrepancies: (runId, options) => iterateDiscrepancies(ctx, runId, options),
    getCheckpoint: (key) => getCheckpoint(ctx.db, key),
    saveCheckpoint: (input) => saveCheckpoint(ctx.db, input, ctx.now()),
    withJobLock: (name, job, options) => withJobLock(ctx, name, job, options),
    close: () => ctx.db.destroy(),
  };
}
