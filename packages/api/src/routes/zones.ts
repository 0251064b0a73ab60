import { createZone, getZonesByIds, listZones, type Zone } from '@antoan/db';
import { createZoneSchema, listQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { idempotent } from '../idempotency';

const view = ({ id, code, name }: Zone) => ({ id, code, name });

/** Zones: listed by managers (their own), inspectors and the authority; created by the authority. */
export const zoneRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/zones', authenticate())
    .get(
      '/v1/zones',
      allow('zone_manager', 'inspector', 'authority'),
      valid('query', listQuerySchema),
      async (c) => {
        const { principal, deps } = c.var;
        const { limit, cursor } = c.req.valid('query');
        if (!principal.roles.some((role) => role === 'inspector' || role === 'authority')) {
          const own = await getZonesByIds(deps.db, principal.zoneIds);
          return c.json({ items: own.map(view), nextCursor: null });
        }
        const page = await listZones(deps.db, { limit, cursor });
        return c.json({ items: page.items.map(view), nextCursor: page.nextCursor });
      },
    )
    .post(
      '/v1/zones',
      allow('authority'),
      jsonContent,
      idempotent(),
      valid('json', createZoneSchema),
      async (c) => {
        const { principal, deps } = c.var;
        const input = c.req.valid('json');
        const zone = await createZone(
          deps.db,
          { id: deps.newId(), ...input, createdAt: deps.now().toISOString() },
          principal.sub,
        );
        return c.json(view(zone), 201);
      },
    );
