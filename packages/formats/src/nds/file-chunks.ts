/**
 * Reads a file in fixed-size chunks into three reused buffers, reading the next chunk while the caller works
 * on the current one. A stream would allocate (and page-fault) a fresh buffer per chunk, which costs about as
 * much as decoding it. Contract: a chunk stays valid until the caller has asked for two more — the book
 * scanner copies what it keeps of a chunk (the tail of a cut line) when it takes the next one.
 */
import { open } from 'node:fs/promises';

export async function* readFileChunks(path: string, chunkBytes: number): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
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
