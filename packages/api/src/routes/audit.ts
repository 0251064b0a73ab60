import { listAuditOfEnterprise } from '@antoan/db';
import { auditQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { authenticate, loadEnterprise } from '../access';
import { valid } from '../body';
import type { AppEnv } from '../deps';

/** The firm's history, newest first: who did what, to what, when, and what changed. */
export const auditRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/audit', authenticate())
    .get('/v1/enterprises/:eid/audit', valid('query', auditQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor } = c.req.valid('query');
      const page = await listAuditOfEnterprise(c.var.deps.db, { enterpriseId: enterprise.id, limit, cursor });
      return c.json({
        items: page.items.map((entry) => ({
          at: entry.at,
          actor: entry.actor,
          action: entry.action,
          // Actions are named `<kind>.<verb>` (`assessment.submit`, `action.verified`).
          target: { kind: entry.action.split('.')[0] ?? entry.action, id: entry.target },
          changes: (entry.details?.changes as Record<string, unknown> | undefined) ?? entry.details ?? {},
        })),
        nextCursor: page.nextCursor,
      });
    });
