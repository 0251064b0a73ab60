import { getZoneReportCounters, keys, type Zone } from '@antoan/db';
import { type AreaCounters, areaFirms, areaIndicators, vietnamDate } from '@antoan/domain';
import type { AreaReport } from '@antoan/schemas';
import type { AppDeps } from '../deps';

/**
 * The report against the plan's three targets for one zone or the whole city (`zones` all of them), read from the
 * zones' kept counters only: a fixed number of items per zone and year, however many firms the zones hold. A
 * year still running is reported to date (`asOf` today, `toDate` true). Due on 15 November of the year.
 */
export async function buildAreaReport(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: { scope: 'city' | 'zone'; year: number; zones: readonly Zone[] },
): Promise<AreaReport> {
  const { year, zones } = input;
  const years = [String(year - 1), String(year)];
  const counters = await getZoneReportCounters(
    deps.db,
    zones.map((zone) => zone.id),
    years,
  );
  const today = vietnamDate(deps.now());
  const toDate = today <= `${year}-12-31`;
  const byZone = new Map<string, AreaCounters>(counters.map((zone) => [zone.zoneId, zone]));
  const of = (zone: Zone) => (byZone.get(zone.id) ? [byZone.get(zone.id) as AreaCounters] : []);
  const indicators = areaIndicators(counters, year);
  const counterItems = zones.flatMap((zone) => [
    `${keys.zoneEnterpriseCounts(zone.id).pk}/${keys.zoneEnterpriseCounts(zone.id).sk}`,
    ...years.flatMap((y) => [
      `${keys.zoneYear(zone.id, y).pk}/${keys.zoneYear(zone.id, y).sk}`,
      `${keys.zoneAccidents(zone.id, y).pk}/${keys.zoneAccidents(zone.id, y).sk}`,
    ]),
  ]);
  const single = input.scope === 'zone' ? zones[0] : undefined;
  return {
    scope: input.scope,
    ...(single ? { zoneId: single.id, zoneName: single.name } : {}),
    year,
    previousYear: year - 1,
    asOf: toDate ? today : `${year}-12-31`,
    toDate,
    generatedAt: deps.now().toISOString(),
    dueOn: `${year}-11-15`,
    indicators,
    firms: areaFirms(counters, year),
    ...(input.scope === 'city'
      ? {
          zones: zones.map((zone) => ({
            zoneId: zone.id,
            code: zone.code,
            name: zone.name,
            indicators: areaIndicators(of(zone), year),
            firms: areaFirms(of(zone), year),
          })),
        }
      : {}),
    missing: indicators
      .filter((indicator) => indicator.value === null)
      .map((i) => `indicators.${i.code}.value`),
    sources: Object.fromEntries(
      indicators.map((indicator) => [
        `indicators.${indicator.code}`,
        { kind: 'counters' as const, items: counterItems },
      ]),
    ),
  };
}
