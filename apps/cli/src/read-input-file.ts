import { basename } from 'node:path';
import { readFile, stat } from 'node:fs/promises';
import { detectFormat, isDeclarationSectionKind, readFormatHead } from '@sledopyt/formats';
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
  let head: Uint8Array;
  try {
    head = await readFormatHead(path);
  } catch (error) {
    throw fileError(path, error);
  }
  return isDeclarationSectionKind(detectFormat(head, basename(path)).kind);
}
