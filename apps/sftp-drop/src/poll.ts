/**
 * One poll of the inbox: take the files whose size and mtime stayed the same across the configured looks,
 * download each to the work folder, import it through `importFile` (transactional, idempotent by hash),
 * then move it on the server: to `archive/YYYY/MM/DD/` when stored or already stored, to `quarantine/` with
 * `<name>.error.txt` when the file itself is wrong. The move happens only after the import committed, so a
 * crash leaves the file in the inbox and the next poll finds it a duplicate. Transient failures leave it there.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { noopLogger } from '@sledopyt/contract';
import type { Logger } from '@sledopyt/contract';
import { importFile, isBadInput } from '@sledopyt/reconciler';
import type { FileImportStatus } from '@sledopyt/reconciler';
import type { Store } from '@sledopyt/store';
import type { SftpDropConfig } from './config.js';
import { asSledopytError, sftpErrors } from './errors.js';
import { archivePath, isCandidateName, quarantinePath, safeLocalName } from './remote-names.js';
import type { RemoteFile, SftpTransport } from './transport.js';

export type FileOutcome =
  | { file: string; outcome: 'archived'; status: FileImportStatus; archivedAs: string }
  | { file: string; outcome: 'quarantined'; code: string; messageRu: string; quarantinedAs: string }
  | { file: string; outcome: 'retry-later'; code: string; messageRu: string };

export interface PollSummary {
  /** Complete files found (stable across the looks). */
  taken: number;
  /** Files left in the inbox because they were still changing. */
  unstable: string[];
  imported: number;
  duplicates: number;
  quarantined: number;
  retryLater: number;
  files: FileOutcome[];
}

export interface PollOptions {
  store: Store;
  logger?: Logger;
  signal?: AbortSignal;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const key = (file: RemoteFile): string => `${file.size}:${file.modifyTime}`;

/** The candidates unchanged across `looks` listings. */
async function stableFiles(transport: SftpTransport, config: SftpDropConfig, sleep: (ms: number) => Promise<void>): Promise<{ stable: RemoteFile[]; unstable: string[] }> {
  const list = async () => (await transport.listFiles(config.inbox, config.recursive)).filter((file) => isCandidateName(file.relative));
  let current = await list();
  const changed = new Set<string>();
  for (let look = 1; look < config.stability.looks; look += 1) {
    await sleep(config.stability.intervalMs);
    const next = await list();
    const before = new Map(current.map((file) => [file.path, key(file)]));
    for (const file of next) if (before.get(file.path) !== key(file)) changed.add(file.path);
    current = next;
  }
  return { stable: current.filter((file) => !changed.has(file.path)), unstable: [...changed].sort() };
}

/** A free name: `x.xml`, else `x.xml.1`, `x.xml.2`… (OpenSSH refuses to rename onto an existing file). */
async function freeName(transport: SftpTransport, path: string): Promise<string> {
  for (let n = 0; ; n += 1) {
    const candidate = n === 0 ? path : `${path}.${n}`;
    if (!(await transport.exists(candidate))) return candidate;
  }
}

async function processFile(transport: SftpTransport, config: SftpDropConfig, file: RemoteFile, workDir: string, options: PollOptions): Promise<FileOutcome> {
  const logger = options.logger ?? noopLogger;
  const { folder, name } = safeLocalName(file.path);
  const localDir = resolve(workDir, folder);
  const local = resolve(localDir, name);
  if (!local.startsWith(`${resolve(workDir)}${sep}`)) throw sftpErrors.operationFailed('local path', file.path, new Error('escapes the work folder'));
  await mkdir(localDir, { recursive: true });
  try {
    await transport.download(file.path, local);
    if ((await stat(local)).size !== file.size) throw sftpErrors.fileChanged(file.path);
    let status: FileImportStatus;
    try {
      const imported = await importFile(options.store, local, {
        source: 'sftp',
        sourceRef: () => `sftp://${config.host}:${config.port}${file.path.startsWith('/') ? '' : '/'}${file.path}`,
        ...(config.taxpayerInn === undefined ? {} : { taxpayerInn: config.taxpayerInn }),
        logger,
      });
      status = imported.status;
    } catch (caught) {
      const error = asSledopytError(caught, file.relative);
      if (!isBadInput(error)) throw error;
      const target = await freeName(transport, quarantinePath(config.quarantine, file.relative));
      // The explanation first: a crash before the move leaves the file in the inbox to be tried again.
      const explanation = `Файл: ${file.relative}\nОшибка ${error.code}: ${error.messageRu}\n`;
      await transport.writeSmall(`${target}.error.txt`, Buffer.from(explanation, 'utf8'));
      await transport.rename(file.path, target);
      logger.warn({ file: file.path, code: error.code }, `SFTP: файл «${file.relative}» отправлен в карантин: ${error.messageRu}`);
      return { file: file.relative, outcome: 'quarantined', code: error.code, messageRu: error.messageRu, quarantinedAs: target };
    }
    const target = await freeName(transport, archivePath(config.archive, file.relative, (options.now ?? (() => new Date()))()));
    await transport.rename(file.path, target);
    logger.info({ file: file.path, status, archivedAs: target }, `SFTP: файл «${file.relative}» ${status === 'duplicate' ? 'уже был загружен' : 'загружен'} и перенесён в архив`);
    return { file: file.relative, outcome: 'archived', status, archivedAs: target };
  } catch (caught) {
    const error = asSledopytError(caught, file.relative);
    logger.warn({ file: file.path, code: error.code }, `SFTP: файл «${file.relative}» будет обработан при следующем опросе: ${error.messageRu}`);
    return { file: file.relative, outcome: 'retry-later', code: error.code, messageRu: error.messageRu };
  } finally {
    await rm(localDir, { recursive: true, force: true });
  }
}

/** Runs `work` over `items` with at most `limit` at once. */
async function eachLimited<T, R>(items: readonly T[], limit: number, signal: AbortSignal | undefined, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && signal?.aborted !== true) {
      const item = items[next] as T;
      next += 1;
      results.push(await work(item));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function pollOnce(transport: SftpTransport, config: SftpDropConfig, options: PollOptions): Promise<PollSummary> {
  const { stable, unstable } = await stableFiles(transport, config, options.sleep ?? defaultSleep);
  const workDir = config.workDir ?? (await mkdtemp(join(tmpdir(), 'sledopyt-sftp-')));
  await mkdir(workDir, { recursive: true });
  try {
    const files = await eachLimited(stable, config.concurrency, options.signal, (file) => processFile(transport, config, file, workDir, options));
    files.sort((a, b) => a.file.localeCompare(b.file));
    const count = (predicate: (f: FileOutcome) => boolean) => files.filter(predicate).length;
    return {
      taken: stable.length,
      unstable,
      imported: count((f) => f.outcome === 'archived' && f.status === 'imported'),
      duplicates: count((f) => f.outcome === 'archived' && f.status === 'duplicate'),
      quarantined: count((f) => f.outcome === 'quarantined'),
      retryLater: count((f) => f.outcome === 'retry-later'),
      files,
    };
  } finally {
    if (config.workDir === undefined) await rm(workDir, { recursive: true, force: true });
  }
}
