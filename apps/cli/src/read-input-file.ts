import { basename } from 'node:path';
import { open, readFile, stat } from 'node:fs/promises';
import { DETECT_HEAD_BYTES, detectFormat } from '@sledopyt/formats';
import { SledopytError } from '@sledopyt/core';

/** Reads a file the user named, turning file-system failures into errors the user can act on. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  await checkInputFile(path);
  try {
    return await readFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
}

/** Checks that a path names a readable file (not a folder) before it is streamed. */
export async function checkInputFile(path: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw fileError(path, error);
  }
  if (isDirectory) {
    throw new SledopytError({ code: 'FILE_IS_DIRECTORY', message: `${path} is a directory`, messageRu: `«${path}» — это папка, а нужен файл`, details: { path } });
  }
}

function fileError(path: string, error: unknown): SledopytError {
  const code = (error as NodeJS.ErrnoException).code;
  return new SledopytError({
    code: code === 'ENOENT' ? 'FILE_NOT_FOUND' : code === 'EACCES' ? 'FILE_NO_ACCESS' : 'FILE_READ_FAILED',
    message: `Cannot read ${path}: ${String((error as Error).message)}`,
    messageRu:
      code === 'ENOENT'
        ? `Файл «${path}» не найден: проверьте путь`
        : code === 'EACCES'
          ? `Нет прав на чтение файла «${path}»`
          : `Не удалось прочитать файл «${path}»: ${String((error as Error).message)}`,
    actor: code === 'EACCES' ? 'admin' : 'user',
    details: { path, errno: code ?? null },
    cause: error,
  });
}

/** Whether a file is a VAT declaration section (streamed, never read whole): told from its head. */
export async function isDeclarationSection(path: string): Promise<boolean> {
  await checkInputFile(path);
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(DETECT_HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const { kind } = detectFormat(head.subarray(0, bytesRead), basename(path));
    return kind.startsWith('nds-') && kind !== 'nds-main';
  } finally {
    await handle.close();
  }
}
