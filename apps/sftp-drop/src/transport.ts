/**
 * One SFTP connection with host key verification, reconnect with backoff, and the few operations the poller
 * and the pusher need. Secrets are read here from their file or variable and go nowhere but ssh2.
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { Logger } from '@sledopyt/contract';
import { isSledopytError } from '@sledopyt/core';
import SftpClient from 'ssh2-sftp-client';
import type { ConnectOptions } from 'ssh2-sftp-client';
import type { SftpDropConfig } from './config.js';
import { sftpErrors } from './errors.js';
import type { Endpoint } from './errors.js';
import { fingerprintOfHex, knownHostFingerprints } from './host-key.js';

export interface RemoteFile {
  /** Full remote path. */
  path: string;
  /** Path relative to the listed root (`edo/in/x.xml`). */
  relative: string;
  size: number;
  modifyTime: number;
}

export interface SecretSources {
  env: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => Buffer;
}

const defaultSecrets: SecretSources = { env: process.env, readFile: (path) => readFileSync(path) };

function readSecret(sources: SecretSources, file: string, what: string): Buffer {
  try {
    return sources.readFile(file);
  } catch {
    throw sftpErrors.secretMissing(what, `файл «${file}» не найден или не читается — проверьте путь и права`);
  }
}

function envSecret(sources: SecretSources, name: string, what: string): string {
  const value = sources.env[name];
  if (value === undefined || value === '') throw sftpErrors.secretMissing(what, `переменная окружения ${name} не задана или пуста`);
  return value;
}

/** The fingerprints the server may present; null when the first key is trusted explicitly. */
function expectedFingerprints(config: SftpDropConfig, sources: SecretSources): string[] | null {
  const expected: string[] = [];
  if (config.hostKey !== undefined) expected.push(config.hostKey);
  if (config.knownHostsFile !== undefined) {
    expected.push(...knownHostFingerprints(readSecret(sources, config.knownHostsFile, 'known_hosts').toString('utf8'), config.host, config.port));
  }
  return expected.length === 0 && config.trustOnFirstUse ? null : expected;
}

