import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The official ФНС samples in ../shared (read-only conformance material). */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../../../shared/fns-formats/samples/', import.meta.url));
export const SAMPLE_UPD_501 = join(SAMPLES_DIR, 'generate_utd820_05_01_02_hyphen_title0_resp.xml');
export const SAMPLE_UPD_502 = join(SAMPLES_DIR, 'generate_utd970_05_02_01_title0_resp.xml');

/** A fresh temp folder with the given files (name → bytes or text). */
export function tempFiles(files: Record<string, Uint8Array | string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'sledopyt-cli-'));
  return Object.fromEntries(
    Object.entries(files).map(([name, content]) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return [name, path];
    }),
  );
}

export const readBytes = (path: string): Uint8Array => readFileSync(path);
