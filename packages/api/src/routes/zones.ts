import { createZoneSchema, listQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { idempotent } from '../idempotency';
import { listZonesFor } from '../use-cases/list-zones';
import { registerZone } from '../use-cases/register-zone';

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
        return c.json(await listZonesFor(deps, { principal, limit, cursor }));
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
        return c.json(await registerZone(deps, { request: c.req.valid('json'), actor: principal.sub }), 201);
      },
    );
