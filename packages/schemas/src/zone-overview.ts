import * as v from 'valibot';
import { listQueryEntries, periodText, text } from './common';

/**
 * The zone view over both schedules (`GET /v1/zones/{zid}/firms`, `…/trends`) and the city overview
 * (`GET /v1/city/overview`): their queries and answers.
 */

const label = v.string();
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const instant = v.pipe(v.string(), v.isoTimestamp());
const whole = () => v.pipe(v.number(), v.integer(), v.minValue(0));
const rating = v.picklist(['A', 'B', 'C', 'D']);
const localized = v.strictObject({ vi: label, en: label });
const status = v.picklist(['submitted', 'draft', 'not_started']);
const group = v.picklist(['highRisk', 'regular']);

/** The columns the zone's firm list sorts by. */
export const zoneFirmSortKeys = [
  'name',
  'taxCode',
  'sector',
  'schedule',
  'status',
  'score',
  'rating',
  'submittedAt',
] as const;
export type ZoneFirmSortKey = (typeof zoneFirmSortKeys)[number];

/**
 * `GET /v1/zones/{zid}/firms?q=&status=&rating=&sector=&schedule=&period=&sort=&order=&limit=&cursor=` query.
 * Without `period`, every firm of the zone with its own current period (the half-year for high-risk firms, the
 * year for the others); with one, the firms that owe that period.
 */
export const zoneFirmsQuerySchema = v.strictObject({
  /** Part of the name (accents and case ignored) or of the tax code. */
  q: v.optional(
    v.pipe(
      text(100),
      v.trim(),
      v.minLength(1, 'q must not be empty'),
      v.maxLength(100, 'q is at most 100 characters'),
    ),
  ),
  status: v.optional(
    v.picklist(['submitted', 'draft', 'not_started'], 'status is submitted, draft or not_started'),
  ),
  rating: v.optional(v.picklist(['A', 'B', 'C', 'D'], 'rating is A, B, C or D')),
  sector: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^[A-U](\d{2,5})?$/,
        'sector is a VSIC 2018 section letter or a code from the division on, such as C or C24',
      ),
    ),
  ),
  schedule: v.optional(
    v.picklist(['half', 'year'], 'schedule is half (high-risk firms) or year (the others)'),
  ),
  period: v.optional(periodText()),
  sort: v.optional(v.picklist(zoneFirmSortKeys, `sort is one of ${zoneFirmSortKeys.join(', ')}`), 'name'),
  order: v.optional(v.picklist(['asc', 'desc'], 'order is asc or desc'), 'asc'),
  ...listQueryEntries,
});
export type ZoneFirmsQuery = v.InferOutput<typeof zoneFirmsQuerySchema>;

/** A firm of the zone with the status of the period it owes. */
export const zoneRosterFirmSchema = v.strictObject({
  enterpriseId: label,
  name: label,
  taxCode: label,
  sectorCode: label,
  /** `half`: a high-risk firm, self-inspecting every half-year; `year`: once a year. */
  schedule: v.picklist(['half', 'year']),
  period: label,
  status,
  score: v.nullable(v.number()),
  rating: v.nullable(rating),
  submittedAt: v.nullable(instant),
  registeredOn: day,
});
export type ZoneRosterFirm = v.InferOutput<typeof zoneRosterFirmSchema>;

/** A page of the zone's firms, with how many match the filters in all. */
export const zoneRosterPageSchema = v.strictObject({
  items: v.array(zoneRosterFirmSchema),
  nextCursor: v.nullable(label),
  total: whole(),
  /** The periods the list is about: each schedule's current one, or the one asked for. */
  periods: v.array(v.strictObject({ period: label, group })),
});
export type ZoneRosterPage = v.InferOutput<typeof zoneRosterPageSchema>;

const year = v.pipe(
  v.string(),
  v.regex(/^\d{4}$/, 'a year is four digits, such as 2026'),
  v.transform(Number),
);

/** `GET /v1/zones/{zid}/trends?from=&to=` query: whole years, at most 10, none after this year. */
export const zoneTrendsQuerySchema = v.strictObject({
  from: v.optional(year),
  to: v.optional(year),
});
export type ZoneTrendsQuery = v.InferOutput<typeof zoneTrendsQuerySchema>;

const trendPoint = v.strictObject({
  period: label,
  group,
  ended: v.boolean(),
  enterprises: whole(),
  submitted: whole(),
  /** Percent to one decimal; null when no firm owed the period. */
  submissionRate: v.nullable(v.number()),
  /** Null when nobody submitted (unknown, not 0). */
  averageScore: v.nullable(v.number()),
});
export type ZoneTrendPoint = v.InferOutput<typeof trendPoint>;

/** `GET /v1/zones/{zid}/trends`: per half-year (high-risk firms) and per year (the others). */
export const zoneTrendsSchema = v.strictObject({
  zoneId: label,
  from: v.number(),
  to: v.number(),
  halfYears: v.array(trendPoint),
  years: v.array(trendPoint),
});
export type ZoneTrends = v.InferOutput<typeof zoneTrendsSchema>;

/** One schedule's part of a zone's current figures. */
export const scheduleFiguresSchema = v.strictObject({
  period: label,
  group,
  enterprises: whole(),
  submitted: whole(),
  draft: whole(),
  notStarted: whole(),
  overdue: whole(),
  averageScore: v.nullable(v.number()),
  submissionRate: v.nullable(v.number()),
});

const accidents = v.strictObject({
  fatal: whole(),
  serious: whole(),
  minor: whole(),
  victims: whole(),
  fatalities: whole(),
});

const figures = {
  enterprises: whole(),
  submitted: whole(),
  draft: whole(),
  notStarted: whole(),
  overdue: whole(),
  averageScore: v.nullable(v.number()),
  submissionRate: v.nullable(v.number()),
  ratingCounts: v.strictObject({ A: whole(), B: whole(), C: whole(), D: whole() }),
  accidents,
  actions: v.strictObject({ open: whole(), overdue: whole() }),
};

/** `GET /v1/city/overview`: every zone's current figures side by side, the city's totals and the weakest zones. */
export const cityOverviewSchema = v.strictObject({
  year: label,
  periods: v.strictObject({ half: label, year: label }),
  zones: v.array(
    v.strictObject({
      zoneId: label,
      code: label,
      name: label,
      ...figures,
      schedules: v.array(scheduleFiguresSchema),
    }),
  ),
  totals: v.strictObject(figures),
  weakest: v.strictObject({
    /** Lowest average score first; zones where nobody submitted are left out (unknown). */
    byAverageScore: v.array(label),
    /** Lowest submission rate first; zones no firm owes are left out. */
    bySubmissionRate: v.array(label),
  }),
  explain: v.strictObject({ weakest: localized }),
});
export type CityOverview = v.InferOutput<typeof cityOverviewSchema>;
