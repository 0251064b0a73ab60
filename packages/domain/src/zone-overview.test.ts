import { describe, expect, it } from 'vitest';
import type { PeriodCounters } from './dashboard';
import { formatPeriod, periodOf } from './period';
import { combinedZoneFigures, currentPeriods, trendPeriods, trendPoint, weakestZones } from './zone-overview';

const counters = (over: Partial<PeriodCounters> = {}): PeriodCounters => ({
  draft: 0,
  submitted: 0,
  ratings: { A: 0, B: 0, C: 0, D: 0 },
  scoreSumTenths: 0,
  sections: {},
  ...over,
});

// 14 high-risk firms (half-years) and 16 others (years), all registered in January 2026.
const registrations = { highRisk: { '2026-01': 14 }, regular: { '2026-01': 16 } };

describe('currentPeriods', () => {
  it('gives the half-year and the year that contain today', () => {
    const { half, year } = currentPeriods('2026-11-30');
    expect([formatPeriod(half), formatPeriod(year)]).toEqual(['2026-H2', '2026']);
  });
});

describe('combinedZoneFigures', () => {
  const { half, year } = currentPeriods('2026-11-30');
  const figures = combinedZoneFigures({
    today: '2026-11-30',
    registrations,
    parts: [
      {
        period: half,
        current: counters({
          submitted: 4,
          draft: 2,
          ratings: { A: 1, B: 1, C: 1, D: 1 },
          scoreSumTenths: 2800,
          sections: { I: { sumTenths: 3000, count: 4 } },
        }),
        previous: counters({ submitted: 10 }),
      },
      {
        period: year,
        current: counters({
          submitted: 6,
          draft: 1,
          ratings: { A: 2, B: 2, C: 2, D: 0 },
          scoreSumTenths: 4500,
          sections: { I: { sumTenths: 1000, count: 6 }, II: { sumTenths: 5400, count: 6 } },
        }),
        previous: counters({ submitted: 16 }),
      },
    ],
  });

  it('counts every firm of the zone once, on the schedule it owes', () => {
    expect(figures).toMatchObject({
      enterprises: 30,
      submitted: 10,
      draft: 3,
      notStarted: 17,
      submissionRate: 33.3,
      ratingCounts: { A: 3, B: 3, C: 3, D: 1 },
    });
    expect(
      figures.schedules.map((part) => [part.period, part.group, part.enterprises, part.submitted]),
    ).toEqual([
      ['2026-H2', 'highRisk', 14, 4],
      ['2026', 'regular', 16, 6],
    ]);
  });

  it('averages over every submission of both periods, not over the two averages', () => {
    // (2800 + 4500) / 10 tenths = 73.0, whereas the mean of 70.0 and 75.0 would be 72.5.
    expect(figures.averageScore).toBe(73);
    expect(figures.schedules.map((part) => part.averageScore)).toEqual([70, 75]);
    // Section I: (3000 + 1000) / 10 = 40.0; section II: 5400 / 6 = 90.0.
    expect(figures.weakestSections).toEqual([
      { sectionId: 'I', averageScore: 40 },
      { sectionId: 'II', averageScore: 90 },
    ]);
  });

  it('says unknown, not 0, when nobody submitted or nobody owes', () => {
    const empty = combinedZoneFigures({
      today: '2026-11-30',
      registrations: { highRisk: {}, regular: {} },
      parts: [{ period: half, current: counters(), previous: counters() }],
    });
    expect(empty.averageScore).toBeNull();
    expect(empty.submissionRate).toBeNull();
    expect(empty.schedules[0]?.submissionRate).toBeNull();
  });
});

describe('trend', () => {
  it('covers each year’s half-years and the year, none that has not started', () => {
    const { halfYears, years } = trendPeriods({ fromYear: 2025, toYear: 2026, today: '2026-03-01' });
    expect(halfYears.map(formatPeriod)).toEqual(['2025-H1', '2025-H2', '2026-H1']);
    expect(years.map(formatPeriod)).toEqual(['2025', '2026']);
  });

  it('gives the submission rate over the firms registered by the period’s end, and unknown where nobody submitted', () => {
    const point = trendPoint({
      period: periodOf('2026-07-01', 'half'),
      today: '2026-11-30',
      registrations: { highRisk: { '2026-01': 8, '2026-12': 5 }, regular: {} },
      counters: counters({ submitted: 2, scoreSumTenths: 1500 }),
    });
    expect(point).toEqual({
      period: '2026-H2',
      group: 'highRisk',
      ended: false,
      enterprises: 13,
      submitted: 2,
      submissionRate: 15.4,
      averageScore: 75,
    });
    const before = trendPoint({
      period: periodOf('2025-01-01', 'year'),
      today: '2026-11-30',
      registrations,
      counters: counters(),
    });
    expect(before).toMatchObject({ enterprises: 0, submissionRate: null, averageScore: null, ended: true });
  });
});

describe('weakestZones', () => {
  it('ranks the lowest first and leaves unknown measures out', () => {
    const zones = [
      { zoneId: 'a', enterprises: 10, score: 70 },
      { zoneId: 'b', enterprises: 30, score: null },
      { zoneId: 'c', enterprises: 5, score: 55 },
      { zoneId: 'd', enterprises: 20, score: 70 },
    ];
    expect(weakestZones(zones, (zone) => zone.score)).toEqual(['c', 'd', 'a']);
    expect(weakestZones(zones, (zone) => zone.score, 1)).toEqual(['c']);
  });
});
