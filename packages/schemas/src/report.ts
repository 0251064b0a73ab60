import { isIsoDate } from '@antoan/domain';
import * as v from 'valibot';
import { groupDigits } from './common';
import { said } from './messages';

/** A whole number from 0 to `max` ("sane bounds": larger is a typing error, not a real firm). */
const bounded = (max: number, what: { vi: string; en: string }) =>
  v.pipe(
    v.number(said(`${what.vi} phải là một số`, `${what.en} is a number`)),
    v.integer(said(`${what.vi} phải là số nguyên`, `${what.en} is a whole number`)),
    v.minValue(0, said(`${what.vi} không được âm`, `${what.en} must not be negative`)),
    v.maxValue(
      max,
      said(`${what.vi} tối đa là ${groupDigits(max, '.')}`, `${what.en} is at most ${groupDigits(max)}`),
    ),
  );
const workers = bounded(1_000_000, { vi: 'Số người lao động', en: 'a number of workers' });
/** VND: up to 10^15 (a million billion đồng), still an exact integer in JSON. */
const money = bounded(1_000_000_000_000_000, { vi: 'Số tiền (đồng)', en: 'an amount in VND' });
const days = bounded(100_000_000, { vi: 'Số ngày', en: 'a number of days' });
const counted = bounded(1_000_000, { vi: 'Số lượng', en: 'a count' });

/** The annual figures no record holds (`PUT /v1/enterprises/{eid}/annual-data/{year}` `data`). */
export const annualFiguresSchema = v.strictObject({
  workforce: v.optional(
    v.strictObject({
      total: v.pipe(
        workers,
        v.minValue(1, said('Tổng số lao động phải từ 1 trở lên', 'workforce.total must be at least 1')),
      ),
      women: workers,
      minors: workers,
      disabled: workers,
      elderly: workers,
      hazardous: workers,
    }),
  ),
  oshStaff: v.optional(v.strictObject({ fullTime: workers, partTime: workers })),
  medicalStaff: v.optional(workers),
  oshCouncil: v.optional(v.boolean()),
  healthClasses: v.optional(
    v.strictObject({ I: workers, II: workers, III: workers, IV: workers, V: workers }),
  ),
  healthExams: v.optional(v.strictObject({ examined: workers, odExamined: workers })),
  occupationalDisease: v.optional(
    v.strictObject({
      newCases: workers,
      totalCases: workers,
      daysLost: days,
      earlyRetirement: workers,
      cost: money,
    }),
  ),
  accidentCosts: v.optional(v.strictObject({ daysLost: days, cost: money, propertyDamage: money })),
  overtime: v.optional(
    v.strictObject({
      workers,
      totalHours: bounded(1_000_000_000, { vi: 'Số giờ', en: 'a number of hours' }),
      // The most hours a month has.
      maxHoursPerMonth: bounded(744, {
        vi: 'Số giờ làm thêm trong một tháng',
        en: 'overtime hours in one month',
      }),
    }),
  ),
  inKindAllowance: v.optional(v.strictObject({ workers, cost: money })),
  monitoring: v.optional(v.strictObject({ samples: counted, failing: counted })),
  equipment: v.optional(v.strictObject({ inUse: counted, declared: counted })),
  training: v.optional(
    v.strictObject({
      group1: workers,
      group2: workers,
      group3: workers,
      group4: workers,
      group5: workers,
      group6: workers,
    }),
  ),
  spending: v.optional(
    v.strictObject({
      technical: money,
      hygiene: money,
      ppe: money,
      healthCare: money,
      training: money,
      monitoring: money,
      riskAssessment: money,
      other: money,
    }),
  ),
  riskAssessmentOn: v.optional(
    v.pipe(
      v.string(),
      v.check(
        isIsoDate,
        said('Ngày đánh giá rủi ro phải là ngày dạng YYYY-MM-DD', 'riskAssessmentOn is a date, YYYY-MM-DD'),
      ),
    ),
  ),
});
export type AnnualFiguresInput = v.InferOutput<typeof annualFiguresSchema>;

/** `PUT /v1/enterprises/{eid}/annual-data/{year}` body. */
export const putAnnualDataSchema = v.strictObject({ data: annualFiguresSchema });

/** `GET|PUT …/annual-data/{year}` answer. */
export const annualDataSchema = v.object({
  year: v.number(),
  version: v.number(),
  data: annualFiguresSchema,
  updatedAt: v.optional(v.string()),
});
export type AnnualDataResponse = v.InferOutput<typeof annualDataSchema>;

const year = v.pipe(v.string(), v.regex(/^\d{4}$/, 'year is four digits, such as 2026'), v.transform(Number));
const format = v.optional(v.picklist(['json', 'xlsx', 'pdf'], 'format is json, xlsx or pdf'), 'json');
const lang = v.optional(v.picklist(['vi', 'en'], 'lang is vi or en'), 'vi');

