import { isPeriod } from '@antoan/domain';
import * as v from 'valibot';
import { listQueryEntries } from './common';

const period = v.pipe(
  v.string(),
  v.check(isPeriod, 'period is YYYY, YYYY-H1, YYYY-H2 or YYYY-Q1…YYYY-Q4, such as 2026-H2'),
);

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
