import { fileURLToPath } from 'node:url';

/** The repository root: bundling resolves entries and the lockfile from here, whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where a resource group's Lambda entry lives, relative to the repository root.
 * @example functionEntry('zones') // 'functions/zones/index.ts'
 */
export const functionEntry = (group: string): string => `functions/${group}/index.ts`;
