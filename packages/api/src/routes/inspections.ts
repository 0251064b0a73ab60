import {
  getEvidence,
  getSelfChecks,
  type Inspection,
  listInspections,
  type SelfCheckItems,
} from '@antoan/db';
import { compareWithSelfCheck, credibilityGap } from '@antoan/domain';
import { createInspectionSchema, listQuerySchema, requestInspectionPhotoSchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { notFound } from '../errors';
import { confirmEvidence } from '../evidence-confirmation';
import { idempotent } from '../idempotency';
import { declareInspectionPhoto } from '../use-cases/declare-inspection-photo';
import { recordInspection } from '../use-cases/record-inspection';
import { unwrap } from '../use-cases/result';

/**
 * An inspection as the API shows it, compared with the self-check of its period as of now: `credibilityGap` is
 * the item-by-item gap over the items both scored, `disagreements` the items that differ, and `totalsGap` the old
 * difference of the two totals (over different item sets, kept for history).
 */
const view = (inspection: Inspection, selfChecks: ReadonlyMap<string, SelfCheckItems>) => {
  const selfCheck = selfChecks.get(inspection.period);
  const selfScore = selfCheck?.total ?? null;
  const compared = selfCheck
    ? compareWithSelfCheck(inspection.score.items ?? [], selfCheck.items)
    : undefined;
  return {
    ...inspection,
    selfScore,
    credibilityGap: compared?.itemGap ?? null,
    comparedItems: compared?.comparedItems ?? 0,
    disagreements: compared?.disagreements ?? [],
    totalsGap: credibilityGap(selfScore, inspection.score.total),
  };
};

/**
 * Inspections: recorded by an inspector or the authority, scored by the self-assessment's scoring over the
 * items observed, compared with the firm's self-score for the same period; read by everyone whose scope covers
 * the firm. The photos behind findings are uploaded first, like evidence (declare, presigned POST, confirm).
 */
export const inspectionRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/inspections', authenticate())
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
        const photo = await getEvidence(deps.db, enterprise.id, c.req.param('vid'));
        if (photo?.kind !== 'inspection_photo') throw notFound('inspection photo');
        const { objectKey: _key, ...settled } = await confirmEvidence(deps, photo, principal.sub);
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
    )
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
          { ...view(inspection, await getSelfChecks(deps.db, enterprise.id, [inspection.period])), actions },
          201,
        );
      },
    )
    .get('/v1/enterprises/:eid/inspections', valid('query', listQuerySchema), async (c) => {
      const { deps } = c.var;
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor } = c.req.valid('query');
      const page = await listInspections(deps.db, { enterpriseId: enterprise.id, limit, cursor });
      const selfChecks = await getSelfChecks(
        deps.db,
        enterprise.id,
        page.items.map((inspection) => inspection.period),
      );
      return c.json({
        items: page.items.map((inspection) => view(inspection, selfChecks)),
        nextCursor: page.nextCursor,
      });
    });
