#!/usr/bin/env node
/**
 * Runs the emulator by hand:
 *   onec-emulator [--profile bp30|ut115] [--documents N] [--seed N] [--port N] [--host H] [--publication NAME]
 *                 [--user NAME --password-env VAR] [--omit Document_X]… [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 * The password is read from the named environment variable, never from the command line.
 */
import { parseArgs } from 'node:util';
import { isSledopytError } from '@sledopyt/core';
import { z } from 'zod';
import { startOneCEmulator } from './server.js';
import type { OneCEmulatorOptions } from './server.js';

const HELP = `Эмулятор стандартного интерфейса OData 1С (БП 3.0 / УТ 11.5)

  --profile bp30|ut115     конфигурация (по умолчанию bp30)
  --documents N            поступлений и реализаций (по умолчанию 300, до 200000)
  --seed N                 зерно генератора данных
  --from, --to ГГГГ-ММ-ДД  период документов
  --host H, --port N       адрес (по умолчанию 127.0.0.1:8765)
  --publication ИМЯ        имя публикации в URL (buh / trade)
  --user ИМЯ               пользователь для Basic-аутентификации…
  --password-env ПЕРЕМЕННАЯ  …и переменная окружения с его паролем
  --omit Document_X        исключить объект из состава OData (можно повторять)
`;

function options(argv: readonly string[]): OneCEmulatorOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      profile: { type: 'string' },
      documents: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      publication: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      omit: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return null;
  const number = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));
  const password = values['password-env'] === undefined ? '' : (process.env[values['password-env']] ?? '');
  return {
    ...(values.profile === undefined ? {} : { profile: values.profile as 'bp30' | 'ut115' }),
    ...(values.documents === undefined ? {} : { documents: number(values.documents) }),
    ...(values.seed === undefined ? {} : { seed: number(values.seed) }),
    ...(values.from === undefined ? {} : { from: values.from }),
    ...(values.to === undefined ? {} : { to: values.to }),
    host: values.host ?? '127.0.0.1',
    port: number(values.port) ?? 8765,
    ...(values.publication === undefined ? {} : { publication: values.publication }),
    users: values.user === undefined ? null : [{ name: values.user, password }],
    omitEntitySets: values.omit ?? [],
  };
}

async function main(): Promise<void> {
  const parsed = options(process.argv.slice(2));
  if (parsed === null) {
    process.stdout.write(HELP);
    return;
  }
  const emulator = await startOneCEmulator(parsed);
  process.stdout.write(`${emulator.base.profile.title}\nOData: ${emulator.url}\nЧасовой пояс базы: ${emulator.base.timezone}\nCtrl+C — остановить\n`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const text = isSledopytError(error) ? error.messageRu : error instanceof z.ZodError ? z.prettifyError(error) : String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
