import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from './dynamo-local';

/** Vitest global setup: one in-memory DynamoDB Local per test run; each test file makes its own table. */
export default async function setup(project: TestProject) {
  // Node 20 is what this machine runs; the SDK's notice about Node 22 is known and only clutters test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
