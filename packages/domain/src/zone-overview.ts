import {
  type PeriodCounters,
  WEAKEST_SECTION_COUNT,
  type ZoneRegistrations,
  zoneDashboardFigures,
} from './dashboard';
import { formatPeriod, type Period, periodOf, shiftPeriod } from './period';
import type { Rating } from './scoring';

/** The periods a zone's firms owe today: the half-year (high-risk firms) and the year (the others). */
export function currentPeriods(today: string): { half: Period; year: Period } {
  return { half: periodOf(today, 'half'), year: periodOf(today, 'year') };
}

/** One schedule's part of a zone's figures: the period its firms owe, and how they stand. */
export interface ScheduleFigures {
  period: string;
  group: 'highRisk' | 'regular';
  enterprises: number;
  submitted: number;
  draft: number;
  notStarted: number;
  overdue: number;
  averageScore: number | null;
  /** Submitted ÷ enterprises, in percent to one decimal; null when no firm owes the period. */
  submissionRate: number | null;
}

/** A zone's figures over both schedules at once: each firm counted once, for the period it owes. */
export interface CombinedZoneFigures {
  enterprises: number;
  submitted: number;
  draft: number;
  notStarted: number;
  overdue: number;
  averageScore: number | null;
  submissionRate: number | null;
  ratingCounts: Record<Rating, number>;
  weakestSections: Array<{ sectionId: string; averageScore: number }>;
  schedules: ScheduleFigures[];
}

/** One period of a schedule, with the counters the zone kept for it and for the period before. */
export interface SchedulePart {
  period: Period;
  current: PeriodCounters;
  previous: PeriodCounters;
}

/** A share in percent to one decimal, or null when there is nothing to share. */
export const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

const average = (sumTenths: number, count: number): number | null =>
  count > 0 ? Math.round(sumTenths / count) / 10 : null;

/**
 * A zone's figures over several schedules (the current half-year of its high-risk firms and the current year of
 * the others), from the same counters `zoneDashboardFigures` reads: counts add up (the schedules' firms are
 * disjoint), the average score and each section's average are over every submitted assessment of the periods.
 */
export function combinedZoneFigures(input: {
  today: string;
  registrations: ZoneRegistrations;
  parts: readonly SchedulePart[];
}): CombinedZoneFigures {
  const schedules = input.parts.map((part) => {
    const figures = zoneDashboardFigures({
      period: part.period,
      today: input.today,
      registrations: input.registrations,
      current: part.current,
      previous: part.previous,
    });
    return { part, figures };
  });
  const sum = (pick: (figures: (typeof schedules)[number]['figures']) => number) =>
    schedules.reduce((total, { figures }) => total + pick(figures), 0);
  const ratingCounts: Record<Rating, number> = { A: 0, B: 0, C: 0, D: 0 };
  const sections = new Map<string, { sumTenths: number; count: number }>();
  let scoreSumTenths = 0;
  for (const { part } of schedules) {
    scoreSumTenths += part.current.scoreSumTenths;
    for (const rating of Object.keys(ratingCounts) as Rating[]) {
      ratingCounts[rating] += part.current.ratings[rating] ?? 0;
    }
    for (const [sectionId, section] of Object.entries(part.current.sections)) {
      const kept = sections.get(sectionId) ?? { sumTenths: 0, count: 0 };
      sections.set(sectionId, {
        sumTenths: kept.sumTenths + section.sumTenths,
        count: kept.count + section.count,
      });
    }
  }
  const enterprises = sum((figures) => figures.enterprises);
  const submitted = sum((figures) => figures.submitted);
  return {
    enterprises,
    submitted,
    draft: sum((figures) => figures.draft),
    notStarted: sum((figures) => figures.notStarted),
    overdue: sum((figures) => figures.overdue),
    averageScore: average(scoreSumTenths, submitted),
    submissionRate: percent(submitted, enterprises),
    ratingCounts,
    weakestSections: [...sections.entries()]
      .filter(([, section]) => section.count > 0)
      .map(([sectionId, section]) => ({
        sectionId,
        averageScore: average(section.sumTenths, section.count) ?? 0,
      }))
      .sort((a, b) => a.averageScore - b.averageScore || a.sectionId.localeCompare(b.sectionId))
      .slice(0, WEAKEST_SECTION_COUNT),
    schedules: schedules.map(({ part, figures }) => ({
      period: formatPeriod(part.period),
      group: figures.obligedGroup,
      enterprises: figures.enterprises,
      submitted: figures.submitted,
      draft: figures.draft,
      notStarted: figures.notStarted,
      overdue: figures.overdue,
      averageScore: figures.averageScore,
      submissionRate: percent(figures.submitted, figures.enterprises),
    })),
  };
}

/** The periods a zone's trend covers: each year's two half-years and the year itself, none that starts after today. */
export function trendPeriods(input: { fromYear: number; toYear: number; today: string }): {
  halfYears: Period[];
  years: Period[];
} {
  const halfYears: Period[] = [];
  const years: Period[] = [];
  for (let year = input.fromYear; year <= input.toYear; year++) {
    const first = periodOf(`${year}-01-01`, 'half');
    for (const half of [first, shiftPeriod(first, 1)]) if (half.start <= input.today) halfYears.push(half);
    const whole = periodOf(`${year}-01-01`, 'year');
    if (whole.start <= input.today) years.push(whole);
  }
  return { halfYears, years };
}

/** One period of a zone's trend. `averageScore` is null when nobody submitted, `submissionRate` when nobody owed. */
export interface TrendPoint {
  period: string;
  group: 'highRisk' | 'regular';
  /** Whether the period has ended (its figures are final) or is still running. */
  ended: boolean;
  enterprises: number;
  submitted: number;
  submissionRate: number | null;
  averageScore: number | null;
}

/** A zone's average score and submission rate per period, from its kept counters only. */
export function trendPoint(input: {
  period: Period;
  today: string;
  registrations: ZoneRegistrations;
  counters: PeriodCounters;
}): TrendPoint {
  const group = input.period.kind === 'half' ? 'highRisk' : 'regular';
  const enterprises = Object.entries(input.registrations[group]).reduce(
    (total, [month, count]) => (month <= input.period.end.slice(0, 7) ? total + count : total),
    0,
  );
  return {
    period: formatPeriod(input.period),
    group,
    ended: input.today > input.period.end,
    enterprises,
    submitted: input.counters.submitted,
    submissionRate: percent(input.counters.submitted, enterprises),
    averageScore: average(input.counters.scoreSumTenths, input.counters.submitted),
  };
}

/**
 * The weakest zones first, on one measure: zones whose measure is unknown (null) are left out, never ranked as 0.
 * Ties go to the zone with more firms (more people concerned), then by id.
 */
export function weakestZones<T extends { zoneId: string; enterprises: number }>(
  zones: readonly T[],
  measure: (zone: T) => number | null,
  count = 3,
): string[] {
  return zones
    .flatMap((zone) => {
      const value = measure(zone);
      return value === null ? [] : [{ zone, value }];
    })
    .sort(
      (a, b) =>
        a.value - b.value ||
        b.zone.enterprises - a.zone.enterprises ||
        a.zone.zoneId.localeCompare(b.zone.zoneId),
    )
    .slice(0, count)
    .map(({ zone }) => zone.zoneId);
}
