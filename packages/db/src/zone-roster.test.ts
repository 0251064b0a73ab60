import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAssessment, submitAssessment } from './assessments';
import type { DbContext } from './client';
import { createEnterprise, type Enterprise } from './enterprises';
import { createTestDb } from './local';
import { getZoneCounters, listZoneRoster } from './zone-roster';
import { createZone } from './zones';

let ctx: DbContext;
const at = '2026-02-01T00:00:00.000Z';
const firm = (n: number, highRisk: boolean, zoneId = 'zr'): Enterprise => ({
  id: `${zoneId}-e${n}`,
  taxCode: `18100000${String(n).padStart(2, '0')}${zoneId === 'zr' ? '' : '9'}`,
  name: `Firm ${n}`,
  zoneId,
  sectorCode: highRisk ? 'F4100' : 'C1010',
  highRisk,
  headcount: 20,
  workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt: at,
});

async function start(enterprise: Enterprise, period: string) {
  return createAssessment(ctx, {
    id: `a-${enterprise.id}-${period}`,
    enterpriseId: enterprise.id,
    zoneId: enterprise.zoneId,
    templateId: 't',
    templateVersion: 1,
    period,
    status: 'draft',
    version: 1,
    applicableItemIds: [],
    answers: {},
    createdAt: at,
    createdBy: 'u',
    updatedAt: at,
  });
}

async function submit(enterprise: Enterprise, period: string, total: number) {
  await submitAssessment(ctx, {
    assessment: await start(enterprise, period),
    score: { total, rating: total >= 85 ? 'A' : total >= 70 ? 'B' : total >= 50 ? 'C' : 'D', sections: [] },
    facts: {
      enterpriseName: enterprise.name,
      sectorCode: enterprise.sectorCode,
      headcount: 20,
      highRisk: enterprise.highRisk,
    },
    nextDueOn: '2026-12-31',
    actor: 'u',
    at: '2026-10-01T00:00:00.000Z',
  });
}

/** Zone `zr`: high-risk e1–e3 (half-years), regular e4–e6 (years); e1 and e4 submitted, e2 and e5 have drafts. */
beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
  await createZone(ctx, { id: 'zr', code: 'ZR', name: 'Zone R', createdAt: at }, 'seed');
  await createZone(ctx, { id: 'zq', code: 'ZQ', name: 'Zone Q', createdAt: at }, 'seed');
  for (let n = 1; n <= 6; n++) await createEnterprise(ctx, firm(n, n <= 3), 'seed');
  await createEnterprise(ctx, firm(1, false, 'zq'), 'seed');
  await submit(firm(1, true), '2026-H2', 91);
  await submit(firm(4, false), '2026', 45);
  // A submission of an earlier half-year is not the current period's.
  await submit(firm(3, true), '2026-H1', 60);
  await start(firm(2, true), '2026-H2');
  await start(firm(5, false), '2026');
});

describe('listZoneRoster', () => {
  it('lists every firm of the zone on both schedules with its own period and status', async () => {
    const { entries, itemsRead } = await listZoneRoster(ctx, {
      zoneId: 'zr',
      periodOf: (entry) => (entry.highRisk ? '2026-H2' : '2026'),
    });
    const byId = Object.fromEntries(
      entries.map((entry) => [entry.enterpriseId, [entry.period, entry.status, entry.score, entry.rating]]),
    );
    expect(byId).toEqual({
      'zr-e1': ['2026-H2', 'submitted', 91, 'A'],
      'zr-e2': ['2026-H2', 'draft', null, null],
      'zr-e3': ['2026-H2', 'not_started', null, null],
      'zr-e4': ['2026', 'submitted', 45, 'D'],
      'zr-e5': ['2026', 'draft', null, null],
      'zr-e6': ['2026', 'not_started', null, null],
    });
    expect(entries.find((entry) => entry.enterpriseId === 'zr-e1')).toMatchObject({
      taxCode: '1810000001',
      sectorCode: 'F4100',
      registeredOn: '2026-02-01',
      submittedAt: '2026-10-01T00:00:00.000Z',
    });
    // 6 firms + 1 score in each of the two periods + 4 period claims of the firms that did not submit.
    expect(itemsRead).toBe(6 + 2 + 4);
  });

  it('leaves out the firms the period function gives none, and another zone’s firms', async () => {
    const { entries } = await listZoneRoster(ctx, {
      zoneId: 'zr',
      periodOf: (entry) => (entry.highRisk ? '2026-H1' : undefined),
    });
    expect(entries.map((entry) => [entry.enterpriseId, entry.status])).toEqual([
      ['zr-e1', 'not_started'],
      ['zr-e2', 'not_started'],
      ['zr-e3', 'submitted'],
    ]);
  });
});

describe('getZoneCounters', () => {
  it('reads the kept counters of several zones, periods and years in one batch', async () => {
    const [zr, zq] = await getZoneCounters(ctx, {
      zoneIds: ['zr', 'zq'],
      periods: ['2026', '2026-H2', '2025'],
      years: ['2026'],
    });
    expect(zr?.registrations).toEqual({ highRisk: { '2026-02': 3 }, regular: { '2026-02': 3 } });
    expect(zr?.stats['2026-H2']).toMatchObject({ submitted: 1, draft: 1, scoreSumTenths: 910 });
    expect(zr?.stats['2026']).toMatchObject({ submitted: 1, scoreSumTenths: 450 });
    expect(zr?.stats['2025']).toMatchObject({ submitted: 0, draft: 0 });
    expect(zq?.registrations).toEqual({ highRisk: {}, regular: { '2026-02': 1 } });
    expect(zq?.actions).toEqual({ open: 0, overdue: 0 });
    expect(zq?.accidents['2026']).toMatchObject({ fatal: 0, serious: 0, minor: 0 });
  });
});
