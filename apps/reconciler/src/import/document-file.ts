/**
 * A document read into memory (УПД, УКД, notifications, report on operations) into the store: size cap,
 * safe read by the formats package, our taxpayer(s), store documents with their movements — all of the file
 * in one `importBatch`, one transaction. Already stored for every taxpayer → a duplicate, nothing written.
 */
import { readDocument } from '@sledopyt/formats';
import type { ParsedDocument } from '@sledopyt/formats';
import type { ImportDocumentInput, Store } from '@sledopyt/store';
import type { FileFacts, PartyFacts } from './file-facts.js';
import { readDocumentBytes, sha256Hex } from './file-bytes.js';
import {
  exportNoticeDocument,
  formTaxpayer,
  importNoticeDocument,
  operationsReportDocument,
  remainsNoticeDocument,
} from './form-documents.js';
import { invoicePartyInns, partyOf, ukdDocument, updDocument } from './invoice-documents.js';
import type { ParsedImportOptions } from './options.js';
import { sourceRefOf } from './options.js';
import { emptyResult } from './result.js';
import type { FileImportResult } from './result.js';
import { completeTaxpayer, formTaxpayerInn, invoiceTaxpayers } from './taxpayers.js';

interface Owned {
  /** Our taxpayers this file belongs to. */
  taxpayers: string[];
  /** The store documents of the file for one of them. */
  build: (taxpayerInn: string, facts: FileFacts) => ImportDocumentInput;
  /** Parties whose missing КПП and name the file can fill in. */
  parties: PartyFacts[];
}

async function ownership(store: Store, path: string, parsed: ParsedDocument, configured: string | undefined): Promise<Owned> {
  switch (parsed.kind) {
    case 'upd':
    case 'ukd': {
      const doc = parsed.document;
      const taxpayers = await invoiceTaxpayers(store, path, invoicePartyInns(doc), configured);
      const build =
        parsed.kind === 'upd'
          ? (inn: string, facts: FileFacts) => updDocument(parsed.document, inn, facts)
          : (inn: string, facts: FileFacts) => ukdDocument(parsed.document, inn, facts);
      return { taxpayers, build, parties: [partyOf(doc.СвПрод), partyOf(doc.СвПокуп)] };
    }
    case 'import-notice':
    case 'export-notice-transit':
    case 'remains-notice':
    case 'operations-report': {
      const party = formTaxpayer(parsed.document.СвНП);
      const taxpayers = [formTaxpayerInn(path, party.inn ?? undefined, configured)];
      const build = (inn: string, facts: FileFacts): ImportDocumentInput => {
        switch (parsed.kind) {
          case 'import-notice':
            return importNoticeDocument(parsed.document, inn, facts);
          case 'export-notice-transit':
            return exportNoticeDocument(parsed.document, inn, facts);
          case 'remains-notice':
            return remainsNoticeDocument(parsed.document, inn, facts);
          case 'operations-report':
            return operationsReportDocument(parsed.document, inn, facts);
        }
      };
      return { taxpayers, build, parties: [party] };
    }
  }
}

export async function importDocumentFile(store: Store, path: string, options: ParsedImportOptions): Promise<FileImportResult> {
  const bytes = await readDocumentBytes(path);
  const contentHash = sha256Hex(bytes);
  const parsed = readDocument(bytes, path);
  const owned = await ownership(store, path, parsed, options.taxpayerInn);

  const pending: string[] = [];
  for (const inn of owned.taxpayers) if (!(await store.hasContentHash(inn, contentHash))) pending.push(inn);
  if (pending.length === 0) return emptyResult(path, parsed.kind, 'duplicate', owned.taxpayers, contentHash);

  const facts: FileFacts = { source: options.source, sourceRef: sourceRefOf(options, path), contentHash, version: parsed.version };
  const documents = pending.map((inn) => owned.build(inn, facts));
  const stored = await store.importBatch({ documents });
  // Another process may have stored the same file meanwhile: then the batch changed nothing.
  if (stored.inserted === 0) return emptyResult(path, parsed.kind, 'duplicate', owned.taxpayers, contentHash);
  for (const party of owned.parties) if (party.inn !== null && owned.taxpayers.includes(party.inn)) await completeTaxpayer(store, party);
  return { ...emptyResult(path, parsed.kind, 'imported', owned.taxpayers, contentHash), documents: stored.inserted, movements: stored.movements };
}
