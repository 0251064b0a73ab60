/// <reference path="./s3rver.d.ts" />
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { startS3Verifier } from './s3-verifier';
import { LOCAL_S3_CREDENTIALS, localS3Config } from './test-bucket';

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
 * Starts the S3 server on a free loopback port, behind a verifier (`s3-verifier.ts`) that enforces what S3
 * enforces and the S3 server does not: SigV4 signatures, presigned URL expiry and POST policies. The
 * endpoint is the verifier's; nothing reaches the S3 server without passing it. The API still verifies
 * every uploaded object itself (defence in depth).
 */
export async function startS3Local(options: { dataDir?: string | undefined } = {}): Promise<S3Local> {
  const directory = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'antoan-s3-')));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const verifier = await startS3Verifier({
    upstream: { host: '127.0.0.1', port },
    credentials: new Map([[LOCAL_S3_CREDENTIALS.accessKeyId, LOCAL_S3_CREDENTIALS.secretAccessKey]]),
  }).catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const endpoint = verifier.endpoint;
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
      await verifier.stop();
      await server.close();
      if (!options.dataDir) await rm(directory, { recursive: true, force: true });
    },
  };
}
