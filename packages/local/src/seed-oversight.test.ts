import { listTargets } from '@antoan/api';
import {
  getZoneAccidentCounts,
  getZoneActionCounts,
  getZoneEnterpriseCounts,
  getZoneStats,
  listActionsOfEnterprise,
  listZoneFirms,
} from '@antoan/db';
import { createTestDb } from '@antoan/db/local';
import { parsePeriod, zoneDashboardFigures } from '@antoan/domain';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { demoEnterprises } from './demo-data';
import { seedDemoData } from './seed';

const now = new Date('2026-11-28T03:00:00.000Z');
const today = '2026-11-28';
let db: Awaited<ReturnType<typeof createTestDb>>;
let seconds: number;

beforeAll(async () => {
  db = await createTestDb(inject('dynamoEndpoint'));
  const started = Date.now();
  await seedDemoData(db, now);
  seconds = (Date.now() - started) / 1000;
}, 120_000);

const figures = async (zoneId: string, text: string) => {
  const parsed = parsePeriod(text);
  if (!parsed.success) throw new Error(parsed.message);
  const previous = parsed.period.kind === 'half' ? `${text.slice(0, 4)}-H1` : String(parsed.period.year - 1);
  return zoneDashboardFigures({
    period: parsed.period,
    today,
    registrations: await getZoneEnterpriseCounts(db, zoneId),
    current: await getZoneStats(db, zoneId, text),
    previous: await getZoneStats(db, zoneId, previous),
  });
};

describe('the oversight demo', () => {
  it('seeds in seconds (printed; the machine’s load decides the exact figure)', () => {
    console.log(`demo seed: ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(90);
  });

  it('has corrective actions in every state, some of them overdue', async () => {
    const statuses = new Set<string>();
    let overdue = 0;
    for (const enterprise of demoEnterprises()) {
      const page = await listActionsOfEnterprise(db, { enterpriseId: enterprise.id, limit: 200 });
      for (const action of page.items) {
        statuses.add(action.status);
        if (action.overdueCounted) overdue++;
      }
    }
    expect([...statuses].sort()).toEqual(['cancelled', 'done', 'in_progress', 'open', 'verified']);
    expect(overdue).toBeGreaterThan(0);
    const zones = [...new Set(demoEnterprises().map((enterprise) => enterprise.zoneId))];
    const counts = await Promise.all(zones.map((zone) => getZoneActionCounts(db, zone)));
    expect(counts.some((count) => count.open > 0 && count.overdue > 0)).toBe(true);
  });

  it('gives a zone manager a dashboard with every status and a spread of ratings', async () => {
    const firms = demoEnterprises().filter((e) => e.zoneId === 'zone-tn1');
    for (const [text, highRisk] of [
      ['2026', false],
      ['2026-H2', true],
    ] as const) {
      const dashboard = await figures('zone-tn1', text);
      expect(dashboard.enterprises).toBe(firms.filter((e) => e.highRisk === highRisk).length);
      expect(dashboard.submitted).toBeGreaterThan(0);
      expect(dashboard.draft + dashboard.notStarted).toBeGreaterThan(0);
      expect(dashboard.averageScore).not.toBeNull();
      expect(dashboard.weakestSections.length).toBeGreaterThan(0);
    }
    const city = { A: 0, B: 0, C: 0, D: 0 };
    for (const zoneId of new Set(demoEnterprises().map((e) => e.zoneId))) {
      for (const text of ['2026', '2026-H2']) {
        const { ratingCounts } = await figures(zoneId, text);
        for (const rating of ['A', 'B', 'C', 'D'] as const) city[rating] += ratingCounts[rating];
      }
    }
    console.log(`demo ratings this period: ${JSON.stringify(city)}`);
    expect(Object.values(city).filter((count) => count > 0).length).toBeGreaterThanOrEqual(3);
    const fatal = (
      await Promise.all(
        [
          'zone-tn1',
          'zone-tn2',
          'zone-hp1',
          'zone-hp2a',
          'zone-hp2b',
          'zone-tnot',
          'zone-om',
          'zone-bom',
        ].map((z) => getZoneAccidentCounts(db, z, '2026')),
      )
    ).reduce((sum, c) => sum + c.fatal, 0);
    expect(fatal).toBe(3);
    const list = await listZoneFirms(db, {
      zoneId: 'zone-tn1',
      period: '2026',
      order: 'asc',
      owedBy: { highRisk: false, registeredBy: '2026-12-31' },
      limit: 200,
    });
    expect(new Set(list.items.map((f) => f.status))).toEqual(new Set(['submitted', 'draft', 'not_started']));
  });

  it('gives an inspector an explained list: fatal accidents, over-reporters, unknown compliance, a random pick', async () => {
    const list = await listTargets(db, { limit: 20 }, today);
    expect(list?.items).toHaveLength(20);
    const codes = new Set(list?.items.flatMap((t) => t.reasons.map((r) => r.code)));
    for (const code of ['fatal_accident', 'unknown_compliance', 'high_hazard_sector', 'random_sample'])
      expect(codes).toContain(code);
    const all = await listTargets(db, { limit: 200 }, today);
    expect(all?.items.some((t) => t.reasons.some((r) => r.code === 'credibility_gap'))).toBe(true);
    console.log(`demo targets: read ${list?.itemsRead} items for 20 entries`);
  });
});
