import { describe, expect, it } from 'vitest';
import { currentSelfInspectionPeriod, dashboardPeriods, vietnamToday } from './period';

describe('currentSelfInspectionPeriod', () => {
  it('is the half-year for high-risk firms and the year for the others', () => {
    const now = new Date('2026-11-28T03:00:00Z');
    expect(currentSelfInspectionPeriod({ highRisk: true }, now)).toBe('2026-H2');
    expect(currentSelfInspectionPeriod({ highRisk: false }, now)).toBe('2026');
  });

  it('counts the day in Vietnam (UTC+7), not in UTC', () => {
    // 30 June 17:30 UTC is already 1 July in Vietnam: the second half-year has begun.
    expect(currentSelfInspectionPeriod({ highRisk: true }, new Date('2026-06-30T17:30:00Z'))).toBe('2026-H2');
    expect(currentSelfInspectionPeriod({ highRisk: true }, new Date('2026-06-30T16:59:59Z'))).toBe('2026-H1');
    expect(currentSelfInspectionPeriod({ highRisk: false }, new Date('2026-12-31T17:00:00Z'))).toBe('2027');
    expect(vietnamToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('dashboardPeriods', () => {
  it('offers this and the last half-year and year, newest first', () => {
    expect(dashboardPeriods(new Date('2026-03-10T00:00:00Z'))).toEqual([
      '2026-H1',
      '2026',
      '2025-H2',
      '2025',
    ]);
    expect(dashboardPeriods(new Date('2026-11-28T00:00:00Z'))).toEqual([
      '2026-H2',
      '2026',
      '2026-H1',
      '2025',
    ]);
  });
});
