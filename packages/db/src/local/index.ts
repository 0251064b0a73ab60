export { assertJava, type DynamoLocal, startDynamoLocal } from './dynamo-local';
export { freePort } from './free-port';
export { createTestDb, localClientConfig } from './test-table';
