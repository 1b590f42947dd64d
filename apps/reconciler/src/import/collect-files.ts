/**
 * Which files an import reads: the files named, and every file under the folders named (recursively),
 * in one sorted order so that two runs over the same inbox do the same work in the same order. Files that
 * are not (yet) documents are skipped with a reason the user can read: hidden files, partial uploads and
 * editors' lock files, and — inside folders only — files that are not XML. A named file is never skipped
 * for its extension or for being hidden: the user asked for it.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { fileUnreadable, pathNotFound } from './errors.js';

export interface SkippedFile {
  file: string;
  /** Why, in Russian. */
  reason: string;
}

export interface InputFiles {
  /** Paths as given or joined under the given folders, sorted, each once. */
  files: string[];
  skipped: SkippedFile[];
}

/** Endings of files that are still being written (browsers, SFTP clients, editors). */
const PARTIAL_ENDINGS: readonly (readonly [string, string])[] = [
  ['.part', 'незавершённая загрузка (*.part): файл ещё передаётся'],
  ['.crdownload', 'незавершённая загрузка браузера (*.crdownload)'],
  ['.tmp', 'временный файл (*.tmp): его ещё записывают'],
];

/** Why a file is not read, whether it was named or found; undefined when it is read. */
function partialReason(name: string): string | undefined {
  if (name.startsWith('~$')) return 'временный файл блокировки Microsoft Office (~$…)';
  const lower = name.toLowerCase();
  return PARTIAL_ENDINGS.find(([ending]) => lower.endsWith(ending))?.[1];
}

/** Why a file found inside a folder is not read. */
function foundFileReason(name: string): string | undefined {
  if (name.startsWith('.')) return 'скрытый файл';
  const partial = partialReason(name);
  if (partial !== undefined) return partial;
  const extension = extname(name).toLowerCase();
  if (extension !== '.xml') return `не XML-файл (${extension === '' ? 'без расширения' : `расширение ${extension}`}): файлы ФНС имеют расширение .xml`;
  return undefined;
}

async function statOrFail(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') throw pathNotFound(path);
    throw fileUnreadable(path, error);
  }
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function collectInputFiles(paths: readonly string[]): Promise<InputFiles> {
  const files = new Set<string>();
  const skipped: SkippedFile[] = [];
  const visitedFolders = new Set<string>();

  async function walk(folder: string): Promise<void> {
    let entries: Dirent[];
    try {
      const real = await realpath(folder);
      if (visitedFolders.has(real)) {
        skipped.push({ file: folder, reason: 'папка уже просмотрена (ссылка на неё встречается повторно)' });
        return;
      }
      visitedFolders.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      // One unreadable subfolder must not stop the import of the others.
      skipped.push({ file: folder, reason: `папку не удалось прочитать (${fileUnreadable(folder, error).messageRu})` });
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      // Symbolic links are followed: an inbox may link to the archive of another system.
      const info = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
      if (info === undefined) {
        skipped.push({ file: path, reason: 'ссылка никуда не ведёт (файл, на который она указывает, удалён)' });
      } else if (info.isDirectory()) {
        if (entry.name.startsWith('.')) skipped.push({ file: path, reason: 'скрытая папка' });
        else await walk(path);
      } else if (!info.isFile()) {
        skipped.push({ file: path, reason: 'не обычный файл (устройство, канал или сокет)' });
      } else {
        const reason = foundFileReason(entry.name);
        if (reason === undefined) files.add(path);
        else skipped.push({ file: path, reason });
      }
    }
  }

  for (const path of paths) {
    const info = await statOrFail(path);
    if (info.isDirectory()) {
      await walk(path);
    } else if (!info.isFile()) {
      skipped.push({ file: path, reason: 'не обычный файл (устройство, канал или сокет)' });
    } else {
      const reason = partialReason(basename(path));
      if (reason === undefined) files.add(path);
      else skipped.push({ file: path, reason });
    }
  }
  // A file both named and found in a named folder is read once and never also reported as skipped.
  const reported = new Map(skipped.filter((skip) => !files.has(skip.file)).map((skip) => [skip.file, skip]));
  return { files: [...files].sort(byPath), skipped: [...reported.values()].sort((a, b) => byPath(a.file, b.file)) };
}
