import {
  type DbContext,
  getEnterprise,
  getZonesByIds,
  keys,
  listEnterprisesInZone,
  recordAudit,
} from '@antoan/db';
import type { Principal } from '../principal';
import type { DirectoryUser } from '../user-directory';

/** Why a user administration request failed; the route maps each kind to its status. */
export type UserAdminError =
  | { kind: 'forbidden' }
  | { kind: 'not_found'; what: 'enterprise' | 'zone' | 'user' }
  | { kind: 'email_taken' }
  | { kind: 'self' };

export type UserAdminResult<T> = { ok: true; value: T } | { ok: false; error: UserAdminError };

export const isAuthority = (principal: Principal) => principal.roles.includes('authority');

/** Whether the caller may see and create users of this firm: the authority, or a manager of its zone. */
export async function firmInAdminScope(db: DbContext, principal: Principal, enterpriseId: string) {
  const firm = await getEnterprise(db, enterpriseId);
  if (!firm) return false;
  return isAuthority(principal) || principal.zoneIds.includes(firm.zoneId);
}

/** Whether every zone exists (the authority names zones for new managers). */
export async function zonesExist(db: DbContext, zoneIds: readonly string[]) {
  const found = await getZonesByIds(db, zoneIds);
  return new Set(found.map((zone) => zone.id)).size === new Set(zoneIds).size;
}

/** The ids of every firm in these zones (a zone holds hundreds of firms at most; pages of 200). */
export async function firmsInZones(db: DbContext, zoneIds: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const zoneId of zoneIds) {
    let cursor: string | undefined;
    do {
      const page = await listEnterprisesInZone(db, { zoneId, limit: 200, cursor });
      for (const firm of page.items) ids.add(firm.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return ids;
}

/** Whether a zone manager administers this user: an enterprise user of a firm in their zones. */
export async function userInManagerScope(db: DbContext, principal: Principal, user: DirectoryUser) {
  if (user.role !== 'enterprise' || user.enterpriseId === undefined) return false;
  return firmInAdminScope(db, principal, user.enterpriseId);
}

/**
 * Records a change to a user in the audit trail, under the histories it concerns: the user's firm (shown by
 * `GET /v1/enterprises/{eid}/audit`), else each of their zones, else the directory's (city-wide roles). The user
 * lives in the identity provider, so this is a write of its own, made once the provider has accepted the change.
 */
export function recordUserChange(
  deps: { db: DbContext; now: () => Date },
  input: { principal: Principal; action: 'user.invite' | 'user.disable'; user: DirectoryUser },
): Promise<void> {
  const { user } = input;
  const owners =
    user.enterpriseId !== undefined
      ? [keys.enterprise(user.enterpriseId).pk]
      : user.zoneIds.length > 0
        ? user.zoneIds.map((zoneId) => keys.zone(zoneId).pk)
        : [keys.directoryAudit()];
  return recordAudit(deps.db, owners, {
    actor: input.principal.sub,
    action: input.action,
    target: user.id,
    at: deps.now().toISOString(),
    details: {
      email: user.email,
      role: user.role,
      ...(user.enterpriseId === undefined ? {} : { enterpriseId: user.enterpriseId }),
      ...(user.zoneIds.length === 0 ? {} : { zoneIds: user.zoneIds }),
    },
  });
}
