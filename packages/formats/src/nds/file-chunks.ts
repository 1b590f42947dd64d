/**
 * Reads a file in fixed-size chunks into reused buffers (three by default), reading the next chunk while the
 * caller works on the current one. A stream would allocate (and page-fault) a fresh buffer per chunk, which
 * costs about as much as decoding it. Contract: a chunk stays valid until the caller has asked for
 * `buffers - 1` more — the book scanner copies what it keeps of a chunk (the tail of a cut line) when it
 * takes the next one; with a worker tokenising one chunk ahead it needs four buffers.
 */
import { open } from 'node:fs/promises';

export interface FileChunkOptions {
  /** Reused buffers (default 3). */
  buffers?: number;
  /** Buffers in SharedArrayBuffers, so that a worker thread can read the chunks too. */
  shared?: boolean;
}

export async function* readFileChunks(path: string, chunkBytes: number, options: FileChunkOptions = {}): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  const buffers = Array.from({ length: options.buffers ?? 3 }, () =>
    options.shared === true ? Buffer.from(new SharedArrayBuffer(chunkBytes)) : Buffer.allocUnsafe(chunkBytes),
  );
  let index = 0;
  let position = 0;
  let pending: Promise<{ bytesRead: number }> | undefined = handle.read(buffers[0] as Buffer, 0, chunkBytes, 0);
  try {
    for (;;) {
      const { bytesRead } = await pending;
      pending = undefined;
      if (bytesRead === 0) return;
      const current = (buffers[index] as Buffer).subarray(0, bytesRead);
      position += bytesRead;
      index = (index + 1) % buffers.length;
      pending = handle.read(buffers[index] as Buffer, 0, chunkBytes, position);
      yield current;
    }
  } finally {
    await pending?.catch(() => undefined);
    await handle.close();
  }
}
