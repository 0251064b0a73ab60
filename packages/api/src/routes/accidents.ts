import { listAccidents } from '@antoan/db';
import { createAccidentSchema, listQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { idempotent } from '../idempotency';
import { declareAccident } from '../use-cases/declare-accident';
import { unwrap } from '../use-cases/result';

/**
 * Work accidents: declared by the enterprise (`declareAccident`), read by everyone whose scope covers it.
 */
export const accidentRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/accidents', authenticate())
    .post(
      '/v1/enterprises/:eid/accidents',
      allow('enterprise'),
      jsonContent,
      idempotent(),
      valid('json', createAccidentSchema),
      async (c) => {
        const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
        const accident = unwrap(
          await declareAccident(c.var.deps, {
            enterprise,
            request: c.req.valid('json'),
            actor: c.var.principal.sub,
          }),
        );
        return c.json(accident, 201);
      },
    )
    .get('/v1/enterprises/:eid/accidents', valid('query', listQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listAccidents(c.var.deps.db, { enterpriseId: enterprise.id, limit, cursor }));
    });
