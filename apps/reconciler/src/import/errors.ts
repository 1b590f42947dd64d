/**
 * The import's own errors. Format errors come from the formats package and store errors from the store;
 * these cover what lies between: paths, whose document a file is, the declaration's period, and failures
 * that are no SledopytError at all (turned into one, so every failed file has a code and a Russian message).
 */
import { SledopytError, isSledopytError } from '@sledopyt/core';
import type { ErrorActor } from '@sledopyt/core';

export function pathNotFound(path: string): SledopytError {
  return new SledopytError({
    code: 'IMPORT_PATH_NOT_FOUND',
    message: `No such file or directory: ${path}`,
    messageRu: `Файл или папка «${path}» не найдены. Проверьте путь (он отсчитывается от текущей папки) и запустите импорт снова`,
    actor: 'user',
    details: { path },
  });
}

/** A file we cannot read: permissions (the administrator's) or a file that vanished meanwhile (retry). */
export function fileUnreadable(path: string, cause: unknown): SledopytError {
  const code = (cause as { code?: unknown } | undefined)?.code;
  const denied = code === 'EACCES' || code === 'EPERM';
  return new SledopytError({
    code: 'IMPORT_FILE_UNREADABLE',
    message: `Cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
    messageRu: denied
      ? `Нет прав на чтение файла «${path}». Дайте пользователю, от имени которого работает Следопыт, право чтения`
      : `Не удалось прочитать файл «${path}» (${typeof code === 'string' ? code : 'ошибка чтения'}). Возможно, его переместили или удалили во время импорта; повторите импорт`,
    actor: denied ? 'admin' : 'transient',
    details: { path, errno: typeof code === 'string' ? code : null },
    cause,
  });
}

export function fileChanged(path: string): SledopytError {
  return new SledopytError({
    code: 'IMPORT_FILE_CHANGED',
    message: `${path} changed while it was being imported; nothing of it was stored`,
    messageRu: `Файл «${path}» изменился во время загрузки (его дописывали или заменили), поэтому из него ничего не сохранено. Дождитесь окончания записи файла и повторите импорт`,
    actor: 'transient',
    details: { path },
  });
}

/** Neither the configured ИНН nor a taxpayer in the store is a party of the document. */
export function taxpayerUndecided(path: string, parties: readonly string[]): SledopytError {
  const listed = parties.length === 0 ? 'ИНН сторон в документе не указаны' : `стороны документа: ИНН ${parties.join(', ')}`;
  return new SledopytError({
    code: 'IMPORT_TAXPAYER_UNDECIDED',
    message: `Cannot tell whose document ${path} is: no party (${parties.join(', ') || 'none'}) is a taxpayer in the store, and no ИНН was given`,
    messageRu:
      `Не удалось определить, чей это документ: «${path}» — ${listed}, но ни одна из них не ведётся в базе как наша организация. ` +
      'Укажите ИНН своей организации параметром --inn или сначала загрузите её декларацию или уведомления',
    actor: 'user',
    details: { path, parties: [...parties] },
  });
}

/** The configured ИНН (`--inn`) is not the taxpayer of this file. */
export function notOurs(path: string, taxpayerInn: string, found: readonly string[]): SledopytError {
  return new SledopytError({
    code: 'IMPORT_NOT_OURS',
    message: `${path} does not belong to ИНН ${taxpayerInn} (the file names ${found.join(', ') || 'no ИНН'})`,
    messageRu:
      `Файл «${path}» не относится к организации с ИНН ${taxpayerInn}: в нём ${found.length === 0 ? 'не указан ИНН' : `ИНН ${found.join(', ')}`}. ` +
      'Проверьте параметр --inn или уберите чужой файл из папки',
    actor: 'user',
    details: { path, taxpayerInn, found: [...found] },
  });
}

export function declarationPeriodUnknown(path: string, correctionNumber: number): SledopytError {
  return new SledopytError({
    code: 'IMPORT_NDS_PERIOD_UNKNOWN',
    message: `The tax period of the VAT declaration section ${path} is unknown (correction ${correctionNumber}): the section file does not name it`,
    messageRu:
      `Не удалось определить налоговый период раздела декларации «${path}»: в файле раздела период не указан` +
      (correctionNumber > 0 ? `, а для корректировки № ${correctionNumber} его нельзя вывести из даты файла` : ', и дата в имени файла не читается') +
      '. Загрузите раздел вместе с основным файлом декларации (NO_NDS_…) или укажите квартал параметром --period, например 2026-Q1',
    actor: 'user',
    details: { path, correctionNumber },
  });
}

export function declarationPeriodInvalid(path: string, periodCode: string): SledopytError {
  return new SledopytError({
    code: 'IMPORT_NDS_PERIOD_UNKNOWN',
    message: `The main file ${path} has the tax period code ${periodCode}, which is not a quarter`,
    messageRu: `В основном файле декларации «${path}» код периода ${periodCode} — это не квартал (ожидается 21–24 или 51, 54–56). Укажите квартал параметром --period`,
    actor: 'user',
    details: { path, periodCode },
  });
}

export function invalidOptions(issues: readonly { path: string; message: string }[]): SledopytError {
  return new SledopytError({
    code: 'IMPORT_OPTIONS_INVALID',
    message: `Invalid import options: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    messageRu: `Параметры импорта указаны неверно: ${issues.map((i) => `${i.path || 'параметры'} — ${i.message}`).join('; ')}`,
    actor: 'user',
    details: { issues: [...issues] },
  });
}

/** Whatever failed, as a SledopytError: a bug or a driver error becomes IMPORT_INTERNAL (the developers'). */
export function asSledopytError(error: unknown, path: string): SledopytError {
  if (isSledopytError(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new SledopytError({
    code: 'IMPORT_INTERNAL',
    message: `Importing ${path} failed: ${text}`,
    messageRu: `Внутренняя ошибка при загрузке файла «${path}»: ${text}. Из файла ничего не сохранено; сообщите разработчикам`,
    actor: 'developer',
    details: { path },
    cause: error,
  });
}

/**
 * A failure the user or administrator can fix in the input (exit code 2), as opposed to a store,
 * transient or internal one (exit code 3). Store errors count as the latter even when an administrator acts.
 */
export function isBadInput(failure: { code: string; actor: ErrorActor }): boolean {
  if (failure.code.startsWith('STORE_')) return false;
  return failure.actor === 'user' || failure.actor === 'admin';
}
