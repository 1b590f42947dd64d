/** Uploads files Sledopyt generated to the outbox: each under a temporary dot name, renamed when complete. */
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { posix } from 'node:path';
import type { SftpDropConfig } from './config.js';
import { sftpErrors } from './errors.js';
import type { SftpTransport } from './transport.js';

export interface PushedFile {
  local: string;
  remote: string;
}

export async function pushFiles(transport: SftpTransport, config: SftpDropConfig, files: readonly string[]): Promise<PushedFile[]> {
  for (const file of files) await access(file).catch((error: unknown) => Promise.reject(sftpErrors.pushSourceMissing(file, error)));
  const pushed: PushedFile[] = [];
  for (const local of files) {
    const remote = posix.join(config.outbox, basename(local));
    await transport.putThenRename(local, remote);
    pushed.push({ local, remote });
  }
  return pushed;
}
