/** The demo's inbox folder: recreated on each run, so that it holds exactly this run's files. */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DemoFile } from '@sledopyt/generators';

export async function writeDemoInbox(dir: string, files: readonly DemoFile[]): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const file of files) {
    const path = join(dir, file.name);
    await writeFile(path, file.bytes);
    paths.push(path);
  }
  return paths;
}
