import { createZone } from '@antoan/db';
import type { CreateZoneInput, ZoneView } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { zoneView } from './list-zones';

/** The authority registers an industrial zone; a code already taken is refused by the store (409 `zone_code_taken`). */
export async function registerZone(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { request: CreateZoneInput; actor: string },
): Promise<ZoneView> {
  const zone = await createZone(
    deps.db,
    { id: deps.newId(), ...input.request, createdAt: deps.now().toISOString() },
    input.actor,
  );
  return zoneView(zone);
}
