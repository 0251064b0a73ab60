import { createZone } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenRequest } from '../local-issuer';
import { officerOf, registerThroughApi, submitThroughApi } from '../oversight-test-support';
import { listTargets } from '../targeting';
import { callers, createTestApi, type TestApi } from '../test-support';

let api: TestApi;
const now = '2026-11-28T03:00:00.000Z';
interface Target {
  enterpriseId: string;
  name: string;
  zoneId: string;
  sectorCode: string;
  priority: number;
  score: number | null;
  sampled: boolean;
  reasons: Array<{ code: string; detail: { vi: string; en: string } }>;
}
const firms: Array<{
  name: string;
  sectorCode: string;
  headcount: number;
  hazardous: number;
  zoneId: string;
}> = [
  { name: 'Xây dựng Tây Đô', sectorCode: 'F4100', headcount: 400, hazardous: 250, zoneId: 'zone-a' },
  { name: 'Nền móng Cửu Long', sectorCode: 'F4312', headcount: 90, hazardous: 60, zoneId: 'zone-a' },
  { name: 'Thép Mê Kông', sectorCode: 'C2410', headcount: 350, hazardous: 150, zoneId: 'zone-a' },
  { name: 'Kết cấu Thép Sông Hậu', sectorCode: 'C2511', headcount: 140, hazardous: 50, zoneId: 'zone-a' },
  { name: 'Thủy sản Phong Điền', sectorCode: 'C1020', headcount: 600, hazardous: 100, zoneId: 'zone-a' },
  { name: 'May mặc Ninh Kiều', sectorCode: 'C1410', headcount: 900, hazardous: 0, zoneId: 'zone-a' },
  { name: 'Kho vận Cái Răng', sectorCode: 'H5210', headcount: 80, hazardous: 20, zoneId: 'zone-a' },
  { name: 'Thương mại Bình Thủy', sectorCode: 'G4663', headcount: 45, hazardous: 0, zoneId: 'zone-a' },
  { name: 'Kế toán An Bình', sectorCode: 'M6920', headcount: 12, hazardous: 0, zoneId: 'zone-a' },
  { name: 'Phần mềm Hậu Giang', sectorCode: 'J6201', headcount: 40, hazardous: 0, zoneId: 'zone-a' },
  { name: 'Nhiệt điện Ô Môn', sectorCode: 'D3510', headcount: 400, hazardous: 200, zoneId: 'zone-b' },
  { name: 'Xây dựng Thốt Nốt', sectorCode: 'F4100', headcount: 60, hazardous: 40, zoneId: 'zone-b' },
  { name: 'Nhựa Phương Nam', sectorCode: 'C2220', headcount: 180, hazardous: 40, zoneId: 'zone-b' },
];
const idOf = new Map<string, string>();

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(now) });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: now }, 'seed');
  await createZone(api.db, { id: 'zone-b', code: 'ZB', name: 'Zone B', createdAt: now }, 'seed');
  for (const [index, firm] of firms.entries()) {
    idOf.set(
      firm.name,
      await registerThroughApi(api, { ...firm, taxCode: `18000002${String(index).padStart(2, '0')}` }),
    );
  }
});

async function targets(query: string, as: TokenRequest = callers.inspector): Promise<Target[]> {
  const response = await api.call('GET', `/v1/targets${query}`, { as });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Target[] }).items;
}
const entryOf = async (name: string) =>
  (await targets('?limit=50')).find((t) => t.enterpriseId === idOf.get(name));
const codes = (target: Target | undefined) => target?.reasons.map((reason) => reason.code) ?? [];

