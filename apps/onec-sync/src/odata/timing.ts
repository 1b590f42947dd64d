/**
 * Time the transport waits: a bounded request rate (a 1C server serves accountants too, so a sync must
 * not flood it) and exponential backoff with full jitter between retries. The clock and the sleep are
 * injectable so that tests need no real waiting.
 */
import { onecErrors } from '../errors.js';

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted === true) return reject(onecErrors.aborted());
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(onecErrors.aborted());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** Request starts at most `perSecond` per second, spaced evenly (no bursts). */
export class RateLimiter {
  readonly #interval: number;
  readonly #clock: Clock;
  #next = 0;

  constructor(perSecond: number, clock: Clock = systemClock) {
    this.#interval = perSecond > 0 ? 1000 / perSecond : 0;
    this.#clock = clock;
  }

  /** Waits until the next request may start. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const now = this.#clock.now();
    const at = Math.max(now, this.#next);
    this.#next = at + this.#interval;
    if (at > now) await this.#clock.sleep(at - now, signal);
  }
}

export interface BackoffPolicy {
  /** First delay cap, ms; the cap doubles on every retry. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `retry` (1-based): uniform in [0, min(max, base·2^(retry−1))] ("full jitter",
 * so that several instances retrying at once spread out), but never less than the server's Retry-After.
 */
export function backoffDelay(policy: BackoffPolicy, retry: number, random: () => number, retryAfterSeconds?: number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const jittered = Math.floor(random() * cap);
  return retryAfterSeconds === undefined ? jittered : Math.max(jittered, Math.min(retryAfterSeconds * 1000, policy.maxDelayMs));
}
