import { vietnamDate } from '@antoan/domain';
import type { TargetsQuery } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { invalid, notFound } from '../errors';
import { settle } from '../secrets';
import { listTargets, type TargetingPolicy, type TargetList, targetListPosition } from '../targeting';
import { failure, type Result, success } from './result';

/**
 * The inspector's ranked list for today, city-wide or for one zone (404 when the zone does not exist), with the
 * server's draw secret mixed into the week's random share; a `cursor` continues down the priority index after the
 * first page (400 when it is not one this service issued for this list). What the list cost (`itemsRead`) stays
 * server-side.
 */
export async function listInspectionTargets(
  deps: Pick<AppDeps, 'db' | 'now' | 'targetingDrawSecret'>,
  input: { query: TargetsQuery; policy: TargetingPolicy },
): Promise<Result<Omit<TargetList, 'itemsRead'>>> {
  const { cursor, ...query } = input.query;
  const after = cursor === undefined ? undefined : targetListPosition(cursor);
  if (cursor !== undefined && !after)
    return failure(
      invalid([{ path: 'cursor', message: 'cursor is not one this service issued for this list' }]),
    );
  const list = await listTargets(deps.db, { ...query, after }, vietnamDate(deps.now()), {
    ...input.policy,
    drawSecret: deps.targetingDrawSecret === undefined ? undefined : await settle(deps.targetingDrawSecret),
  });
  if (!list) return failure(notFound('zone'));
  const { itemsRead: _itemsRead, ...shown } = list;
  return success(shown);
}
