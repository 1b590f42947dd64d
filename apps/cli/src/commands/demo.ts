import { generateDemoQuarter } from '@sledopyt/generators';
import type { RegisterCommand } from '../program.js';
import { analyseDemoQuarter } from '../demo/analyse.js';
import { demoToJson, printDemo } from '../demo/print.js';
import { EXIT } from '../exit-codes.js';
import { toJson } from '../io.js';

export const registerDemo: RegisterCommand = (program, ctx) => {
  program
    .command('demo')
    .description('демонстрация на встроенных данных: квартал импортёра с заложенными ошибками')
    .option('--period <квартал>', 'квартал демо-данных, ГГГГ-QN', '2026-Q3')
    .option('--seed <число>', 'зерно генератора (те же данные при том же зерне)', '20260701')
    .option('--json', 'вывести итог одним объектом JSON')
    .action((options) => {
      const quarter = generateDemoQuarter({ period: options.period, seed: Number.parseInt(options.seed, 10) });
      const analysis = analyseDemoQuarter(quarter);
      ctx.io.stdout(options.json ? toJson(demoToJson(quarter, analysis)) : printDemo(quarter, analysis));
      // The demo is a success when every planted problem was found.
      if (analysis.planted.some((p) => !p.found)) ctx.setExitCode(EXIT.INTERNAL);
    });
};
