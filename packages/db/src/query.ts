import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DbContext } from './client';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import type { IndexName } from './table';
import { read } from './transact';

/** One page of a query on a single partition of the table or of a GSI, mapped with `map`. */
export async function queryPage<T>(
  ctx: DbContext,
  query: {
    index?: IndexName;
    partition: string;
    sortBeginsWith?: string;
    limit: number;
    cursor?: string | undefined;
    newestFirst?: boolean;
  },
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const pkName = query.index ? `${query.index}pk` : 'pk';
  const skName = query.index ? `${query.index}sk` : 'sk';
  const result = await read(() =>
    ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        IndexName: query.index,
        KeyConditionExpression:
          query.sortBeginsWith === undefined ? '#pk = :pk' : '#pk = :pk AND begins_with(#sk, :prefix)',
        ExpressionAttributeNames:
          query.sortBeginsWith === undefined ? { '#pk': pkName } : { '#pk': pkName, '#sk': skName },
        ExpressionAttributeValues:
          query.sortBeginsWith === undefined
            ? { ':pk': query.partition }
            : { ':pk': query.partition, ':prefix': query.sortBeginsWith },
        Limit: query.limit,
        ScanIndexForward: !query.newestFirst,
        ExclusiveStartKey: decodeCursor(query.cursor, { name: pkName, value: query.partition }),
      }),
    ),
  );
  return { items: (result.Items ?? []).map(map), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}
