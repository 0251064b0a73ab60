import { createEnterprise, type Enterprise, getZone } from '@antoan/db';
import { isHighRiskSector, selfInspectionStatus, vietnamDate } from '@antoan/domain';
import type { CreateEnterpriseInput } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { refreshAfterWrite } from '../targeting';

const noWorkforce = { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 };

/**
 * Registers a firm in a zone the caller may manage (the route has checked it): high risk from its sector, its first
 * self-check due date from today (indexed, so the daily reminder job finds it without a scan), the zone's name
 * copied onto it (so its profile reads one item), and its entry in the inspection priority index. An unknown zone is
 * refused by the registration's own check (MissingReferenceError, 400).
 */
export async function registerEnterprise(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { request: CreateEnterpriseInput; actor: string },
): Promise<Enterprise> {
  const { workforce, strictEquipmentCount, contactEmail, flags, ...profile } = input.request;
  const highRisk = isHighRiskSector(profile.sectorCode);
  const now = deps.now();
  const today = vietnamDate(now);
  const zone = await getZone(deps.db, profile.zoneId);
  const enterprise: Enterprise = {
    id: deps.newId(),
    ...profile,
    highRisk,
    workforce: workforce ?? noWorkforce,
    createdAt: now.toISOString(),
    selfCheckDueOn: selfInspectionStatus({ highRisk, today, registeredOn: today }).dueOn,
    ...(strictEquipmentCount === undefined ? {} : { strictEquipmentCount }),
    ...(contactEmail === undefined ? {} : { contactEmail }),
    ...(flags === undefined ? {} : { flags }),
    ...(zone === undefined ? {} : { zoneName: zone.name }),
  };
  await createEnterprise(deps.db, enterprise, input.actor);
  await refreshAfterWrite(deps.db, enterprise.id, today);
  return enterprise;
}

/**
 * A firm as its page shows it: its record, its zone's name (so no screen shows the zone id) and where it stands with
 * its periodic self-inspection today. The name is the copy on the record, so the profile reads nothing more; a firm
 * registered before the copy was kept (and not yet backfilled) reads its zone.
 */
export async function enterpriseProfile(deps: Pick<AppDeps, 'db' | 'now'>, enterprise: Enterprise) {
  const zoneName = enterprise.zoneName ?? (await getZone(deps.db, enterprise.zoneId))?.name;
  const selfInspection = selfInspectionStatus({
    highRisk: enterprise.highRisk,
    today: vietnamDate(deps.now()),
    registeredOn: enterprise.createdAt.slice(0, 10),
    ...(enterprise.lastSubmittedOn === undefined ? {} : { lastSubmittedOn: enterprise.lastSubmittedOn }),
  });
  return { ...enterprise, ...(zoneName === undefined ? {} : { zoneName }), selfInspection };
}
