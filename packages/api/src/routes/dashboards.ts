import {
  getZone,
  getZoneCounters,
  getZoneDashboardItems,
  getZoneReportCounters,
  listZoneFirms,
  listZones,
  type Zone,
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
import {
  dashboardQuerySchema,
  zoneEnterprisesQuerySchema,
  zoneFirmsQuerySchema,
  zoneTrendsQuerySchema,
} from '@antoan/schemas';
import { publishedTemplates } from '@antoan/templates';
import { Hono } from 'hono';
import { allow, authenticate, zoneInScope } from '../access';
import { valid } from '../body';
import type { AppContext, AppEnv } from '../deps';
import { invalid, notFound } from '../errors';
import { cityOverview, wholeZoneFigures, wholeZonePeriods } from '../use-cases/city-overview';
import { listZoneFirmsView } from '../use-cases/list-zone-firms';
import { unwrap } from '../use-cases/result';
import { zoneTrends } from '../use-cases/zone-trends';

/** The zone named in the path; a zone outside the caller's scope looks exactly like a missing one (404). */
async function loadZone(c: AppContext, zoneId: string): Promise<Zone> {
  if (!zoneInScope(c.var.principal, zoneId)) throw notFound('zone');
  const zone = await getZone(c.var.deps.db, zoneId);
  if (!zone) throw notFound('zone');
  return zone;
}

/** The period of the query, of a kind some firms self-inspect by (a year or a half-year). */
function obligedPeriod(text: string): { period: Period; group: 'highRisk' | 'regular' } {
  const parsed = parsePeriod(text);
  const group = parsed.success ? obligedGroupOf(parsed.period) : undefined;
  if (!parsed.success || group === undefined) {
    throw invalid([
      {
        path: 'period',
        message:
          'self-inspections are by year (most firms, e.g. 2026) or by half-year (high-risk firms, e.g. 2026-H2); quarters are not used',
      },
    ]);
  }
  return { period: parsed.period, group };
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

/**
 * Zone oversight for its managers, inspectors and the authority: the dashboard of a period, read from the zone's
 * counters only, and the zone's firms ranked by score with the ones that have not submitted after them.
 */
export const dashboardRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/zones/:zid/dashboard', authenticate())
    .use('/v1/zones/:zid/enterprises', authenticate())
    .use('/v1/zones/:zid/firms', authenticate())
    .use('/v1/zones/:zid/trends', authenticate())
    .use('/v1/city/overview', authenticate())
    .get(
      '/v1/zones/:zid/dashboard',
      allow('zone_manager', 'inspector', 'authority'),
      valid('query', dashboardQuerySchema),
      async (c) => {
        const { db, now } = c.var.deps;
        const zoneId = c.req.param('zid');
        if (!zoneInScope(c.var.principal, zoneId)) throw notFound('zone');
        const asked = c.req.valid('query').period;
        if (asked === undefined) return c.json(await wholeZoneDashboard(c, zoneId));
        const { period, group } = obligedPeriod(asked);
        const year = String(period.year);
        // Every key is known from the path and the query: one BatchGetItem, the zone among them, and beside it the
        // zone's report counters for the year (one round of reads).
        const [{ zone, registrations, current, previous, accidents, actions }, [reportCounters]] =
          await Promise.all([
            getZoneDashboardItems(db, {
              zoneId,
              period: formatPeriod(period),
              previousPeriod: formatPeriod(previousPeriod(period)),
              year,
            }),
            getZoneReportCounters(db, [zoneId], [year]),
          ]);
        if (!zone) throw notFound('zone');
        const {
          obligedGroup: _group,
          weakestSections,
          ...figures
        } = zoneDashboardFigures({
          period,
          today: vietnamDate(now()),
          registrations,
          current,
          previous,
        });
        return c.json({
          zoneId: zone.id,
          period: formatPeriod(period),
          ...figures,
          weakestSections: weakestSections.map((section) => ({
            sectionId: section.sectionId,
            title: sectionTitle(section.sectionId),
            averageScore: section.averageScore,
          })),
          fatalAccidents: accidents.fatal,
          accidents: { year, ...accidents },
          covers: { group, text: obligedGroupText(group) },
          // Pending corrective actions of the zone's firms now (not per period), from counters.
          actions,
          // Firms whose Appendix II report for the period's year was complete when its form was last saved.
          annualReports: {
            year,
            complete: reportCounters?.years[year]?.reportsComplete ?? 0,
            firms: reportCounters?.firms ?? 0,
          },
        });
      },
    )
    .get(
      '/v1/zones/:zid/enterprises',
      allow('zone_manager', 'inspector', 'authority'),
      valid('query', zoneEnterprisesQuerySchema),
      async (c) => {
        const zone = await loadZone(c, c.req.param('zid'));
        const query = c.req.valid('query');
        const { period, group } = obligedPeriod(query.period);
        return c.json(
          await listZoneFirms(c.var.deps.db, {
            zoneId: zone.id,
            period: formatPeriod(period),
            order: query.order,
            owedBy: { highRisk: group === 'highRisk', registeredBy: period.end },
            limit: query.limit,
            cursor: query.cursor,
          }),
        );
      },
    )
    .get(
      '/v1/zones/:zid/firms',
      allow('zone_manager', 'inspector', 'authority'),
      valid('query', zoneFirmsQuerySchema),
      async (c) => {
        const zone = await loadZone(c, c.req.param('zid'));
        const { itemsRead: _read, ...page } = unwrap(
          await listZoneFirmsView(c.var.deps, { zoneId: zone.id, query: c.req.valid('query') }),
        );
        return c.json(page);
      },
    )
    .get(
      '/v1/zones/:zid/trends',
      allow('zone_manager', 'inspector', 'authority'),
      valid('query', zoneTrendsQuerySchema),
      async (c) => {
        const zone = await loadZone(c, c.req.param('zid'));
        return c.json(unwrap(await zoneTrends(c.var.deps, { zoneId: zone.id, query: c.req.valid('query') })));
      },
    )
    .get('/v1/city/overview', allow('inspector', 'authority'), async (c) => {
      const zones: Zone[] = [];
      let cursor: string | undefined;
      do {
        const page = await listZones(c.var.deps.db, { limit: 200, cursor });
        zones.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return c.json(await cityOverview(c.var.deps, { zones }));
    });

/**
 * The dashboard of the whole zone (no `period` asked): each firm counted once, for the period it owes now (the
 * half-year for high-risk firms, the year for the others). Kept counters only, in one round of reads: the zone, its
 * counters for both periods and the ones before them, this year's accidents, its actions, its report counters.
 */
async function wholeZoneDashboard(c: AppContext, zoneId: string) {
  const { db, now } = c.var.deps;
  const today = vietnamDate(now());
  const { year, periods, years } = wholeZonePeriods(today);
  const yearText = String(year.year);
  const [zone, [counters], [reportCounters]] = await Promise.all([
    getZone(db, zoneId),
    getZoneCounters(db, { zoneIds: [zoneId], periods, years }),
    getZoneReportCounters(db, [zoneId], [yearText]),
  ]);
  if (!zone || !counters) throw notFound('zone');
  const { weakestSections, schedules, ...figures } = wholeZoneFigures(counters, today);
  const accidents = counters.accidents[yearText] ?? {
    fatal: 0,
    serious: 0,
    minor: 0,
    victims: 0,
    fatalities: 0,
  };
  return {
    zoneId: zone.id,
    period: yearText,
    ...figures,
    weakestSections: weakestSections.map((section) => ({
      sectionId: section.sectionId,
      title: sectionTitle(section.sectionId),
      averageScore: section.averageScore,
    })),
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
      group: 'all' as const,
      text: {
        vi: `Mọi doanh nghiệp của khu, mỗi doanh nghiệp theo kỳ của mình: ${schedules.map((part) => part.period).join(' (nguy cơ cao) và ')} (còn lại)`,
        en: `Every firm of the zone, each for its own period: ${schedules.map((part) => part.period).join(' (high-risk) and ')} (the others)`,
      },
    },
    schedules,
    actions: counters.actions,
    annualReports: {
      year: yearText,
      complete: reportCounters?.years[yearText]?.reportsComplete ?? 0,
      firms: reportCounters?.firms ?? 0,
    },
  };
}
