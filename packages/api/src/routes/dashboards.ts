import {
  dashboardQuerySchema,
  zoneEnterprisesQuerySchema,
  zoneFirmsQuerySchema,
  zoneTrendsQuerySchema,
} from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadZone, zoneInScope } from '../access';
import { valid } from '../body';
import type { AppEnv } from '../deps';
import { notFound } from '../errors';
import { cityOverview } from '../use-cases/city-overview';
import { listZoneEnterprises } from '../use-cases/list-zone-enterprises';
import { listZoneFirmsView } from '../use-cases/list-zone-firms';
import { unwrap } from '../use-cases/result';
import { zoneDashboard } from '../use-cases/zone-dashboard';
import { zoneTrends } from '../use-cases/zone-trends';

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
        const zoneId = c.req.param('zid');
        // The dashboard reads the zone with its counters (one round), so only the scope is checked here.
        if (!zoneInScope(c.var.principal, zoneId)) throw notFound('zone');
        const { period } = c.req.valid('query');
        return c.json(unwrap(await zoneDashboard(c.var.deps, { zoneId, period })));
      },
    )
    .get(
      '/v1/zones/:zid/enterprises',
      allow('zone_manager', 'inspector', 'authority'),
      valid('query', zoneEnterprisesQuerySchema),
      async (c) => {
        const zone = await loadZone(c, c.req.param('zid'));
        return c.json(
          unwrap(await listZoneEnterprises(c.var.deps, { zoneId: zone.id, query: c.req.valid('query') })),
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
    .get('/v1/city/overview', allow('inspector', 'authority'), async (c) =>
      c.json(await cityOverview(c.var.deps)),
    );
