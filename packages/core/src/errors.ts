/**
 * Errors with a stable code, a Russian message for the people who read it, an English one for logs,
 * and the party who must act. Identify errors by `code` (or `isSledopytError`), never by `instanceof`:
 * two copies of this package in one process would break `instanceof`.
 */

/** Who must act on an error. */
export type ErrorActor =
  /** the accountant or auditor: the data (a code, a number, a file) is wrong */
  | 'user'
  /** the administrator: configuration, access, installation */
  | 'admin'
  /** nobody yet: a transient failure (network, 1C busy) — retry */
  | 'transient'
  /** the developers: a bug — report it */
  | 'developer';

export interface SledopytErrorInit {
  /** Stable machine code, UPPER_SNAKE, e.g. `RNPT_BAD_DATE`. */
  code: string;
  /** English, for logs. */
  message: string;
  /** Russian, for users: what is wrong and what to do. */
  messageRu: string;
  actor?: ErrorActor;
  /** Structured facts for logs and JSON output (no secrets). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

const SLEDOPYT_ERROR = Symbol.for('sledopyt.error');

export class SledopytError extends Error {
  readonly code: string;
  readonly messageRu: string;
  readonly actor: ErrorActor;
  readonly details: Record<string, unknown>;
  readonly [SLEDOPYT_ERROR] = true;

  constructor(init: SledopytErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'SledopytError';
    this.code = init.code;
    this.messageRu = init.messageRu;
    this.actor = init.actor ?? 'user';
    this.details = init.details ?? {};
  }

  toJSON(): { code: string; message: string; messageRu: string; actor: ErrorActor; details: Record<string, unknown> } {
    return { code: this.code, message: this.message, messageRu: this.messageRu, actor: this.actor, details: this.details };
  }
}

export function isSledopytError(value: unknown): value is SledopytError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SLEDOPYT_ERROR] === true;
}

/**
 * The result of validating one input: either the value or a typed error.
 * Validators return this instead of throwing so that a batch of inputs can report every failure.
 */
export type Result<T, E = SledopytError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Unwraps a Result, throwing its error. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw result.error;
}
