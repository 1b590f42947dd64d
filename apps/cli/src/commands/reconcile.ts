import { Option } from '@commander-js/extra-typings';
import { formatRub, formatQuarterRu, parseCalendarDate, parseQuarter } from '@sledopyt/core';
import { runReconcile, type FailOn } from '@sledopyt/reconciler';
import { REPORT_FORMATS, type ReportFormat } from '@sledopyt/reports';
import type { RegisterCommand } from '../program.js';
import { EXIT } from '../exit-codes.js';
import { todayInMoscow } from '../format.js';
import { toJson } from '../io.js';
import { createProgress } from '../progress.js';
import { withStore, DB_OPTION_HELP } from '../store-option.js';

const SEVERITY_RU = { error: 'ошибок', warning: 'предупреждений', info: 'к сведению' } as const;

export const registerReconcile: RegisterCommand = (program, ctx) => {
  program
    .command('reconcile')
    .description('сверить декларацию по НДС с движениями по РНПТ за квартал и написать отчёты для аудиторов')
    .requiredOption('--period <квартал>', 'квартал, ГГГГ-QN, например 2026-Q3')
    .option('--inn <ИНН>', 'налогоплательщик (можно не указывать, если в базе он один)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--out <папка>', 'куда писать отчёты', './out')
    .option('--format <список>', `форматы через запятую: ${REPORT_FORMATS.join(',')}`, REPORT_FORMATS.join(','))
    .addOption(new Option('--fail-on <уровень>', 'код выхода 1, если есть нарушения этого уровня или выше').choices(['error', 'warning', 'never'] as const).default('error' as FailOn))
    .option('--as-of <дата>', 'дата проверки сроков (ГГГГ-ММ-ДД); по умолчанию сегодня по Москве')
    .option('--no-vat', 'налогоплательщик не платит НДС: в отчёте об операциях должны быть все операции, а не только коды 01–14')
    .option('--json', 'вывести итог одним объектом JSON')
    .addHelpText('after', '\nКоды выхода: 0 — сверка выполнена (нарушений уровня --fail-on нет), 1 — есть такие нарушения,\n2 — неверные параметры или данные, 3 — внутренняя ошибка или ошибка базы.')
    .action(async (options) => {
      const formats = parseFormats(options.format);
      const asOf = options.asOf === undefined ? todayInMoscow() : parseCalendarDate(options.asOf);
      const logger = ctx.logger();
      const outcome = await withStore(options.db, logger, (store) =>
        runReconcile({
          store,
          taxpayerInn: options.inn,
          period: options.period,
          outDir: options.out,
          formats,
          failOn: options.failOn,
          asOf,
          vatPayer: options.vat,
          logger,
          progress: createProgress({ logger, interactive: process.stderr.isTTY === true && !options.json }),
        }),
      );
      const { result, reports, taxpayer, failing } = outcome;
      if (options.json) {
        ctx.io.stdout(
          toJson({
            taxpayer,
            period: options.period,
            runId: result.runId,
            counts: result.counts,
            fineRub: result.fines.totalRub,
            fines: result.fines.byKind,
            read: result.read,
            reports: reports.files,
            failing,
          }),
        );
      } else {
        const bySeverity = (['error', 'warning', 'info'] as const).map((s) => `${SEVERITY_RU[s]}: ${result.counts.bySeverity[s]}`).join(', ');
        ctx.io.stdout(
          `Сверка: ${taxpayer.name}, ИНН ${taxpayer.inn}, ${formatQuarterRu(parseQuarter(options.period))}\n` +
            `Прочитано: ${result.read.declarationLines} строк декларации, ${result.read.declaredMovements} движений в счетах-фактурах, ${result.read.ledgerMovements} движений по партиям\n` +
            `Расхождений: ${result.counts.total} (${bySeverity})\n` +
            `Риск штрафов: ${formatRub(BigInt(result.fines.totalRub) * 100n)} (по проекту поправок в КоАП; исправление до запроса ФНС — 0 ₽)\n` +
            `Отчёты:\n${reports.paths.map((p) => `  ${p}`).join('\n')}\n`,
        );
      }
      if (failing > 0) ctx.setExitCode(EXIT.FINDINGS);
    });
};

function parseFormats(text: string): ReportFormat[] {
  return text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean) as ReportFormat[];
}
