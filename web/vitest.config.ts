import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code in src/. Browser tests in e2e/ drive headless Chromium against the built app
// (the `test` script builds it first), served by one platform their global setup starts for all of them.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // One platform and a 2-core machine: browser test files take turns.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
