import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSledopytError } from '@sledopyt/core';
import { describe, expect, it } from 'vitest';
import { HashedChunks, hashFile, sha256Hex } from './file-bytes.js';
import { writeSection9 } from './testing/import-fixtures.js';
import { tempFolder } from './test-support/helpers.js';

async function section(): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = await writeSection9({ extraLines: 400 });
  const path = join(tempFolder(), 'NO_NDS.9.xml');
  writeFileSync(path, bytes);
  return { path, bytes };
}

describe('file bytes', () => {
  it('hashes a file streamed from disk as its bytes hash', async () => {
    const { path, bytes } = await section();
    expect(await hashFile(path)).toBe(sha256Hex(bytes));
  });

  it('verifies the chunks a reader took, and the rest it left, against the hash', async () => {
    const { path, bytes } = await section();
    const chunks = new HashedChunks(path, 4096);
    let taken = 0;
    for await (const chunk of chunks) {
      taken += chunk.length;
      if (taken > 10_000) break;
    }
    await expect(chunks.verify(sha256Hex(bytes))).resolves.toBeUndefined();
  });

  it('notices a file that grew after it was hashed', async () => {
    const { path, bytes } = await section();
    const hash = sha256Hex(bytes);
    const chunks = new HashedChunks(path, 4096);
    let taken = 0;
    for await (const chunk of chunks) taken += chunk.length;
    expect(taken).toBe(bytes.length);
    appendFileSync(path, '<!-- дописано -->');
    const error = await chunks.verify(hash).catch((caught: unknown) => caught);
    expect(isSledopytError(error) && [error.code, error.actor]).toEqual(['IMPORT_FILE_CHANGED', 'transient']);
  });
});
