import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DbContext } from './client';
import { keys } from './keys';
import { read } from './transact';

/** A stored first response, replayed for a repeated request with the same key and body. */
export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

/** What is known about an idempotency key when a request claims it. */
export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'in_progress' }
  | { state: 'completed'; fingerprint: string; response: StoredResponse }
  | { state: 'mismatch' };

/** Records live 24 hours, then DynamoDB's TTL removes them. */
const TTL_SECONDS = 24 * 60 * 60;

/**
 * Claims `key` for a request with this body fingerprint. Of two concurrent requests with the same key, one
 * claims it and the other learns it is in progress; a completed key returns the stored response.
 */
export async function claimIdempotencyKey(
  ctx: DbContext,
  claim: { scope: string; key: string; fingerprint: string; now: Date },
): Promise<IdempotencyClaim> {
  const Key = keys.idempotency(claim.scope, claim.key);
  try {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: {
          ...Key,
          type: 'idempotency',
          state: 'in_progress',
          fingerprint: claim.fingerprint,
          expiresAt: Math.floor(claim.now.getTime() / 1000) + TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return { state: 'claimed' };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ConditionalCheckFailedException') throw error;
  }
  const { Item } = await read(() =>
    ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key, ConsistentRead: true })),
  );
  if (!Item) return claimIdempotencyKey(ctx, claim);
  if (Item.fingerprint !== claim.fingerprint) return { state: 'mismatch' };
  if (Item.state !== 'completed') return { state: 'in_progress' };
  return {
    state: 'completed',
    fingerprint: Item.fingerprint as string,
    response: Item.response as StoredResponse,
  };
}

/** Stores the response of the request that claimed `key`. */
export async function completeIdempotencyKey(
  ctx: DbContext,
  scope: string,
  key: string,
  response: StoredResponse,
): Promise<void> {
  await ctx.doc.send(
    new UpdateCommand({
      TableName: ctx.tableName,
      Key: keys.idempotency(scope, key),
      UpdateExpression: 'SET #state = :completed, #response = :response',
      ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
      ExpressionAttributeValues: { ':completed': 'completed', ':response': response },
    }),
  );
}

/** Frees `key` after a failed request, so that the client can correct it and retry with the same key. */
export async function releaseIdempotencyKey(ctx: DbContext, scope: string, key: string): Promise<void> {
  await ctx.doc.send(new DeleteCommand({ TableName: ctx.tableName, Key: keys.idempotency(scope, key) }));
}
