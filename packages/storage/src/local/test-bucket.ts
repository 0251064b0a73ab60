import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { createEvidenceStore, type EvidenceStore } from '../evidence-store';

declare module 'vitest' {
  /** What the global setup (`global-setup.ts`) gives every test file. */
  export interface ProvidedContext {
    s3Endpoint: string;
  }
}

/** The one key pair the local S3 verifier accepts. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** Client settings for the local S3 server (its verifier accepts only `LOCAL_S3_CREDENTIALS`). */
export function localS3Config(endpoint: string) {
  return {
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { ...LOCAL_S3_CREDENTIALS },
  };
}

/** A fresh bucket with a unique name on the local S3 server, wrapped in an evidence store. */
export async function createTestEvidenceStore(
  endpoint: string,
): Promise<{ store: EvidenceStore; bucket: string; client: S3Client }> {
  const bucket = `test-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const client = new S3Client(localS3Config(endpoint));
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return { store: createEvidenceStore({ client, bucket }), bucket, client };
}
