/**
 * VAT declaration (НД по НДС, КНД 1151001): the book sections NO_NDS.8 / .81 / .9 / .91 — model, streaming
 * byte-scanner reader, saxes reference reader, streaming writer — and the main file's title.
 */
export * from './structure.js';
export * from './model.js';
export { isCanonicalRnpt, isCanonicalRnptBytes, RegistrationNumberClassifier, type ClassifiedNumber } from './registration.js';
export { readNdsLines, DEFAULT_CHUNK_BYTES, type NdsSource, type ReadNdsOptions, type NdsReadStats, type NdsLineReader, type NdsBatchReader } from './reader.js';
export { readNdsColumns, NdsLineColumns, type LineExtras } from './columns.js';
export { readNdsLinesWithSaxes } from './reference-reader.js';
export { DEFAULT_SCANNER_LIMITS, type BookScannerLimits } from './scanner.js';
export { readFileChunks } from './file-chunks.js';
export {
  WRITABLE_SECTIONS,
  ndsSectionFileSchema,
  ndsSectionFileId,
  writeNdsSection,
  writeNdsSectionBytes,
  purchaseBookTotals,
  salesBookTotals,
  type NdsSectionFileInput,
  type NdsSectionFile,
  type WriteNdsOptions,
} from './writer.js';
export { NDS_KND, readNdsDeclarationTitle, type NdsDeclarationTitle } from './main-file.js';
export * from './summary.js';
