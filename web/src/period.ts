import { formatPeriod, periodOf, selfInspectionPeriodKind, vietnamDate } from '@antoan/domain';
import { addDays } from './dates';

/**
 * The company-level self-inspection period that contains today in Vietnam: the half-year for high-risk firms,
 * the year for the others (Circular 07/2016).
 * @example currentSelfInspectionPeriod({ highRisk: true }, new Date('2026-06-30T17:30:00Z')) // '2026-H2'
 */
export function currentSelfInspectionPeriod(profile: { highRisk: boolean }, now: Date = new Date()): string {
  return formatPeriod(periodOf(vietnamDate(now), selfInspectionPeriodKind(profile)));
}

/** Today's date in Vietnam (`YYYY-MM-DD`), the day deadlines and evidence validity are counted in. */
export const vietnamToday = (now: Date = new Date()): string => vietnamDate(now);

/** The periods a zone dashboard can show around today: this and last half-year, this and last year. */
export function dashboardPeriods(now: Date = new Date()): string[] {
  const today = vietnamDate(now);
  const half = periodOf(today, 'half');
  const year = periodOf(today, 'year');
  const previousHalf = periodOf(addDays(half.start, -1), 'half');
  const previousYear = periodOf(addDays(year.start, -1), 'year');
  return [half, year, previousHalf, previousYear].map(formatPeriod);
}