export interface TransportOptions {
  logger: Logger;
  secrets?: SecretSources;
  /** Called with the fingerprint accepted under trustOnFirstUse, to be pinned as hostKey. */
  onFirstUse?: (fingerprint: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SftpTransport {
  private client: SftpClient | null = null;
  private readonly endpoint: Endpoint;

  constructor(
    private readonly config: SftpDropConfig,
    private readonly options: TransportOptions,
  ) {
    this.endpoint = { host: config.host, port: config.port, user: config.user };
  }

  private connectOptions(onPresented: (fingerprint: string) => void): ConnectOptions {
    const sources = this.options.secrets ?? defaultSecrets;
    const { config } = this;
    const expected = expectedFingerprints(config, sources);
    const options: ConnectOptions = {
      host: config.host,
      port: config.port,
      username: config.user,
      readyTimeout: config.timeouts.connectMs,
      keepaliveInterval: config.timeouts.keepaliveMs,
      retries: 0, // our own backoff below, so a refused host key is not retried
      hostHash: 'sha256',
      hostVerifier: (hex) => {
        const presented = fingerprintOfHex(hex);
        onPresented(presented);
        if (expected === null) {
          this.options.logger.warn(
            { host: config.host, port: config.port, fingerprint: presented },
            `SFTP: ключ сервера принят без проверки (trustOnFirstUse). Сверьте отпечаток ${presented} с администратором сервера и укажите его в hostKey`,
          );
          this.options.onFirstUse?.(presented);
          return true;
        }
        return expected.includes(presented);
      },
    };
    if (config.privateKeyFile !== undefined) options.privateKey = readSecret(sources, config.privateKeyFile, 'private key');
    if (config.passphraseEnv !== undefined) options.passphrase = envSecret(sources, config.passphraseEnv, 'passphrase');
    if (config.passwordEnv !== undefined) options.password = envSecret(sources, config.passwordEnv, 'password');
    if (config.passwordFile !== undefined) options.password = readSecret(sources, config.passwordFile, 'password').toString('utf8').replace(/\r?\n$/, '');
    return options;
  }

  private async connectOnce(): Promise<SftpClient> {
    let presented: string | null = null;
    const options = this.connectOptions((fingerprint) => (presented = fingerprint));
    const client = new SftpClient('sledopyt');
    try {
      await client.connect(options);
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      if (presented !== null && /host.*(verif|key)/i.test(reason)) throw sftpErrors.hostKeyMismatch(this.endpoint, presented);
      throw sftpErrors.connectFailed(this.endpoint, reason, error);
    }
  }

  /** Connects (again), retrying transient failures with exponential backoff; a wrong host key is never retried. */
  async connect(): Promise<void> {
    if (this.client !== null) return;
    const { attempts, baseDelayMs, maxDelayMs } = this.config.reconnect;
    for (let attempt = 0; ; attempt += 1) {
      try {
        this.client = await this.connectOnce();
        this.client.on('close', () => (this.client = null));
        return;
      } catch (error) {
        if (!isSledopytError(error) || error.actor !== 'transient' || attempt >= attempts) throw error;
        const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
        this.options.logger.warn({ ...this.endpoint, attempt: attempt + 1, delayMs: delay }, `SFTP: нет соединения, повтор через ${delay} мс`);
        await sleep(delay);
      }
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async run<T>(operation: string, path: string, work: (client: SftpClient) => Promise<T>): Promise<T> {
    await this.connect();
    const client = this.client;
    if (client === null) throw sftpErrors.operationFailed(operation, path, new Error('not connected'));
    try {
      return await work(client);
    } catch (error) {
      throw sftpErrors.operationFailed(operation, path, error);
    }
  }

  /** Regular files under `root` (and its subfolders when `recursive`). */
  async listFiles(root: string, recursive: boolean): Promise<RemoteFile[]> {
    const files: RemoteFile[] = [];
    const walk = async (dir: string, relative: string): Promise<void> => {
      const entries = await this.run('list', dir, (client) => client.list(dir));
      for (const entry of entries) {
        if (entry.name === '.' || entry.name === '..' || entry.name.includes('/')) continue;
        const path = posix.join(dir, entry.name);
        const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
        if (entry.type === '-') files.push({ path, relative: rel, size: entry.size, modifyTime: entry.modifyTime });
        else if (entry.type === 'd' && recursive && !entry.name.startsWith('.')) await walk(path, rel);
      }
    };
    await walk(root, '');
    return files;
  }

  async stat(path: string): Promise<{ size: number; modifyTime: number } | null> {
    return this.run('stat', path, async (client) => ((await client.exists(path)) === '-' ? client.stat(path) : null));
  }

  /** Streams the remote file to a local path (never whole in memory). */
  async download(remote: string, local: string): Promise<void> {
    await this.run('get', remote, (client) => client.fastGet(remote, local));
  }

  async exists(path: string): Promise<boolean> {
    return this.run('exists', path, async (client) => (await client.exists(path)) !== false);
  }

  /** Folder creation is serialised: ssh2-sftp-client's recursive mkdir fails when two calls race on a parent. */
  private mkdirQueue: Promise<unknown> = Promise.resolve();

  async mkdirs(dir: string): Promise<void> {
    const turn = this.mkdirQueue.then(() => this.mkdirNow(dir));
    this.mkdirQueue = turn.catch(() => undefined);
    await turn;
  }

  private async mkdirNow(dir: string): Promise<void> {
    await this.run('mkdir', dir, async (client) => {
      if ((await client.exists(dir)) === 'd') return;
      // Two workers may create the same folder at once: the loser's error is fine if the folder is there.
      await client.mkdir(dir, true).catch(async (error: unknown) => {
        if ((await client.exists(dir)) !== 'd') throw error;
      });
    });
  }

  async rename(from: string, to: string): Promise<void> {
    await this.mkdirs(posix.dirname(to));
    await this.run('rename', from, (client) => client.rename(from, to));
  }

  async writeSmall(path: string, content: Buffer): Promise<void> {
    await this.mkdirs(posix.dirname(path));
    await this.run('put', path, (client) => client.put(content, path));
  }

  /** Uploads under a temporary dot name (pollers skip it), then renames into place. */
  async putThenRename(local: string, remote: string): Promise<void> {
    const dir = posix.dirname(remote);
    const temporary = posix.join(dir, `.${posix.basename(remote)}.${process.pid}.part`);
    await this.mkdirs(dir);
    await this.run('put', temporary, (client) => client.fastPut(local, temporary));
    if (await this.exists(remote)) await this.run('delete', remote, (client) => client.delete(remote));
    await this.run('rename', temporary, (client) => client.rename(temporary, remote));
  }
}
