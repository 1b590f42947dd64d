import { isSledopytError } from '@sledopyt/core';
import type { CliIo } from './io.js';
import { toJson } from './io.js';

const NEXT_STEP: Record<string, string> = {
  user: 'Исправьте входные данные и запустите команду снова.',
  admin: 'Исправьте настройки (или попросите администратора) и запустите команду снова.',
  transient: 'Похоже на временный сбой: повторите попытку позже.',
  developer: 'Это ошибка программы: сообщите разработчикам, приложив этот вывод.',
};

/** Prints an error the way a user can act on it: what is wrong, its code, what to do next. */
export function reportError(error: unknown, io: CliIo, json: boolean): void {
  if (isSledopytError(error)) {
    if (json) {
      io.stderr(toJson({ error: error.toJSON() }));
      return;
    }
    io.stderr(`Ошибка: ${error.messageRu}\n  код: ${error.code}\n  ${NEXT_STEP[error.actor] ?? ''}\n`);
    return;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json) {
    io.stderr(toJson({ error: { code: 'INTERNAL', message } }));
    return;
  }
  io.stderr(`Внутренняя ошибка программы:\n${message}\n  ${NEXT_STEP.developer}\n`);
}
