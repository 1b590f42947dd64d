import type { RegisterCommand } from '../program.js';
import { runDemo } from '../demo/run-demo.js';
import { demoToJson, printDemo } from '../demo/print.js';
import { EXIT } from '../exit-codes.js';
import { processIo, toJson } from '../io.js';
import { oneBarAtATime } from '../one-bar.js';
import { createProgress } from '../progress.js';

export const registerDemo: RegisterCommand = (program, ctx) => {
  program
    .command('demo')
    .description('главная работа на встроенных данных: файлы ФНС за квартал → загрузка в SQLite → сверка → отчёты')
    .option('--period <квартал>', 'квартал демо-данных, ГГГГ-QN', '2026-Q4')
    .option('--seed <число>', 'зерно генератора (те же данные при том же зерне)', '20261001')
    .option('--out <папка>', 'куда писать отчёты', './out')
    .option('--inbox <папка>', 'куда записать сформированные файлы ФНС (пересоздаётся при каждом запуске)', './data/demo-inbox')
    .option('--db-file <путь>', 'файл демо-базы SQLite (пересоздаётся при каждом запуске)', './data/demo.db')
    .option('--json', 'вывести итог одним объектом JSON')
    .action(async (options) => {
      const logger = ctx.logger();
      const interactive = ctx.io === processIo && process.stderr.isTTY === true;
      const run = await runDemo({
        period: options.period,
        seed: Number.parseInt(options.seed, 10),
        outDir: options.out,
        inboxDir: options.inbox,
        dbPath: options.dbFile,
        logger,
        progress: interactive ? oneBarAtATime(createProgress({ logger, interactive })) : undefined,
        onStep: (text) => ctx.io.stderr(`${text}\n`),
      });
      ctx.io.stdout(options.json ? toJson(demoToJson(run)) : printDemo(run));
      // The demo is a success when the reconciler found every planted problem.
      if (run.planted.some((p) => !p.found)) ctx.setExitCode(EXIT.INTERNAL);
    });
};
