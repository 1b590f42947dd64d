/**
 * Bytes of an input file: its SHA-256 (the idempotency key), its head (format detection), the whole of a
 * small document, and the chunks of a large one with a check that they are the bytes that were hashed.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_CHUNK_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, formatError, readFileChunks, readFormatHead } from '@sledopyt/formats';
import { fileChanged, fileUnreadable } from './errors.js';

/** Runs a file-system step, turning its failure into IMPORT_FILE_UNREADABLE. */
async function reading<T>(path: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw fileUnreadable(path, error);
  }
}

export const fileSize = async (path: string): Promise<number> => (await reading(path, () => stat(path))).size;

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function updateFrom(hash: Hash, path: string, start: number): Promise<void> {
  for await (const chunk of createReadStream(path, { start, highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
}

/** SHA-256 of the file, streamed from disk in bounded memory. */
export async function hashFile(path: string): Promise<string> {
  return reading(path, async () => {
    const hash = createHash('sha256');
    await updateFrom(hash, path, 0);
    return hash.digest('hex');
  });
}

/** The head `detectFormat` needs (formats' `readFormatHead`), with a file-system failure as IMPORT_FILE_UNREADABLE. */
export const readFormatHeadOf = (path: string): Promise<Uint8Array> => reading(path, () => readFormatHead(path));

/**
 * A document read into memory, refused before reading when it is larger than the formats package reads
 * (a multi-gigabyte file passed off as a УПД must not exhaust memory).
 */
export async function readDocumentBytes(path: string): Promise<Uint8Array> {
  const size = await fileSize(path);
  if (size > DEFAULT_MAX_DOCUMENT_BYTES) {
    throw formatError({
      code: 'XML_LIMIT_EXCEEDED',
      file: path,
      message: `The file has ${size} bytes; documents read into memory are limited to ${DEFAULT_MAX_DOCUMENT_BYTES}`,
      messageRu: `файл слишком велик для документа этого вида (${size} байт, предел ${DEFAULT_MAX_DOCUMENT_BYTES}). Проверьте, что это один документ, а не архив или склейка файлов`,
      extra: { bytes: size, limit: DEFAULT_MAX_DOCUMENT_BYTES },
    });
  }
  return reading(path, () => readFile(path));
}

/**
 * The chunks of a large file for the streaming reader, hashed on the way. `verify` (after the reader is done)
 * hashes whatever the reader did not pull and fails with IMPORT_FILE_CHANGED if the bytes are not those of
 * the expected hash — so a file rewritten between hashing and importing is never stored under the wrong key.
 * `close` releases the file when the reader stops early.
 */
export class HashedChunks implements AsyncIterable<Uint8Array> {
  private readonly hash = createHash('sha256');
  private hashedBytes = 0;
  private readonly source: AsyncGenerator<Uint8Array>;

  constructor(
    private readonly path: string,
    chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {
    this.source = this.pull(chunkBytes);
  }

  private async *pull(chunkBytes: number): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of readFileChunks(this.path, chunkBytes)) {
        // Hashed before it is handed on: readFileChunks reuses its buffers.
        this.hash.update(chunk);
        this.hashedBytes += chunk.length;
        yield chunk;
      }
    } catch (error) {
      throw fileUnreadable(this.path, error);
    }
  }

  [Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    return this.source;
  }

  async verify(expectedHash: string): Promise<void> {
    await this.close();
    await reading(this.path, () => updateFrom(this.hash, this.path, this.hashedBytes));
    if (this.hash.digest('hex') !== expectedHash) throw fileChanged(this.path);
  }

  async close(): Promise<void> {
    await this.source.return(undefined);
  }
}
