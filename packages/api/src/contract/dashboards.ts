import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `dashboards` routes (`routes/dashboards.ts`). */
export const dashboardsContract = {
  'GET /v1/zones/{zid}/dashboard': {
    summary: "A zone's figures for a period, or (no period) for the whole zone on both schedules",
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
  'GET /v1/zones/{zid}/firms': {
    summary:
      "Every firm of a zone, whatever its schedule, with its current period's status: search, filter, sort, page",
    tag: 'dashboards',
    access: 'zone_manager (own), inspector, authority',
    query: s.zoneFirmsQuerySchema,
    responses: {
      200: ok('A page of the firms that match, and how many match in all.', s.zoneRosterPageSchema),
    },
    problems: [400, 404],
  },
  'GET /v1/zones/{zid}/trends': {
    summary: "A zone's average score and submission rate per period (half-years and years)",
    tag: 'dashboards',
    access: 'zone_manager (own), inspector, authority',
    query: s.zoneTrendsQuerySchema,
    responses: { 200: ok('The trend, from kept counters; unknown values are null.', s.zoneTrendsSchema) },
    problems: [400, 404],
  },
  'GET /v1/city/overview': {
    summary: "Every zone's current figures side by side, the city's totals and the weakest zones",
    tag: 'dashboards',
    access: 'inspector, authority',
    responses: { 200: ok('The overview, from kept counters.', s.cityOverviewSchema) },
  },
} satisfies GroupContract;
