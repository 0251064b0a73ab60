import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DbContext } from './client';
import { ConflictError, InvalidCursorError } from './errors';
import { createTestDb } from './local';
import { createZone, getZone, getZonesByIds, listZones } from './zones';

let ctx: DbContext;
beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
});

const zone = (id: string, code: string) => ({
  id,
  code,
  name: `Zone ${code}`,
  createdAt: '2026-11-28T00:00:00.000Z',
});

describe('zones', () => {
  it('creates, reads and lists zones by code across pages', async () => {
    await createZone(ctx, zone('z2', 'B'), 'tester');
    await createZone(ctx, zone('z1', 'A'), 'tester');
    await createZone(ctx, zone('z3', 'C'), 'tester');
    expect(await getZone(ctx, 'z1')).toEqual(zone('z1', 'A'));
    expect(await getZone(ctx, 'nope')).toBeUndefined();

    const first = await listZones(ctx, { limit: 2 });
    expect(first.items.map((z) => z.code)).toEqual(['A', 'B']);
    expect(first.nextCursor).toBeTypeOf('string');
    const second = await listZones(ctx, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((z) => z.code)).toEqual(['C']);
  });

  it('refuses a duplicate code and writes nothing', async () => {
    await expect(createZone(ctx, zone('z9', 'A'), 'tester')).rejects.toBeInstanceOf(ConflictError);
    expect(await getZone(ctx, 'z9')).toBeUndefined();
  });

  it('gets a manager’s own zones by id, skipping unknown ones', async () => {
    const zones = await getZonesByIds(ctx, ['z3', 'z1', 'missing', 'z1']);
    expect(zones.map((z) => z.id)).toEqual(['z1', 'z3']);
  });

  it('rejects a cursor for another list', async () => {
    const forged = Buffer.from(
      JSON.stringify({ gsi1pk: 'ZONE#x#ENTS', gsi1sk: 'a', pk: 'x', sk: 'y' }),
    ).toString('base64url');
    await expect(listZones(ctx, { limit: 2, cursor: forged })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(listZones(ctx, { limit: 2, cursor: 'not base64 json' })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });
});
