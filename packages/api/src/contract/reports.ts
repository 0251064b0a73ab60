import * as s from '@antoan/schemas';
import { etag, type GroupContract, ok } from './types';

const file =
  'JSON by default; `format=xlsx` or `format=pdf` answers a file (`Content-Disposition: attachment`).';

/** The `reports` routes (`routes/reports.ts`). */
export const reportsContract = {
  'GET /v1/enterprises/{eid}/annual-data/{year}': {
    summary: "An enterprise's annual figures that no record holds",
    tag: 'reports',
    access: 'scope of the enterprise',
    responses: { 200: ok('The figures (version 0 and `{}` when none).', s.annualDataSchema, etag) },
    problems: [400, 404],
  },
  'PUT /v1/enterprises/{eid}/annual-data/{year}': {
    summary: "Replaces an enterprise's annual figures",
    tag: 'reports',
    access: 'enterprise (own)',
    body: s.putAnnualDataSchema,
    ifMatch: true,
    responses: { 200: ok('The saved figures.', s.annualDataSchema, etag) },
    problems: [400, 404, 412, 413, 415, 428],
  },
  'GET /v1/enterprises/{eid}/reports/annual': {
    summary: 'The statutory annual OSH report (Circular 07/2016 Appendix II)',
    tag: 'reports',
    access: 'scope of the enterprise',
    query: s.enterpriseAnnualReportQuerySchema,
    responses: { 200: ok(`The report. ${file}`, s.enterpriseAnnualReportSchema) },
    problems: [400, 404],
  },
  'GET /v1/enterprises/{eid}/reports/accidents': {
    summary: 'The accident report of a half-year or a year',
    tag: 'reports',
    access: 'scope of the enterprise',
    query: s.accidentReportQuerySchema,
    responses: { 200: ok(`The report. ${file}`, s.accidentReportSchema) },
    problems: [400, 404],
  },
  'GET /v1/reports/annual': {
    summary: "The zone or city report against the plan's three targets",
    tag: 'reports',
    access: 'authority, inspector; zone_manager (own zone, with zoneId)',
    query: s.areaReportQuerySchema,
    responses: { 200: ok(`The report. ${file}`, s.areaReportSchema) },
    problems: [400, 404],
  },
} satisfies GroupContract;
