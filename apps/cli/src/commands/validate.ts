import { basename } from 'node:path';
import { isSledopytError } from '@sledopyt/core';
import { summarizeNdsSection, validateDocument, type ValidationProblem } from '@sledopyt/formats';
import type { RegisterCommand } from '../program.js';
import { EXIT } from '../exit-codes.js';
import { toJson } from '../io.js';
import { isDeclarationSection, readInputFile } from '../read-input-file.js';

interface FileValidation {
  file: string;
  /** False when the file could not be read as a document at all (structure): then only that problem is listed. */
  readable: boolean;
  kind: string | null;
  problems: ValidationProblem[];
}

const SEVERITY_RU = { error: 'ошибка', warning: 'внимание' } as const;

export const registerValidate: RegisterCommand = (program, ctx) => {
  program
    .command('validate')
    .description('проверить файлы ФНС: структура, РНПТ, единица и прослеживаемость кода ТН ВЭД на дату документа')
    .argument('<file...>', 'XML-файлы в windows-1251 или UTF-8')
    .option('--json', 'вывести результат одним объектом JSON')
    .addHelpText('after', '\nКоды выхода: 0 — ошибок нет (предупреждения возможны), 1 — найдены ошибки, 2 — файл не читается.')
    .action(async (files, options) => {
      const results: FileValidation[] = [];
      for (const file of files) results.push(await validateOne(file));
      if (options.json) ctx.io.stdout(toJson({ files: results }));
      else for (const result of results) ctx.io.stdout(describe(result));
      if (results.some((r) => !r.readable)) ctx.setExitCode(EXIT.BAD_INPUT);
      else if (results.some((r) => r.problems.some((p) => p.severity === 'error'))) ctx.setExitCode(EXIT.FINDINGS);
    });
};

async function validateOne(file: string): Promise<FileValidation> {
  try {
    if (await isDeclarationSection(file)) {
      // Streamed to the end: the reader checks structure, amounts and every RNPT, naming the line of the first problem.
      const summary = await summarizeNdsSection(file, basename(file));
      return { file, readable: true, kind: summary.kind, problems: [] };
    }
    const { parsed, problems } = validateDocument(await readInputFile(file), basename(file));
    return { file, readable: parsed !== undefined, kind: parsed?.kind ?? null, problems };
  } catch (error) {
    if (!isSledopytError(error)) throw error;
    const problem: ValidationProblem = { severity: 'error', code: error.code, message: error.message, messageRu: error.messageRu, details: error.details };
    if (typeof error.details['line'] === 'number') problem.line = error.details['line'];
    if (typeof error.details['path'] === 'string') problem.path = error.details['path'];
    return { file, readable: false, kind: null, problems: [problem] };
  }
}

function describe(r: FileValidation): string {
  if (r.problems.length === 0) return `✔ ${r.file}: нарушений нет\n`;
  const lines = r.problems.map((p) => {
    const where = [p.line === undefined ? null : `строка ${p.line}`, p.path ?? null].filter(Boolean).join(', ');
    return `  [${SEVERITY_RU[p.severity]}] ${p.code}${where ? ` (${where})` : ''}\n    ${p.messageRu}\n`;
  });
  return `${r.problems.some((p) => p.severity === 'error') ? '✘' : '⚠'} ${r.file}\n${lines.join('')}`;
}
