import { defineConfig } from 'vitest/config';

// Each test file synthesizes the app once, bundling every function with esbuild.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
