import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { createEvidenceStore, type EvidenceStore } from '../evidence-store';

declare module 'vitest' {
  /** What the global setup (`global-setup.ts`) gives every test file. */
  export interface ProvidedContext {
    s3Endpoint: string;
  }
}

/** Client settings for the local S3 server (it accepts any credentials). */
export function localS3Config(endpoint: string) {
  return {
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
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
