import { type Enterprise, getEnterprise } from '@antoan/db';
import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from './deps';
import { forbidden, notFound, unauthorized } from './errors';
import { type Principal, principalFromClaims, type Role } from './principal';

/** Authenticates the bearer token and stores the caller as `principal`; 401 when absent or invalid. */
export const authenticate = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('Authorization');
    const match = header?.match(/^Bearer ([A-Za-z0-9_\-.=]+)$/);
    if (!match?.[1]) throw unauthorized();
    c.set('principal', principalFromClaims(await c.var.deps.verifyToken(match[1])));
    await next();
  });

/** 403 unless the caller has one of `allowed` roles: the role gate every route declares. */
export const allow = (...allowed: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!c.var.principal.roles.some((role) => allowed.includes(role))) throw forbidden();
    await next();
  });

/** Whether the caller may see this zone: its managers, inspectors and the authority. */
export function zoneInScope(principal: Principal, zoneId: string): boolean {
  return (
    principal.roles.includes('inspector') ||
    principal.roles.includes('authority') ||
    (principal.roles.includes('zone_manager') && principal.zoneIds.includes(zoneId))
  );
}

/** Whether the caller may see this enterprise: the firm itself, plus everyone who may see its zone. */
export function enterpriseInScope(
  principal: Principal,
  enterprise: Pick<Enterprise, 'id' | 'zoneId'>,
): boolean {
  return (
    (principal.roles.includes('enterprise') && principal.enterpriseId === enterprise.id) ||
    zoneInScope(principal, enterprise.zoneId)
  );
}

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
