import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DbContext } from './client';
import { keys } from './keys';
import { read } from './transact';

/** Whether a one-time step (such as seeding version N of the demo data) has completed. */
export async function hasMarker(ctx: DbContext, name: string): Promise<boolean> {
  const { Item } = await read(() =>
    ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.marker(name) })),
  );
  return Item !== undefined;
}

/** Records that a one-time step has completed. */
export async function setMarker(ctx: DbContext, name: string, at: string): Promise<void> {
  await ctx.doc.send(
    new PutCommand({ TableName: ctx.tableName, Item: { ...keys.marker(name), type: 'marker', at } }),
  );
}

const DATA_FORMAT = 'data-format';

/**
 * The format version the data was last brought to (by the backfill job), or 0 for data from before versions
 * were recorded.
 */
export async function getDataFormatVersion(ctx: DbContext): Promise<number> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({ TableName: ctx.tableName, Key: keys.marker(DATA_FORMAT), ConsistentRead: true }),
    ),
  );
  return typeof Item?.version === 'number' ? Item.version : 0;
}

/** Records that the data is in format `version` (never lowers a higher version another process recorded). */
export async function setDataFormatVersion(ctx: DbContext, version: number, at: string): Promise<void> {
  try {
    await read(() =>
      ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: { ...keys.marker(DATA_FORMAT), type: 'marker', version, at },
          ConditionExpression: 'attribute_not_exists(pk) OR #version < :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': version },
        }),
      ),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
  }
}
