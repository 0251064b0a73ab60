import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `dashboards` routes (`routes/dashboards.ts`). */
export const dashboardsContract = {
  'GET /v1/zones/{zid}/dashboard': {
    summary: "A zone's figures for a period",
    tag: 'dashboards',
    access: 'zone_manager (own), inspector, authority',
    query: s.dashboardQuerySchema,
    responses: { 200: ok('The dashboard.', s.zoneDashboardSchema) },
    problems: [400, 404],
  },
  'GET /v1/zones/{zid}/enterprises': {
    summary: "A zone's firms for a period, by score",
    tag: 'dashboards',
    access: 'zone_manager (own), inspector, authority',
    query: s.zoneEnterprisesQuerySchema,
    responses: { 200: ok('Firms: scored first, then those that owe the period.', s.zoneFirmPageSchema) },
    problems: [400, 404],
  },
} satisfies GroupContract;