/** `GET /v1/enterprises/{eid}/reports/annual?year=&format=&lang=` query. */
export const enterpriseAnnualReportQuerySchema = v.strictObject({ year, format, lang });

/** `GET /v1/enterprises/{eid}/reports/accidents?period=YYYY|YYYY-H1|YYYY-H2&format=&lang=` query. */
export const accidentReportQuerySchema = v.strictObject({
  period: v.pipe(
    v.string(),
    v.regex(/^\d{4}(-H[12])?$/, 'period is a year or a half-year, such as 2026 or 2026-H1'),
  ),
  format,
  lang,
});

/** `GET /v1/reports/annual?year=&zoneId=&format=&lang=` query. */
export const areaReportQuerySchema = v.strictObject({
  year,
  zoneId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
  format,
  lang,
});
export type ReportFormat = 'json' | 'xlsx' | 'pdf';

const text = v.object({ vi: v.string(), en: v.string() });
const figureValue = v.nullable(v.union([v.number(), v.boolean(), v.string()]));
const source = v.object({
  kind: v.picklist(['record', 'form']),
  from: v.string(),
  count: v.optional(v.number()),
  ids: v.optional(v.array(v.string())),
});

/** One line of a report as the official form lays it out. */
const reportLine = v.object({
  no: v.string(),
  label: text,
  unit: v.optional(text),
  figure: v.optional(v.string()),
  value: v.optional(figureValue),
  verify: v.optional(v.boolean()),
});

/** The enterprise's annual report (Appendix II) as JSON. */
export const enterpriseAnnualReportSchema = v.object({
  enterpriseId: v.string(),
  enterpriseName: v.string(),
  taxCode: v.string(),
  year: v.number(),
  generatedAt: v.string(),
  dueOn: v.string(),
  complete: v.boolean(),
  missing: v.array(v.string()),
  figures: v.record(v.string(), v.unknown()),
  sources: v.record(v.string(), source),
  lines: v.array(reportLine),
});
export type EnterpriseAnnualReport = v.InferOutput<typeof enterpriseAnnualReportSchema>;

/** The enterprise's accident report for a half-year or a year. */
export const accidentReportSchema = v.object({
  enterpriseId: v.string(),
  enterpriseName: v.string(),
  period: v.string(),
  from: v.string(),
  to: v.string(),
  generatedAt: v.string(),
  dueOn: v.string(),
  accidents: v.array(
    v.object({
      id: v.string(),
      occurredOn: v.string(),
      severity: v.picklist(['fatal', 'serious', 'minor']),
      victims: v.number(),
      fatalities: v.number(),
      cause: v.string(),
      daysLost: v.nullable(v.number()),
    }),
  ),
  totals: v.object({
    accidents: v.number(),
    fatal: v.number(),
    serious: v.number(),
    minor: v.number(),
    victims: v.number(),
    fatalities: v.number(),
    daysLost: v.nullable(v.number()),
  }),
  missing: v.array(v.string()),
  sources: v.record(v.string(), source),
});
export type AccidentReport = v.InferOutput<typeof accidentReportSchema>;

const indicator = v.object({
  code: v.picklist(['fatal_accident_rate', 'od_examined_workers', 'monitored_facilities']),
  value: v.nullable(v.number()),
  previous: v.nullable(v.number()),
  change: v.nullable(v.number()),
  target: v.object({ change: v.number(), direction: v.picklist(['at_most', 'at_least']) }),
  met: v.nullable(v.boolean()),
  numerator: v.number(),
  denominator: v.number(),
  unit: text,
  label: text,
});
const firms = v.object({
  total: v.number(),
  highRisk: v.number(),
  submitted: v.number(),
  ratingCounts: v.object({ A: v.number(), B: v.number(), C: v.number(), D: v.number() }),
});

/** The zone or city report against the plan's three targets. */
export const areaReportSchema = v.object({
  scope: v.picklist(['city', 'zone']),
  zoneId: v.optional(v.string()),
  zoneName: v.optional(v.string()),
  year: v.number(),
  previousYear: v.number(),
  asOf: v.string(),
  toDate: v.boolean(),
  generatedAt: v.string(),
  dueOn: v.string(),
  indicators: v.array(indicator),
  firms,
  zones: v.optional(
    v.array(
      v.object({
        zoneId: v.string(),
        code: v.string(),
        name: v.string(),
        indicators: v.array(indicator),
        firms,
      }),
    ),
  ),
  missing: v.array(v.string()),
  sources: v.record(v.string(), v.object({ kind: v.literal('counters'), items: v.array(v.string()) })),
});
export type AreaReport = v.InferOutput<typeof areaReportSchema>;
export type AreaIndicator = v.InferOutput<typeof indicator>;
