import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import type { AppEnv } from '../deps';
import { idempotent } from '../idempotency';
import { withEtag } from '../if-match';
import { amendSelfCheck } from '../use-cases/amend-self-check';
import { unwrap } from '../use-cases/result';
import { submitSelfCheckRequest } from '../use-cases/submit-self-check';

/**
 * Submitting and amending a self-assessment: the submission transaction (scoring, counters, actions, the firm's
 * report facts, the target refresh). A function of its own, so the rest of the assessment routes stay lean.
 */
export const submissionRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/assessments/:aid/submit', authenticate())
    .use('/v1/enterprises/:eid/assessments/:aid/amend', authenticate())
    .post('/v1/enterprises/:eid/assessments/:aid/submit', allow('enterprise'), idempotent(), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
      const submitted = unwrap(
        await submitSelfCheckRequest(c.var.deps, {
          enterprise,
          assessmentId: c.req.param('aid'),
          actor: c.var.principal.sub,
        }),
      );
      return c.json(submitted);
    })
    .post('/v1/enterprises/:eid/assessments/:aid/amend', allow('enterprise'), idempotent(), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
      const draft = unwrap(
        await amendSelfCheck(c.var.deps, {
          enterprise,
          assessmentId: c.req.param('aid'),
          actor: c.var.principal.sub,
        }),
      );
      return c.json(withEtag(c, draft), 201);
    });
