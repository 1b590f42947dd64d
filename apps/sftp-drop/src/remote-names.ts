/** Which remote files are complete, and where the poller moves them. Pure functions of names and dates. */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';

/** Files still being written by convention: `*.tmp`, `*.part`, dot files, anything in a dot folder. */
export const isCandidateName = (relative: string): boolean =>
  !relative.split('/').some((part) => part.startsWith('.')) && !/\.(tmp|part)$/i.test(relative);

/** `archive/2026/04/20/edo/in/x.xml` (UTC date of the move). */
export function archivePath(archiveRoot: string, relative: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).split('-');
  return posix.join(archiveRoot, ...day, relative);
}

export const quarantinePath = (root: string, relative: string): string => posix.join(root, relative);

/**
 * A local name that keeps the remote base name (the import reads dates from ФНС file names) but only with
 * letters, digits, `.`, `_`, `-`, under a folder named by the hash of the remote path: nothing a server
 * sends can make it leave the work folder.
 */
export function safeLocalName(remotePath: string): { folder: string; name: string } {
  const base = posix.basename(remotePath).replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\.+/, '').slice(0, 200);
  return { folder: createHash('sha256').update(remotePath).digest('hex').slice(0, 16), name: base === '' ? 'file.xml' : base };
}