describe('the inspector’s target list', () => {
  it('ranks every firm from the index as soon as it is registered, explaining each entry', async () => {
    const list = await targets('?zoneId=zone-a&limit=50');
    expect(list).toHaveLength(10);
    expect(list.map((t) => t.priority)).toEqual([...list.map((t) => t.priority)].sort((a, b) => b - a));
    for (const target of list) {
      expect(target.zoneId).toBe('zone-a');
      expect(target.score).toBeNull();
      expect(target.reasons.length).toBeGreaterThan(0);
      for (const reason of target.reasons) {
        expect(reason.detail.vi.length).toBeGreaterThan(0);
        expect(reason.detail.en.length).toBeGreaterThan(0);
      }
      // Unknown compliance must not look safe.
      expect(codes(target)).toEqual(expect.arrayContaining(['unknown_compliance', 'overdue_self_check']));
    }
    expect(list[0]?.name).toBe('Xây dựng Tây Đô');
    expect(codes(list[0])).toEqual(expect.arrayContaining(['high_hazard_sector', 'large_exposed_workforce']));
  });

  it('mixes in a random share, marked random_sample, the same all week', async () => {
    const list = await targets('?limit=10');
    expect(list).toHaveLength(10);
    const sampled = list.filter((t) => t.sampled);
    expect(sampled).toHaveLength(1);
    expect(codes(sampled[0])).toContain('random_sample');
    expect(await targets('?limit=10', callers.authority)).toEqual(list);
  });

  it('always lists a firm with a fatal accident this year', async () => {
    const office = 'Kế toán An Bình';
    expect((await targets('?limit=3')).map((t) => t.enterpriseId)).not.toContain(idOf.get(office));
    const eid = idOf.get(office) as string;
    const declared = await api.call('POST', `/v1/enterprises/${eid}/accidents`, {
      as: officerOf(eid),
      body: {
        occurredAt: '2026-11-26T09:00:00+07:00',
        severity: 'fatal',
        victims: 1,
        fatalities: 1,
        cause: 'Điện giật',
        description: 'Nhân viên bị điện giật khi sửa ổ cắm.',
      },
    });
    expect(declared.status).toBe(201);
    for (const limit of [1, 3]) {
      const listed = (await targets(`?limit=${limit}`)).find((t) => t.enterpriseId === eid);
      expect(codes(listed)).toContain('fatal_accident');
    }
  });

  it('never lists more than the limit: firms that must be listed and outnumber it continue on the next page', async () => {
    const eid = idOf.get('Phần mềm Hậu Giang') as string;
    const declared = await api.call('POST', `/v1/enterprises/${eid}/accidents`, {
      as: officerOf(eid),
      body: {
        occurredAt: '2026-11-27T10:00:00+07:00',
        severity: 'fatal',
        victims: 1,
        fatalities: 1,
        cause: 'Ngã cao',
        description: 'Nhân viên ngã từ cầu thang khi lắp đặt máy chủ.',
      },
    });
    expect(declared.status).toBe(201);
    const fatal = [idOf.get('Kế toán An Bình'), eid].sort();
    const first = await api.call('GET', '/v1/targets?limit=1', { as: callers.inspector });
    const page = (await first.json()) as { items: Target[]; nextCursor: string | null };
    expect(page.items).toHaveLength(1);
    expect(codes(page.items[0])).toContain('fatal_accident');
    expect(page.nextCursor).not.toBeNull();
    const second = await api.call('GET', `/v1/targets?limit=1&cursor=${page.nextCursor}`, {
      as: callers.inspector,
    });
    const next = (await second.json()) as { items: Target[] };
    expect(codes(next.items[0])).toContain('fatal_accident');
    expect([page.items[0]?.enterpriseId, next.items[0]?.enterpriseId].sort()).toEqual(fatal);
  });

  it('reacts to a submission: compliance becomes known', async () => {
    const name = 'Thép Mê Kông';
    const eid = idOf.get(name) as string;
    const before = await entryOf(name);
    const score = await submitThroughApi(api, officerOf(eid), eid, '2026-H2', () => 'compliant');
    const after = await entryOf(name);
    expect(after?.score).toBe(score.total);
    expect(codes(after)).not.toContain('unknown_compliance');
    expect(codes(after)).not.toContain('overdue_self_check');
    expect(after?.priority).toBeLessThan(before?.priority ?? 0);
  });

  it('reacts to an inspection: a recent visit lowers the priority, an over-report raises it', async () => {
    const name = 'Thép Mê Kông';
    const eid = idOf.get(name) as string;
    const before = await entryOf(name);
    const response = await api.call('POST', `/v1/enterprises/${eid}/inspections`, {
      as: callers.inspector,
      body: {
        conductedOn: '2026-11-27',
        templateId: 'osh-self-inspection',
        templateVersion: 1,
        findings: {
          'I-1-1': 'non_compliant',
          'I-2-1': 'non_compliant',
          'I-4-1': 'partial',
          'I-6-9': 'non_compliant',
        },
      },
    });
    expect(response.status).toBe(201);
    const { credibilityGap } = (await response.json()) as { credibilityGap: number };
    expect(credibilityGap).toBeGreaterThan(50);
    const after = await entryOf(name);
    expect(codes(after)).toEqual(expect.arrayContaining(['credibility_gap', 'recently_inspected']));
    // The capped gap (×3) and the cut of yesterday’s visit (about ×0.5) leave about ×1.5.
    expect(after?.priority).toBeCloseTo((before?.priority ?? 0) * 3 * (1 - 0.5 * (1 - 1 / 365)), 1);
  });

  it('filters by a sector division or a finer VSIC code', async () => {
    const construction = await targets('?sectorCode=F41&limit=50');
    expect(construction.map((t) => t.name).sort()).toEqual(['Xây dựng Thốt Nốt', 'Xây dựng Tây Đô']);
    const steel = await targets('?zoneId=zone-a&sectorCode=C2410&limit=50');
    expect(steel.map((t) => t.name)).toEqual(['Thép Mê Kông']);
    expect(await targets('?zoneId=zone-b&sectorCode=C24')).toEqual([]);
  });

  it('reads about what it returns', async () => {
    const list = await listTargets(api.db, { limit: 3 }, '2026-11-28');
    expect(list?.items).toHaveLength(3);
    // 2 zones + at most (3 + 2) + one page of each zone ahead + a random pick.
    expect(list?.itemsRead).toBeLessThanOrEqual(12);
  });

  it('pages through every firm in scope once: the week’s list first, then the ranking continued', async () => {
    const all = await targets('?limit=50');
    const seen: Target[][] = [];
    let cursor: string | null = null;
    do {
      const response = await api.call(
        'GET',
        `/v1/targets?limit=5${cursor === null ? '' : `&cursor=${cursor}`}`,
        { as: callers.inspector },
      );
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: Target[]; nextCursor: string | null };
      seen.push(page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && seen.length < 10);
    const ids = seen.flat().map((t) => t.enterpriseId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(all.map((t) => t.enterpriseId).sort());
    expect(seen.map((page) => page.length)).toEqual([5, 5, 3]);
    // The first page holds the week's random pick (5 × 10 %); later pages are the ranking, highest first, below the first
    // page's ranked part.
    expect(seen[0]?.filter((t) => t.sampled)).toHaveLength(1);
    const later = seen.slice(1).flat();
    expect(later.every((t) => !t.sampled)).toBe(true);
    expect(later.map((t) => t.priority)).toEqual([...later.map((t) => t.priority)].sort((a, b) => b - a));
    // Firms that must be listed (a fatal accident this year) come first whatever their priority.
    const lowestRanked = Math.min(
      ...(seen[0] ?? [])
        .filter((t) => !t.sampled && !codes(t).includes('fatal_accident'))
        .map((t) => t.priority),
    );
    expect(Math.max(...later.map((t) => t.priority))).toBeLessThanOrEqual(lowestRanked);
  });

  it('refuses a cursor of another list or a forged one, with 400', async () => {
    const first = await api.call('GET', '/v1/targets?limit=4', { as: callers.inspector });
    const { nextCursor } = (await first.json()) as { nextCursor: string };
    const elsewhere = await api.call('GET', `/v1/targets?limit=4&zoneId=zone-a&cursor=${nextCursor}`, {
      as: callers.inspector,
    });
    expect(elsewhere.status).toBe(400);
    const forged = `${nextCursor.slice(0, -2)}${nextCursor.endsWith('AA') ? 'BB' : 'AA'}`;
    const tampered = await api.call('GET', `/v1/targets?limit=4&cursor=${forged}`, { as: callers.inspector });
    expect(tampered.status).toBe(400);
  });

  it('403 for enterprises and zone managers, 404 for an unknown zone, 400 for a bad query', async () => {
    for (const as of [callers.enterpriseA, callers.managerA]) {
      expect((await api.call('GET', '/v1/targets', { as })).status).toBe(403);
    }
    expect((await api.call('GET', '/v1/targets?zoneId=zone-zz', { as: callers.inspector })).status).toBe(404);
    for (const query of [
      '?sectorCode=F',
      '?sectorCode=41',
      '?limit=0',
      '?limit=201',
      '?cursor=x',
      '?zone=zone-a',
    ]) {
      const response = await api.call('GET', `/v1/targets${query}`, { as: callers.inspector });
      expect(response.status, query).toBe(400);
    }
  });
});
