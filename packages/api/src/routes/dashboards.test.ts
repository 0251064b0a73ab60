import { createEnterprise, createZone, type Enterprise } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenRequest } from '../local-issuer';
import {
  createDraftThroughApi,
  officerOf,
  registerThroughApi,
  type SubmittedScore,
  submitThroughApi,
} from '../oversight-test-support';
import { callers, createTestApi, type TestApi } from '../test-support';

let api: TestApi;
const now = '2026-11-28T03:00:00.000Z';
const regular = (id: string, name: string): Enterprise => ({
  id,
  taxCode: `18000000${id.slice(-2)}`,
  name,
  zoneId: 'zone-a',
  sectorCode: 'C1010',
  highRisk: false,
  headcount: 40,
  workforce: { women: 10, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt: '2025-06-01T00:00:00.000Z',
});

/** Regular firms r01–r03 registered in 2025, r04–r06 now; two high-risk firms; one firm in another zone. */
const ids: Record<string, string> = { r01: 'r01', r02: 'r02', r03: 'r03' };
const scores: Record<string, SubmittedScore> = {};
const declare = (eid: string, severity: string, occurredAt: string) =>
  api.call('POST', `/v1/enterprises/${eid}/accidents`, {
    as: officerOf(eid),
    body: {
      occurredAt,
      severity,
      victims: 1,
      fatalities: severity === 'fatal' ? 1 : 0,
      cause: 'Máy cuốn',
      description: 'Tai nạn khi vận hành máy.',
    },
  });

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(now) });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: now }, 'seed');
  await createZone(api.db, { id: 'zone-b', code: 'ZB', name: 'Zone B', createdAt: now }, 'seed');
  await createEnterprise(api.db, regular('r01', 'Anh Dương'), 'seed');
  await createEnterprise(api.db, regular('r02', 'Bình Minh'), 'seed');
  await createEnterprise(api.db, regular('r03', 'Cửu Long'), 'seed');
  const firm = (n: number, name: string, sectorCode: string, zoneId = 'zone-a') =>
    registerThroughApi(api, { taxCode: `18000001${n}`, name, zoneId, sectorCode, headcount: 30 });
  ids.r04 = await firm(10, 'Đại Phát', 'C1010');
  ids.r05 = await firm(11, 'Hòa Hiệp', 'G4663');
  ids.r06 = await firm(12, 'Ê Đê', 'J6201');
  ids.h01 = await firm(13, 'Xây dựng Tây Đô', 'F4100');
  ids.h02 = await firm(14, 'Thép Mê Kông', 'C2410');
  ids.other = await firm(15, 'Zone B firm', 'C1010', 'zone-b');

  const pattern = (every: number, value: 'partial' | 'non_compliant') => (_id: string, index: number) =>
    index % every === 0 ? value : 'compliant';
  scores.r01 = await submitThroughApi(api, officerOf('r01'), 'r01', '2026', () => 'compliant');
  scores.r02 = await submitThroughApi(api, officerOf('r02'), 'r02', '2026', pattern(2, 'partial'));
  scores.r04 = await submitThroughApi(
    api,
    officerOf(ids.r04 as string),
    ids.r04 as string,
    '2026',
    pattern(3, 'non_compliant'),
  );
  await createDraftThroughApi(api, officerOf(ids.r05 as string), ids.r05 as string, '2026');
  scores.h01 = await submitThroughApi(
    api,
    officerOf(ids.h01 as string),
    ids.h01 as string,
    '2026-H2',
    pattern(4, 'partial'),
  );
  await submitThroughApi(
    api,
    officerOf(ids.other as string),
    ids.other as string,
    '2026',
    pattern(2, 'non_compliant'),
  );

  for (const [eid, severity, at] of [
    ['r01', 'fatal', '2026-03-02T08:00:00+07:00'],
    ['r01', 'minor', '2026-04-02T08:00:00+07:00'],
    ['r02', 'serious', '2026-05-02T08:00:00+07:00'],
    [ids.h01, 'fatal', '2026-10-02T08:00:00+07:00'],
    ['r03', 'fatal', '2025-12-31T08:00:00+07:00'],
    [ids.other, 'fatal', '2026-06-02T08:00:00+07:00'],
  ] as const) {
    expect((await declare(eid as string, severity, at)).status).toBe(201);
  }
});

