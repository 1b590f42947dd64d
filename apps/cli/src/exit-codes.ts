import { isSledopytError } from '@sledopyt/core';

/** Exit codes every subcommand shares (documented in the README). */
export const EXIT = {
  /** the work ran and found nothing at or above the failure threshold */
  OK: 0,
  /** the work ran and found problems at or above the threshold (e.g. invalid RNPTs) */
  FINDINGS: 1,
  /** bad input or configuration: the user or the administrator must fix something */
  BAD_INPUT: 2,
  /** internal, store or transient failure: retry, or report it */
  INTERNAL: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeFor(error: unknown): ExitCode {
  if (!isSledopytError(error)) return EXIT.INTERNAL;
  // A store that cannot be reached or migrated is a store error (3) even though an admin fixes it; a wrong URL is bad config (2).
  if (error.code.startsWith('STORE_') && error.code !== 'STORE_URL_INVALID') return EXIT.INTERNAL;
  return error.actor === 'user' || error.actor === 'admin' ? EXIT.BAD_INPUT : EXIT.INTERNAL;
}
