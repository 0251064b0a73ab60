import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Accident,
  createAccident,
  getZoneAccidentCounts,
  listAccidents,
  listGraveAccidentsSince,
} from './accidents';
import type { DbContext } from './client';
import { createTestDb } from './local';

let ctx: DbContext;
beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
});

const accident = (
  id: string,
  occurredAt: string,
  severity: Accident['severity'],
  extra: Partial<Accident> = {},
): Accident => ({
  id,
  enterpriseId: 'e1',
  zoneId: 'z1',
  occurredAt,
  occurredOn: occurredAt.slice(0, 10),
  severity,
  victims: 1,
  fatalities: severity === 'fatal' ? 1 : 0,
  cause: 'fall from height',
  description: 'A worker fell from scaffolding.',
  declareImmediately: severity === 'fatal',
  investigation: { days: 4, dueOn: '2026-01-01', basis: { vi: 'x', en: 'x' } },
  reportedAt: '2026-11-28T00:00:00.000Z',
  reportedBy: 'u1',
  ...extra,
});

describe('accidents', () => {
  it('records accidents with the zone counters of their year, and lists them newest first', async () => {
    await createAccident(ctx, accident('a1', '2026-03-01T02:00:00.000Z', 'minor'));
    await createAccident(
      ctx,
      accident('a2', '2026-10-01T02:00:00.000Z', 'fatal', { victims: 3, fatalities: 2 }),
    );
    await createAccident(ctx, accident('a3', '2026-06-01T02:00:00.000Z', 'serious', { victims: 2 }));
    await createAccident(ctx, accident('a4', '2025-12-31T02:00:00.000Z', 'serious', { enterpriseId: 'e2' }));
    expect(await getZoneAccidentCounts(ctx, 'z1', '2026')).toEqual({
      fatal: 1,
      serious: 1,
      minor: 1,
      victims: 6,
      fatalities: 2,
    });
    expect(await getZoneAccidentCounts(ctx, 'z1', '2025')).toMatchObject({ serious: 1, fatal: 0 });
    expect(await getZoneAccidentCounts(ctx, 'z9', '2026')).toEqual({
      fatal: 0,
      serious: 0,
      minor: 0,
      victims: 0,
      fatalities: 0,
    });
    const first = await listAccidents(ctx, { enterpriseId: 'e1', limit: 2 });
    expect(first.items.map((a) => a.id)).toEqual(['a2', 'a3']);
    const second = await listAccidents(ctx, { enterpriseId: 'e1', limit: 2, cursor: first.nextCursor ?? '' });
    expect(second.items.map((a) => a.id)).toEqual(['a1']);
  });

  it('refuses the same accident twice and counts it once', async () => {
    await expect(
      createAccident(ctx, accident('a1', '2026-03-01T02:00:00.000Z', 'minor')),
    ).rejects.toMatchObject({
      code: 'accident_exists',
    });
    expect((await getZoneAccidentCounts(ctx, 'z1', '2026')).minor).toBe(1);
  });

  it('reads only the fatal and serious accidents since a day', async () => {
    const grave = await listGraveAccidentsSince(ctx, 'e1', '2026-05-01');
    expect(grave.map((a) => a.id)).toEqual(['a3', 'a2']);
  });
});