const dashboard = (zoneId: string, query: string, as: TokenRequest = callers.managerA) =>
  api.call('GET', `/v1/zones/${zoneId}/dashboard${query}`, { as });

describe('zone dashboard', () => {
  it('gives the figures of the records: counts, ratings, average, weakest sections, fatal accidents', async () => {
    const response = await dashboard('zone-a', '?period=2026');
    expect(response.status).toBe(200);
    const submitted = ['r01', 'r02', 'r04'].map((key) => scores[key] as SubmittedScore);
    const ratingCounts = { A: 0, B: 0, C: 0, D: 0 };
    for (const score of submitted) ratingCounts[score.rating]++;
    const sectionAverages = new Map<string, number>();
    for (const id of new Set(submitted.flatMap((s) => s.sections.map((section) => section.id)))) {
      const values = submitted.flatMap((s) =>
        s.sections.filter((x) => x.id === id && x.score !== null).map((x) => x.score as number),
      );
      if (values.length > 0)
        sectionAverages.set(id, Math.round(values.reduce((a, b) => a + b * 10, 0) / values.length) / 10);
    }
    const weakest = [...sectionAverages].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, 3);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      zoneId: 'zone-a',
      period: '2026',
      enterprises: 6,
      submitted: 3,
      draft: 1,
      notStarted: 2,
      // r03 was owed before 2026 and never submitted; the counters cannot rule out r01 and r02 (see API.md).
      overdue: 3,
      averageScore: Math.round(submitted.reduce((sum, s) => sum + s.total * 10, 0) / 3) / 10,
      ratingCounts,
      weakestSections: weakest.map(([sectionId, averageScore]) => ({
        sectionId,
        title: expect.objectContaining({ vi: expect.any(String), en: expect.any(String) }),
        averageScore,
      })),
      fatalAccidents: 2,
      accidents: { year: '2026', fatal: 2, serious: 1, minor: 1, victims: 4, fatalities: 2 },
      covers: {
        group: 'regular',
        text: expect.objectContaining({ en: expect.stringContaining('once a year') }),
      },
      // One pending action per gap of the zone's submissions; exact counts are tested in actions.test.ts.
      actions: { open: expect.any(Number), overdue: 0 },
      // No firm of the zone saved a complete annual form.
      annualReports: { year: '2026', complete: 0, firms: 8 },
    });
  });

  it('counts the high-risk firms in the half-year dashboards, and a past period’s non-submitters as overdue', async () => {
    const half = (await (await dashboard('zone-a', '?period=2026-H2', callers.inspector)).json()) as Record<
      string,
      unknown
    >;
    expect(half).toMatchObject({
      enterprises: 2,
      submitted: 1,
      draft: 0,
      notStarted: 1,
      overdue: 0,
      averageScore: scores.h01?.total,
    });
    const past = (await (await dashboard('zone-a', '?period=2025', callers.authority)).json()) as Record<
      string,
      unknown
    >;
    expect(past).toMatchObject({
      enterprises: 3,
      submitted: 0,
      notStarted: 3,
      overdue: 3,
      averageScore: null,
      fatalAccidents: 1,
    });
  });

  it('404 for a zone manager of another zone and for a missing zone, 403 for an enterprise', async () => {
    expect((await dashboard('zone-a', '?period=2026', callers.managerB)).status).toBe(404);
    expect((await dashboard('zone-zz', '?period=2026', callers.authority)).status).toBe(404);
    expect((await dashboard('zone-a', '?period=2026', callers.enterpriseA)).status).toBe(403);
    expect((await api.call('GET', '/v1/zones/zone-a/dashboard?period=2026')).status).toBe(401);
  });

  it.each(['?period=', '?period=2026-Q1', '?period=26', '?period=2026&zone=x', '?zone=x'])(
    '400 for %s',
    async (query) => {
      const response = await dashboard('zone-a', query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        errors: expect.arrayContaining([expect.objectContaining({ path: expect.any(String) })]),
      });
    },
  );
});

