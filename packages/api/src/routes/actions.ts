import {
  getAction,
  getEnterpriseNames,
  getEvidenceFileNames,
  getZone,
  listActionsOfEnterprise,
  listDoneActionsOfZone,
  listPendingActionsOfZone,
} from '@antoan/db';
import { vietnamDate } from '@antoan/domain';
import {
  createActionSchema,
  enterpriseActionsQuerySchema,
  patchActionSchema,
  zoneActionsQuerySchema,
} from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise, zoneInScope } from '../access';
import { jsonContent, valid } from '../body';
import type { AppContext, AppEnv } from '../deps';
import { notFound } from '../errors';
import { idempotent } from '../idempotency';
import { ifMatchVersion } from '../if-match';
import { actionView } from '../use-cases/action-view';
import { changeActionRequest } from '../use-cases/change-action';
import { addAction } from '../use-cases/create-action';
import { unwrap } from '../use-cases/result';

const today = (c: AppContext) => vietnamDate(c.var.deps.now());

/**
 * Corrective actions: the firm's list and its changes (owner, progress, closure with proof), overseers'
 * verification and reopening, and a zone's pending or overdue actions, oldest due first.
 */
export const actionRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises/:eid/actions', authenticate())
    .use('/v1/enterprises/:eid/actions/*', authenticate())
    .use('/v1/zones/:zid/actions', authenticate())
    .get('/v1/enterprises/:eid/actions', valid('query', enterpriseActionsQuerySchema), async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const query = c.req.valid('query');
      const page = await listActionsOfEnterprise(c.var.deps.db, {
        enterpriseId: enterprise.id,
        status: query.status,
        overdueOn: query.overdue === 'true' ? today(c) : undefined,
        limit: query.limit,
        cursor: query.cursor,
      });
      return c.json({
        items: page.items.map((action) => actionView(action, today(c))),
        nextCursor: page.nextCursor,
      });
    })
    .post(
      '/v1/enterprises/:eid/actions',
      allow('enterprise', 'zone_manager', 'inspector'),
      jsonContent,
      idempotent(),
      valid('json', createActionSchema),
      async (c) => {
        const enterprise = await loadEnterprise(c, c.req.param('eid'));
        const action = unwrap(
          await addAction(c.var.deps, {
            enterprise,
            request: c.req.valid('json'),
            actor: c.var.principal.sub,
          }),
        );
        c.header('ETag', `"${action.version}"`);
        return c.json(actionView(action, today(c)), 201);
      },
    )
    .get('/v1/enterprises/:eid/actions/:acid', async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      const action = await getAction(c.var.deps.db, enterprise.id, c.req.param('acid'));
      if (!action) throw notFound('action');
      c.header('ETag', `"${action.version}"`);
      return c.json(actionView(action, today(c)));
    })
    .patch(
      '/v1/enterprises/:eid/actions/:acid',
      allow('enterprise', 'zone_manager', 'inspector'),
      jsonContent,
      valid('json', patchActionSchema),
      async (c) => {
        const { principal } = c.var;
        const enterprise = await loadEnterprise(c, c.req.param('eid'));
        const expectedVersion = ifMatchVersion(c);
        const own = principal.roles.includes('enterprise') && principal.enterpriseId === enterprise.id;
        const action = unwrap(
          await changeActionRequest(c.var.deps, {
            enterprise,
            actionId: c.req.param('acid'),
            expectedVersion,
            patch: c.req.valid('json'),
            actor: { sub: principal.sub, as: own ? 'enterprise' : 'overseer' },
          }),
        );
        c.header('ETag', `"${action.version}"`);
        return c.json(actionView(action, today(c)));
      },
    )
    .get(
      '/v1/zones/:zid/actions',
      allow('zone_manager', 'inspector', 'authority'),
      valid('query', zoneActionsQuerySchema),
      async (c) => {
        const zoneId = c.req.param('zid');
        if (!zoneInScope(c.var.principal, zoneId) || !(await getZone(c.var.deps.db, zoneId)))
          throw notFound('zone');
        const query = c.req.valid('query');
        const page =
          query.status === 'done'
            ? await listDoneActionsOfZone(c.var.deps.db, { zoneId, limit: query.limit, cursor: query.cursor })
            : await listPendingActionsOfZone(c.var.deps.db, {
                zoneId,
                overdueOn: query.overdue === 'true' ? today(c) : undefined,
                limit: query.limit,
                cursor: query.cursor,
              });
        // The firms' names and the evidence files, two batch reads for the page.
        const names = await getEnterpriseNames(
          c.var.deps.db,
          page.items.map((action) => action.enterpriseId),
        );
        const files = await getEvidenceFileNames(
          c.var.deps.db,
          page.items.flatMap((action) =>
            (action.evidenceIds ?? []).map((evidenceId) => ({
              enterpriseId: action.enterpriseId,
              evidenceId,
            })),
          ),
        );
        return c.json({
          items: page.items.map((action) => {
            const name = names.get(action.enterpriseId);
            const attached = (action.evidenceIds ?? []).flatMap((id) => {
              const fileName = files.get(id);
              return fileName === undefined ? [] : [{ id, fileName }];
            });
            return {
              ...actionView(action, today(c)),
              ...(name === undefined ? {} : { enterpriseName: name }),
              ...(attached.length === 0 ? {} : { evidenceFiles: attached }),
            };
          }),
          nextCursor: page.nextCursor,
        });
      },
    );
