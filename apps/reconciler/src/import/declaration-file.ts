/**
 * A VAT declaration section file (8, 8.1, 9, 9.1) of any size into the store, in bounded memory: the file is
 * hashed in one pass, then streamed through the formats' reader into `store.importDeclaration` — one
 * transaction for the whole section. A line that cannot be read (a corrupt tail, a truncated file) fails the
 * iteration, and the transaction leaves nothing of the file. So does a file whose bytes changed between the
 * two passes (IMPORT_FILE_CHANGED): it is never stored under another file's hash.
 */
import { basename } from 'node:path';
import { formatQuarter } from '@sledopyt/core';
import { parseFileName, readNdsLines } from '@sledopyt/formats';
import type { DetectedFormat, NdsLine } from '@sledopyt/formats';
import type { DeclarationInput, DeclarationLineInput, Store } from '@sledopyt/store';
import { declarationLineInput } from './declaration-lines.js';
import { resolveDeclarationPeriod, sectionKey } from './declaration-period.js';
import type { SectionTitle, SectionTitles } from './declaration-period.js';
import { notOurs } from './errors.js';
import { HashedChunks, hashFile } from './file-bytes.js';
import type { ParsedImportOptions } from './options.js';
import { sourceRefOf } from './options.js';
import { emptyResult } from './result.js';
import type { FileImportResult } from './result.js';
import { formTaxpayerInn } from './taxpayers.js';

/** The taxpayer by the file name (`…_<ИНН+КПП>_…`), checked against the main file and `--inn`. */
function sectionTaxpayer(path: string, fileId: string, title: SectionTitle | undefined, configured: string | undefined): { inn: string; kpp: string | undefined } {
  const name = parseFileName(fileId);
  const id = name?.family === 'tax-office' ? name.taxpayerId : undefined;
  const byName = id === undefined ? undefined : { inn: id.length === 19 ? id.slice(0, 10) : id, kpp: id.length === 19 ? id.slice(10) : undefined };
  if (byName !== undefined && title !== undefined && byName.inn !== title.taxpayerInn) throw notOurs(path, title.taxpayerInn, [byName.inn]);
  const inn = formTaxpayerInn(path, byName?.inn ?? title?.taxpayerInn, configured);
  return { inn, kpp: byName?.kpp ?? title?.taxpayerKpp };
}

async function* storeLines(lines: AsyncIterable<NdsLine>, chunks: HashedChunks, contentHash: string): AsyncGenerator<DeclarationLineInput> {
  for await (const line of lines) yield declarationLineInput(line);
  // Still inside the store's transaction: a mismatch here rolls the section back.
  await chunks.verify(contentHash);
}

export async function importDeclarationFile(
  store: Store,
  path: string,
  detected: DetectedFormat,
  options: ParsedImportOptions,
  sectionTitles: SectionTitles | undefined,
): Promise<FileImportResult> {
  const title = sectionTitles?.get(sectionKey(detected.fileId));
  const taxpayer = sectionTaxpayer(path, detected.fileId, title, options.taxpayerInn);
  const contentHash = await hashFile(path);
  if (await store.hasContentHash(taxpayer.inn, contentHash)) return emptyResult(path, detected.kind, 'duplicate', [taxpayer.inn], contentHash);

  const chunks = new HashedChunks(path);
  try {
    // An invalid RNPT does not refuse the section: the entry is stored as `invalid` and reported (RNPT_INVALID).
    const reader = readNdsLines(chunks, { fileName: path, invalidRegistrationNumbers: 'keep' });
    const header = await reader.header();
    const period = resolveDeclarationPeriod(path, header, options.period, title);
    if (period.source === 'file-date') {
      options.logger.warn(
        { file: path, period: formatQuarter(period) },
        `Период раздела ${header.section} не указан в файле: принят ${period.quarter} квартал ${period.year} г. по дате формирования файла. Если это неверно, загрузите раздел вместе с основным файлом декларации или укажите --period`,
      );
    }
    const declaration: DeclarationInput = {
      taxpayerInn: taxpayer.inn,
      ...(taxpayer.kpp === undefined ? {} : { taxpayerKpp: taxpayer.kpp }),
      year: period.year,
      quarter: period.quarter,
      correctionNumber: header.НомКорр,
      section: header.section,
      fileName: header.ИдФайл,
      contentHash,
      earlierDataValid: header.ПризнСвед === '1',
      source: options.source,
      sourceRef: sourceRefOf(options, path),
    };
    const task = options.progress.task(`Раздел ${header.section} декларации, ${basename(path)}`, { unit: 'строк' });
    let reported = 0;
    try {
      const stored = await store.importDeclaration(declaration, storeLines(reader, chunks, contentHash), {
        batchSize: options.batchSize,
        onProgress: (lines) => {
          task.advance(lines - reported);
          reported = lines;
        },
      });
      const result = emptyResult(path, detected.kind, stored.duplicate ? 'duplicate' : 'imported', [taxpayer.inn], contentHash);
      if (!stored.duplicate) Object.assign(result, { declarations: 1, declarationLines: stored.lines, declarationEntries: stored.entries });
      result.period = { id: formatQuarter(period), source: period.source };
      return result;
    } finally {
      task.finish();
    }
  } finally {
    await chunks.close();
  }
}
