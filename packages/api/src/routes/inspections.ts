import { getSelfScores, type Inspection, listInspections } from '@antoan/db';
import { credibilityGap } from '@antoan/domain';
import { createInspectionSchema, listQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { idempotent } from '../idempotency';
import { recordInspection } from '../use-cases/record-inspection';
import { unwrap } from '../use-cases/result';

/** An inspection as the API shows it: with the self-score of its period and the credibility gap, as of now. */
const view = (inspection: Inspection, selfScores: ReadonlyMap<string, number>) => {
  const selfScore = selfScores.get(inspection.period) ?? null;
  return { ...inspection, selfScore, credibilityGap: credibilityGap(selfScore, inspection.score.total) };
};

/**
 * Inspections: recorded by an inspector or the authority, scored by the self-assessment's scoring over the
 * items observed, compared with the firm's self-score for the same period; read by everyone whose scope covers
 * the firm.
 */
export const inspectionRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/inspections', authenticate())
    .post(
      '/v1/enterprises/:eid/inspections',
      allow('inspector', 'authority'),
      jsonContent,
      idempotent(),
      valid('json', createInspectionSchema),
      async (c) => {
        const { deps, principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'));
        const { inspection, actions } = unwrap(
          await recordInspection(deps, { enterprise, request: c.req.valid('json'), actor: principal.sub }),
        );
        return c.json(
          { ...view(inspection, await getSelfScores(deps.db, enterprise.id, [inspection.period])), actions },
          201,
        );
      },
    )
    .get('/v1/enterprises/:eid/inspections', valid('query', listQuerySchema), async (c) => {
      const { deps } = c.var;
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor } = c.req.valid('query');
      const page = await listInspections(deps.db, { enterpriseId: enterprise.id, limit, cursor });
      const selfScores = await getSelfScores(
        deps.db,
        enterprise.id,
        page.items.map((inspection) => inspection.period),
      );
      return c.json({
        items: page.items.map((inspection) => view(inspection, selfScores)),
        nextCursor: page.nextCursor,
      });
    });
