import { requestInspectionPhotoSchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { idempotent } from '../idempotency';
import { confirmInspectionPhoto } from '../use-cases/confirm-inspection-photo';
import { declareInspectionPhoto } from '../use-cases/declare-inspection-photo';
import { unwrap } from '../use-cases/result';

/**
 * The photos behind an inspection's findings, uploaded first like evidence: declared (a presigned POST straight to
 * S3), then confirmed (the server verifies the object itself). A function of its own, because these two routes are
 * the only inspection routes that need the S3 client.
 */
export const inspectionPhotoRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/inspection-photos', authenticate())
    .use('/v1/enterprises/:eid/inspection-photos/*', authenticate())
    .post(
      '/v1/enterprises/:eid/inspection-photos',
      allow('inspector', 'authority'),
      jsonContent,
      idempotent(),
      valid('json', requestInspectionPhotoSchema),
      async (c) => {
        const { deps, principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'));
        const ticket = unwrap(
          await declareInspectionPhoto(deps, {
            enterprise,
            request: c.req.valid('json'),
            actor: principal.sub,
          }),
        );
        return c.json(ticket, 201);
      },
    )
    .post(
      '/v1/enterprises/:eid/inspection-photos/:vid/confirm',
      allow('inspector', 'authority'),
      async (c) => {
        const { deps, principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'));
        const settled = unwrap(
          await confirmInspectionPhoto(deps, {
            enterprise,
            photoId: c.req.param('vid'),
            actor: principal.sub,
          }),
        );
        if (settled.status === 'rejected')
          return c.json(
            {
              id: settled.id,
              status: 'rejected',
              reason: settled.reason,
              message: {
                vi: `Ảnh tải lên không khớp với thông tin đã khai (${settled.reason}); ảnh đã bị cách ly, hãy chụp hoặc tải lên lại.`,
                en: `The uploaded photo does not match what was declared (${settled.reason}); it was quarantined. Take or upload it again.`,
              },
            },
            422,
          );
        return c.json({ ...settled, status: 'verified' });
      },
    );
