/// <reference path="./s3rver.d.ts" />
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { localS3Config } from './test-bucket';

/** A running local S3-compatible server. */
export interface S3Local {
  endpoint: string;
  clientConfig: ReturnType<typeof localS3Config>;
  /**
   * Lets pages from `origins` post presigned uploads to `bucket` and fetch its objects (bucket CORS). It is set
   * over the S3 API after start because the web origin's port is known only once the platform listens.
   */
  allowBrowserOrigins(bucket: string, origins: readonly string[]): Promise<void>;
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
  const clientConfig = localS3Config(endpoint);
  return {
    endpoint,
    clientConfig,
    allowBrowserOrigins: async (bucket, origins) => {
      const client = new S3Client(clientConfig);
      try {
        await client.send(
          new PutBucketCorsCommand({
            Bucket: bucket,
            CORSConfiguration: {
              CORSRules: [
                {
                  AllowedOrigins: [...origins],
                  AllowedMethods: ['POST', 'GET'],
                  AllowedHeaders: ['*'],
                  ExposeHeaders: ['ETag'],
                  MaxAgeSeconds: 600,
                },
              ],
            },
          }),
        );
      } finally {
        client.destroy();
      }
    },
    stop: async () => {
      await server.close();
      if (!options.dataDir) await rm(directory, { recursive: true, force: true });
    },
  };
}
