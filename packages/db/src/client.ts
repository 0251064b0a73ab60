import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where the data lives: the table name and the document client that talks to it. */
export interface DbContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

/** Builds the document client once per process; `config` carries the endpoint for DynamoDB Local. */
export function createDbContext(tableName: string, config: DynamoDBClientConfig = {}): DbContext {
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { doc, tableName };
}
