import { todayIn } from '../format.js';
import type { RegisterCommand } from '../program.js';
import { createLogger } from '../logging.js';
import { loadConfig } from '../config/load.js';
import { reconcileJob, startScheduler, type ScheduledJob } from '@sledopyt/reconciler';
import { runOneCSync } from '@sledopyt/onec-sync';
import { runSftpPoll } from '@sledopyt/sftp-drop';
import { silentProgress } from '@sledopyt/contract';
import { syncSettings } from './sync.js';
import { loadSftpConfig } from './sftp.js';
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
      // Adapters' settings are read now, so that a wrong file stops the service at start, not at 3 a.m.
      if (config.jobs.onecSync) {
        const onec = syncSettings({ config: config.jobs.onecSync.config });
        jobs.push({
          name: 'onec-sync',
          cron: config.jobs.onecSync.cron,
          run: async ({ signal, logger: jobLogger }) =>
            numericCounts(await runOneCSync({ config: onec, logger: jobLogger, progress: silentProgress, signal, services: { store } })),
        });
      }
      if (config.jobs.sftpPoll) {
        const sftp = await loadSftpConfig(config.jobs.sftpPoll.config);
        jobs.push({
          name: 'sftp-drop',
          cron: config.jobs.sftpPoll.cron,
          run: async ({ signal, logger: jobLogger }) =>
            numericCounts(await runSftpPoll({ config: sftp, logger: jobLogger, progress: silentProgress, signal, services: { store } })),
        });
      }
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

/** The top-level numbers of a job's summary, for its run record. */
function numericCounts(summary: object): Record<string, number> {
  return Object.fromEntries(Object.entries(summary).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
}
