/// <reference path="./s3rver.d.ts" />
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { localS3Config } from './test-bucket';

/** A running local S3-compatible server. */
export interface S3Local {
  endpoint: string;
  clientConfig: ReturnType<typeof localS3Config>;
  stop(): Promise<void>;
}

/**
 * Starts the S3 server on a free loopback port. It enforces neither signatures nor POST policy
 * conditions, which is why the API verifies every uploaded object itself.
 */
export async function startS3Local(options: { dataDir?: string | undefined } = {}): Promise<S3Local> {
  const directory = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'antoan-s3-')));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    clientConfig: localS3Config(endpoint),
    stop: async () => {
      await server.close();
      if (!options.dataDir) await rm(directory, { recursive: true, force: true });
    },
  };
}
