import { targetsQuerySchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate } from '../access';
import { valid } from '../body';
import type { AppEnv } from '../deps';
import { DEFAULT_TARGETING_POLICY, type TargetingPolicy } from '../targeting';
import { listInspectionTargets } from '../use-cases/list-inspection-targets';
import { unwrap } from '../use-cases/result';

/**
 * The inspector's ranked list of firms to visit, city-wide or for one zone, optionally for one sector: read from
 * the priority index, each entry with its reasons; a share of the first page drawn at random each ISO week, and
 * later pages (`cursor`) continuing down the index.
 */
export const targetRoutes = (policy: TargetingPolicy = DEFAULT_TARGETING_POLICY) =>
  new Hono<AppEnv>()
    .use('/v1/targets', authenticate())
    .get('/v1/targets', allow('inspector', 'authority'), valid('query', targetsQuerySchema), async (c) =>
      c.json(unwrap(await listInspectionTargets(c.var.deps, { query: c.req.valid('query'), policy }))),
    );
