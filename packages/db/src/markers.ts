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
