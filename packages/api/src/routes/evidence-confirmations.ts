import type { Evidence } from '@antoan/db';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise } from '../access';
import type { AppContext, AppEnv } from '../deps';
import { evidenceView } from '../evidence-view';
import { confirmUpload } from '../use-cases/confirm-evidence';
import { unwrap } from '../use-cases/result';

/**
 * The verdict on a rejected upload. The contract gives this 422 the body `{ status: "rejected", reason }`, which
 * is a verdict about the evidence rather than a problem document, so it goes out as plain JSON.
 */
const rejected = (c: AppContext, evidence: Evidence) =>
  c.json(
    {
      id: evidence.id,
      status: 'rejected',
      reason: evidence.reason,
      message: {
        vi: `Tệp tải lên không khớp với thông tin đã khai (${evidence.reason}); tệp đã bị cách ly, hãy tải lên lại như minh chứng mới.`,
        en: `The uploaded file does not match what was declared (${evidence.reason}); it was quarantined. Upload it again as new evidence.`,
      },
    },
    422,
  );

/**
 * Confirming an upload: the server verifies the object itself and settles the evidence. A function of its own,
 * because content verification (and the target refresh behind it) is most of the evidence code.
 */
export const evidenceConfirmationRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/evidence/:vid/confirm', authenticate())
    .post('/v1/enterprises/:eid/evidence/:vid/confirm', allow('enterprise'), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'), { ownOnly: true });
      const settled = unwrap(
        await confirmUpload(c.var.deps, {
          enterprise,
          evidenceId: c.req.param('vid'),
          actor: c.var.principal.sub,
        }),
      );
      if (settled.status === 'rejected') return rejected(c, settled);
      return c.json({ ...evidenceView(settled), status: 'verified' });
    });
