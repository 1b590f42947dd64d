/**
 * The 1C sync's settings: one zod schema for the config file and the command line. The password is never
 * a setting: only the name of an environment variable or a file that holds it (so it stays out of the
 * command line, the shell history, the process list and the logs).
 */
import { SledopytError, calendarDateSchema, innSchema } from '@sledopyt/core';
import { z } from 'zod';

/** The start of traceability (ПП № 1108, 1110): nothing before it matters, so it is the default period start. */
export const TRACEABILITY_START = '2021-07-01';

const SERVICE_PATH = 'odata/standard.odata/';

/** The service root with a trailing slash; a publication root (`http://host/buh`) gets `/odata/standard.odata/`. */
export function normalizeServiceUrl(input: string): string {
  const url = new URL(input.trim());
  let path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  if (!path.endsWith(`/${SERVICE_PATH}`)) path = `${path}${SERVICE_PATH}`;
  url.pathname = path;
  url.search = '';
  url.hash = '';
  return url.toString();
}

const guidKey = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: 'ожидается GUID организации (Ref_Key)' });

const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'неизвестный часовой пояс (ожидается имя IANA, например Europe/Moscow)' },
);

export const onecSyncConfigSchema = z
  .object({
    /** The publication (`http://1c/buh`) or its OData service root (`http://1c/buh/odata/standard.odata/`). */
    url: z
      .string()
      .url({ message: 'ожидается адрес публикации 1С, например http://1c.example/buh/odata/standard.odata/' })
      .refine((value) => /^https?:/i.test(value), { message: 'адрес публикации должен начинаться с http:// или https://' })
      .refine((value) => new URL(value).username === '' && new URL(value).password === '', {
        message: 'не указывайте имя и пароль в адресе: имя — в user, пароль — в переменной окружения (passwordEnv) или файле (passwordFile)',
      })
      .transform(normalizeServiceUrl),
    /** The 1C user (Basic auth, sent as UTF-8); omit for a publication without authentication. */
    user: z.string().min(1).optional(),
    /** Name of the environment variable holding the password. */
    passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'ожидается имя переменной окружения' }).optional(),
    /** A file holding the password (one line; a trailing newline is ignored). */
    passwordFile: z.string().min(1).optional(),
    /** IANA zone of the infobase: 1C's datetimes are its naive wall-clock time. */
    timezone: timeZoneSchema.default('Europe/Moscow'),
    /** First day of the period the first run loads (documents dated from it); later runs keep it unless given again. */
    since: calendarDateSchema.optional(),
    /** Objects per page (`$top`). */
    pageSize: z.number().int().min(1).max(5000).default(500),
    /** References per `Ref_Key eq … or …` request (URL length stays under a few KB). */
    keysPerRequest: z.number().int().min(1).max(100).default(40),
    timeouts: z
      .object({
        requestMs: z.number().int().min(100).default(60_000),
        /** `$metadata` of a large configuration is 15 MB and is slow right after publication. */
        metadataMs: z.number().int().min(100).default(300_000),
      })
      .default({ requestMs: 60_000, metadataMs: 300_000 }),
    retries: z
      .object({
        /** Retries after the first attempt (5xx, network errors, HTML or truncated answers, timeouts). */
        attempts: z.number().int().min(0).max(10).default(4),
        baseDelayMs: z.number().int().min(0).default(500),
        maxDelayMs: z.number().int().min(0).default(30_000),
      })
      .default({ attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 }),
    rateLimit: z.object({ requestsPerSecond: z.number().positive().max(10_000).default(20) }).default({ requestsPerSecond: 20 }),
    /** `auto` reads the configuration from `$metadata`; `bp30` = БП 3.0, `ut115` = УТ 11 / КА 2 / ERP 2. */
    profile: z.enum(['auto', 'bp30', 'ut115']).default('auto'),
    /** The sync never writes to 1C; `false` is refused rather than silently ignored. */
    readOnly: z
      .boolean()
      .default(true)
      .refine((value) => value, { message: 'запись в 1С не поддерживается: синхронизация только читает данные (readOnly: true)' }),
    /** ИНН of the company when the base does not publish `Catalog_Организации` (or for every organisation). */
    taxpayerInn: innSchema.optional(),
    /** ИНН per organisation (`Организация_Key` → ИНН), for bases with several companies. */
    organizations: z.record(guidKey, innSchema).default({}),
    /** Names this base in the store (`onec:<sourceId>`); default: host and publication path of the URL. */
    sourceId: z.string().trim().min(1).max(200).optional(),
    /** Kind of the invoice a purchase or sale stands for (БП/УТ print both; the declaration does not tell). */
    invoiceDocumentKind: z.enum(['upd', 'invoice']).default('upd'),
    /** Compare the store's balances with the 1C balance register after the sync. */
    crossCheck: z.boolean().default(true),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.passwordEnv !== undefined && config.passwordFile !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['passwordFile'], message: 'укажите что-то одно: passwordEnv или passwordFile' });
    }
    if (config.user === undefined && (config.passwordEnv !== undefined || config.passwordFile !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['user'], message: 'пароль задан, а имя пользователя 1С (user) — нет' });
    }
  });

