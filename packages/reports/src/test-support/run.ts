import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for one test's reports. */
export const freshDir = (name: string): string => mkdtempSync(join(tmpdir(), `sledopyt-reports-${name}-`));
