import { type Enterprise, getEnterprise, getZone, type Zone } from '@antoan/db';
import { enterpriseInScope, zoneInScope } from './auth';
import type { AppContext } from './deps';
import { notFound } from './errors';

export { allow, authenticate, enterpriseInScope, zoneInScope } from './auth';

/**
 * Loads the enterprise named in the path. Out of scope looks exactly like missing (404).
 * With `ownOnly`, only the firm itself may act (for example to fill its own checklist).
 */
export async function loadEnterprise(
  c: AppContext,
  enterpriseId: string,
  options: { ownOnly?: boolean } = {},
): Promise<Enterprise> {
  const { principal, deps } = c.var;
  if (options.ownOnly && principal.enterpriseId !== enterpriseId) throw notFound('enterprise');
  const enterprise = await getEnterprise(deps.db, enterpriseId);
  if (!enterprise || !enterpriseInScope(principal, enterprise)) throw notFound('enterprise');
  return enterprise;
}

/** Loads the zone named in the path. Out of scope looks exactly like missing (404). */
export async function loadZone(c: AppContext, zoneId: string): Promise<Zone> {
  if (!zoneInScope(c.var.principal, zoneId)) throw notFound('zone');
  const zone = await getZone(c.var.deps.db, zoneId);
  if (!zone) throw notFound('zone');
  return zone;
}