export type OneCSyncConfig = z.output<typeof onecSyncConfigSchema>;
export type OneCSyncConfigInput = z.input<typeof onecSyncConfigSchema>;

/** Parses settings (file merged with flags) into a config, or ONEC_CONFIG_INVALID listing every issue. */
export function parseOneCSyncConfig(input: unknown): OneCSyncConfig {
  if (typeof input === 'object' && input !== null && 'password' in input) {
    throw new SledopytError({
      code: 'ONEC_CONFIG_INVALID',
      message: 'A password in the settings is refused: use passwordEnv or passwordFile',
      messageRu: 'Пароль в настройках не хранится: укажите имя переменной окружения (passwordEnv, --password-env) или файл (passwordFile, --password-file)',
      actor: 'admin',
      details: { issues: [{ path: 'password', message: 'не допускается' }] },
    });
  }
  const parsed = onecSyncConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new SledopytError({
    code: 'ONEC_CONFIG_INVALID',
    message: `Invalid 1C sync settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    messageRu: `Настройки синхронизации с 1С заданы неверно: ${issues.map((i) => `${i.path || 'настройки'} — ${i.message}`).join('; ')}`,
    actor: 'admin',
    details: { issues },
  });
}

/** `127.0.0.1:8765/buh`: the base's name in checkpoints and document references. */
export function sourceIdOf(config: Pick<OneCSyncConfig, 'url' | 'sourceId'>): string {
  if (config.sourceId !== undefined) return config.sourceId;
  const url = new URL(config.url);
  const publication = decodeURIComponent(url.pathname.slice(0, -`/${SERVICE_PATH}`.length));
  return `${url.host}${publication}`;
}

export interface SecretSources {
  env: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => string;
}

function passwordMissing(messageRu: string, details: Record<string, unknown>): SledopytError {
  return new SledopytError({ code: 'ONEC_PASSWORD_MISSING', message: `The 1C password is not available: ${JSON.stringify(details)}`, messageRu, actor: 'admin', details });
}

/** The password from its environment variable or file; null for a publication without authentication. */
export function resolvePassword(config: Pick<OneCSyncConfig, 'user' | 'passwordEnv' | 'passwordFile'>, sources: SecretSources): string | null {
  if (config.user === undefined) return null;
  if (config.passwordEnv !== undefined) {
    const value = sources.env[config.passwordEnv];
    if (value === undefined || value === '') {
      throw passwordMissing(`Переменная окружения ${config.passwordEnv} с паролем пользователя 1С не задана или пуста`, { passwordEnv: config.passwordEnv });
    }
    return value;
  }
  if (config.passwordFile !== undefined) {
    let text: string;
    try {
      text = sources.readFile(config.passwordFile);
    } catch (error) {
      throw new SledopytError({
        code: 'ONEC_PASSWORD_FILE_UNREADABLE',
        message: `Cannot read the 1C password file ${config.passwordFile}`,
        messageRu: `Не удалось прочитать файл с паролем 1С ${config.passwordFile}: проверьте путь и права на чтение`,
        actor: 'admin',
        details: { passwordFile: config.passwordFile },
        cause: error,
      });
    }
    return text.replace(/\r?\n$/, '');
  }
  throw passwordMissing(
    `Для пользователя 1С «${config.user}» не указан пароль: задайте --password-env ИМЯ_ПЕРЕМЕННОЙ или --password-file ФАЙЛ (в командной строке пароль не передаётся)`,
    { user: config.user },
  );
}
