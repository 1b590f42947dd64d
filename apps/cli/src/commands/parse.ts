import { basename } from 'node:path';
import { formatDateRu, formatRub, isSledopytError } from '@sledopyt/core';
import { readDocument, summarizeNdsSection, type DocumentSummary } from '@sledopyt/formats';
import type { RegisterCommand } from '../program.js';
import { EXIT } from '../exit-codes.js';
import { toJson } from '../io.js';
import { fields } from '../format.js';
import { isDeclarationSection, readInputFile } from '../read-input-file.js';

interface FileOutcome {
  file: string;
  ok: boolean;
  summary: DocumentSummary | null;
  error: { code: string; messageRu: string; message: string; details: Record<string, unknown> } | null;
}

export const registerParse: RegisterCommand = (program, ctx) => {
  program
    .command('parse')
    .description('прочитать файлы ФНС (УПД, УКД, уведомления, отчёт об операциях, разделы 8/9 декларации) и показать, что в них')
    .argument('<file...>', 'XML-файлы в windows-1251 или UTF-8')
    .option('--json', 'вывести результат одним объектом JSON')
    .action(async (files, options) => {
      const outcomes: FileOutcome[] = [];
      for (const file of files) outcomes.push(await parseOne(file));
      if (options.json) ctx.io.stdout(toJson({ files: outcomes }));
      else for (const outcome of outcomes) ctx.io.stdout(describe(outcome));
      if (outcomes.some((o) => !o.ok)) ctx.setExitCode(EXIT.BAD_INPUT);
    });
};

/** VAT declaration sections are streamed (files of gigabytes); other documents are read whole. */
export async function summarizeFile(file: string): Promise<DocumentSummary> {
  if (await isDeclarationSection(file)) return summarizeNdsSection(file, basename(file));
  return readDocument(await readInputFile(file), basename(file)).summary;
}

async function parseOne(file: string): Promise<FileOutcome> {
  try {
    return { file, ok: true, summary: await summarizeFile(file), error: null };
  } catch (error) {
    if (!isSledopytError(error)) throw error;
    return { file, ok: false, summary: null, error: { code: error.code, messageRu: error.messageRu, message: error.message, details: error.details } };
  }
}

function describe(o: FileOutcome): string {
  if (!o.ok || o.summary === null) return `✘ ${o.file}\n  ${o.error?.messageRu ?? ''} [${o.error?.code ?? ''}]\n\n`;
  const s = o.summary;
  const rnpts = s.rnpts.length > 5 ? `${s.rnpts.slice(0, 5).join(', ')} и ещё ${s.rnpts.length - 5}` : s.rnpts.join(', ');
  return `✔ ${o.file}\n${fields([
    ['Документ', `${s.titleRu} (формат ${s.version})`],
    ['Номер', s.number],
    ['Дата', s.date ? formatDateRu(s.date) : null],
    ['Период', s.period],
    ...s.parties.map((p) => [capitalise(p.role), `${p.name}${p.inn ? `, ИНН ${p.inn}` : ''}`] as const),
    ['Строк', String(s.lines)],
    ['Записей прослеживаемости', String(s.traceableItems)],
    ['РНПТ', rnpts || null],
    ['Стоимость без НДС', s.traceableItems > 0 ? formatRub(s.traceableCostWithoutVat) : null],
  ])
    .replace(/^/gm, '  ')}\n`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
