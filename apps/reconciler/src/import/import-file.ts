/**
 * `importFile`: one file into the store — transactional (a file that fails halfway leaves nothing) and
 * idempotent (the same bytes twice change nothing and are reported as a duplicate). The format is told by
 * the file's head; VAT declaration sections are streamed, everything else is read into memory.
 */
import { detectFormat, isDeclarationSectionKind, readNdsDeclarationTitle } from '@sledopyt/formats';
import type { DetectedFormat } from '@sledopyt/formats';
import type { Store } from '@sledopyt/store';
import { sectionTitlesOf } from './declaration-period.js';
import { importDeclarationFile } from './declaration-file.js';
import { importDocumentFile } from './document-file.js';
import { readDocumentBytes, readFormatHeadOf } from './file-bytes.js';
import type { ImportFileOptions } from './options.js';
import { parseImportOptions } from './options.js';
import { emptyResult } from './result.js';
import type { FileImportResult } from './result.js';

export async function detectFile(path: string): Promise<DetectedFormat> {
  return detectFormat(await readFormatHeadOf(path), path);
}

/**
 * The main file of the declaration has no traceability data (sections 1–7); it names the period of its
 * sections, which `importFiles` reads beforehand. Here it is only checked and reported as skipped.
 */
async function mainDeclarationFile(path: string, detected: DetectedFormat): Promise<FileImportResult> {
  const title = readNdsDeclarationTitle(await readDocumentBytes(path), { file: path });
  const sections = sectionTitlesOf(title, path).length;
  const result = emptyResult(path, detected.kind, 'skipped', [], null);
  result.reason =
    'основной файл декларации по НДС: сведений о прослеживаемости в нём нет (они в разделах 8 и 9); ' +
    `из него взят налоговый период (${title.ОтчетГод} г., код ${title.Период}) для перечисленных в нём разделов (${sections})`;
  return result;
}

export async function importFile(store: Store, path: string, options: ImportFileOptions = {}): Promise<FileImportResult> {
  const { sectionTitles, ...userOptions } = options;
  const parsed = parseImportOptions(userOptions);
  const detected = await detectFile(path);
  if (detected.kind === 'nds-main') return mainDeclarationFile(path, detected);
  if (isDeclarationSectionKind(detected.kind)) return importDeclarationFile(store, path, detected, parsed, sectionTitles);
  return importDocumentFile(store, path, parsed);
}
