import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { DbContext } from './client';
import { read } from './transact';

/** The items with these keys that exist (consistent reads, 100 keys a call, unprocessed keys retried); any order. */
export async function batchGetItems(
  ctx: DbContext,
  itemKeys: ReadonlyArray<Record<string, unknown>>,
): Promise<Array<Record<string, unknown>>> {
  const found: Array<Record<string, unknown>> = [];
  let pending = [...itemKeys];
  while (pending.length > 0) {
    const request = { [ctx.tableName]: { Keys: pending.slice(0, 100), ConsistentRead: true } };
    const rest = pending.slice(100);
    const result = await read(() => ctx.doc.send(new BatchGetCommand({ RequestItems: request })));
    found.push(...(result.Responses?.[ctx.tableName] ?? []));
    pending = [...(result.UnprocessedKeys?.[ctx.tableName]?.Keys ?? []), ...rest];
  }
  return found;
}
