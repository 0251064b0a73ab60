import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['../db/src/local/global-setup.ts', '../storage/src/local/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
