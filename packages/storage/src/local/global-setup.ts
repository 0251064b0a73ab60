import type { TestProject } from 'vitest/node';
import { startS3Local } from './s3-local';

/** Vitest global setup: one local S3 server per test run; each test file makes its own bucket. */
export default async function setup(project: TestProject) {
  const s3 = await startS3Local();
  project.provide('s3Endpoint', s3.endpoint);
  return () => s3.stop();
}
