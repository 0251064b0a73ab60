import { listNotifications } from '@antoan/db';
import { listQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { authenticate, loadEnterprise } from '../access';
import { valid } from '../body';
import type { AppEnv } from '../deps';

/** An enterprise's outbox of reminders (expiring evidence, due and overdue self-inspections), newest first. */
export const notificationRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/notifications', authenticate())
    .get('/v1/enterprises/:eid/notifications', valid('query', listQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const { limit, cursor } = c.req.valid('query');
      return c.json(await listNotifications(c.var.deps.db, { enterpriseId: enterprise.id, limit, cursor }));
    });
