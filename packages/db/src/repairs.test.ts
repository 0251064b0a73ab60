import { beforeAll, describe, expect, inject, it } from 'vitest';
import { getZoneAccidentCounts, putZoneAccidentCounts } from './accidents';
import { type Assessment, getZoneStats, putLatestScoreIfAbsent, putZoneStats } from './assessments';
import type { DbContext } from './client';
import { getCoverage, putCoverageCounts } from './evidence';
import { getSelfScores } from './inspections';
import { createTestDb } from './local';
import { getDataFormatVersion, setDataFormatVersion } from './markers';
import { listZoneFirms } from './oversight';

/** The writes the backfill job repairs counters and index entries with. */
let ctx: DbContext;
beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
});

describe('repairs', () => {
  it('replaces a zone period counter with recounted figures', async () => {
    const stats = {
      draft: 1,
      submitted: 2,
      ratings: { A: 1, B: 0, C: 1, D: 0 },
      scoreSumTenths: 1500,
      sections: { s1: { sumTenths: 170, count: 2 } },
    };
    await putZoneStats(ctx, 'zone-r', '2026', stats);
    expect(await getZoneStats(ctx, 'zone-r', '2026')).toEqual(stats);
    await putZoneStats(ctx, 'zone-r', '2026', { ...stats, draft: 0, sections: {} });
    expect(await getZoneStats(ctx, 'zone-r', '2026')).toEqual({ ...stats, draft: 0, sections: {} });
  });

  it('replaces a zone accident counter', async () => {
    const counts = { fatal: 1, serious: 0, minor: 2, victims: 4, fatalities: 1 };
    await putZoneAccidentCounts(ctx, 'zone-r', '2026', counts);
    expect(await getZoneAccidentCounts(ctx, 'zone-r', '2026')).toEqual(counts);
  });

  it('writes a missing score index entry once, never over an existing one', async () => {
    const assessment = {
      id: 'asmt-r',
      enterpriseId: 'ent-r',
      zoneId: 'zone-r',
      templateId: 't',
      templateVersion: 1,
      period: '2026',
      status: 'submitted',
      version: 3,
      applicableItemIds: [],
      answers: {},
      createdAt: '2026-02-01T00:00:00.000Z',
      createdBy: 'u',
      updatedAt: '2026-02-02T00:00:00.000Z',
      submittedAt: '2026-02-02T00:00:00.000Z',
      score: { total: 82.5, rating: 'B', sections: [] },
    } satisfies Assessment;
    const facts = { enterpriseName: 'Repair Co', sectorCode: 'C1010', headcount: 20, highRisk: false };
    expect(await putLatestScoreIfAbsent(ctx, assessment, facts)).toBe(true);
    expect(
      await putLatestScoreIfAbsent(ctx, { ...assessment, score: { ...assessment.score, total: 10 } }, facts),
    ).toBe(false);
    expect(await getSelfScores(ctx, 'ent-r', ['2026'])).toEqual(new Map([['2026', 82.5]]));
    const firms = await listZoneFirms(ctx, {
      zoneId: 'zone-r',
      period: '2026',
      order: 'asc',
      owedBy: { highRisk: false, registeredBy: '2026-12-31' },
      limit: 10,
    });
    expect(firms.items).toEqual([
      expect.objectContaining({ enterpriseId: 'ent-r', name: 'Repair Co', score: 82.5, status: 'submitted' }),
    ]);
  });

  it('replaces a coverage aggregate', async () => {
    await putCoverageCounts(ctx, 'ent-r', '2026', { environmentReports: 2, equipmentInspected: 3 });
    expect(await getCoverage(ctx, 'ent-r', '2026')).toMatchObject({
      environmentMonitored: true,
      equipmentInspected: 3,
      healthExamined: 0,
    });
  });

  it('records the data format version and never lowers it', async () => {
    expect(await getDataFormatVersion(ctx)).toBe(0);
    await setDataFormatVersion(ctx, 2, '2026-11-28T00:00:00.000Z');
    expect(await getDataFormatVersion(ctx)).toBe(2);
    await setDataFormatVersion(ctx, 1, '2026-11-29T00:00:00.000Z');
    expect(await getDataFormatVersion(ctx)).toBe(2);
  });
});
