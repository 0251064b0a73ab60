import { createEnterprise, type Enterprise, getZonesByIds } from '@antoan/db';
import { isHighRiskSector, selfInspectionStatus, vietnamDate } from '@antoan/domain';
import type { CreateEnterpriseInput } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { refreshAfterWrite } from '../targeting';

const noWorkforce = { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 };

/**
 * Registers a firm in a zone the caller may manage (the route has checked it): high risk from its sector, its first
 * self-check due date from today (indexed, so the daily reminder job finds it without a scan), and its entry in the
 * inspection priority index.
 */
export async function registerEnterprise(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { request: CreateEnterpriseInput; actor: string },
): Promise<Enterprise> {
  const { workforce, strictEquipmentCount, contactEmail, flags, ...profile } = input.request;
  const highRisk = isHighRiskSector(profile.sectorCode);
  const now = deps.now();
  const today = vietnamDate(now);
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
  };
  await createEnterprise(deps.db, enterprise, input.actor);
  await refreshAfterWrite(deps.db, enterprise.id, today);
  return enterprise;
}

/**
 * A firm as its page shows it: its record, its zone's name (so no screen shows the zone id; one GetItem) and where it
 * stands with its periodic self-inspection today.
 */
export async function enterpriseProfile(deps: Pick<AppDeps, 'db' | 'now'>, enterprise: Enterprise) {
  const [zone] = await getZonesByIds(deps.db, [enterprise.zoneId]);
  const selfInspection = selfInspectionStatus({
    highRisk: enterprise.highRisk,
    today: vietnamDate(deps.now()),
    registeredOn: enterprise.createdAt.slice(0, 10),
    ...(enterprise.lastSubmittedOn === undefined ? {} : { lastSubmittedOn: enterprise.lastSubmittedOn }),
  });
  return { ...enterprise, ...(zone ? { zoneName: zone.name } : {}), selfInspection };
}
