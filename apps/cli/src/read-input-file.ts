import { readFile, stat } from 'node:fs/promises';
import { SledopytError } from '@sledopyt/core';

/** Reads a file the user named, turning file-system failures into errors the user can act on. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new SledopytError({
        code: 'FILE_IS_DIRECTORY',
        message: `${path} is a directory`,
        messageRu: `«${path}» — это папка, а нужен файл`,
        details: { path },
      });
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof SledopytError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SledopytError({
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
}
