import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getZoneAccidentCounts } from './accidents';
import { getZoneActionCounts } from './actions';
import { createAssessment, getZoneStats, submitAssessment } from './assessments';
import type { DbContext } from './client';
import { createEnterprise, type Enterprise } from './enterprises';
import { getZoneReportCounters } from './firm-years';
import { keys } from './keys';
import { createTestDb } from './local';
import {
  getZoneDashboardItems,
  getZoneEnterpriseCounts,
  listZoneFirms,
  rebuildZoneEnterpriseCounts,
  type ZoneFirm,
} from './oversight';
import { createZone, getZone } from './zones';

let ctx: DbContext;
const at = '2026-02-01T00:00:00.000Z';
const firm = (n: number, highRisk: boolean, createdAt = at): Enterprise => ({
  id: `e${String(n).padStart(2, '0')}`,
  taxCode: `18000000${String(n).padStart(2, '0')}`,
  name: `Firm ${String.fromCharCode(90 - n)}`,
  zoneId: 'z1',
  sectorCode: highRisk ? 'F4100' : 'C1010',
  highRisk,
  headcount: 20,
  workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt,
});

/** Ten high-risk firms: e01–e06 submit (two share a score), e07 has a draft, e08–e10 did nothing; e11 is regular. */
const totals: Record<string, number> = { e01: 72.5, e02: 40, e03: 88, e04: 72.5, e05: 55, e06: 99.9 };
beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
  await createZone(ctx, { id: 'z1', code: 'Z1', name: 'Zone 1', createdAt: at }, 'seed');
  for (let n = 1; n <= 10; n++) await createEnterprise(ctx, firm(n, true), 'seed');
  await createEnterprise(ctx, firm(11, false, '2026-03-15T00:00:00.000Z'), 'seed');
  await createEnterprise(ctx, firm(12, true, '2026-08-15T00:00:00.000Z'), 'seed');
  for (let n = 1; n <= 7; n++) {
    const enterprise = firm(n, true);
    const assessment = await createAssessment(ctx, {
      id: `a${n}`,
      enterpriseId: enterprise.id,
      zoneId: 'z1',
      templateId: 't',
      templateVersion: 1,
      period: '2026-H1',
      status: 'draft',
      version: 1,
      applicableItemIds: [],
      answers: {},
      createdAt: at,
      createdBy: 'u',
      updatedAt: at,
    });
    const total = totals[enterprise.id];
    if (total === undefined) continue;
    await submitAssessment(ctx, {
      assessment,
      score: { total, rating: total >= 85 ? 'A' : total >= 70 ? 'B' : total >= 50 ? 'C' : 'D', sections: [] },
      facts: {
        enterpriseName: enterprise.name,
        sectorCode: enterprise.sectorCode,
        headcount: 20,
        highRisk: true,
      },
      nextDueOn: '2026-12-31',
      actor: 'u',
      at: '2026-06-01T00:00:00.000Z',
    });
  }
});

describe('zone registrations', () => {
  it('are counted by risk group and month in the same transaction as the enterprise', async () => {
    expect(await getZoneEnterpriseCounts(ctx, 'z1')).toEqual({
      highRisk: { '2026-02': 10, '2026-08': 1 },
      regular: { '2026-03': 1 },
    });
  });

  it('can be rebuilt from the enterprise list', async () => {
    await ctx.doc.send(new DeleteCommand({ TableName: ctx.tableName, Key: keys.zoneEnterpriseCounts('z1') }));
    expect(await getZoneEnterpriseCounts(ctx, 'z1')).toEqual({ highRisk: {}, regular: {} });
    expect(await rebuildZoneEnterpriseCounts(ctx, 'z1')).toEqual({
      highRisk: { '2026-02': 10, '2026-08': 1 },
      regular: { '2026-03': 1 },
    });
  });
});

describe('listZoneFirms', () => {
  const owedBy = { highRisk: true, registeredBy: '2026-06-30' };
  async function all(order: 'asc' | 'desc', limit: number): Promise<{ pages: number; firms: ZoneFirm[] }> {
    const firms: ZoneFirm[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listZoneFirms(ctx, {
        zoneId: 'z1',
        period: '2026-H1',
        order,
        owedBy,
        limit,
        cursor,
      });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      firms.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor !== undefined);
    return { pages, firms };
  }

  it.each([1, 2, 3, 6, 7, 50])(
    'returns every firm that owes the period exactly once, in order (pages of %i)',
    async (limit) => {
      const { firms } = await all('asc', limit);
      expect(firms.map((f) => f.enterpriseId)).toEqual([
        'e02',
        'e05',
        'e01',
        'e04',
        'e03',
        'e06',
        // Not submitted, by name: Firm P (e10), Q (e09), R (e08), S (e07, a draft).
        'e10',
        'e09',
        'e08',
        'e07',
      ]);
      expect(firms[0]).toMatchObject({
        score: 40,
        rating: 'D',
        status: 'submitted',
        name: 'Firm X',
        sectorCode: 'F4100',
      });
      expect(firms.at(-1)).toMatchObject({ score: null, rating: null, status: 'draft', submittedAt: null });
      expect(firms.at(-2)).toMatchObject({ status: 'not_started' });
    },
  );

  it('sorts the scored firms highest first on request, and still lists the others after them', async () => {
    const { firms } = await all('desc', 4);
    expect(firms.map((f) => f.enterpriseId)).toEqual([
      'e06',
      'e03',
      'e04',
      'e01',
      'e05',
      'e02',
      'e10',
      'e09',
      'e08',
      'e07',
    ]);
  });

  it('refuses a cursor of another list', async () => {
    const page = await listZoneFirms(ctx, {
      zoneId: 'z1',
      period: '2026-H1',
      order: 'asc',
      owedBy,
      limit: 2,
    });
    const cursor = page.nextCursor ?? '';
    await expect(
      listZoneFirms(ctx, { zoneId: 'z1', period: '2026-H1', order: 'desc', owedBy, limit: 2, cursor }),
    ).rejects.toMatchObject({ name: 'InvalidCursorError' });
    await expect(
      listZoneFirms(ctx, {
        zoneId: 'z1',
        period: '2026-H1',
        order: 'asc',
        owedBy,
        limit: 2,
        cursor: 'bm9wZQ',
      }),
    ).rejects.toMatchObject({ name: 'InvalidCursorError' });
  });
});

describe('getZoneDashboardItems', () => {
  it('reads in one call what the counter reads, the report counters and the zone read give', async () => {
    const query = { zoneId: 'z1', period: '2026-H1', previousPeriod: '2025-H2', year: '2026' };
    expect(await getZoneDashboardItems(ctx, query)).toEqual({
      zone: await getZone(ctx, 'z1'),
      registrations: await getZoneEnterpriseCounts(ctx, 'z1'),
      current: await getZoneStats(ctx, 'z1', '2026-H1'),
      previous: await getZoneStats(ctx, 'z1', '2025-H2'),
      accidents: await getZoneAccidentCounts(ctx, 'z1', '2026'),
      actions: await getZoneActionCounts(ctx, 'z1'),
      report: (await getZoneReportCounters(ctx, ['z1'], ['2026']))[0],
    });
    const missing = await getZoneDashboardItems(ctx, { ...query, zoneId: 'nope' });
    expect(missing.zone).toBeUndefined();
    expect(missing.current.submitted).toBe(0);
  });
});
