import { todayIn } from '../format.js';
import type { RegisterCommand } from '../program.js';
import { createLogger } from '../logging.js';
import { loadConfig } from '../config/load.js';
import { reconcileJob, startScheduler, type ScheduledJob } from '@sledopyt/reconciler';
import { openStore, redactUrl } from '@sledopyt/store';
import type { CalendarDate } from '@sledopyt/core';

export const registerSchedule: RegisterCommand = (program, ctx) => {
  program
    .command('schedule')
    .description('работать как служба: выполнять задания (сверка, загрузка) по расписанию из файла настроек')
    .requiredOption('--config <файл>', 'sledopyt.config.json, .yaml или .ts')
    .addHelpText(
      'after',
      '\nОстановка: SIGTERM или Ctrl+C — текущий шаг завершается, запуск записывается, затем выход с кодом 0.\n' +
        'Пример systemd-службы: tooling/deploy/sledopyt-schedule.service',
    )
    .action(async (options) => {
      const config = await loadConfig(options.config);
      // The config file's log settings apply unless given on the command line.
      const fromCli = program.getOptionValueSource('logFormat') === 'cli' || program.getOptionValueSource('logLevel') === 'cli';
      const logger = fromCli ? ctx.logger() : createLogger({ format: config.log.format, level: config.log.level, write: ctx.io.stderr });
      const store = await openStore(config.db);
      const today = (): CalendarDate => todayIn(config.timezone);
      const jobs: ScheduledJob[] = [];
      if (config.jobs.reconcile) jobs.push(reconcileJob(store, config.jobs.reconcile, today));
      if (jobs.length === 0) {
        await store.close();
        ctx.io.stderr('В настройках нет ни одного задания (jobs): добавьте, например, jobs.reconcile.cron.\n');
        ctx.setExitCode(2);
        return;
      }
      const scheduler = startScheduler({ store, jobs, timezone: config.timezone, logger });
      logger.info({ db: redactUrl(config.db), config: options.config }, 'служба запущена');
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          logger.info({ signal }, 'получен сигнал остановки: завершаем текущий шаг');
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          void scheduler.stop().finally(() => resolve());
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      await store.close();
    });
};
