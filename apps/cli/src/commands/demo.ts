import type { RegisterCommand } from '../program.js';
import { runDemo } from '../demo/run-demo.js';
import { demoToJson, printDemo } from '../demo/print.js';
import { EXIT } from '../exit-codes.js';
import { toJson } from '../io.js';

export const registerDemo: RegisterCommand = (program, ctx) => {
  program
    .command('demo')
    .description('главная работа на встроенных данных: квартал импортёра → база SQLite → сверка → отчёты')
    .option('--period <квартал>', 'квартал демо-данных, ГГГГ-QN', '2026-Q3')
    .option('--seed <число>', 'зерно генератора (те же данные при том же зерне)', '20260701')
    .option('--out <папка>', 'куда писать отчёты', './out')
    .option('--db-file <путь>', 'файл демо-базы SQLite (пересоздаётся при каждом запуске)', './data/demo.db')
    .option('--json', 'вывести итог одним объектом JSON')
    .action(async (options) => {
      const run = await runDemo({ period: options.period, seed: Number.parseInt(options.seed, 10), outDir: options.out, dbPath: options.dbFile, logger: ctx.logger() });
      ctx.io.stdout(options.json ? toJson(demoToJson(run)) : printDemo(run));
      // The demo is a success when every planted problem was found.
      if (run.planted.some((p) => !p.found)) ctx.setExitCode(EXIT.INTERNAL);
    });
};
