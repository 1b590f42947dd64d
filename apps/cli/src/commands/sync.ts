/**
 * `sledopyt sync 1c`: reads traceable goods documents from a 1C base over its standard OData interface into
 * the store (incrementally; a stopped run continues), or with `--check` only tests the connection and the
 * OData composition. The password comes from an environment variable or a file, never the command line.
 */
import { readFileSync } from 'node:fs';
import { Option } from '@commander-js/extra-typings';
import { SledopytError, parseCalendarDate } from '@sledopyt/core';
import { checkOneC, parseOneCSyncConfig, runOneCSyncLocked } from '@sledopyt/onec-sync';
import type { OneCSyncConfig } from '@sledopyt/onec-sync';
import type { Store } from '@sledopyt/store';
import type { RegisterCommand } from '../program.js';
import { EXIT } from '../exit-codes.js';
import { processIo, toJson } from '../io.js';
import { oneBarAtATime } from '../one-bar.js';
import { createProgress } from '../progress.js';
import { DB_OPTION_HELP, withStore } from '../store-option.js';
import { describeCheck, describeSummary } from './sync-print.js';

interface SyncFlags {
  url?: string | undefined;
  user?: string | undefined;
  passwordEnv?: string | undefined;
  passwordFile?: string | undefined;
  config?: string | undefined;
  since?: string | undefined;
  inn?: string | undefined;
  profile?: 'auto' | 'bp30' | 'ut115' | undefined;
}

function configError(messageRu: string, message: string, details: Record<string, unknown>): SledopytError {
  return new SledopytError({ code: 'ONEC_CONFIG_INVALID', message, messageRu, actor: 'admin', details });
}

/** The config file (JSON), if any, with the flags on top. */
export function syncSettings(flags: SyncFlags): OneCSyncConfig {
  let file: Record<string, unknown> = {};
  if (flags.config !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.config, 'utf8');
    } catch (error) {
      throw configError(`Не удалось прочитать файл настроек ${flags.config}`, `Cannot read ${flags.config}`, { file: flags.config, cause: (error as Error).message });
    }
    try {
      file = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw configError(`Файл настроек ${flags.config} — не JSON: ${(error as Error).message}`, `${flags.config} is not JSON`, { file: flags.config });
    }
  }
  let since: string | undefined;
  if (flags.since !== undefined) {
    try {
      since = parseCalendarDate(flags.since);
    } catch {
      throw configError(`--since: дата «${flags.since}» не распознана (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)`, `Bad --since ${flags.since}`, { since: flags.since });
    }
  }
  const fromFlags = {
    url: flags.url,
    user: flags.user,
    passwordEnv: flags.passwordEnv,
    passwordFile: flags.passwordFile,
    since,
    taxpayerInn: flags.inn,
    profile: flags.profile,
  };
  return parseOneCSyncConfig({ ...file, ...Object.fromEntries(Object.entries(fromFlags).filter(([, value]) => value !== undefined)) });
}

/** Aborts on SIGINT/SIGTERM so that the sync commits the current page and stops (only for a real process). */
function interruptSignal(real: boolean): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  if (!real) return { signal: controller.signal, release: () => undefined };
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

export const registerSync: RegisterCommand = (program, ctx) => {
  const sync = program.command('sync').description('загрузить данные из внешних систем в базу');
  sync
    .command('1c')
    .description('загрузить из 1С (стандартный интерфейс OData) поступления, реализации, уведомления и РНПТ прослеживаемых товаров')
    .option('--url <адрес>', 'публикация базы: http://сервер/база или …/odata/standard.odata/')
    .option('--user <имя>', 'пользователь 1С (кириллица допустима, передаётся в UTF-8)')
    .option('--password-env <переменная>', 'имя переменной окружения с паролем пользователя 1С')
    .option('--password-file <файл>', 'файл с паролем пользователя 1С (одна строка)')
    .option('--config <файл>', 'файл настроек JSON (url, user, passwordEnv, taxpayerInn, pageSize, timeouts, retries, rateLimit, …); параметры командной строки важнее')
    .option('--since <дата>', 'первый день периода первой загрузки (ГГГГ-ММ-ДД); по умолчанию 2021-07-01, далее — как в прошлый раз')
    .option('--inn <ИНН>', 'ИНН организации, если справочник «Организации» не опубликован')
    .addOption(new Option('--profile <конфигурация>', 'конфигурация: auto — по составу OData, bp30 — БП 3.0, ut115 — УТ 11 / КА 2 / ERP 2').choices(['auto', 'bp30', 'ut115'] as const))
    .option('--db <url>', DB_OPTION_HELP)
    .option('--dry-run', 'прочитать и сопоставить всё, но ничего не записывать в базу')
    .option('--check', 'только проверить подключение и состав OData: что опубликовано, чего не хватает и как это добавить')
    .option('--json', 'вывести итог одним объектом JSON')
    .addHelpText(
      'after',
      '\nПароль в командной строке не передаётся: только --password-env или --password-file.\n' +
        'Первый запуск загружает период с --since; следующие читают только изменённое (по DataVersion), отзывают\n' +
        'распроведённые и удалённые документы и продолжают прерванную загрузку с места остановки.\n' +
        'Коды выхода: 0 — готово (или проверка прошла), 2 — неверные настройки, нет доступа или в составе OData\n' +
        'не хватает обязательных объектов, 3 — временный сбой 1С, ошибка базы или внутренняя ошибка (повторите).',
    )
    .action(async (options) => {
      const config = syncSettings(options);
      const logger = ctx.logger().child({ scope: 'onec-sync' });
      const real = ctx.io === processIo;
      const { signal, release } = interruptSignal(real);
      try {
        if (options.check === true) {
          const report = await checkOneC(config, {}, logger, signal);
          ctx.io.stdout(options.json === true ? toJson(report) : describeCheck(report));
          if (!report.ok) ctx.setExitCode(EXIT.BAD_INPUT);
          return;
        }
        const interactive = real && process.stderr.isTTY === true && options.json !== true;
        const progress = interactive ? oneBarAtATime(createProgress({ logger, interactive })) : createProgress({ logger, interactive });
        const run = (store: Store | null) =>
          runOneCSyncLocked({ config, logger, progress, signal, services: { store, dryRun: options.dryRun === true } });
        // A dry run touches no store unless one is named: it would create the default database file.
        const summary = options.dryRun === true && options.db === undefined ? await run(null) : await withStore(options.db, logger, (store) => run(store));
        ctx.io.stdout(options.json === true ? toJson(summary) : describeSummary(summary));
        if (summary.aborted) ctx.setExitCode(EXIT.INTERNAL);
      } finally {
        release();
      }
    });
};
