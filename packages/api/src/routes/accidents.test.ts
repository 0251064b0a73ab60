import { createEnterprise, createZone, getZoneAccidentCounts } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, type TestApi } from '../test-support';

let api: TestApi;
const now = '2026-11-28T03:00:00.000Z';
const asA = callers.enterpriseA;
const accident = (overrides: Record<string, unknown> = {}) => ({
  occurredAt: '2026-11-20T08:30:00+07:00',
  severity: 'serious',
  victims: 1,
  fatalities: 0,
  cause: 'Ngã từ giàn giáo',
  description: 'Công nhân ngã từ giàn giáo tầng 2 khi tháo cốp pha.',
  ...overrides,
});

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(now) });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: now }, 'seed');
  for (const [id, taxCode] of [
    ['ent-a', '1800000001'],
    ['ent-b', '1800000002'],
  ] as const) {
    await createEnterprise(
      api.db,
      {
        id,
        taxCode,
        name: `Firm ${id}`,
        zoneId: 'zone-a',
        sectorCode: 'F4100',
        highRisk: true,
        headcount: 80,
        workforce: { women: 5, minors: 0, disabled: 0, elderly: 0, hazardous: 40 },
        createdAt: now,
      },
      'seed',
    );
  }
});

const declare = (body: unknown, headers: Record<string, string> = {}) =>
  api.call('POST', '/v1/enterprises/ent-a/accidents', { as: asA, body, headers });

describe('declaring an accident', () => {
  it('stores it in UTC with the Vietnamese day, the immediate-declaration flag and the investigation deadline', async () => {
    const response = await declare(accident({ severity: 'fatal', victims: 2, fatalities: 1 }));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      enterpriseId: 'ent-a',
      zoneId: 'zone-a',
      occurredAt: '2026-11-20T01:30:00.000Z',
      occurredOn: '2026-11-20',
      severity: 'fatal',
      declareImmediately: true,
      investigation: { days: 30, dueOn: '2026-12-20' },
      reportedBy: asA.sub,
    });
  });

  it.each([
    [{ severity: 'serious', victims: 1 }, false, 7],
    [{ severity: 'serious', victims: 3 }, true, 20],
    [{ severity: 'minor', victims: 4 }, false, 4],
  ])('%j: declare immediately %s, investigate within %i days', async (facts, immediately, days) => {
    const response = await declare(accident(facts));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ declareImmediately: immediately, investigation: { days } });
  });

  it('counts each accident once in its zone’s year, even when the request is repeated', async () => {
    const headers = { 'Idempotency-Key': 'accident-2026-11-27-a' };
    const body = accident({ severity: 'minor', occurredAt: '2026-11-27T10:00:00Z' });
    const first = await declare(body, headers);
    const replay = await declare(body, headers);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await replay.json()).toEqual(await first.json());
    expect(await getZoneAccidentCounts(api.db, 'zone-a', '2026')).toEqual({
      fatal: 1,
      serious: 2,
      minor: 2,
      victims: 2 + 1 + 3 + 4 + 1,
      fatalities: 1,
    });
  });

  it.each([
    [accident({ occurredAt: '2026-11-28T03:00:01Z' }), 'occurredAt'],
    [accident({ occurredAt: '2026-11-20' }), 'occurredAt'],
    [accident({ occurredAt: '2026-02-30T08:00:00Z' }), 'occurredAt'],
    [accident({ severity: 'fatal', fatalities: 0 }), 'fatalities'],
    [accident({ severity: 'serious', fatalities: 1 }), 'fatalities'],
    [accident({ severity: 'fatal', victims: 1, fatalities: 2 }), 'fatalities'],
    [accident({ victims: 0 }), 'victims'],
    [accident({ severity: 'deadly' }), 'severity'],
    [accident({ cause: '   ' }), 'cause'],
    [accident({ location: 'Xưởng 2' }), 'location'],
  ])('400 for %j', async (body, path) => {
    const response = await declare(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [expect.objectContaining({ path })] });
  });

  it('415 for a body that is not JSON, 404 for another firm, 403 for the other roles', async () => {
    expect((await declare('occurredAt=now', { 'Content-Type': 'text/plain' })).status).toBe(415);
    const body = accident();
    expect((await api.call('POST', '/v1/enterprises/ent-b/accidents', { as: asA, body })).status).toBe(404);
    expect(
      (await api.call('POST', '/v1/enterprises/ent-a/accidents', { as: callers.inspector, body })).status,
    ).toBe(403);
  });
});

describe('listing accidents', () => {
  it('lists the most recent first, a page at a time, to everyone whose scope covers the firm', async () => {
    const first = await api.call('GET', '/v1/enterprises/ent-a/accidents?limit=2', { as: callers.managerA });
    expect(first.status).toBe(200);
    const page = (await first.json()) as { items: Array<{ occurredAt: string }>; nextCursor: string };
    expect(page.items.map((a) => a.occurredAt)).toEqual([
      '2026-11-27T10:00:00.000Z',
      '2026-11-20T01:30:00.000Z',
    ]);
    const rest = await api.call('GET', `/v1/enterprises/ent-a/accidents?limit=50&cursor=${page.nextCursor}`, {
      as: callers.managerA,
    });
    expect(((await rest.json()) as { items: unknown[] }).items).toHaveLength(3);
    // A cursor is bound to its caller: another one, even with the firm in scope, cannot use it.
    const borrowed = await api.call('GET', `/v1/enterprises/ent-a/accidents?cursor=${page.nextCursor}`, {
      as: callers.inspector,
    });
    expect(borrowed.status).toBe(400);
    expect((await api.call('GET', '/v1/enterprises/ent-a/accidents', { as: callers.managerB })).status).toBe(
      404,
    );
    expect((await api.call('GET', '/v1/enterprises/ent-a/accidents?limit=0', { as: asA })).status).toBe(400);
  });
});
