import { type Accident, createAccident, listAccidents } from '@antoan/db';
import { accidentDay, investigationOf, mustDeclareImmediately, vietnamDate } from '@antoan/domain';
import { createAccidentSchema, listQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { invalid } from '../errors';
import { idempotent } from '../idempotency';
import { refreshAfterWrite } from '../targeting';

/**
 * Work accidents: declared by the enterprise, read by everyone whose scope covers it. Each declaration says
 * whether it had to be declared at once and by when the investigation must close; the zone's yearly counters
 * move in the same transaction, and the firm's inspection priority is refreshed.
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
        const { deps, principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
        const input = c.req.valid('json');
        const now = deps.now();
        if (input.occurredAt > now.toISOString()) {
          throw invalid([
            {
              path: 'occurredAt',
              message: `occurredAt is in the future; the time now is ${now.toISOString()}`,
            },
          ]);
        }
        const accident: Accident = {
          id: deps.newId(),
          enterpriseId: enterprise.id,
          zoneId: enterprise.zoneId,
          ...input,
          occurredOn: accidentDay(input.occurredAt),
          declareImmediately: mustDeclareImmediately(input),
          investigation: investigationOf(input),
          reportedAt: now.toISOString(),
          reportedBy: principal.sub,
        };
        await createAccident(deps.db, accident);
        await refreshAfterWrite(deps.db, enterprise.id, vietnamDate(now));
        return c.json(accident, 201);
      },
    )
    .get('/v1/enterprises/:eid/accidents', valid('query', listQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listAccidents(c.var.deps.db, { enterpriseId: enterprise.id, limit, cursor }));
    });
