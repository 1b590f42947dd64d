import { FORMAT_KINDS } from '@sledopyt/formats';
import type { FormatKind } from '@sledopyt/formats';
import { importFiles, isBadInput } from '@sledopyt/reconciler';
import type { ImportSummary } from '@sledopyt/reconciler';
import type { RegisterCommand } from '../program.js';
import { EXIT } from '../exit-codes.js';
import type { ExitCode } from '../exit-codes.js';
import { processIo, toJson } from '../io.js';
import { oneBarAtATime } from '../one-bar.js';
import { createProgress } from '../progress.js';
import { DB_OPTION_HELP, withStore } from '../store-option.js';

export const registerImport: RegisterCommand = (program, ctx) => {
  program
    .command('import')
    .description('загрузить файлы ФНС в базу: УПД и УКД, уведомления, отчёт об операциях, разделы 8 и 9 декларации по НДС')
    .argument('<file-or-dir...>', 'файлы и папки (папки просматриваются вместе с вложенными)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--inn <ИНН>', 'ИНН своей организации: все файлы должны относиться к ней (без него организацию называют сами файлы)')
    .option('--period <квартал>', 'квартал разделов декларации, ГГГГ-QN, если основной файл NO_NDS не загружается вместе с ними')
    .option('--json', 'вывести итог одним объектом JSON')
    .addHelpText(
      'after',
      '\nКаждый файл загружается целиком или не загружается совсем; повторная загрузка того же файла ничего не меняет.\n' +
        'Коды выхода: 0 — все файлы загружены (или уже были в базе), 2 — есть файлы с ошибками во входных данных,\n' +
        '3 — ошибка базы данных или внутренняя ошибка.',
    )
    .action(async (paths, options) => {
      const logger = ctx.logger();
      const interactive = ctx.io === processIo && process.stderr.isTTY === true;
      const progress = interactive ? oneBarAtATime(createProgress({ logger, interactive })) : createProgress({ logger, interactive });
      await withStore(options.db, logger, async (store) => {
        const summary = await importFiles(store, paths, {
          logger,
          progress,
          source: 'file',
          ...(options.inn === undefined ? {} : { taxpayerInn: options.inn }),
          ...(options.period === undefined ? {} : { period: options.period }),
        });
        ctx.io.stdout(options.json === true ? toJson({ store: store.url, ...summary }) : describeSummary(store.url, summary));
        ctx.setExitCode(summaryExitCode(summary));
      });
    });
};

function summaryExitCode(summary: ImportSummary): ExitCode {
  if (summary.failed.some((failure) => !isBadInput(failure))) return EXIT.INTERNAL;
  return summary.failed.length > 0 ? EXIT.BAD_INPUT : EXIT.OK;
}

const kindTitle = (kind: string): string => (kind in FORMAT_KINDS ? FORMAT_KINDS[kind as FormatKind].titleRu : 'файл неизвестного вида');

function describeSummary(url: string, s: ImportSummary): string {
  const out: string[] = [
    `База: ${url}`,
    `Файлов: ${s.files} — загружено ${s.imported}, уже были в базе ${s.duplicates}, пропущено ${s.skipped.length}, с ошибками ${s.failed.length}.`,
    `Сохранено: документов ${s.documents} (движений по РНПТ ${s.movements}), разделов декларации ${s.declarations} ` +
      `(строк ${s.declarationLines}, записей СвРегНом ${s.declarationEntries}).`,
  ];
  const kinds = Object.entries(s.byKind);
  if (kinds.length > 0) {
    out.push('', 'По видам:');
    for (const [kind, c] of kinds) {
      const parts = [['загружено', c.imported], ['уже были', c.duplicates], ['пропущено', c.skipped], ['с ошибками', c.failed]] as const;
      out.push(`  ${kindTitle(kind)}: ${parts.filter(([, n]) => n > 0).map(([label, n]) => `${label} ${n}`).join(', ')}`);
    }
  }
  if (s.skipped.length > 0) {
    out.push('', 'Пропущены:');
    for (const skip of s.skipped) out.push(`  ${skip.file} — ${skip.reason}`);
  }
  if (s.failed.length > 0) {
    out.push('', 'Не загружены (из этих файлов в базе ничего нет):');
    for (const failure of s.failed) out.push(`  ✘ ${failure.file}`, `    ${failure.messageRu} [${failure.code}]`);
    out.push('', isBadInputOnly(s) ? 'Исправьте или замените эти файлы и запустите импорт снова: загруженные повторно не изменятся.' : 'Часть ошибок — сбои базы данных или программы: повторите импорт; если ошибка повторится, сообщите разработчикам.');
  }
  return `${out.join('\n')}\n`;
}

const isBadInputOnly = (s: ImportSummary): boolean => s.failed.every((failure) => isBadInput(failure));
