import type { CreateUserInput } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import type { Principal } from '../principal';
import type { DirectoryUser } from '../user-directory';
import {
  firmInAdminScope,
  isAuthority,
  recordUserChange,
  type UserAdminResult,
  zonesExist,
} from './user-scope';

/**
 * Invites a user into the identity provider with the claims their tokens will carry. The authority invites
 * any role; a zone manager invites `enterprise` users for firms in their zones, and nothing else. The invitation
 * is then recorded in the audit trail (`recordUserChange`).
 */
export async function createUser(
  deps: Pick<AppDeps, 'db' | 'users' | 'now'>,
  input: { principal: Principal; user: CreateUserInput },
): Promise<UserAdminResult<DirectoryUser>> {
  const { principal, user } = input;
  if (!isAuthority(principal) && user.role !== 'enterprise')
    return { ok: false, error: { kind: 'forbidden' } };
  if (user.enterpriseId !== undefined && !(await firmInAdminScope(deps.db, principal, user.enterpriseId))) {
    return { ok: false, error: { kind: 'not_found', what: 'enterprise' } };
  }
  if (user.zoneIds !== undefined && !(await zonesExist(deps.db, user.zoneIds))) {
    return { ok: false, error: { kind: 'not_found', what: 'zone' } };
  }
  const created = await deps.users.createUser(user);
  if (!created.ok) return { ok: false, error: { kind: 'email_taken' } };
  await recordUserChange(deps, { principal, action: 'user.invite', user: created.value });
  return created;
}
