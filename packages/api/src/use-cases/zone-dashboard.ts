import {
  getZone,
  getZoneCounters,
  getZoneDashboardItems,
  getZoneReportCounters,
  type ZoneReportCounters,
} from '@antoan/db';
import {
  formatPeriod,
  type LocalizedText,
  obligedGroupOf,
  obligedGroupText,
  type Period,
  parsePeriod,
  previousPeriod,
  vietnamDate,
  zoneDashboardFigures,
} from '@antoan/domain';
import type { ZoneDashboard } from '@antoan/schemas';
import { publishedTemplates } from '@antoan/templates';
import type { AppDeps } from '../deps';
import { invalid, notFound } from '../errors';
import { noAccidents, wholeZoneFigures, wholeZonePeriods } from './city-overview';
import { failure, type Result, success } from './result';

/**
 * The period of a query, of a kind some firms self-inspect by: a year (most firms) or a half-year (high-risk firms).
 * A quarter, or anything else, is a 400 on `period`.
 */
export function obligedPeriod(text: string): Result<{ period: Period; group: 'highRisk' | 'regular' }> {
  const parsed = parsePeriod(text);
  const group = parsed.success ? obligedGroupOf(parsed.period) : undefined;
  if (!parsed.success || group === undefined) {
    return failure(
      invalid([
        {
          path: 'period',
          message:
            'self-inspections are by year (most firms, e.g. 2026) or by half-year (high-risk firms, e.g. 2026-H2); quarters are not used',
        },
      ]),
    );
  }
  return success({ period: parsed.period, group });
}

/** A section's title from the newest published template that has a section with this id. */
function sectionTitle(sectionId: string): LocalizedText {
  const newestFirst = [...publishedTemplates()].sort((a, b) => b.version - a.version);
  for (const template of newestFirst) {
    const section = template.sections.find((candidate) => candidate.id === sectionId);
    if (section) return section.title;
  }
  return { vi: sectionId, en: sectionId };
}

const titled = (sections: ReadonlyArray<{ sectionId: string; averageScore: number }>) =>
  sections.map((section) => ({
    sectionId: section.sectionId,
    title: sectionTitle(section.sectionId),
    averageScore: section.averageScore,
  }));

/** Firms whose Appendix II report for `year` was complete when its form was last saved, of the zone's firms. */
const annualReports = (year: string, counters: ZoneReportCounters | undefined) => ({
  year,
  complete: counters?.years[year]?.reportsComplete ?? 0,
  firms: counters?.firms ?? 0,
});

/**
 * A zone's dashboard, from kept counters only, in one round of reads (every key is known from the path and the
 * query). With a `period` (a year or a half-year): the firms that owe that period. Without one: the whole zone, each
 * firm counted once for the period it owes now. A period of another kind is a 400; a zone that is not there a 404.
 * The caller has checked the zone is in scope.
 */
export async function zoneDashboard(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: { zoneId: string; period: string | undefined },
): Promise<Result<ZoneDashboard>> {
  if (input.period === undefined) return wholeZoneDashboard(deps, input.zoneId);
  const obliged = obligedPeriod(input.period);
  if (!obliged.ok) return obliged;
  const { period, group } = obliged.value;
  const year = String(period.year);
  // One BatchGetItem: the zone, its counters for both periods, and its report counters for the year.
  const {
    zone,
    registrations,
    current,
    previous,
    accidents,
    actions,
    report: reportCounters,
  } = await getZoneDashboardItems(deps.db, {
    zoneId: input.zoneId,
    period: formatPeriod(period),
    previousPeriod: formatPeriod(previousPeriod(period)),
    year,
  });
  if (!zone) return failure(notFound('zone'));
  const {
    obligedGroup: _group,
    weakestSections,
    ...figures
  } = zoneDashboardFigures({
    period,
    today: vietnamDate(deps.now()),
    registrations,
    current,
    previous,
  });
  return success({
    zoneId: zone.id,
    period: formatPeriod(period),
    ...figures,
    weakestSections: titled(weakestSections),
    fatalAccidents: accidents.fatal,
    accidents: { year, ...accidents },
    covers: { group, text: obligedGroupText(group) },
    // Pending corrective actions of the zone's firms now (not per period), from counters.
    actions,
    annualReports: annualReports(year, reportCounters),
  });
}

/**
 * The dashboard of the whole zone (no `period` asked): each firm counted once, for the period it owes now (the
 * half-year for high-risk firms, the year for the others). The zone, its counters for both periods and the ones
 * before them, this year's accidents, its actions and its report counters, in one round of reads.
 */
async function wholeZoneDashboard(
  deps: Pick<AppDeps, 'db' | 'now'>,
  zoneId: string,
): Promise<Result<ZoneDashboard>> {
  const today = vietnamDate(deps.now());
  const { year, periods, years } = wholeZonePeriods(today);
  const yearText = String(year.year);
  const [zone, [counters], [reportCounters]] = await Promise.all([
    getZone(deps.db, zoneId),
    getZoneCounters(deps.db, { zoneIds: [zoneId], periods, years }),
    getZoneReportCounters(deps.db, [zoneId], [yearText]),
  ]);
  if (!zone || !counters) return failure(notFound('zone'));
  const { weakestSections, schedules, ...figures } = wholeZoneFigures(counters, today);
  const accidents = counters.accidents[yearText] ?? noAccidents;
  return success({
    zoneId: zone.id,
    period: yearText,
    ...figures,
    weakestSections: titled(weakestSections),
    fatalAccidents: accidents.fatal,
    accidents: {
      year: yearText,
      fatal: accidents.fatal,
      serious: accidents.serious,
      minor: accidents.minor,
      victims: accidents.victims,
      fatalities: accidents.fatalities,
    },
    covers: {
      group: 'all',
      text: {
        vi: `Mọi doanh nghiệp của khu, mỗi doanh nghiệp theo kỳ của mình: ${schedules.map((part) => part.period).join(' (nguy cơ cao) và ')} (còn lại)`,
        en: `Every firm of the zone, each for its own period: ${schedules.map((part) => part.period).join(' (high-risk) and ')} (the others)`,
      },
    },
    schedules,
    actions: counters.actions,
    annualReports: annualReports(yearText, reportCounters),
  });
}
