import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DbContext } from './client';
import { decodeCursor, encodeCursor, type Page } from './cursor';
import type { IndexName } from './table';
import { read } from './transact';

/** A filter applied after the key condition; a filtered page can hold fewer than `limit` items. */
export interface QueryFilter {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

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
    filter?: QueryFilter;
  },
  map: (item: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const pkName = query.index ? `${query.index}pk` : 'pk';
  const skName = query.index ? `${query.index}sk` : 'sk';
  const names: Record<string, string> = { '#pk': pkName, ...query.filter?.names };
  const values: Record<string, unknown> = { ':pk': query.partition, ...query.filter?.values };
  let condition = '#pk = :pk';
  if (query.sortBeginsWith !== undefined) {
    condition += ' AND begins_with(#sk, :prefix)';
    names['#sk'] = skName;
    values[':prefix'] = query.sortBeginsWith;
  }
  const result = await read(() =>
    ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        IndexName: query.index,
        KeyConditionExpression: condition,
        FilterExpression: query.filter?.expression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        Limit: query.limit,
        ScanIndexForward: !query.newestFirst,
        ExclusiveStartKey: decodeCursor(query.cursor, { name: pkName, value: query.partition }),
      }),
    ),
  );
  return { items: (result.Items ?? []).map(map), nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

/** Every item of one partition, page by page (for daily jobs whose partitions are one day's worth). */
export async function queryAll<T>(
  ctx: DbContext,
  query: { index?: IndexName; partition: string; sortBeginsWith?: string; filter?: QueryFilter },
  map: (item: Record<string, unknown>) => T,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<T> = await queryPage(ctx, { ...query, limit: 500, cursor }, map);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return all;
}

/** Maps an item to the named fields it holds (an index's projection, say), typed as `T`. */
export const pickFields =
  <T>(fields: readonly string[]) =>
  (item: Record<string, unknown>): T =>
    Object.fromEntries(
      fields.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]),
    ) as unknown as T;
