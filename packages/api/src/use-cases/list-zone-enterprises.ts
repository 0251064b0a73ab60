import { listZoneFirms } from '@antoan/db';
import { formatPeriod } from '@antoan/domain';
import type { ZoneEnterprisesQuery, ZoneFirm } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { type Result, success } from './result';
import { obligedPeriod } from './zone-dashboard';

/**
 * A zone's firms for a period (a year or a half-year, else a 400 on `period`): the ones that submitted by score,
 * then the ones that owe the period and have not submitted. A firm owes it when its schedule is of the period's
 * kind (half-years for high-risk firms) and it was registered by the period's end.
 */
export async function listZoneEnterprises(
  deps: Pick<AppDeps, 'db'>,
  input: { zoneId: string; query: ZoneEnterprisesQuery },
): Promise<Result<{ items: ZoneFirm[]; nextCursor: string | null }>> {
  const { query } = input;
  const obliged = obligedPeriod(query.period);
  if (!obliged.ok) return obliged;
  const { period, group } = obliged.value;
  return success(
    await listZoneFirms(deps.db, {
      zoneId: input.zoneId,
      period: formatPeriod(period),
      order: query.order,
      owedBy: { highRisk: group === 'highRisk', registeredBy: period.end },
      limit: query.limit,
      cursor: query.cursor,
    }),
  );
}
