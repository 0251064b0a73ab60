/**
 * The single-table definition. CDK's data stack and the local bootstrap both build the table from this
 * object, so the two can never drift apart.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items with this attribute (epoch seconds) are deleted by DynamoDB's TTL (idempotency records). */
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    /** Lists: zones by code, enterprises of a zone by name. */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Rankings: firms of a zone and period by score. */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Dates: evidence by expiry date, self-checks by due date. */
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
