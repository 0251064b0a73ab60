import { resolve } from 'node:path';

/** The local platform's settings, read once from the environment (see architecture.md). */
export interface LocalConfig {
  port: number;
  /** Where DynamoDB Local and the S3 server keep data; undefined keeps everything in memory. */
  dataDir: string | undefined;
  seed: boolean;
}

/** Reads `PORT`, `ANTOAN_DATA_DIR`, `ANTOAN_IN_MEMORY` and `ANTOAN_SEED`, failing loudly on a bad value. */
export function readLocalConfig(
  env: NodeJS.ProcessEnv = process.env,
  // `pnpm start` runs in packages/local; INIT_CWD is where the user typed it, so `.data/` lands there.
  cwd = env.INIT_CWD ?? process.cwd(),
): LocalConfig {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const inMemory = env.ANTOAN_IN_MEMORY === '1';
  return {
    port,
    dataDir: inMemory ? undefined : resolve(cwd, env.ANTOAN_DATA_DIR ?? '.data'),
    seed: env.ANTOAN_SEED !== '0',
  };
}
