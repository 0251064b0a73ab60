import { getAnnualData, getZone, listZones, type Zone } from '@antoan/db';
import {
  accidentReportQuerySchema,
  areaReportQuerySchema,
  enterpriseAnnualReportQuerySchema,
  putAnnualDataSchema,
} from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise, zoneInScope } from '../access';
import { jsonContent, valid } from '../body';
import type { AppContext, AppEnv } from '../deps';
import { fieldError, forbidden, invalid, notFound, preconditionFailed } from '../errors';
import { ifMatchVersion } from '../if-match';
import { accidentReportDocument, annualReportDocument, areaReportDocument } from '../report-documents';
import { sendReport } from '../report-files';
import { buildAreaReport } from '../use-cases/area-report';
import { buildAccidentReport, buildEnterpriseAnnualReport } from '../use-cases/enterprise-reports';
import { saveAnnualData } from '../use-cases/put-annual-data';
import { reportYearError } from '../use-cases/report-year';

/** The `{year}` of a path or query, from 2000 to next year; otherwise 400 naming the field. */
function checkedYear(c: AppContext, year: string | number, path = 'year'): number {
  const value = typeof year === 'number' ? year : /^\d{4}$/.test(year) ? Number(year) : Number.NaN;
  const error = Number.isNaN(value)
    ? { vi: 'Năm gồm bốn chữ số, ví dụ 2026', en: 'year is four digits, such as 2026' }
    : reportYearError(value, c.var.deps.now());
  if (error !== undefined) throw invalid([fieldError(path, error)]);
  return value;
}

/** Every zone, by code: the city's scope (a few dozen items, read page by page). */
async function allZones(c: AppContext): Promise<Zone[]> {
  const zones: Zone[] = [];
  let cursor: string | undefined;
  do {
    const page = await listZones(c.var.deps.db, { limit: 200, cursor });
    zones.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return zones;
}

/**
 * Reports: the enterprise's annual figures form and its statutory annual and accident reports (scope of the
 * enterprise), and the zone or city report against the plan's three targets, as JSON, XLSX or PDF.
 */
export const reportRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/annual-data/:year', authenticate())
    .use('/v1/enterprises/:eid/reports/*', authenticate())
    .use('/v1/reports/annual', authenticate())
    .get('/v1/enterprises/:eid/annual-data/:year', async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const year = checkedYear(c, c.req.param('year'));
      const annual = await getAnnualData(c.var.deps.db, enterprise.id, String(year));
      c.header('ETag', `"${annual.version}"`);
      return c.json({
        year,
        version: annual.version,
        data: annual.data,
        ...(annual.updatedAt === undefined ? {} : { updatedAt: annual.updatedAt }),
      });
    })
    .put(
      '/v1/enterprises/:eid/annual-data/:year',
      allow('enterprise'),
      jsonContent,
      valid('json', putAnnualDataSchema),
      async (c) => {
        const { deps, principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
        const year = checkedYear(c, c.req.param('year'));
        const expected = ifMatchVersion(c);
        if (expected === undefined) throw preconditionFailed();
        const result = await saveAnnualData(deps, {
          enterprise,
          year,
          expectedVersion: expected,
          figures: c.req.valid('json').data,
          actor: principal.sub,
        });
        if (!result.ok) {
          if (result.error.kind === 'stale') throw preconditionFailed();
          throw invalid(result.error.errors);
        }
        c.header('ETag', `"${result.value.version}"`);
        return c.json({
          year,
          version: result.value.version,
          data: result.value.data,
          updatedAt: result.value.updatedAt,
        });
      },
    )
    .get(
      '/v1/enterprises/:eid/reports/annual',
      valid('query', enterpriseAnnualReportQuerySchema),
      async (c) => {
        const enterprise = await loadEnterprise(c, c.req.param('eid'));
        const query = c.req.valid('query');
        const year = checkedYear(c, query.year);
        const report = await buildEnterpriseAnnualReport(c.var.deps, { enterprise, year });
        return sendReport(c, query.format, report, () => annualReportDocument(report, query.lang));
      },
    )
    .get('/v1/enterprises/:eid/reports/accidents', valid('query', accidentReportQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const query = c.req.valid('query');
      checkedYear(c, query.period.slice(0, 4), 'period');
      const report = await buildAccidentReport(c.var.deps, { enterprise, period: query.period });
      return sendReport(c, query.format, report, () => accidentReportDocument(report, query.lang));
    })
    .get(
      '/v1/reports/annual',
      allow('authority', 'inspector', 'zone_manager'),
      valid('query', areaReportQuerySchema),
      async (c) => {
        const { principal, deps } = c.var;
        const query = c.req.valid('query');
        const year = checkedYear(c, query.year);
        const cityWide = principal.roles.some((role) => role === 'authority' || role === 'inspector');
        let report: Awaited<ReturnType<typeof buildAreaReport>>;
        if (query.zoneId === undefined) {
          // The city report is for the authority and inspectors only.
          if (!cityWide) throw forbidden();
          report = await buildAreaReport(deps, { scope: 'city', year, zones: await allZones(c) });
        } else {
          if (!zoneInScope(principal, query.zoneId)) throw notFound('zone');
          const zone = await getZone(deps.db, query.zoneId);
          if (!zone) throw notFound('zone');
          report = await buildAreaReport(deps, { scope: 'zone', year, zones: [zone] });
        }
        return sendReport(c, query.format, report, () => areaReportDocument(report, query.lang));
      },
    );
