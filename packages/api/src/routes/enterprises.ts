import { createEnterpriseSchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise, zoneInScope } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { invalid } from '../errors';
import { idempotent } from '../idempotency';
import { enterpriseProfile, registerEnterprise } from '../use-cases/register-enterprise';

/** Enterprises: registered by the authority or a manager of the zone; read by everyone whose scope covers them. */
export const enterpriseRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises', authenticate())
    .use('/v1/enterprises/:eid', authenticate())
    .post(
      '/v1/enterprises',
      allow('authority', 'zone_manager'),
      jsonContent,
      idempotent(),
      valid('json', createEnterpriseSchema),
      async (c) => {
        const request = c.req.valid('json');
        // A zone outside the manager's scope is answered exactly like a zone that does not exist.
        if (!zoneInScope(c.var.principal, request.zoneId)) {
          throw invalid([{ path: 'zoneId', message: `zone ${request.zoneId} does not exist` }]);
        }
        const enterprise = await registerEnterprise(c.var.deps, { request, actor: c.var.principal.sub });
        return c.json(enterprise, 201);
      },
    )
    .get('/v1/enterprises/:eid', async (c) =>
      c.json(await enterpriseProfile(c.var.deps, await loadEnterprise(c, c.req.param('eid')))),
    );
