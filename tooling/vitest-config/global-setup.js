import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every test run gets its own temporary folder (TMPDIR, inherited by the test workers), removed at the end: the
 * tests create databases, inboxes, sshd keys and reports under os.tmpdir() and need not clean up one by one.
 * SLEDOPYT_KEEP_TEST_TMP=1 keeps it for a look after a failure.
 */
export default function setup() {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'sledopyt-test-'));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.SLEDOPYT_KEEP_TEST_TMP === '1') console.log(`test files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
