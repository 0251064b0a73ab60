import { describe, expect, it } from 'vitest';
import { type AreaCounters, areaFirms, areaIndicators } from './area-report';

const year = (fatalities: number, odExamined: number, monitored: number, headcountAdjust = 0) => ({
  headcountAdjust,
  hazardousAdjust: 0,
  odExamined,
  monitored,
  submitted: 1,
  ratings: { A: 1, B: 0, C: 0, D: 0 },
  fatalities,
});

describe('area indicators', () => {
  it('compute value, previous, change and met against the plan targets', () => {
    const zones: AreaCounters[] = [
      {
        firms: 3,
        highRisk: 1,
        headcount: 40_000,
        hazardous: 1_000,
        years: { '2025': year(2, 400, 2), '2026': year(1, 400, 2) },
      },
      {
        firms: 2,
        highRisk: 0,
        headcount: 10_000,
        hazardous: 0,
        years: { '2025': year(1, 0, 0), '2026': year(1, 0, 1, 10_000) },
      },
    ];
    const [fatal, od, monitored] = areaIndicators(zones, 2026);
    // 2025: 3 deaths / 50,000 = 6 per 100,000; 2026: 2 / 60,000 = 3.33; change 3.333…/6 − 1 = −0.4444.
    expect(fatal).toMatchObject({
      value: 3.33,
      previous: 6,
      change: -0.4444,
      met: true,
      numerator: 2,
      denominator: 60_000,
    });
    expect(od).toMatchObject({ value: 400, previous: 400, change: 0, met: false, denominator: 1_000 });
    expect(monitored).toMatchObject({
      value: 3,
      previous: 2,
      change: 0.5,
      met: true,
      numerator: 3,
      denominator: 5,
    });
    expect(areaFirms(zones, 2026)).toEqual({
      total: 5,
      highRisk: 1,
      submitted: 2,
      ratingCounts: { A: 2, B: 0, C: 0, D: 0 },
    });
  });

  it('meet a fatal-rate target from a previous zero only at zero, and any growth from zero', () => {
    const zone = (fatalities: number): AreaCounters => ({
      firms: 1,
      highRisk: 0,
      headcount: 100,
      hazardous: 10,
      years: { '2025': year(0, 0, 0), '2026': year(fatalities, 5, 0) },
    });
    const [fatal, od, monitored] = areaIndicators([zone(1)], 2026);
    expect(fatal).toMatchObject({ previous: 0, change: null, met: false });
    expect(od).toMatchObject({ previous: 0, change: null, met: true });
    expect(monitored).toMatchObject({ value: 0, previous: 0, met: false });
    expect(areaIndicators([zone(0)], 2026)[0]).toMatchObject({ value: 0, met: true });
  });

  it('have no rate when no workers are in scope', () => {
    expect(areaIndicators([], 2026)[0]).toMatchObject({
      value: null,
      previous: null,
      met: null,
      change: null,
    });
  });
});
