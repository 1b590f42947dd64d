import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { noopLogger, type Logger } from '@sledopyt/contract';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes.js';
import { reportError } from './report-error.js';
import { COMMANDS } from './commands/index.js';
import { createLogger, LOG_FORMATS, LOG_LEVELS, type LogFormat } from './logging.js';

const TITLES_RU: Record<string, string> = {
  'Usage:': 'Использование:',
  'Options:': 'Параметры:',
  'Arguments:': 'Аргументы:',
  'Commands:': 'Команды:',
  'Global Options:': 'Общие параметры:',
};

/** What a subcommand gets: where to write, and how to report its outcome as an exit code. */
export interface CommandContext {
  io: CliIo;
  setExitCode(code: ExitCode): void;
  /** The logger configured by `--log-format` / `--log-level` (created on first use). */
  logger(): Logger;
}

/** A subcommand module: one file under `commands/`, registered in `commands/index.ts`. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

/** An option's help line with its choices and default in Russian (commander writes them in English). */
function describeOptionRu(option: { description: string; argChoices?: string[] | undefined; defaultValue?: unknown; defaultValueDescription?: string | undefined; negate?: boolean }): string {
  const extras: string[] = [];
  if (option.argChoices) extras.push(`варианты: ${option.argChoices.join(', ')}`);
  if (option.defaultValue !== undefined && !option.negate) extras.push(`по умолчанию: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
  return extras.length === 0 ? option.description : `${option.description} (${extras.join('; ')})`;
}

/** Russian headings and help texts on every (sub)command, errors through our writer. */
function localise(command: Command, io: CliIo): void {
  command
    .configureHelp({ styleTitle: (title) => TITLES_RU[title] ?? title, sortSubcommands: false, optionDescription: describeOptionRu })
    .helpOption('-h, --help', 'показать справку по команде')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
}

export function buildProgram(ctx: CommandContext) {
  const program = new Command('sledopyt')
    .description(
      'Следопыт: держит в порядке прослеживаемость импортных товаров (НСПТ) —\n' +
        'РНПТ, единицы, сроки уведомлений и отчётов, сверка с декларацией по НДС.',
    )
    .showSuggestionAfterError()
    .addOption(new Option('--log-format <формат>', 'журнал в stderr: json — строки JSON, pretty — для человека, auto — pretty в терминале').choices(LOG_FORMATS).default('auto' as LogFormat))
    .addOption(new Option('--log-level <уровень>', 'подробность журнала').choices(LOG_LEVELS).default('info'))
    .helpCommand('help [команда]', 'показать справку по команде');
  localise(program, ctx.io);
  for (const register of COMMANDS) register(program, ctx);
  // Subcommands created by `register` inherit nothing from `program` automatically: localise them all.
  const walk = (command: Command): void => {
    for (const sub of command.commands as Command[]) {
      localise(sub, ctx.io);
      walk(sub);
    }
  };
  walk(program);
  program.addHelpText(
    'after',
    '\nКоды выхода: 0 — всё в порядке, 1 — найдены нарушения, 2 — ошибка во входных данных или настройках,\n' +
      '3 — внутренняя ошибка. Справка по команде: sledopyt <команда> --help',
  );
  return program;
}

/** Runs the command line; returns the exit code instead of exiting so that tests can call it. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: ExitCode = EXIT.OK;
  let logger: Logger | undefined;
  const ctx: CommandContext = {
    io,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code) as ExitCode;
    },
    logger: () => {
      if (logger === undefined) {
        const { logFormat, logLevel } = program.opts();
        // In tests (an injected writer) there is no terminal: always JSON unless asked otherwise.
        logger = logLevel === 'silent' ? noopLogger : createLogger({ format: logFormat, level: logLevel, write: io.stderr, isTty: io === processIo ? undefined : false });
      }
      return logger;
    },
  };
  const program = buildProgram(ctx);
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.BAD_INPUT;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too; commander has already printed what was asked.
      if (error.exitCode === 0) return EXIT.OK;
      io.stderr('Запустите `sledopyt --help`, чтобы увидеть команды и параметры.\n');
      return EXIT.BAD_INPUT;
    }
    reportError(error, io, argv.includes('--json'));
    return exitCodeFor(error);
  }
}
