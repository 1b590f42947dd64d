/**
 * The bulk quarter (tooling/generators) as the store's import API takes it: documents with their movements
 * for `importBatch`, section 9 lines for `importDeclaration` (mapped by the reconciler's own `toStoreLine`,
 * the same mapping its demo import uses). Everything streams: one batch of documents exists at a time.
 */
import { createHash } from 'node:crypto';
import { BULK_COMPANY, bulkLineAmounts, type BulkDocument, type BulkQuarterPlan } from '@sledopyt/generators';
import { toStoreLine } from '@sledopyt/reconciler';
import type { DeclarationInput, DeclarationLineInput, ImportDocumentInput, Store } from '@sledopyt/store';
import type { DeclarationLine } from '@sledopyt/core';

/** Customs declarations per `importBatch` (10 movements each); sales per batch (one movement each), as a 1C sync page. */
export const RECEIPTS_PER_BATCH = 100;
export const SALES_PER_BATCH = 1_000;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function storeDocument(doc: BulkDocument): ImportDocumentInput {
  return {
    taxpayerInn: BULK_COMPANY.inn,
    kind: doc.kind,
    number: doc.number,
    date: doc.date,
    ...(doc.counterpartyInn === undefined ? {} : { counterpartyInn: doc.counterpartyInn }),
    source: 'file',
    sourceRef: `bench/${doc.kind}/${doc.number}`,
    contentHash: sha256(`${doc.kind}|${doc.number}|${doc.date}`),
    movements: doc.movements,
  };
}

export function* batchesOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Imports documents in batches of `perBatch`; returns the movements stored. */
export async function importDocuments(store: Store, documents: Iterable<BulkDocument>, perBatch: number): Promise<{ documents: number; movements: number }> {
  let stored = 0;
  let movements = 0;
  for (const batch of batchesOf(documents, perBatch)) {
    const result = await store.importBatch({ documents: batch.map(storeDocument) });
    stored += result.inserted;
    movements += result.movements;
  }
  return { documents: stored, movements };
}

export function storeLines(lines: Iterable<DeclarationLine>): Iterable<DeclarationLineInput> {
  return {
    *[Symbol.iterator]() {
      for (const line of lines) yield { ...toStoreLine(line), ...bulkLineAmounts(line) };
    },
  };
}

export function section9(plan: BulkQuarterPlan): DeclarationInput {
  return {
    taxpayerInn: BULK_COMPANY.inn,
    taxpayerKpp: BULK_COMPANY.kpp,
    year: plan.quarter.year,
    quarter: plan.quarter.quarter,
    correctionNumber: 0,
    section: '9',
    fileName: plan.fileName,
    contentHash: sha256(`bench section 9 ${plan.period} ${plan.lines} ${plan.plantEvery}`),
    source: 'file',
    sourceRef: `bench/${plan.fileName}.xml`,
  };
}
