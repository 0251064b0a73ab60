import { getZonesByIds, listZones, type Zone } from '@antoan/db';
import type { ZoneView } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import type { Principal } from '../principal';

/** A zone as the API shows it. */
export const zoneView = ({ id, code, name }: Zone): ZoneView => ({ id, code, name });

/**
 * The zones a caller sees: inspectors and the authority page through every zone by code; a zone manager (and no
 * wider role) gets the zones of their token in one page, whatever `limit` and `cursor` say.
 */
export async function listZonesFor(
  deps: Pick<AppDeps, 'db'>,
  input: { principal: Principal; limit: number; cursor?: string | undefined },
): Promise<{ items: ZoneView[]; nextCursor: string | null }> {
  const { principal, limit, cursor } = input;
  if (!principal.roles.some((role) => role === 'inspector' || role === 'authority')) {
    const own = await getZonesByIds(deps.db, principal.zoneIds);
    return { items: own.map(zoneView), nextCursor: null };
  }
  const page = await listZones(deps.db, { limit, cursor });
  return { items: page.items.map(zoneView), nextCursor: page.nextCursor };
}
