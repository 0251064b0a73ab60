import { getAssessment, listAssessments } from '@antoan/db';
import { createAssessmentSchema, listQuerySchema, patchAssessmentSchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { notFound } from '../errors';
import { idempotent } from '../idempotency';
import { ifMatchVersion, withEtag } from '../if-match';
import { answerSelfCheck } from '../use-cases/answer-self-check';
import { unwrap } from '../use-cases/result';
import { startSelfCheck } from '../use-cases/start-self-check';

/**
 * Self-assessments: created and filled by the enterprise; read by everyone whose scope covers it. Submitting and
 * amending are `submissionRoutes`, a function of their own.
 */
export const assessmentRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/assessments', authenticate())
    .use('/v1/enterprises/:eid/assessments/:aid', authenticate())
    .post(
      '/v1/enterprises/:eid/assessments',
      allow('enterprise'),
      jsonContent,
      idempotent(),
      valid('json', createAssessmentSchema),
      async (c) => {
        const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
        const assessment = unwrap(
          await startSelfCheck(c.var.deps, {
            enterprise,
            request: c.req.valid('json'),
            actor: c.var.principal.sub,
          }),
        );
        return c.json(withEtag(c, assessment), 201);
      },
    )
    .get('/v1/enterprises/:eid/assessments', valid('query', listQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor } = c.req.valid('query');
      const page = await listAssessments(c.var.deps.db, { enterpriseId: enterprise.id, limit, cursor });
      return c.json({
        items: page.items.map(({ answers: _answers, applicableItemIds: ids, score, ...summary }) => ({
          ...summary,
          kind: summary.kind ?? 'periodic',
          applicableItemCount: ids.length,
          ...(score ? { score: { total: score.total, rating: score.rating } } : {}),
        })),
        nextCursor: page.nextCursor,
      });
    })
    .get('/v1/enterprises/:eid/assessments/:aid', async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const assessment = await getAssessment(c.var.deps.db, enterprise.id, c.req.param('aid'));
      if (!assessment) throw notFound('assessment');
      return c.json(withEtag(c, { ...assessment, kind: assessment.kind ?? 'periodic' }));
    })
    .patch(
      '/v1/enterprises/:eid/assessments/:aid',
      allow('enterprise'),
      jsonContent,
      valid('json', patchAssessmentSchema),
      async (c) => {
        const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
        const expectedVersion = ifMatchVersion(c);
        const updated = unwrap(
          await answerSelfCheck(c.var.deps, {
            enterprise,
            assessmentId: c.req.param('aid'),
            expectedVersion,
            answers: c.req.valid('json').answers,
            actor: c.var.principal.sub,
          }),
        );
        return c.json(withEtag(c, updated));
      },
    );
