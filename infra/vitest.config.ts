import { defineConfig } from 'vitest/config';

// Each test file synthesizes the app once, bundling every function with esbuild (15 of them): minutes on a
// loaded machine.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 400_000 } });
