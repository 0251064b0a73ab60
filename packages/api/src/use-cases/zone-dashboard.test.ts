import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../principal';
import { createTestApi, seedTwoFirms, type TestApi } from '../test-support';
import { listZoneEnterprises } from './list-zone-enterprises';
import { listZonesFor } from './list-zones';
import { obligedPeriod, zoneDashboard } from './zone-dashboard';

// The zone oversight decisions, without HTTP: which periods a dashboard takes, which zones a caller sees.
let api: TestApi;

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
  await seedTwoFirms(api.db);
});

describe('obligedPeriod', () => {
  it('takes a year (most firms) and a half-year (high-risk firms)', () => {
    expect(obligedPeriod('2026')).toMatchObject({ ok: true, value: { group: 'regular' } });
    expect(obligedPeriod('2026-H2')).toMatchObject({ ok: true, value: { group: 'highRisk' } });
  });

  it.each(['2026-Q3', '2026-13', 'soon'])('refuses %s on period: nobody self-inspects by it', (text) => {
    const result = obligedPeriod(text);
    expect(result.ok ? undefined : [result.error.status, result.error.extensions]).toEqual([
      400,
      { errors: [{ path: 'period', message: expect.stringContaining('quarters are not used') }] },
    ]);
  });
});

describe('zoneDashboard', () => {
  it('is a 404 for a zone that is not there, with or without a period', async () => {
    for (const period of ['2026', undefined]) {
      const result = await zoneDashboard(api.deps, { zoneId: 'zone-gone', period });
      expect(result.ok ? 200 : result.error.status, String(period)).toBe(404);
    }
  });

  it('checks the period before reading: a quarter is a 400 even for a zone that is not there', async () => {
    const result = await zoneDashboard(api.deps, { zoneId: 'zone-gone', period: '2026-Q1' });
    expect(result.ok ? 200 : result.error.status).toBe(400);
  });

  it('covers the firms of the period asked, or every firm for its own period', async () => {
    const year = await zoneDashboard(api.deps, { zoneId: 'zone-a', period: '2026' });
    expect(year.ok && [year.value.period, year.value.covers.group, year.value.enterprises]).toEqual([
      '2026',
      'regular',
      1,
    ]);
    const whole = await zoneDashboard(api.deps, { zoneId: 'zone-a', period: undefined });
    expect(whole.ok && [whole.value.period, whole.value.covers.group, whole.value.schedules?.length]).toEqual(
      ['2026', 'all', 2],
    );
    // Nobody submitted: the average is unknown, not zero.
    expect(whole.ok && whole.value.averageScore).toBeNull();
  });
});

describe('listZoneEnterprises', () => {
  it('lists the firms that owe a year, and refuses a quarter', async () => {
    const query = { sort: 'score', order: 'asc', limit: 50 } as const;
    const year = await listZoneEnterprises(api.deps, {
      zoneId: 'zone-a',
      query: { ...query, period: '2026' },
    });
    expect(year.ok && year.value.items.map((firm) => [firm.enterpriseId, firm.status])).toEqual([
      ['ent-a', 'not_started'],
    ]);
    // The seeded firm is not high-risk: it owes no half-year.
    const half = await listZoneEnterprises(api.deps, {
      zoneId: 'zone-a',
      query: { ...query, period: '2026-H2' },
    });
    expect(half.ok && half.value.items).toEqual([]);
    const quarter = await listZoneEnterprises(api.deps, {
      zoneId: 'zone-a',
      query: { ...query, period: '2026-Q4' },
    });
    expect(quarter.ok ? 200 : quarter.error.status).toBe(400);
  });
});

describe('listZonesFor', () => {
  const manager: Principal = { sub: 'zm', roles: ['zone_manager'], zoneIds: ['zone-b', 'zone-gone'] };
  const inspector: Principal = { sub: 'insp', roles: ['inspector'], zoneIds: [] };

  it('gives a zone manager the zones of their token that exist, in one page whatever the limit', async () => {
    const page = await listZonesFor(api.deps, { principal: manager, limit: 1, cursor: 'ignored' });
    expect(page).toEqual({ items: [{ id: 'zone-b', code: 'ZB', name: 'Zone B' }], nextCursor: null });
  });

  it('pages every zone by code for an inspector', async () => {
    const first = await listZonesFor(api.deps, { principal: inspector, limit: 1 });
    expect(first.items.map((zone) => zone.code)).toEqual(['ZA']);
    const second = await listZonesFor(api.deps, {
      principal: inspector,
      limit: 1,
      cursor: first.nextCursor ?? undefined,
    });
    expect(second.items.map((zone) => zone.code)).toEqual(['ZB']);
  });
});
