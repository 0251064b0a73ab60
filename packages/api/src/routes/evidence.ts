import { listEvidenceQuerySchema, requestEvidenceUploadSchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { idempotent } from '../idempotency';
import { deleteEvidenceFromLibrary } from '../use-cases/delete-evidence';
import { evidenceDownload } from '../use-cases/evidence-download';
import { listEvidenceLibrary } from '../use-cases/list-evidence';
import { requestEvidenceUpload } from '../use-cases/request-evidence-upload';
import { unwrap } from '../use-cases/result';

/**
 * Evidence: the enterprise requests an upload (a presigned POST straight to S3), then confirms it
 * (`evidenceConfirmationRoutes`, a function of its own); the server verifies the object itself. Everyone whose
 * scope covers the firm lists and downloads it.
 */
export const evidenceRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/evidence', authenticate())
    // Path by path, not `evidence/*`: confirming is another function's route.
    .use('/v1/enterprises/:eid/evidence/:vid', authenticate())
    .use('/v1/enterprises/:eid/evidence/:vid/download', authenticate())
    .post(
      '/v1/enterprises/:eid/evidence',
      allow('enterprise'),
      jsonContent,
      idempotent(),
      valid('json', requestEvidenceUploadSchema),
      async (c) => {
        const { deps, principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
        const ticket = unwrap(
          await requestEvidenceUpload(deps, {
            enterprise,
            request: c.req.valid('json'),
            actor: principal.sub,
          }),
        );
        return c.json(ticket, 201);
      },
    )
    .get('/v1/enterprises/:eid/evidence', valid('query', listEvidenceQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      return c.json(await listEvidenceLibrary(c.var.deps, { enterprise, ...c.req.valid('query') }));
    })
    .delete('/v1/enterprises/:eid/evidence/:vid', allow('enterprise'), async (c) => {
      const { deps, principal } = c.var;
      const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
      unwrap(
        await deleteEvidenceFromLibrary(deps, {
          enterprise,
          evidenceId: c.req.param('vid'),
          actor: principal.sub,
        }),
      );
      return c.body(null, 204);
    })
    .get('/v1/enterprises/:eid/evidence/:vid/download', async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      return c.json(
        unwrap(await evidenceDownload(c.var.deps, { enterprise, evidenceId: c.req.param('vid') })),
      );
    });
