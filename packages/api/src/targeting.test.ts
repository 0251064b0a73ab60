import { createAccident, createEnterprise, createZone, type Enterprise, getTargetEntry } from '@antoan/db';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { allRoutes } from './app';
import { createApp } from './create-app';
import { refreshTargetPriority, rerankZoneTargets } from './targeting';
import { callers, createTestApi, faultInjectable, type TestApi } from './test-support';

let api: TestApi;
const now = '2026-11-28T03:00:00.000Z';
const firm = (id: string, taxCode: string, createdAt = '2025-02-01T00:00:00.000Z'): Enterprise => ({
  id,
  taxCode,
  name: `Firm ${id}`,
  zoneId: 'zone-a',
  sectorCode: 'C2410',
  highRisk: true,
  headcount: 200,
  workforce: { women: 10, minors: 0, disabled: 0, elderly: 0, hazardous: 80 },
  createdAt,
});

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(now) });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: now }, 'seed');
  await createEnterprise(api.db, firm('ent-a', '1800000001'), 'seed');
  await createEnterprise(api.db, firm('ent-b', '1800000002'), 'seed');
  await createAccident(api.db, {
    id: 'acc-1',
    enterpriseId: 'ent-a',
    zoneId: 'zone-a',
    occurredAt: '2026-12-31T03:00:00.000Z',
    occurredOn: '2026-12-31',
    severity: 'fatal',
    victims: 1,
    fatalities: 1,
    cause: 'crushed',
    description: 'crushed by a press',
    declareImmediately: true,
    investigation: { days: 30, dueOn: '2027-01-30', basis: { vi: 'x', en: 'x' } },
    reportedAt: '2026-12-31T04:00:00.000Z',
    reportedBy: 'u',
  });
});

describe('refreshTargetPriority', () => {
  it('builds the entry from the firm’s records, and undefined for an unknown firm', async () => {
    const entry = await refreshTargetPriority(api.db, 'ent-a', '2026-12-31');
    expect(entry).toMatchObject({
      enterpriseId: 'ent-a',
      zoneId: 'zone-a',
      mustInclude: true,
      refreshedOn: '2026-12-31',
      snapshot: {
        selfScore: null,
        accidents: [{ severity: 'fatal', occurredOn: '2026-12-31' }],
        expiredCriticalEvidence: 0,
        credibilityGap: null,
      },
    });
    expect(await getTargetEntry(api.db, 'ent-a')).toEqual(entry);
    expect(await refreshTargetPriority(api.db, 'ent-none', '2026-12-31')).toBeUndefined();
  });

  it('keeps the expired critical evidence the evidence job reported until it reports again', async () => {
    await refreshTargetPriority(api.db, 'ent-b', '2026-12-31', { expiredCriticalEvidence: 2 });
    const again = await refreshTargetPriority(api.db, 'ent-b', '2026-12-31');
    expect(again?.snapshot.expiredCriticalEvidence).toBe(2);
    expect(again?.priority).toBeGreaterThan(
      (await refreshTargetPriority(api.db, 'ent-b', '2026-12-31', { expiredCriticalEvidence: 0 }))
        ?.priority ?? 0,
    );
  });
});

describe('rerankZoneTargets', () => {
  it('rewrites only the entries whose priority moved with the date', async () => {
    // The next day is 2027: the fatal accident no longer forces ent-a in and now counts as a serious one;
    // nothing about ent-b depends on the date.
    const run = await rerankZoneTargets(api.db, 'zone-a', '2027-01-01');
    expect(run).toEqual({ read: 2, rewritten: 1 });
    expect(await getTargetEntry(api.db, 'ent-a')).toMatchObject({
      mustInclude: false,
      refreshedOn: '2027-01-01',
    });
    expect(await rerankZoneTargets(api.db, 'zone-a', '2027-01-01')).toEqual({ read: 2, rewritten: 0 });
  });
});

describe('a refresh that fails after the write', () => {
  it('is logged, and the write still answers 201: it stands, and the next refresh repairs the entry', async () => {
    const { db, mock } = faultInjectable(api.db);
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: {},
    });
    mock.on(QueryCommand).rejects(throttled);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = createApp({ ...api.deps, db }, { routes: allRoutes() });
    const response = await app.request('/v1/enterprises/ent-a/accidents', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await api.token(callers.enterpriseA)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        occurredAt: '2026-11-27T01:00:00Z',
        severity: 'serious',
        victims: 1,
        fatalities: 0,
        cause: 'burn',
        description: 'hot metal splash',
      }),
    });
    expect(response.status).toBe(201);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('target priority not refreshed'));
    logged.mockRestore();
    expect((await refreshTargetPriority(api.db, 'ent-a', '2026-11-28'))?.snapshot.accidents).toHaveLength(2);
  });
});
