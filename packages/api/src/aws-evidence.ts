import { createEvidenceStore, type EvidenceStore } from '@antoan/storage';
import { S3Client } from '@aws-sdk/client-s3';

/**
 * The evidence store over S3, for the entries that touch files (evidence, evidence-verify) only: importing this
 * module is what puts the S3 client in a bundle.
 * @example createAwsDeps(process.env, { evidence: s3EvidenceStore })
 */
export const s3EvidenceStore = (bucket: string): EvidenceStore =>
  createEvidenceStore({ client: new S3Client({}), bucket });
