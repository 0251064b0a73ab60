import { getEnterpriseNames, getZone } from '@antoan/db';
import type { ListUsersQuery } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import type { Principal } from '../principal';
import type { DirectoryUser } from '../user-directory';
import { firmInAdminScope, firmsInZones, isAuthority, type UserAdminResult } from './user-scope';

/** A listed user, with the name of their firm when they are an enterprise user (read in one batch per page). */
export type ListedUser = DirectoryUser & { enterpriseName?: string };

/**
 * Lists the users the caller administers. The authority sees everyone; `zoneId` narrows to that zone's
 * managers and its firms' users, `enterpriseId` to one firm's users. A zone manager sees the enterprise users
 * of the firms in their zones (or in the one zone or firm asked for); anything outside them is a 404.
 */
export async function listUsers(
  deps: Pick<AppDeps, 'db' | 'users'>,
  input: { principal: Principal; query: ListUsersQuery },
): Promise<UserAdminResult<{ items: ListedUser[]; nextCursor: string | null }>> {
  const { principal, query } = input;
  const authority = isAuthority(principal);
  if (query.enterpriseId !== undefined && !(await firmInAdminScope(deps.db, principal, query.enterpriseId))) {
    return { ok: false, error: { kind: 'not_found', what: 'enterprise' } };
  }
  if (query.zoneId !== undefined) {
    const known = authority
      ? (await getZone(deps.db, query.zoneId)) !== undefined
      : principal.zoneIds.includes(query.zoneId);
    if (!known) return { ok: false, error: { kind: 'not_found', what: 'zone' } };
  }
  const zoneId = query.zoneId;
  // Firms whose users are listed: the one asked for, those of the zone asked for, or a manager's zones.
  const firms =
    query.enterpriseId !== undefined
      ? new Set([query.enterpriseId])
      : zoneId !== undefined
        ? await firmsInZones(deps.db, [zoneId])
        : authority
          ? undefined
          : await firmsInZones(deps.db, principal.zoneIds);
  const ofFirms = (user: DirectoryUser) =>
    user.role === 'enterprise' &&
    user.enterpriseId !== undefined &&
    (firms === undefined || firms.has(user.enterpriseId));
  const match = (user: DirectoryUser) => {
    if (query.enterpriseId !== undefined) return ofFirms(user);
    if (!authority) return ofFirms(user);
    if (zoneId === undefined) return true;
    return ofFirms(user) || (user.role === 'zone_manager' && user.zoneIds.includes(zoneId));
  };
  const page = await deps.users.listUsers({
    // A manager's list, or one firm's, holds enterprise users only: the directory reads that group alone.
    role: !authority || query.enterpriseId !== undefined ? 'enterprise' : undefined,
    match,
    limit: query.limit,
    cursor: query.cursor,
  });
  const names = await getEnterpriseNames(
    deps.db,
    page.items.flatMap((user) => (user.enterpriseId === undefined ? [] : [user.enterpriseId])),
  );
  const items = page.items.map((user) => {
    const enterpriseName = user.enterpriseId === undefined ? undefined : names.get(user.enterpriseId);
    return enterpriseName === undefined ? user : { ...user, enterpriseName };
  });
  return { ok: true, value: { items, nextCursor: page.nextCursor } };
}
