/**
 * `sledopyt sftp poll` takes ФНС XML files from an SFTP inbox into the store (once, or every pollIntervalMs
 * until stopped); `sledopyt sftp push` uploads generated files to the outbox. The connector's settings are
 * its own JSON or YAML file, validated by its zod schema; secrets come from files or the environment.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { SledopytError } from '@sledopyt/core';
import { SftpTransport, parseSftpDropConfig, pushFiles, runSftpPoll } from '@sledopyt/sftp-drop';
import type { PollSummary, SftpDropConfig } from '@sledopyt/sftp-drop';
import { parse as parseYaml } from 'yaml';
import type { RegisterCommand } from '../program.js';
import { EXIT } from '../exit-codes.js';
import { processIo, toJson } from '../io.js';
import { createProgress } from '../progress.js';
import { DB_OPTION_HELP, withStore } from '../store-option.js';

const fileError = (file: string, reasonRu: string, cause?: unknown) =>
  new SledopytError({
    code: 'SFTP_CONFIG_INVALID',
    message: `Cannot read SFTP settings ${file}: ${reasonRu}`,
    messageRu: `Файл настроек SFTP ${file}: ${reasonRu}`,
    actor: 'admin',
    details: { file },
    cause,
  });

/** The connector's settings file: `.json`, `.yaml` or `.yml`. */
export async function loadSftpConfig(path: string): Promise<SftpDropConfig> {
  const file = resolve(path);
  const extension = extname(file).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(extension)) throw fileError(file, `неизвестный формат «${extension}»: нужен .json, .yaml или .yml`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw fileError(file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'файл не найден' : 'файл не читается', error);
  }
  let raw: unknown;
  try {
    raw = extension === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw fileError(file, `не разобран: ${(error as Error).message}`, error);
  }
  return parseSftpDropConfig(raw ?? {});
}

function describePoll(summary: PollSummary): string {
  const lines = [
    `Взято файлов: ${summary.taken} — загружено ${summary.imported}, уже были в базе ${summary.duplicates}, в карантине ${summary.quarantined}, отложено ${summary.retryLater}; ещё дописываются: ${summary.unstable.length}.`,
  ];
  for (const file of summary.files) {
    if (file.outcome === 'quarantined') lines.push(`  карантин: ${file.file} — ${file.messageRu}`);
    if (file.outcome === 'retry-later') lines.push(`  отложен: ${file.file} — ${file.messageRu}`);
  }
  return `${lines.join('\n')}\n`;
}

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
  });

export const registerSftp: RegisterCommand = (program, ctx) => {
  const sftp = program.command('sftp').description('обмен XML-файлами через SFTP-сервер (шлюз оператора ЭДО)');
  sftp
    .command('poll')
    .description('забрать готовые XML-файлы из папки inbox в базу; загруженные — в archive/ГГГГ/ММ/ДД, ошибочные — в quarantine')
    .requiredOption('--config <файл>', 'настройки SFTP (JSON или YAML): host, port, user, privateKeyFile или passwordEnv, hostKey, inbox…')
    .option('--once', 'один опрос и выход (иначе — опрос каждые pollIntervalMs до остановки)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--json', 'вывести итог каждого опроса одним объектом JSON')
    .action(async (options) => {
      const config = await loadSftpConfig(options.config);
      const logger = ctx.logger().child({ scope: 'sftp' });
      const progress = createProgress({ logger, interactive: false });
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      const real = ctx.io === processIo;
      if (real) {
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }
      try {
        await withStore(options.db, logger, async (store) => {
          do {
            const summary = await runSftpPoll({ config, logger, progress, signal: controller.signal, services: { store } });
            ctx.io.stdout(options.json === true ? toJson(summary) : describePoll(summary));
            if (summary.retryLater > 0) ctx.setExitCode(EXIT.INTERNAL);
            else if (summary.quarantined > 0) ctx.setExitCode(EXIT.BAD_INPUT);
            if (options.once !== true) await wait(config.pollIntervalMs, controller.signal);
          } while (options.once !== true && !controller.signal.aborted);
        });
      } finally {
        if (real) {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        }
      }
    });
  sftp
    .command('push')
    .description('выложить файлы в папку outbox: под временным именем, затем переименовать')
    .argument('<file...>', 'файлы для отправки')
    .requiredOption('--config <файл>', 'настройки SFTP (JSON или YAML)')
    .option('--json', 'вывести итог одним объектом JSON')
    .action(async (files, options) => {
      const config = await loadSftpConfig(options.config);
      const transport = new SftpTransport(config, { logger: ctx.logger().child({ scope: 'sftp' }) });
      try {
        const pushed = await pushFiles(transport, config, files);
        ctx.io.stdout(options.json === true ? toJson({ pushed }) : `${pushed.map((p) => `Отправлен: ${p.local} → ${p.remote}`).join('\n')}\n`);
      } finally {
        await transport.close();
      }
    });
};
