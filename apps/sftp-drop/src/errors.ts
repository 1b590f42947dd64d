/**
 * The SFTP connector's failures as SledopytError with stable codes. `details` carry the host, port, user and
 * remote paths — never a password, a key or a passphrase.
 */
import { SledopytError, isSledopytError } from '@sledopyt/core';

export interface Endpoint {
  host: string;
  port: number;
  user: string;
}

const where = (endpoint: Endpoint): string => `${endpoint.user}@${endpoint.host}:${endpoint.port}`;

export const sftpErrors = {
  configInvalid: (issues: readonly { path: string; message: string }[]) =>
    new SledopytError({
      code: 'SFTP_CONFIG_INVALID',
      message: `Invalid SFTP settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      messageRu: `Настройки SFTP заданы неверно: ${issues.map((i) => `${i.path || 'настройки'} — ${i.message}`).join('; ')}`,
      actor: 'admin',
      details: { issues: [...issues] },
    }),

  secretMissing: (what: string, detailsRu: string) =>
    new SledopytError({
      code: 'SFTP_SECRET_MISSING',
      message: `The SFTP ${what} is not available`,
      messageRu: `Не найдены учётные данные SFTP: ${detailsRu}`,
      actor: 'admin',
      details: { what },
    }),

  hostKeyMismatch: (endpoint: Endpoint, presented: string) =>
    new SledopytError({
      code: 'SFTP_HOST_KEY_MISMATCH',
      message: `The host key of ${where(endpoint)} (${presented}) does not match the configured one; connection refused`,
      messageRu:
        `Ключ сервера ${where(endpoint)} (${presented}) не совпадает с указанным в настройках (hostKey или knownHostsFile). ` +
        'Соединение прервано, файлы не загружались. Если ключ сервера действительно сменился, сверьте отпечаток с администратором сервера и обновите настройки; иначе это может быть подмена сервера',
      actor: 'admin',
      details: { ...endpoint, presented },
    }),

  connectFailed: (endpoint: Endpoint, reason: string, cause: unknown) =>
    new SledopytError({
      code: 'SFTP_CONNECT_FAILED',
      message: `Cannot connect to ${where(endpoint)}: ${reason}`,
      messageRu: `Не удалось подключиться к SFTP-серверу ${where(endpoint)} (${reason}). Проверьте адрес, порт, имя пользователя и ключ или пароль; при временном сбое сети повторите позже`,
      actor: 'transient',
      details: { ...endpoint, reason },
      cause,
    }),

  operationFailed: (operation: string, path: string, cause: unknown) =>
    new SledopytError({
      code: 'SFTP_OPERATION_FAILED',
      message: `SFTP ${operation} failed for ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
      messageRu: `Операция SFTP «${operation}» не удалась для «${path}» (${cause instanceof Error ? cause.message : String(cause)}). Проверьте права на папки на сервере; при обрыве связи файл будет обработан при следующем опросе`,
      actor: 'transient',
      details: { operation, path },
      cause,
    }),

  fileChanged: (path: string) =>
    new SledopytError({
      code: 'SFTP_FILE_CHANGED',
      message: `${path} changed while it was downloaded; left for the next poll`,
      messageRu: `Файл «${path}» изменился во время скачивания (его ещё дописывают); он останется во входящей папке до следующего опроса`,
      actor: 'transient',
      details: { path },
    }),

  locked: (holder: unknown) =>
    new SledopytError({
      code: 'SFTP_POLL_LOCKED',
      message: `Another process polls this SFTP inbox: ${JSON.stringify(holder)}`,
      messageRu: 'Эту папку SFTP уже опрашивает другой процесс; дождитесь его окончания и повторите',
      actor: 'transient',
      details: { holder },
    }),

  pushSourceMissing: (path: string, cause: unknown) =>
    new SledopytError({
      code: 'SFTP_PUSH_FILE_NOT_FOUND',
      message: `Cannot read ${path} for upload`,
      messageRu: `Файл «${path}» для отправки не найден или не читается: проверьте путь`,
      actor: 'user',
      details: { path },
      cause,
    }),
};

/** Any failure as a SledopytError, so every quarantined file has a code and a Russian explanation. */
export function asSledopytError(error: unknown, path: string): SledopytError {
  if (isSledopytError(error)) return error;
  return new SledopytError({
    code: 'SFTP_IMPORT_FAILED',
    message: `Import of ${path} failed: ${error instanceof Error ? error.message : String(error)}`,
    messageRu: `Файл «${path}» не загружен из-за внутренней ошибки (${error instanceof Error ? error.message : String(error)}); сообщите разработчикам`,
    actor: 'developer',
    details: { path },
    cause: error,
  });
}
