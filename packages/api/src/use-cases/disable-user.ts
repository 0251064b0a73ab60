import type { AppDeps } from '../deps';
import type { Principal } from '../principal';
import type { DirectoryUser } from '../user-directory';
import { isAuthority, recordUserChange, type UserAdminResult, userInManagerScope } from './user-scope';

/**
 * Disables a user: they can no longer sign in or refresh their tokens. The authority disables anyone but
 * themselves; a zone manager disables the enterprise users of firms in their zones. Disabling twice is fine.
 * The change is then recorded in the audit trail (`recordUserChange`).
 */
export async function disableUser(
  deps: Pick<AppDeps, 'db' | 'users' | 'now'>,
  input: { principal: Principal; userId: string },
): Promise<UserAdminResult<DirectoryUser>> {
  const { principal, userId } = input;
  const user = await deps.users.getUser(userId);
  if (!user || (!isAuthority(principal) && !(await userInManagerScope(deps.db, principal, user)))) {
    return { ok: false, error: { kind: 'not_found', what: 'user' } };
  }
  if (user.id === principal.sub) return { ok: false, error: { kind: 'self' } };
  await deps.users.disableUser(user.id);
  const disabled = { ...user, enabled: false };
  // Disabling twice is fine, and recorded once: only the change is.
  if (user.enabled) await recordUserChange(deps, { principal, action: 'user.disable', user: disabled });
  return { ok: true, value: disabled };
}
