import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startPlatform } from '@antoan/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  /** What the global setup gives every browser test file. */
  export interface ProvidedContext {
    webUrl: string;
  }
}

/** One in-memory platform with demo data, serving the built app, for all browser tests of the run. */
export default async function setup(project: TestProject) {
  if (!existsSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)))) {
    throw new Error(
      'The web app is not built: run `pnpm --filter @antoan/web build` (the test script does).',
    );
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const platform = await startPlatform({ port: 0, dataDir: undefined, seed: true });
  project.provide('webUrl', platform.url);
  return () => platform.stop();
}
