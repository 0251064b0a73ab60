import { type Period, shiftPeriod } from './period';
import type { Rating } from './scoring';
import type { LocalizedText } from './template';

/** Firms registered in a zone, by risk group and by the month (`YYYY-MM`) they were registered. */
export interface ZoneRegistrations {
  highRisk: Readonly<Record<string, number>>;
  regular: Readonly<Record<string, number>>;
}

/** A zone's counters for one period, as the submission writes them. */
export interface PeriodCounters {
  draft: number;
  submitted: number;
  ratings: Readonly<Record<Rating, number>>;
  scoreSumTenths: number;
  sections: Readonly<Record<string, { sumTenths: number; count: number }>>;
}

/** What the zone dashboard shows for one period, before the accident figures and section titles are added. */
export interface ZoneDashboardFigures {
  /** Which firms the period is about: high-risk firms self-inspect by half-year, the others by year. */
  obligedGroup: 'highRisk' | 'regular';
  enterprises: number;
  submitted: number;
  draft: number;
  notStarted: number;
  overdue: number;
  averageScore: number | null;
  ratingCounts: Record<Rating, number>;
  weakestSections: Array<{ sectionId: string; averageScore: number }>;
}

/** How many of the weakest sections the dashboard lists. */
export const WEAKEST_SECTION_COUNT = 3;

/**
 * The firms a period is owed by, or undefined for a period no self-inspection uses (quarters): high-risk firms
 * self-inspect by half-year, the others by year (Circular 07/2016).
 */
export function obligedGroupOf(period: Pick<Period, 'kind'>): 'highRisk' | 'regular' | undefined {
  return period.kind === 'half' ? 'highRisk' : period.kind === 'year' ? 'regular' : undefined;
}

/** Who a period's dashboard counts, for people. */
export function obligedGroupText(group: 'highRisk' | 'regular'): LocalizedText {
  return group === 'highRisk'
    ? {
        vi: 'Doanh nghiệp ngành nguy cơ cao, tự kiểm tra 6 tháng một lần',
        en: 'High-risk enterprises, which self-inspect every 6 months',
      }
    : {
        vi: 'Doanh nghiệp tự kiểm tra mỗi năm một lần (không thuộc ngành nguy cơ cao)',
        en: 'Enterprises that self-inspect once a year (not high-risk)',
      };
}

/**
 * The dashboard's figures for `period` on `today`, from aggregates only.
 *
 * - `enterprises`: firms of the period's group registered by the period's last day.
 * - `notStarted` = enterprises − submitted − draft.
 * - `overdue`, as `selfInspectionStatus` defines it for one firm, from counters: once the period has ended,
 *   every firm that did not submit for it; before it starts, none; while it runs, the firms registered before
 *   it began that submitted neither for it nor for the previous period. Counters cannot tell which firms
 *   submitted both times, so this is an upper bound: registered-before − max(submitted for the previous
 *   period, submitted now − registered during it). It is exact when the firms registered during the period have
 *   all submitted and the submitters of one period are among those of the other.
 * - `averageScore` and each section's average are over the submitted assessments, to one decimal.
 */
export function zoneDashboardFigures(input: {
  period: Period;
  today: string;
  registrations: ZoneRegistrations;
  current: PeriodCounters;
  previous: PeriodCounters;
}): ZoneDashboardFigures {
  const { period, today, current } = input;
  const obligedGroup = obligedGroupOf(period);
  if (obligedGroup === undefined) {
    throw new RangeError(`no self-inspection uses ${period.kind} periods; use a year or a half-year`);
  }
  const byMonth = input.registrations[obligedGroup];
  const registeredWhere = (keep: (month: string) => boolean) =>
    Object.entries(byMonth).reduce((sum, [month, count]) => (keep(month) ? sum + count : sum), 0);
  const enterprises = registeredWhere((month) => month <= period.end.slice(0, 7));
  let overdue = 0;
  if (today > period.end) overdue = enterprises - current.submitted;
  else if (today >= period.start) {
    const owedBefore = registeredWhere((month) => month < period.start.slice(0, 7));
    // Submitters now that were registered before the period: at least all of them but the newcomers.
    const owedBeforeSubmittedNow = current.submitted - (enterprises - owedBefore);
    overdue = owedBefore - Math.max(input.previous.submitted, owedBeforeSubmittedNow);
  }
  const weakestSections = Object.entries(current.sections)
    .filter(([, section]) => section.count > 0)
    .map(([sectionId, section]) => ({ sectionId, averageScore: average(section.sumTenths, section.count) }))
    .sort((a, b) => a.averageScore - b.averageScore || a.sectionId.localeCompare(b.sectionId))
    .slice(0, WEAKEST_SECTION_COUNT);
  return {
    obligedGroup,
    enterprises,
    submitted: current.submitted,
    draft: current.draft,
    notStarted: Math.max(0, enterprises - current.submitted - current.draft),
    overdue: Math.max(0, overdue),
    averageScore: current.submitted > 0 ? average(current.scoreSumTenths, current.submitted) : null,
    ratingCounts: { ...current.ratings },
    weakestSections,
  };
}

/** The period before `period`, whose submissions decide who is overdue now. */
export const previousPeriod = (period: Period): Period => shiftPeriod(period, -1);

/** An average of scores kept in tenths, to one decimal, half up. */
function average(sumTenths: number, count: number): number {
  return Math.round(sumTenths / count) / 10;
}
