import { getZoneCounters } from '@antoan/db';
import { formatPeriod, trendPeriods, trendPoint, vietnamDate } from '@antoan/domain';
import type { ZoneTrends, ZoneTrendsQuery } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { invalid } from '../errors';
import { failure, type Result, success } from './result';

/** How many years one trend may cover. */
export const TREND_MAX_YEARS = 10;

/**
 * A zone's average score and submission rate per period (half-years for high-risk firms, years for the others),
 * from `from` to `to` (default: the last three years to this one), read from the zone's kept counters in one batch:
 * the registration counter plus one stats item per period, at most 1 + 3 × 10 items.
 */
export async function zoneTrends(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: { zoneId: string; query: ZoneTrendsQuery },
): Promise<Result<ZoneTrends>> {
  const today = vietnamDate(deps.now());
  const thisYear = Number(today.slice(0, 4));
  const to = input.query.to ?? thisYear;
  const from = input.query.from ?? Math.min(to, thisYear) - 2;
  const errors = [
    ...(from < 2000 ? [{ path: 'from', message: 'from is a year from 2000' }] : []),
    ...(to > thisYear ? [{ path: 'to', message: `to is at most this year (${thisYear})` }] : []),
    ...(from > to ? [{ path: 'from', message: 'from is at most to' }] : []),
    ...(to - from + 1 > TREND_MAX_YEARS
      ? [{ path: 'to', message: `a trend covers at most ${TREND_MAX_YEARS} years` }]
      : []),
  ];
  if (errors.length > 0) return failure(invalid(errors));
  const { halfYears, years } = trendPeriods({ fromYear: from, toYear: to, today });
  const [counters] = await getZoneCounters(deps.db, {
    zoneIds: [input.zoneId],
    periods: [...halfYears, ...years].map(formatPeriod),
    years: [],
  });
  if (!counters) return success({ zoneId: input.zoneId, from, to, halfYears: [], years: [] });
  const point = (period: (typeof halfYears)[number]) =>
    trendPoint({
      period,
      today,
      registrations: counters.registrations,
      counters: counters.stats[formatPeriod(period)] ?? {
        draft: 0,
        submitted: 0,
        ratings: { A: 0, B: 0, C: 0, D: 0 },
        scoreSumTenths: 0,
        sections: {},
      },
    });
  return success({
    zoneId: input.zoneId,
    from,
    to,
    halfYears: halfYears.map(point),
    years: years.map(point),
  });
}
