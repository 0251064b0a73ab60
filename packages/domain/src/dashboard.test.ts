import { describe, expect, it } from 'vitest';
import { obligedGroupOf, type PeriodCounters, zoneDashboardFigures } from './dashboard';
import { type Period, parsePeriod } from './period';

const period = (text: string): Period => {
  const parsed = parsePeriod(text);
  if (!parsed.success) throw new Error(parsed.message);
  return parsed.period;
};
const none: PeriodCounters = {
  draft: 0,
  submitted: 0,
  ratings: { A: 0, B: 0, C: 0, D: 0 },
  scoreSumTenths: 0,
  sections: {},
};
const counters = (submitted: number, draft: number, extra: Partial<PeriodCounters> = {}): PeriodCounters => ({
  ...none,
  submitted,
  draft,
  ...extra,
});
// 10 high-risk firms registered before 2026 and 2 in August 2026; 7 regular firms, one registered in 2027.
const registrations = {
  highRisk: { '2025-03': 6, '2025-12': 4, '2026-08': 2 },
  regular: { '2025-05': 6, '2027-01': 1 },
};

describe('zoneDashboardFigures', () => {
  it('counts the firms of the period’s group registered by its end, and those not started', () => {
    const figures = zoneDashboardFigures({
      period: period('2026-H2'),
      today: '2026-11-28',
      registrations,
      current: counters(5, 3),
      previous: counters(7, 0),
    });
    expect(figures).toMatchObject({
      obligedGroup: 'highRisk',
      enterprises: 12,
      submitted: 5,
      draft: 3,
      notStarted: 4,
    });
    // 10 owed before H2 began; 7 of them submitted in H1, and at least 5 − 2 newcomers of them in H2.
    expect(figures.overdue).toBe(3);
    const catchingUp = zoneDashboardFigures({
      period: period('2026-H2'),
      today: '2026-11-28',
      registrations,
      current: counters(10, 0),
      previous: counters(2, 0),
    });
    // At least 10 − 2 of the 10 submitted now, so at most 2 are overdue.
    expect(catchingUp.overdue).toBe(2);
  });

  it('counts every firm without a submission as overdue once the period has ended', () => {
    const figures = zoneDashboardFigures({
      period: period('2026-H1'),
      today: '2026-11-28',
      registrations,
      current: counters(7, 1),
      previous: none,
    });
    expect(figures).toMatchObject({ enterprises: 10, notStarted: 2, overdue: 3 });
  });

  it('has nothing overdue before a period starts, and leaves out firms registered after it', () => {
    const figures = zoneDashboardFigures({
      period: period('2026'),
      today: '2025-12-01',
      registrations,
      current: none,
      previous: counters(6, 0),
    });
    expect(figures).toMatchObject({
      obligedGroup: 'regular',
      enterprises: 6,
      overdue: 0,
      averageScore: null,
    });
  });

  it('averages total and sections over the submitted assessments and lists the weakest sections first', () => {
    const figures = zoneDashboardFigures({
      period: period('2026'),
      today: '2026-11-28',
      registrations,
      current: counters(2, 0, {
        ratings: { A: 1, B: 0, C: 1, D: 0 },
        scoreSumTenths: 825 + 600,
        sections: {
          S1: { sumTenths: 1800, count: 2 },
          S2: { sumTenths: 1001, count: 2 },
          S3: { sumTenths: 1200, count: 2 },
          S4: { sumTenths: 500, count: 1 },
          S5: { sumTenths: 0, count: 0 },
        },
      }),
      previous: none,
    });
    expect(figures.averageScore).toBe(71.3);
    expect(figures.ratingCounts).toEqual({ A: 1, B: 0, C: 1, D: 0 });
    expect(figures.weakestSections).toEqual([
      { sectionId: 'S4', averageScore: 50 },
      { sectionId: 'S2', averageScore: 50.1 },
      { sectionId: 'S3', averageScore: 60 },
    ]);
  });

  it('refuses quarters: no self-inspection uses them', () => {
    expect(obligedGroupOf(period('2026-Q1'))).toBeUndefined();
    expect(() =>
      zoneDashboardFigures({
        period: period('2026-Q1'),
        today: '2026-11-28',
        registrations,
        current: none,
        previous: none,
      }),
    ).toThrow(RangeError);
  });
});
