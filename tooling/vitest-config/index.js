import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * One vitest config for every package.
 * - `include` is explicit: vitest 4 no longer excludes `dist/`, so compiled tests would run twice.
 * - workers are capped: turbo runs several packages at once and CI has 2 cores.
 * @param {import('vitest/config').ViteUserConfig['test']} [overrides]
 */
export function createVitestConfig(overrides = {}) {
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      restoreMocks: true,
      // One temporary folder per run, removed afterwards (global-setup.js).
      globalSetup: [fileURLToPath(new URL('./global-setup.js', import.meta.url))],
      pool: 'forks',
      maxWorkers: process.env.CI ? 1 : 2,
      testTimeout: 30_000,
      // Hooks start real parts (Chromium, PostgreSQL schemas, sshd): on a loaded 2-core CI machine 10 s is too short.
      hookTimeout: 60_000,
      // expect.poll waits 1 s by default: too little for Chromium or a server under load; success returns at once.
      expect: { poll: { timeout: 20_000 } },
      // The JSON report feeds the one-line total that `pnpm test` prints at the end.
      reporters: ['default', 'json'],
      outputFile: { json: './test-results/vitest.json' },
      ...overrides,
    },
  });
}
