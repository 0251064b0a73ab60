import { createInspectionSchema, listQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { idempotent } from '../idempotency';
import { listInspectionsCompared } from '../use-cases/list-inspections';
import { recordInspection } from '../use-cases/record-inspection';
import { unwrap } from '../use-cases/result';

/**
 * Inspections: recorded by an inspector or the authority, scored by the self-assessment's scoring over the
 * items observed, compared with the firm's self-score for the same period; read by everyone whose scope covers
 * the firm. The photos behind findings are uploaded first (`inspectionPhotoRoutes`, a function of its own: this
 * one only reads their records and needs no S3 client).
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
        return c.json({ ...inspection, actions }, 201);
      },
    )
    .get('/v1/enterprises/:eid/inspections', valid('query', listQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listInspectionsCompared(c.var.deps, { enterprise, limit, cursor }));
    });
