/**
 * The SFTP connector's settings: one zod schema for its JSON/YAML file. Secrets are never settings: only
 * the name of an environment variable or a file that holds them (out of the command line and the logs).
 */
import { innSchema } from '@sledopyt/core';
import { z } from 'zod';
import { sftpErrors } from './errors.js';

const remoteDir = z
  .string()
  .min(1)
  .refine((value) => !value.split('/').includes('..'), { message: 'путь на сервере не должен содержать «..»' })
  .transform((value) => (value.length > 1 ? value.replace(/\/+$/, '') : value));

/** OpenSSH's `ssh-keygen -lf` form: `SHA256:` and 43 base64 characters without padding. */
const fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, { message: 'ожидается отпечаток вида SHA256:… (ssh-keygen -lf ключ_сервера.pub)' });

export const sftpDropConfigSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535).default(22),
    user: z.string().min(1),
    /** Name of the environment variable holding the password. */
    passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'ожидается имя переменной окружения' }).optional(),
    /** A file holding the password (a trailing newline is ignored). */
    passwordFile: z.string().min(1).optional(),
    /** An OpenSSH private key file. */
    privateKeyFile: z.string().min(1).optional(),
    /** Name of the environment variable holding the key's passphrase, if it has one. */
    passphraseEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'ожидается имя переменной окружения' }).optional(),
    /** The server's host key fingerprint (`SHA256:…`). */
    hostKey: fingerprint.optional(),
    /** Or an OpenSSH known_hosts file listing the server. */
    knownHostsFile: z.string().min(1).optional(),
    /** Trust the key the server presents on this run and print its fingerprint (only to set hostKey once). */
    trustOnFirstUse: z.boolean().default(false),
    inbox: remoteDir.default('inbox'),
    archive: remoteDir.default('archive'),
    quarantine: remoteDir.default('quarantine'),
    outbox: remoteDir.default('outbox'),
    /** Walk subfolders of the inbox. */
    recursive: z.boolean().default(false),
    /** A file is taken only when its size and mtime are the same on `looks` listings `intervalMs` apart. */
    stability: z
      .object({ looks: z.number().int().min(1).max(10).default(2), intervalMs: z.number().int().min(0).max(600_000).default(5_000) })
      .default({ looks: 2, intervalMs: 5_000 }),
    timeouts: z
      .object({ connectMs: z.number().int().min(100).default(20_000), keepaliveMs: z.number().int().min(0).default(10_000) })
      .default({ connectMs: 20_000, keepaliveMs: 10_000 }),
    reconnect: z
      .object({ attempts: z.number().int().min(0).max(10).default(3), baseDelayMs: z.number().int().min(0).default(1_000), maxDelayMs: z.number().int().min(0).default(30_000) })
      .default({ attempts: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 }),
    /** Files downloaded and imported at once. */
    concurrency: z.number().int().min(1).max(16).default(2),
    /** Local folder for downloads (default: a temporary folder). */
    workDir: z.string().min(1).optional(),
    /** Our company's ИНН: every file must belong to it (as `sledopyt import --inn`). */
    taxpayerInn: innSchema.optional(),
    /** Pause between polls when not `--once`. */
    pollIntervalMs: z.number().int().min(1_000).default(60_000),
  })
  .strict()
  .superRefine((config, ctx) => {
    const passwords = [config.passwordEnv, config.passwordFile].filter((v) => v !== undefined).length;
    if (passwords > 1) ctx.addIssue({ code: 'custom', path: ['passwordFile'], message: 'укажите что-то одно: passwordEnv или passwordFile' });
    if (passwords === 0 && config.privateKeyFile === undefined) {
      ctx.addIssue({ code: 'custom', path: ['privateKeyFile'], message: 'не указан способ входа: privateKeyFile, passwordEnv или passwordFile' });
    }
    if (config.hostKey === undefined && config.knownHostsFile === undefined && !config.trustOnFirstUse) {
      ctx.addIssue({
        code: 'custom',
        path: ['hostKey'],
        message: 'ключ сервера не проверяется: укажите hostKey (SHA256:…) или knownHostsFile; доверие первому ключу — только явно (trustOnFirstUse: true)',
      });
    }
    const dirs = { inbox: config.inbox, archive: config.archive, quarantine: config.quarantine };
    for (const [name, dir] of Object.entries(dirs)) {
      if (name !== 'inbox' && config.recursive && (dir === config.inbox || dir.startsWith(`${config.inbox}/`))) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'при recursive: true папка не может лежать внутри inbox' });
      }
    }
  });

export type SftpDropConfig = z.output<typeof sftpDropConfigSchema>;
export type SftpDropConfigInput = z.input<typeof sftpDropConfigSchema>;

/** Parses settings into a config, or SFTP_CONFIG_INVALID listing every issue; a literal password is refused. */
export function parseSftpDropConfig(input: unknown): SftpDropConfig {
  if (typeof input === 'object' && input !== null && ('password' in input || 'privateKey' in input || 'passphrase' in input)) {
    throw sftpErrors.configInvalid([{ path: 'password', message: 'секреты в настройках не хранятся: используйте passwordEnv, passwordFile или privateKeyFile' }]);
  }
  const parsed = sftpDropConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw sftpErrors.configInvalid(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
}
