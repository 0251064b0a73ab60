import { getZone } from '@antoan/db';
import { evidenceReviewQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, zoneInScope } from '../access';
import { valid } from '../body';
import type { AppEnv } from '../deps';
import { notFound } from '../errors';
import { listEvidenceReviewQueue } from '../use-cases/list-evidence-review-queue';

/** A zone's queue of verified evidence waiting for a review of its content: its managers, inspectors, the authority. */
export const evidenceReviewRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/zones/:zid/evidence-review', authenticate())
    .get(
      '/v1/zones/:zid/evidence-review',
      allow('zone_manager', 'inspector', 'authority'),
      valid('query', evidenceReviewQuerySchema),
      async (c) => {
        const { deps, principal } = c.var;
        const zoneId = c.req.param('zid');
        if (!zoneInScope(principal, zoneId) || !(await getZone(deps.db, zoneId))) throw notFound('zone');
        const { limit, cursor } = c.req.valid('query');
        return c.json(await listEvidenceReviewQueue(deps, { zoneId, limit, cursor }));
      },
    );
