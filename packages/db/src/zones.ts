import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { ConflictError } from './errors';
import { keys } from './keys';
import { queryPage } from './query';
import { read, transactWrite } from './transact';

/** An industrial zone (or any area an authority oversees). Zones are data, never code. */
export interface Zone {
  id: string;
  code: string;
  name: string;
  createdAt: string;
}

/** A zone from its stored item. */
export const toZone = (item: Record<string, unknown>): Zone => ({
  id: item.id as string,
  code: item.code as string,
  name: item.name as string,
  createdAt: item.createdAt as string,
});

/** Creates a zone; a zone code already in use gives ConflictError `zone_code_taken`. */
export async function createZone(ctx: DbContext, zone: Zone, actor: string): Promise<Zone> {
  await transactWrite(
    ctx,
    [
      {
        Put: {
          TableName: ctx.tableName,
          Item: { ...keys.zone(zone.id), type: 'zone', gsi1pk: keys.zoneList(), gsi1sk: zone.code, ...zone },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: ctx.tableName,
          Item: { ...keys.zoneCode(zone.code), type: 'unique', owner: zone.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(ctx.tableName, keys.zone(zone.id).pk, {
        actor,
        action: 'zone.create',
        target: zone.id,
        at: zone.createdAt,
      }),
    ],
    () => new ConflictError('zone_code_taken', `zone code ${zone.code} is already in use`),
  );
  return zone;
}

/** One zone by id, or undefined. */
export async function getZone(ctx: DbContext, zoneId: string): Promise<Zone | undefined> {
  const { Item } = await read(() =>
    ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.zone(zoneId) })),
  );
  return Item ? toZone(Item) : undefined;
}

/** Every zone, ordered by code. */
export function listZones(
  ctx: DbContext,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Zone>> {
  return queryPage(ctx, { index: 'gsi1', partition: keys.zoneList(), ...page }, toZone);
}

/** The zones with these ids (a zone manager's own zones), ordered by code; unknown ids are skipped. */
export async function getZonesByIds(ctx: DbContext, zoneIds: readonly string[]): Promise<Zone[]> {
  const unique = [...new Set(zoneIds)];
  const zones: Zone[] = [];
  for (let start = 0; start < unique.length; start += 100) {
    let pending: Record<string, unknown>[] = unique.slice(start, start + 100).map(keys.zone);
    while (pending.length > 0) {
      const request = { [ctx.tableName]: { Keys: pending } };
      const result = await read(() => ctx.doc.send(new BatchGetCommand({ RequestItems: request })));
      zones.push(...(result.Responses?.[ctx.tableName] ?? []).map(toZone));
      pending = result.UnprocessedKeys?.[ctx.tableName]?.Keys ?? [];
    }
  }
  return zones.sort((a, b) => a.code.localeCompare(b.code));
}