describe('zone firm list', () => {
  const list = async (query: string) => {
    const response = await api.call('GET', `/v1/zones/zone-a/enterprises${query}`, { as: callers.managerA });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      items: Array<{ enterpriseId: string; status: string; score: number | null }>;
      nextCursor: string | null;
    };
  };

  it('returns every firm exactly once, scored ones by score then the others, whatever the page size', async () => {
    const byScore = ['r01', 'r02', 'r04']
      .map((key) => ({ id: ids[key] as string, total: scores[key]?.total as number }))
      .sort((a, b) => a.total - b.total || a.id.localeCompare(b.id));
    const expected = [...byScore.map((s) => s.id), 'r03', ids.r06, ids.r05];
    for (const limit of [1, 2, 4, 50]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(
          `?period=2026&sort=score&order=asc&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((item) => item.enterpriseId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
    const first = await list('?period=2026&order=desc&limit=50');
    expect(first.items.map((item) => item.status)).toEqual([
      'submitted',
      'submitted',
      'submitted',
      'not_started',
      'not_started',
      'draft',
    ]);
    expect(first.items[0]?.enterpriseId).toBe(byScore.at(-1)?.id);
  });

  it('400 for a cursor of another list, an unknown sort, a quarter; 404 outside the manager’s zones', async () => {
    const page = await list('?period=2026&limit=1');
    for (const query of [
      `?period=2026&order=desc&limit=1&cursor=${page.nextCursor}`,
      '?period=2026&sort=name',
      '?period=2026-Q4',
    ]) {
      expect(
        (await api.call('GET', `/v1/zones/zone-a/enterprises${query}`, { as: callers.managerA })).status,
      ).toBe(400);
    }
    expect(
      (await api.call('GET', '/v1/zones/zone-a/enterprises?period=2026', { as: callers.managerB })).status,
    ).toBe(404);
    expect(
      (await api.call('GET', '/v1/zones/zone-a/enterprises?period=2026', { as: callers.enterpriseA })).status,
    ).toBe(403);
  });
});

describe('whole-zone dashboard (no period)', () => {
  it('counts every firm of the zone once, each for the period it owes now, with both schedules beside', async () => {
    const response = await dashboard('zone-a', '');
    expect(response.status).toBe(200);
    const submitted = ['r01', 'r02', 'r04', 'h01'].map((key) => scores[key] as SubmittedScore);
    expect(await response.json()).toMatchObject({
      zoneId: 'zone-a',
      period: '2026',
      // 6 regular firms owe 2026, 2 high-risk firms owe 2026-H2: the whole zone of 8, not one schedule's part.
      enterprises: 8,
      submitted: 4,
      draft: 1,
      notStarted: 3,
      overdue: 3,
      submissionRate: 50,
      averageScore: Math.round(submitted.reduce((sum, s) => sum + s.total * 10, 0) / 4) / 10,
      covers: { group: 'all' },
      schedules: [
        { period: '2026-H2', group: 'highRisk', enterprises: 2, submitted: 1, submissionRate: 50 },
        { period: '2026', group: 'regular', enterprises: 6, submitted: 3, submissionRate: 50 },
      ],
      fatalAccidents: 2,
      annualReports: { year: '2026', firms: 8 },
    });
  });

  it('404 outside the manager’s zones, 403 for an enterprise', async () => {
    expect((await dashboard('zone-a', '', callers.managerB)).status).toBe(404);
    expect((await dashboard('zone-a', '', callers.enterpriseA)).status).toBe(403);
  });
});

describe('zone firms on both schedules (/firms)', () => {
  type Row = { enterpriseId: string; period: string; status: string; schedule: string; taxCode: string };
  type RosterPage = { items: Row[]; nextCursor: string | null; total: number; periods: unknown[] };
  const firms = async (query: string, as: TokenRequest = callers.managerA) => {
    const response = await api.call('GET', `/v1/zones/zone-a/firms${query}`, { as });
    expect(response.status).toBe(200);
    return (await response.json()) as RosterPage;
  };
  const everyPage = async (query: string, limit: number) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: RosterPage = await firms(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((item) => item.enterpriseId));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };

  it('lists all the zone’s firms, each with its own current period and status', async () => {
    const page = await firms('?limit=50');
    expect(page.total).toBe(8);
    expect(page.periods).toEqual([
      { period: '2026-H2', group: 'highRisk' },
      { period: '2026', group: 'regular' },
    ]);
    const byId = Object.fromEntries(
      page.items.map((item) => [item.enterpriseId, [item.schedule, item.period, item.status]]),
    );
    expect(byId).toEqual({
      r01: ['year', '2026', 'submitted'],
      r02: ['year', '2026', 'submitted'],
      r03: ['year', '2026', 'not_started'],
      [ids.r04 as string]: ['year', '2026', 'submitted'],
      [ids.r05 as string]: ['year', '2026', 'draft'],
      [ids.r06 as string]: ['year', '2026', 'not_started'],
      [ids.h01 as string]: ['half', '2026-H2', 'submitted'],
      [ids.h02 as string]: ['half', '2026-H2', 'not_started'],
    });
  });

  it('finds a firm by tax code or by its name without accents', async () => {
    expect((await firms('?q=1800000113')).items.map((item) => item.enterpriseId)).toEqual([ids.h01]);
    expect((await firms('?q=thep%20me%20kong')).items.map((item) => item.enterpriseId)).toEqual([ids.h02]);
    expect((await firms('?q=zone%20b')).total).toBe(0);
  });

  it('filters by status, rating, sector and schedule', async () => {
    expect((await firms('?status=submitted')).total).toBe(4);
    expect((await firms('?status=draft')).items.map((item) => item.enterpriseId)).toEqual([ids.r05]);
    const rating = scores.h01?.rating as string;
    const rated = ['r01', 'r02', 'r04', 'h01'].filter((key) => scores[key]?.rating === rating);
    expect((await firms(`?rating=${rating}`)).total).toBe(rated.length);
    // C1010 (r01–r04) and C2410 (h02) are in section C.
    expect((await firms('?sector=C')).total).toBe(5);
    expect((await firms('?sector=C24')).items.map((item) => item.enterpriseId)).toEqual([ids.h02]);
    expect((await firms('?schedule=half')).total).toBe(2);
    expect((await firms('?schedule=year&status=not_started')).total).toBe(2);
  });

  it('sorts by every column both ways, unknown scores last, and pages through each order exactly once', async () => {
    for (const sort of [
      'name',
      'taxCode',
      'sector',
      'schedule',
      'status',
      'score',
      'rating',
      'submittedAt',
    ]) {
      for (const order of ['asc', 'desc']) {
        const whole = (await firms(`?sort=${sort}&order=${order}&limit=50`)).items.map(
          (item) => item.enterpriseId,
        );
        expect(whole).toHaveLength(8);
        expect(await everyPage(`?sort=${sort}&order=${order}`, 3)).toEqual(whole);
      }
    }
    const byScore = (await firms('?sort=score&order=desc&limit=50')).items as Array<
      Row & { score: number | null }
    >;
    const known = byScore.filter((item) => item.score !== null).map((item) => item.score as number);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(byScore.slice(4).every((item) => item.score === null)).toBe(true);
    const byTax = (await firms('?sort=taxCode&limit=50')).items.map((item) => item.taxCode);
    expect(byTax).toEqual([...byTax].sort());
  });

  it('lists the firms that owe a period when one is asked', async () => {
    const page = await firms('?period=2026-H2');
    expect(page.items.map((item) => item.enterpriseId).sort()).toEqual([ids.h01, ids.h02].sort());
  });

  it.each([
    '?sort=score2',
    '?order=up',
    '?status=overdue',
    '?rating=E',
    '?sector=c10',
    '?q=',
    '?limit=0',
    '?period=2026-Q1',
    '?foo=1',
    '?cursor=abc',
  ])('400 problem+json for %s', async (query) => {
    const response = await api.call('GET', `/v1/zones/zone-a/firms${query}`, { as: callers.managerA });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ errors: expect.arrayContaining([expect.anything()]) });
  });

  it('400 for a cursor of another sort; 404 for another zone or a missing one; 403 for an enterprise', async () => {
    const page = await firms('?sort=name&limit=1');
    const other = await api.call(
      'GET',
      `/v1/zones/zone-a/firms?sort=score&limit=1&cursor=${page.nextCursor}`,
      {
        as: callers.managerA,
      },
    );
    expect(other.status).toBe(400);
    expect((await api.call('GET', '/v1/zones/zone-a/firms', { as: callers.managerB })).status).toBe(404);
    expect((await api.call('GET', '/v1/zones/zone-zz/firms', { as: callers.authority })).status).toBe(404);
    expect((await api.call('GET', '/v1/zones/zone-a/firms', { as: callers.enterpriseA })).status).toBe(403);
  });
});

describe('zone trends', () => {
  const trends = (query: string, as: TokenRequest = callers.managerA) =>
    api.call('GET', `/v1/zones/zone-a/trends${query}`, { as });

  it('gives each half-year and year its submission rate and average score, unknown as null', async () => {
    const response = await trends('?from=2025&to=2026');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      halfYears: Array<Record<string, unknown>>;
      years: Array<Record<string, unknown>>;
    };
    expect(body.halfYears.map((point) => point.period)).toEqual(['2025-H1', '2025-H2', '2026-H1', '2026-H2']);
    expect(body.halfYears[3]).toEqual({
      period: '2026-H2',
      group: 'highRisk',
      ended: false,
      enterprises: 2,
      submitted: 1,
      submissionRate: 50,
      averageScore: scores.h01?.total,
    });
    // No high-risk firm was registered before 2026-H2: nothing owed, so the rate is unknown, not 0.
    expect(body.halfYears[0]).toMatchObject({ enterprises: 0, submissionRate: null, averageScore: null });
    expect(body.years).toEqual([
      {
        period: '2025',
        group: 'regular',
        ended: true,
        enterprises: 3,
        submitted: 0,
        submissionRate: 0,
        averageScore: null,
      },
      expect.objectContaining({ period: '2026', enterprises: 6, submitted: 3, submissionRate: 50 }),
    ]);
  });

  it.each(['?from=1999', '?to=2030', '?from=2026&to=2025', '?from=2010&to=2026', '?from=abc', '?years=3'])(
    '400 for %s',
    async (query) => {
      const response = await trends(query);
      expect(response.status).toBe(400);
      expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    },
  );

  it('404 for another zone', async () => {
    expect((await trends('', callers.managerB)).status).toBe(404);
  });
});

describe('city overview', () => {
  it('puts every zone side by side with this year’s accidents, the city’s totals and the weakest zones', async () => {
    const response = await api.call('GET', '/v1/city/overview', { as: callers.authority });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      zones: Array<Record<string, unknown> & { zoneId: string }>;
      totals: Record<string, unknown>;
      weakest: { byAverageScore: string[]; bySubmissionRate: string[] };
      periods: unknown;
    };
    expect(body.periods).toEqual({ half: '2026-H2', year: '2026' });
    expect(body.zones.map((zone) => zone.zoneId)).toEqual(['zone-a', 'zone-b']);
    expect(body.zones[0]).toMatchObject({
      code: 'ZA',
      enterprises: 8,
      submitted: 4,
      submissionRate: 50,
      accidents: { fatal: 2, serious: 1, minor: 1 },
    });
    expect(body.zones[1]).toMatchObject({ enterprises: 1, submitted: 1, accidents: { fatal: 1 } });
    expect(body.totals).toMatchObject({ enterprises: 9, submitted: 5, accidents: { fatal: 3 } });
    expect(body.weakest.bySubmissionRate).toEqual(['zone-a', 'zone-b']);
  });

  it('is for the authority and inspectors only; refuses any query parameter', async () => {
    expect((await api.call('GET', '/v1/city/overview', { as: callers.inspector })).status).toBe(200);
    expect((await api.call('GET', '/v1/city/overview', { as: callers.managerA })).status).toBe(403);
    expect((await api.call('GET', '/v1/city/overview', { as: callers.enterpriseA })).status).toBe(403);
    expect((await api.call('GET', '/v1/city/overview?year=2026', { as: callers.authority })).status).toBe(
      400,
    );
  });
});
