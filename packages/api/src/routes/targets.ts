import { vietnamDate } from '@antoan/domain';
import { targetsQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate } from '../access';
import { valid } from '../body';
import type { AppEnv } from '../deps';
import { invalid, notFound } from '../errors';
import {
  DEFAULT_TARGETING_POLICY,
  listTargets,
  type TargetingPolicy,
  targetListPosition,
} from '../targeting';

/**
 * The inspector's ranked list of firms to visit, city-wide or for one zone, optionally for one sector: read from
 * the priority index, each entry with its reasons; a share of the first page drawn at random each ISO week, and
 * later pages (`cursor`) continuing down the index.
 */
export const targetRoutes = (policy: TargetingPolicy = DEFAULT_TARGETING_POLICY) =>
  new Hono<AppEnv>()
    .use('/v1/targets', authenticate())
    .get('/v1/targets', allow('inspector', 'authority'), valid('query', targetsQuerySchema), async (c) => {
      const { db, now, targetingDrawSecret } = c.var.deps;
      const { cursor, ...query } = c.req.valid('query');
      const after = cursor === undefined ? undefined : targetListPosition(cursor);
      if (cursor !== undefined && !after)
        throw invalid([{ path: 'cursor', message: 'cursor is not one this service issued for this list' }]);
      const list = await listTargets(db, { ...query, after }, vietnamDate(now()), {
        ...policy,
        drawSecret: targetingDrawSecret,
      });
      if (!list) throw notFound('zone');
      const { itemsRead: _itemsRead, ...body } = list;
      return c.json(body);
    });
