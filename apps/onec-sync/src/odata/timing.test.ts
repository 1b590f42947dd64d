import { describe, expect, it } from 'vitest';
import { RateLimiter, backoffDelay } from './timing.js';
import type { Clock } from './timing.js';

function fakeClock(): Clock & { slept: number[] } {
  let now = 1_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('request pacing', () => {
  it('spaces request starts evenly at the configured rate', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(4, clock);
    for (let i = 0; i < 5; i += 1) await limiter.acquire();
    expect(clock.slept).toEqual([250, 250, 250, 250]);
    expect(clock.now()).toBe(2_000);
  });

  it('backs off exponentially with full jitter, capped, and honours Retry-After', () => {
    const policy = { baseDelayMs: 500, maxDelayMs: 8_000 };
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(policy, retry, () => 0.999_999))).toEqual([499, 999, 1999, 3999, 7999, 7999]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
    expect(backoffDelay(policy, 1, () => 0.5, 3)).toBe(3_000);
    expect(backoffDelay(policy, 1, () => 0.5, 60)).toBe(8_000);
  });
});
