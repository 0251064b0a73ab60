import { type Evidence, getEvidence, listEvidence } from '@antoan/db';
import { addDays, vietnamDate } from '@antoan/domain';
import { listEvidenceQuerySchema, requestEvidenceUploadSchema } from '@antoan/schemas';
import { EVIDENCE_CONTENT_TYPES, isEvidenceContentType, MAX_EVIDENCE_BYTES } from '@antoan/storage';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppContext, AppEnv } from '../deps';
import { conflict, invalid, notFound, payloadTooLarge, unsupportedMediaType } from '../errors';
import { evidenceView as view } from '../evidence-view';
import { idempotent } from '../idempotency';
import { declareEvidence } from '../use-cases/declare-evidence';
import { deleteEvidenceFromLibrary } from '../use-cases/delete-evidence';
import { unwrap } from '../use-cases/result';

async function loadEvidence(c: AppContext, enterpriseId: string, evidenceId: string): Promise<Evidence> {
  const evidence = await getEvidence(c.var.deps.db, enterpriseId, evidenceId);
  // Deleted evidence has left the library: it is found by nobody, as if it had never been.
  if (!evidence || evidence.deletedAt !== undefined) throw notFound('evidence');
  return evidence;
}

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
        const input = c.req.valid('json');
        if (!isEvidenceContentType(input.contentType))
          throw unsupportedMediaType(EVIDENCE_CONTENT_TYPES, 'contentType');
        if (input.size > MAX_EVIDENCE_BYTES) throw payloadTooLarge('20 MB', { vi: 'Tệp', en: 'The file' });
        const today = vietnamDate(deps.now());
        if (input.issuedOn > today)
          throw invalid([{ path: 'issuedOn', message: `issuedOn ${input.issuedOn} is in the future` }]);
        const id = deps.newId();
        const declared = await declareEvidence(deps, {
          id,
          enterprise,
          declared: input,
          objectKey: deps.evidence.objectKey(enterprise.id, id),
          actor: principal.sub,
        });
        if (!declared.ok) throw invalid([{ path: declared.error.path, message: declared.error.message }]);
        const evidence = declared.value;
        const upload = await deps.evidence.presignUpload({
          key: evidence.objectKey,
          contentType: input.contentType,
          size: input.size,
          sha256Hex: evidence.sha256,
        });
        return c.json({ ...view(evidence), upload }, 201);
      },
    )
    .get('/v1/enterprises/:eid/evidence', valid('query', listEvidenceQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor, expiringWithinDays } = c.req.valid('query');
      const today = vietnamDate(c.var.deps.now());
      const page = await listEvidence(c.var.deps.db, {
        enterpriseId: enterprise.id,
        limit,
        cursor,
        ...(expiringWithinDays === undefined
          ? {}
          : { expiring: { from: today, to: addDays(today, expiringWithinDays) } }),
      });
      return c.json({
        items: page.items.map((evidence) => ({
          ...view(evidence),
          expired: evidence.expiresOn !== undefined && evidence.expiresOn < today,
        })),
        nextCursor: page.nextCursor,
      });
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
      const evidence = await loadEvidence(c, enterprise.id, c.req.param('vid'));
      // Rejected files sit in quarantine and were never proof: nothing to download.
      if (evidence.status === 'rejected') throw notFound('evidence file');
      if (evidence.status !== 'verified') {
        throw conflict(
          {
            vi: 'Tệp chưa được xác minh; hãy xác nhận tải lên trước.',
            en: 'The file is not verified yet; confirm the upload first.',
          },
          { code: 'not_verified' },
        );
      }
      return c.json(
        await c.var.deps.evidence.presignDownload({ key: evidence.objectKey, fileName: evidence.fileName }),
      );
    });
