/** Who the caller is and what they may see, without table access: a route that needs none (templates) carries no DynamoDB client. */
import type { Enterprise } from '@antoan/db';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './deps';
import { forbidden, unauthorized } from './errors';
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
