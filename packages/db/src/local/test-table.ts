import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ulid } from 'ulid';
import { ensureTable } from '../bootstrap';
import { createDbContext, type DbContext } from '../client';

declare module 'vitest' {
  /** What the global setup (`global-setup.ts`) gives every test file. */
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** Client settings for a DynamoDB Local endpoint (it accepts any credentials). */
export function localClientConfig(endpoint: string) {
  return { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}

/** Creates a fresh table with a unique name on DynamoDB Local, so test files never share data. */
export async function createTestDb(endpoint: string): Promise<DbContext> {
  const tableName = `test-${ulid()}`;
  const client = new DynamoDBClient(localClientConfig(endpoint));
  await ensureTable(client, tableName);
  client.destroy();
  return createDbContext(tableName, localClientConfig(endpoint));
}
