import * as v from 'valibot';
import { listQueryEntries, periodText } from './common';

const period = periodText();

/**
 * `GET /v1/zones/{zid}/dashboard?period=` query. Without `period`, the dashboard covers the whole zone: each firm
 * for the period it owes now (the half-year for high-risk firms, the year for the others).
 */
export const dashboardQuerySchema = v.strictObject({ period: v.optional(period) });
export type DashboardQuery = v.InferOutput<typeof dashboardQuerySchema>;

/** `GET /v1/zones/{zid}/enterprises?period=&sort=score&order=asc|desc&limit=&cursor=` query. */
export const zoneEnterprisesQuerySchema = v.strictObject({
  period,
  sort: v.optional(v.picklist(['score'], 'sort is score'), 'score'),
  order: v.optional(v.picklist(['asc', 'desc'], 'order is asc or desc'), 'asc'),
  ...listQueryEntries,
});
export type ZoneEnterprisesQuery = v.InferOutput<typeof zoneEnterprisesQuerySchema>;
