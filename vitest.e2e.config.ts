import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the BUILT extension (.output/chrome-mv3) in a real Chromium, driven by
 * playwright-core. One browser at a time: a Chromium per test file is heavy, and CI machines are small.
 * `npm run test:e2e` builds first.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    // A flaky browser start is not worth hiding: no retries.
    retry: 0,
  },
});
