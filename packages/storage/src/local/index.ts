export * from '../test-support';
export { type S3Local, startS3Local } from './s3-local';
export { createTestEvidenceStore, localS3Config } from './test-bucket';
