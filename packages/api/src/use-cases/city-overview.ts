import { getZoneCounters, listZones, type Zone, type ZoneCounters } from '@antoan/db';
import {
  combinedZoneFigures,
  currentPeriods,
  formatPeriod,
  type PeriodCounters,
  previousPeriod,
  vietnamDate,
  weakestZones,
} from '@antoan/domain';
import type { CityOverview } from '@antoan/schemas';
import type { AppDeps } from '../deps';

const noCounters: PeriodCounters = {
  draft: 0,
  submitted: 0,
  ratings: { A: 0, B: 0, C: 0, D: 0 },
  scoreSumTenths: 0,
  sections: {},
};

/** A year without accidents, as the counters would hold it. */
export const noAccidents = { fatal: 0, serious: 0, minor: 0, victims: 0, fatalities: 0 };

/** A zone's current figures over both schedules, from its kept counters (`getZoneCounters`). */
export function wholeZoneFigures(counters: ZoneCounters, today: string) {
  const { half, year } = currentPeriods(today);
  const stats = (period: Parameters<typeof formatPeriod>[0]) =>
    counters.stats[formatPeriod(period)] ?? noCounters;
  return combinedZoneFigures({
    today,
    registrations: counters.registrations,
    parts: [
      { period: half, current: stats(half), previous: stats(previousPeriod(half)) },
      { period: year, current: stats(year), previous: stats(previousPeriod(year)) },
    ],
  });
}

/** The counters `wholeZoneFigures` needs for `today`, and the accident year. */
export function wholeZonePeriods(today: string) {
  const { half, year } = currentPeriods(today);
  return {
    half,
    year,
    periods: [half, previousPeriod(half), year, previousPeriod(year)].map(formatPeriod),
    years: [String(year.year)],
  };
}

/** Every zone of the city, by code, through every page of the zone list. */
async function allZones(deps: Pick<AppDeps, 'db'>): Promise<Zone[]> {
  const zones: Zone[] = [];
  let cursor: string | undefined;
  do {
    const page = await listZones(deps.db, { limit: 200, cursor });
    zones.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return zones;
}

/**
 * Every zone's current figures side by side (each firm for the period it owes now), the city's totals and the
 * weakest zones, read from kept counters only: the zone list, then one BatchGetItem round of 7 items per zone
 * (registrations, actions, four period stats, this year's accidents), however many firms the zones hold.
 */
export async function cityOverview(deps: Pick<AppDeps, 'db' | 'now'>): Promise<CityOverview> {
  const zoneList = await allZones(deps);
  const today = vietnamDate(deps.now());
  const { half, year, periods, years } = wholeZonePeriods(today);
  const yearText = String(year.year);
  const counters = await getZoneCounters(deps.db, {
    zoneIds: zoneList.map((zone) => zone.id),
    periods,
    years,
  });
  const zones = zoneList.map((zone, index) => {
    const kept = counters[index] as ZoneCounters;
    const { weakestSections: _sections, ...figures } = wholeZoneFigures(kept, today);
    const accidents = kept.accidents[yearText] ?? noAccidents;
    return {
      zoneId: zone.id,
      code: zone.code,
      name: zone.name,
      ...figures,
      accidents: {
        fatal: accidents.fatal,
        serious: accidents.serious,
        minor: accidents.minor,
        victims: accidents.victims,
        fatalities: accidents.fatalities,
      },
      actions: kept.actions,
    };
  });
  const sum = (pick: (zone: (typeof zones)[number]) => number) =>
    zones.reduce((total, zone) => total + pick(zone), 0);
  const submitted = sum((zone) => zone.submitted);
  const enterprises = sum((zone) => zone.enterprises);
  // The city's average is over every submission of the current periods, from the kept sums (not zone averages).
  const scoreTenths = counters.reduce(
    (total, kept) =>
      total +
      [formatPeriod(half), yearText].reduce(
        (part, period) => part + (kept.stats[period]?.scoreSumTenths ?? 0),
        0,
      ),
    0,
  );
  return {
    year: yearText,
    periods: { half: formatPeriod(half), year: yearText },
    zones,
    totals: {
      enterprises,
      submitted,
      draft: sum((zone) => zone.draft),
      notStarted: sum((zone) => zone.notStarted),
      overdue: sum((zone) => zone.overdue),
      averageScore: submitted > 0 ? Math.round(scoreTenths / submitted) / 10 : null,
      submissionRate: enterprises > 0 ? Math.round((submitted / enterprises) * 1000) / 10 : null,
      ratingCounts: {
        A: sum((zone) => zone.ratingCounts.A),
        B: sum((zone) => zone.ratingCounts.B),
        C: sum((zone) => zone.ratingCounts.C),
        D: sum((zone) => zone.ratingCounts.D),
      },
      accidents: {
        fatal: sum((zone) => zone.accidents.fatal),
        serious: sum((zone) => zone.accidents.serious),
        minor: sum((zone) => zone.accidents.minor),
        victims: sum((zone) => zone.accidents.victims),
        fatalities: sum((zone) => zone.accidents.fatalities),
      },
      actions: { open: sum((zone) => zone.actions.open), overdue: sum((zone) => zone.actions.overdue) },
    },
    weakest: {
      byAverageScore: weakestZones(zones, (zone) => zone.averageScore),
      bySubmissionRate: weakestZones(zones, (zone) => zone.submissionRate),
    },
    explain: {
      weakest: {
        vi: 'Ba khu có điểm trung bình thấp nhất và ba khu có tỷ lệ nộp thấp nhất trong kỳ hiện tại; khu chưa có số liệu (chưa ai nộp) không được xếp hạng.',
        en: 'The three zones with the lowest average score and the three with the lowest submission rate in the current periods; zones with no figure yet (nobody submitted) are not ranked.',
      },
    },
  };
}
