import { evidenceReviewQuerySchema, reviewEvidenceSchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise, loadZone } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { conflict, forbidden, notFound } from '../errors';
import { evidenceView as view } from '../evidence-view';
import { listEvidenceReviewQueue } from '../use-cases/list-evidence-review-queue';
import { reviewEvidenceDecision } from '../use-cases/review-evidence';

/**
 * Reviewing evidence content: a zone's queue of verified evidence waiting for a review (its managers, inspectors,
 * the authority), and the verdict on one document. The verdict lives here, not with the firm's evidence routes,
 * because a rejection plans corrective actions: that code belongs in the reviewers' function only.
 */
export const evidenceReviewRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/zones/:zid/evidence-review', authenticate())
    .use('/v1/enterprises/:eid/evidence/:vid/review', authenticate())
    .post(
      '/v1/enterprises/:eid/evidence/:vid/review',
      allow('zone_manager', 'inspector', 'authority'),
      jsonContent,
      valid('json', reviewEvidenceSchema),
      async (c) => {
        const { deps, principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'));
        const { decision, reason } = c.req.valid('json');
        const result = await reviewEvidenceDecision(deps, {
          enterprise,
          evidenceId: c.req.param('vid'),
          reviewer: principal,
          decision,
          reason,
        });
        if (result.ok) return c.json(view(result.value));
        switch (result.error.code) {
          case 'own_evidence':
            throw forbidden();
          case 'not_found':
            throw notFound('evidence');
          case 'not_verified':
            throw conflict(
              {
                vi: 'Chỉ thẩm tra được minh chứng đã xác minh tệp.',
                en: 'Only evidence whose file is verified can be reviewed.',
              },
              { code: 'not_verified' },
            );
          case 'already_reviewed':
            throw conflict(
              {
                vi: 'Minh chứng đã được thẩm tra; kết luận là cuối cùng, tài liệu sửa lại là minh chứng mới.',
                en: 'The evidence was already reviewed; a verdict is final, and a corrected document is new evidence.',
              },
              { code: 'already_reviewed' },
            );
        }
      },
    )

    .get(
      '/v1/zones/:zid/evidence-review',
      allow('zone_manager', 'inspector', 'authority'),
      valid('query', evidenceReviewQuerySchema),
      async (c) => {
        const zone = await loadZone(c, c.req.param('zid'));
        const { limit, cursor } = c.req.valid('query');
        return c.json(await listEvidenceReviewQueue(c.var.deps, { zoneId: zone.id, limit, cursor }));
      },
    );
