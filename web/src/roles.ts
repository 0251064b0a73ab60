import type { Role } from '@antoan/schemas';
import type { LabelKey } from './i18n';
import type { Session } from './session';

/** How each role is named on screen. */
export const roleLabels: Record<Role, LabelKey> = {
  enterprise: 'roleEnterprise',
  zone_manager: 'roleZoneManager',
  inspector: 'roleInspector',
  authority: 'roleAuthority',
};

/** Where each role starts: an officer at their enterprise, everyone else at the zones. */
export function homePath(session: Session): string {
  const { role, enterpriseId } = session.user;
  return role === 'enterprise' && enterpriseId
    ? `/enterprises/${encodeURIComponent(enterpriseId)}`
    : '/zones';
}
