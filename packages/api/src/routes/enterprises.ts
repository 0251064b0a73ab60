import { createEnterprise, type Enterprise, getZonesByIds } from '@antoan/db';
import { isHighRiskSector, selfInspectionStatus, vietnamDate } from '@antoan/domain';
import { createEnterpriseSchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate, loadEnterprise, zoneInScope } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { invalid } from '../errors';
import { idempotent } from '../idempotency';
import { refreshAfterWrite } from '../targeting';

const noWorkforce = { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 };

/** Enterprises: registered by the authority or a manager of the zone; read by everyone whose scope covers them. */
export const enterpriseRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/enterprises', authenticate())
    .use('/v1/enterprises/:eid', authenticate())
    .post(
      '/v1/enterprises',
      allow('authority', 'zone_manager'),
      jsonContent,
      idempotent(),
      valid('json', createEnterpriseSchema),
      async (c) => {
        const { principal, deps } = c.var;
        const { workforce, strictEquipmentCount, contactEmail, flags, ...input } = c.req.valid('json');
        // A zone outside the manager's scope is answered exactly like a zone that does not exist.
        if (!zoneInScope(principal, input.zoneId)) {
          throw invalid([{ path: 'zoneId', message: `zone ${input.zoneId} does not exist` }]);
        }
        const highRisk = isHighRiskSector(input.sectorCode);
        const today = vietnamDate(deps.now());
        const enterprise: Enterprise = {
          id: deps.newId(),
          ...input,
          highRisk,
          workforce: workforce ?? noWorkforce,
          createdAt: deps.now().toISOString(),
          // Indexed by due day so the daily reminder job finds it without a scan.
          selfCheckDueOn: selfInspectionStatus({ highRisk, today, registeredOn: today }).dueOn,
          ...(strictEquipmentCount === undefined ? {} : { strictEquipmentCount }),
          ...(contactEmail === undefined ? {} : { contactEmail }),
          ...(flags === undefined ? {} : { flags }),
        };
        await createEnterprise(deps.db, enterprise, principal.sub);
        await refreshAfterWrite(deps.db, enterprise.id, today);
        return c.json(enterprise, 201);
      },
    )
    .get('/v1/enterprises/:eid', async (c) => {
      const enterprise = await loadEnterprise(c, c.req.param('eid'));
      // The zone's name, so no screen shows its id; read beside nothing else, one GetItem.
      const [zone] = await getZonesByIds(c.var.deps.db, [enterprise.zoneId]);
      const selfInspection = selfInspectionStatus({
        highRisk: enterprise.highRisk,
        today: vietnamDate(c.var.deps.now()),
        registeredOn: enterprise.createdAt.slice(0, 10),
        ...(enterprise.lastSubmittedOn === undefined ? {} : { lastSubmittedOn: enterprise.lastSubmittedOn }),
      });
      return c.json({ ...enterprise, ...(zone ? { zoneName: zone.name } : {}), selfInspection });
    });
