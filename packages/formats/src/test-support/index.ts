/** Helpers for tests only (excluded from the build): fixtures, shared ФНС material, xmllint. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeXml } from '../xml/encoding.js';

const here = dirname(fileURLToPath(import.meta.url));
/** /work/main/packages/formats/src/test-support → /work/shared/fns-formats (the repo root's sibling). */
export const SHARED_FORMATS_DIR = resolve(here, '../../../../../shared/fns-formats');

export function sharedFile(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SHARED_FORMATS_DIR, relative)));
}

export function sharedText(relative: string): string {
  return new TextDecoder('windows-1251').decode(sharedFile(relative));
}

/** Text → windows-1251 bytes. */
export const cp1251 = (text: string): Uint8Array => encodeXml(text, 'windows-1251');
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Expects `fn` to throw a SledopytError and returns it, for assertions on code and details. */
export { caught as catchError } from '@sledopyt/core/testing';

/** Runs `xmllint --noout --schema` on the bytes; returns the exit code and stderr. */
export function xmllint(bytes: Uint8Array, xsdRelative: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sledopyt-formats-'));
  const file = join(dir, 'document.xml');
  writeFileSync(file, bytes);
  try {
    execFileSync('xmllint', ['--noout', '--schema', join(SHARED_FORMATS_DIR, xsdRelative), file], { stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (error) {
    const failure = error as { stderr?: Buffer; message: string };
    return { ok: false, output: failure.stderr?.toString() ?? failure.message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
