import * as v from 'valibot';
import { listQueryEntries, periodText } from './common';

const period = periodText();

/** `GET /v1/zones/{zid}/dashboard?period=` query. */
export const dashboardQuerySchema = v.strictObject({ period });
export type DashboardQuery = v.InferOutput<typeof dashboardQuerySchema>;

/** `GET /v1/zones/{zid}/enterprises?period=&sort=score&order=asc|desc&limit=&cursor=` query. */
export const zoneEnterprisesQuerySchema = v.strictObject({
  period,
  sort: v.optional(v.picklist(['score'], 'sort is score'), 'score'),
  order: v.optional(v.picklist(['asc', 'desc'], 'order is asc or desc'), 'asc'),
  ...listQueryEntries,
});
export type ZoneEnterprisesQuery = v.InferOutput<typeof zoneEnterprisesQuerySchema>;
