import { evidenceKinds, type TargetingReasonCode } from '@antoan/domain';
import * as v from 'valibot';
import { answerSchema } from './assessment';
import { templateSchema, templateSummarySchema } from './template';
import { zoneSchema } from './zone';
import { scheduleFiguresSchema } from './zone-overview';

/**
 * What every route answers, as Valibot schemas: the one source of the OpenAPI document (`packages/api/src/contract.ts`)
 * and of the web app's types (`v.InferOutput<typeof …>`). Responses are strict objects, so a field the contract does
 * not name (a table key, an object key) fails the contract test instead of leaking.
 */

const text = v.string();
/** `YYYY-MM-DD`. */
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
/** An ISO 8601 timestamp in UTC. */
const instant = v.pipe(v.string(), v.isoTimestamp());
const whole = (min = 0) => v.pipe(v.number(), v.integer(), v.minValue(min));
const rating = v.picklist(['A', 'B', 'C', 'D']);
const answerValue = v.picklist(['compliant', 'partial', 'non_compliant', 'not_applicable']);

/** Text in Vietnamese and English. */
export const localizedSchema = v.strictObject({ vi: text, en: text });

/** A page of a list route: `nextCursor` is null on the last page. */
export const pageOf = <T extends v.GenericSchema>(item: T) =>
  v.strictObject({ items: v.array(item), nextCursor: v.nullable(text) });
/** A page of `T`, as `pageOf` describes it. */
export type Page<T> = { items: T[]; nextCursor: string | null };

/** The roles a token can carry. */
export const roleSchema = v.picklist(['enterprise', 'zone_manager', 'inspector', 'authority']);
export type Role = v.InferOutput<typeof roleSchema>;

/** `GET /v1/dev/users` entries: the seeded demo users (local platform only, not in the contract). */
export const demoUserSchema = v.strictObject({
  sub: text,
  name: text,
  role: roleSchema,
  enterpriseId: v.exactOptional(text),
  zoneIds: v.exactOptional(v.array(text)),
});
export type DemoUser = v.InferOutput<typeof demoUserSchema>;

/** An RFC 9457 problem document, as every error answers (`application/problem+json`). */
export const problemSchema = v.looseObject({
  type: text,
  title: text,
  status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)),
  detail: v.exactOptional(text),
  instance: v.exactOptional(text),
  localized: v.exactOptional(localizedSchema),
  code: v.exactOptional(text),
  errors: v.exactOptional(
    v.array(v.looseObject({ path: text, message: text, localized: v.exactOptional(localizedSchema) })),
  ),
  /** The request's id (API Gateway's on AWS), as in the server's log line for it. */
  requestId: v.exactOptional(text),
});
export type Problem = v.InferOutput<typeof problemSchema>;

/** `GET /v1/health`. */
export const healthSchema = v.strictObject({ status: v.literal('ok') });

/** `GET /v1/zones`, `POST /v1/zones`. */
export const zonePageSchema = pageOf(zoneSchema);

const workforceSchema = v.strictObject({
  women: whole(),
  minors: whole(),
  disabled: whole(),
  elderly: whole(),
  hazardous: whole(),
});
export type Workforce = v.InferOutput<typeof workforceSchema>;

const enterpriseEntries = {
  id: text,
  taxCode: text,
  name: text,
  zoneId: text,
  sectorCode: text,
  highRisk: v.boolean(),
  headcount: whole(1),
  workforce: workforceSchema,
  strictEquipmentCount: v.exactOptional(whole()),
  createdAt: instant,
  lastSubmittedOn: v.exactOptional(day),
  selfCheckDueOn: v.exactOptional(day),
  contactEmail: v.exactOptional(text),
  flags: v.exactOptional(v.array(v.picklist(['strict_osh_jobs', 'ammonia_refrigeration']))),
  /** The zone's name, so screens never show its id. */
  zoneName: v.exactOptional(text),
};

/** `POST /v1/enterprises` (201): the registered profile. */
export const enterpriseSchema = v.strictObject(enterpriseEntries);

/** `GET /v1/enterprises/{eid}`: the profile and where its self-inspection stands today. */
export const enterpriseDetailSchema = v.strictObject({
  ...enterpriseEntries,
  selfInspection: v.strictObject({
    status: v.picklist(['ok', 'due', 'overdue']),
    dueOn: day,
    explanation: localizedSchema,
  }),
});
export type EnterpriseDetail = v.InferOutput<typeof enterpriseDetailSchema>;

/** `GET /v1/templates`. */
export const templatePageSchema = pageOf(templateSummarySchema);
/** `GET /v1/templates/{tid}/versions/{ver}`. */
export const templateVersionSchema = templateSchema;

const scoreSchema = v.strictObject({
  total: v.number(),
  rating,
  scoringVersion: text,
  sections: v.array(v.strictObject({ id: text, score: v.nullable(v.number()) })),
  criticalFailures: v.array(text),
  items: v.array(
    v.strictObject({
      id: text,
      outcome: answerValue,
      reason: v.exactOptional(
        v.picklist([
          'evidence_missing',
          'evidence_expired',
          'evidence_rejected',
          'evidence_undated',
          'unanswered',
        ]),
      ),
      flags: v.exactOptional(
        v.array(v.picklist(['claimed_not_applicable', 'unlicensed_provider', 'duplicate_certificate'])),
      ),
      points: v.number(),
      maxPoints: v.number(),
    }),
  ),
  claimedNotApplicable: v.exactOptional(v.array(text)),
  caps: v.exactOptional(
    v.array(
      v.strictObject({
        rule: v.picklist(['critical_failure', 'critical_partial']),
        capsAt: v.picklist(['B', 'C']),
        itemIds: v.array(text),
      }),
    ),
  ),
});
export type ScoreView = v.InferOutput<typeof scoreSchema>;

/** What every view of a self-assessment shows about it: who, which template and period, where it stands. */
const assessmentHeadEntries = {
  id: text,
  enterpriseId: text,
  zoneId: text,
  templateId: text,
  templateVersion: whole(1),
  period: text,
  kind: v.exactOptional(v.picklist(['periodic', 'thematic', 'after_incident', 'seasonal'])),
  amends: v.exactOptional(text),
  replaces: v.exactOptional(v.array(text)),
  supersededBy: v.exactOptional(text),
  status: v.picklist(['draft', 'submitted']),
  version: whole(1),
  createdAt: instant,
  createdBy: text,
  scoringVersion: v.exactOptional(v.picklist(['1', '2'])),
  updatedAt: instant,
  submittedAt: v.exactOptional(instant),
  submittedBy: v.exactOptional(text),
};

/** A self-assessment, draft or submitted (`GET`, `POST`, `PATCH` of assessments; the ETag is its version). */
export const assessmentSchema = v.strictObject({
  ...assessmentHeadEntries,
  applicableItemIds: v.array(text),
  answers: v.record(text, answerSchema),
  score: v.exactOptional(scoreSchema),
});
export type AssessmentView = v.InferOutput<typeof assessmentSchema>;

/** `GET /v1/enterprises/{eid}/assessments` entries: no answers, the score reduced to total and rating. */
export const assessmentSummarySchema = v.strictObject({
  ...assessmentHeadEntries,
  applicableItemCount: whole(),
  score: v.exactOptional(v.strictObject({ total: v.number(), rating })),
});
export type AssessmentSummary = v.InferOutput<typeof assessmentSummarySchema>;
export const assessmentPageSchema = pageOf(assessmentSummarySchema);

/** `POST …/assessments/{aid}/submit`. */
export const submissionSchema = v.strictObject({
  id: text,
  status: v.literal('submitted'),
  submittedAt: instant,
  score: scoreSchema,
  actions: v.exactOptional(
    v.strictObject({
      created: v.array(text),
      cancelled: v.exactOptional(v.array(text)),
      via: v.picklist(['transaction', 'outbox']),
    }),
  ),
});

const evidenceEntries = {
  id: text,
  enterpriseId: text,
  zoneId: text,
  kind: v.picklist(evidenceKinds),
  fileName: text,
  contentType: text,
  size: whole(1),
  sha256: text,
  issuedOn: day,
  expiresOn: v.exactOptional(day),
  trainingGroup: v.exactOptional(whole(1)),
  workersCovered: v.exactOptional(whole()),
  status: v.picklist(['pending_upload', 'verified', 'rejected']),
  reason: v.exactOptional(text),
  createdAt: instant,
  createdBy: text,
  verifiedAt: v.exactOptional(instant),
  rejectedAt: v.exactOptional(instant),
  workerCategory: v.exactOptional(text),
  providerId: v.exactOptional(text),
  certificateNo: v.exactOptional(text),
  flags: v.exactOptional(v.array(v.picklist(['unlicensed_provider', 'duplicate_certificate']))),
  expiryDerived: v.exactOptional(v.boolean()),
  review: v.exactOptional(
    v.strictObject({
      decision: v.picklist(['accepted', 'rejected']),
      reason: v.exactOptional(text),
      by: text,
      role: text,
      at: instant,
    }),
  ),
};

/** Evidence as confirmed (`POST …/evidence/{vid}/confirm`, 200). */
export const evidenceSchema = v.strictObject(evidenceEntries);
export type EvidenceView = v.InferOutput<typeof evidenceSchema>;

/** `GET /v1/enterprises/{eid}/evidence` entries: `expired` is as of today in Vietnam. */
export const evidenceListItemSchema = v.strictObject({ ...evidenceEntries, expired: v.boolean() });
export type EvidenceListItem = v.InferOutput<typeof evidenceListItemSchema>;
export const evidencePageSchema = pageOf(evidenceListItemSchema);

/** `POST /v1/enterprises/{eid}/evidence` (201): the record and the presigned form to send the file with. */
export const evidenceUploadTicketSchema = v.strictObject({
  ...evidenceEntries,
  upload: v.strictObject({
    method: v.literal('POST'),
    url: text,
    fields: v.record(text, text),
    expiresAt: instant,
  }),
});
export type EvidenceUploadTicket = v.InferOutput<typeof evidenceUploadTicketSchema>;

/** `POST …/evidence/{vid}/confirm` (422): the verdict on an upload that is not what was declared. */
export const evidenceRejectionSchema = v.strictObject({
  id: text,
  status: v.literal('rejected'),
  reason: v.exactOptional(text),
  message: localizedSchema,
});

/** `GET …/evidence/{vid}/download`: a presigned GET, valid five minutes. */
export const evidenceDownloadSchema = v.strictObject({ url: text, expiresAt: instant });

/** The reminder outbox entries (`GET /v1/enterprises/{eid}/notifications`). */
export const notificationSchema = v.strictObject({
  enterpriseId: text,
  day,
  dedupe: text,
  type: v.picklist([
    'evidence_expiring',
    'evidence_expired',
    'evidence_rejected',
    'self_check_due',
    'self_check_overdue',
  ]),
  message: localizedSchema,
  createdAt: instant,
});
export type NotificationView = v.InferOutput<typeof notificationSchema>;
export const notificationPageSchema = pageOf(notificationSchema);

/** A declared accident (`POST` and `GET` of accidents). */
export const accidentSchema = v.strictObject({
  id: text,
  enterpriseId: text,
  zoneId: text,
  occurredAt: instant,
  occurredOn: day,
  severity: v.picklist(['fatal', 'serious', 'minor']),
  victims: whole(1),
  fatalities: whole(),
  cause: text,
  description: text,
  declareImmediately: v.boolean(),
  investigation: v.strictObject({ days: whole(), dueOn: day, basis: localizedSchema }),
  reportedAt: instant,
  reportedBy: text,
});
export type AccidentView = v.InferOutput<typeof accidentSchema>;
export const accidentPageSchema = pageOf(accidentSchema);

/** An inspection with the self-score of its period and the gap between the two. */
export const inspectionSchema = v.strictObject({
  id: text,
  enterpriseId: text,
  zoneId: text,
  conductedOn: day,
  period: text,
  templateId: text,
  templateVersion: whole(1),
  findings: v.record(text, answerValue),
  notes: v.exactOptional(text),
  observations: v.exactOptional(
    v.record(text, v.strictObject({ note: v.exactOptional(text), photoIds: v.exactOptional(v.array(text)) })),
  ),
  score: scoreSchema,
  inspectedBy: text,
  createdAt: instant,
  selfScore: v.nullable(v.number()),
  credibilityGap: v.nullable(v.number()),
  comparedItems: whole(),
  disagreements: v.array(
    v.strictObject({
      itemId: text,
      selfOutcome: answerValue,
      finding: answerValue,
      selfPoints: v.number(),
      inspectedPoints: v.number(),
      maxPoints: v.number(),
      direction: v.picklist(['self_better', 'self_worse', 'applicability']),
    }),
  ),
  totalsGap: v.nullable(v.number()),
  actions: v.exactOptional(
    v.strictObject({ created: v.array(text), via: v.picklist(['transaction', 'outbox']) }),
  ),
});
export type InspectionView = v.InferOutput<typeof inspectionSchema>;
export const inspectionPageSchema = pageOf(inspectionSchema);

/** `GET /v1/zones/{zid}/dashboard?period=`. */
export const zoneDashboardSchema = v.strictObject({
  zoneId: text,
  period: text,
  enterprises: whole(),
  submitted: whole(),
  draft: whole(),
  notStarted: whole(),
  overdue: whole(),
  averageScore: v.nullable(v.number()),
  ratingCounts: v.strictObject({ A: whole(), B: whole(), C: whole(), D: whole() }),
  weakestSections: v.array(
    v.strictObject({ sectionId: text, title: localizedSchema, averageScore: v.number() }),
  ),
  fatalAccidents: whole(),
  accidents: v.strictObject({
    year: text,
    fatal: whole(),
    serious: whole(),
    minor: whole(),
    victims: whole(),
    fatalities: whole(),
  }),
  /** `all`: no period was asked for, and the figures cover both schedules (`schedules` says how). */
  covers: v.strictObject({ group: v.picklist(['highRisk', 'regular', 'all']), text: localizedSchema }),
  /** Submitted ÷ firms that owe, in percent; null when no firm owes (whole-zone dashboard only). */
  submissionRate: v.exactOptional(v.nullable(v.number())),
  /** Whole-zone dashboard only: each schedule's period and figures. */
  schedules: v.exactOptional(v.array(scheduleFiguresSchema)),
  /** The zone's pending corrective actions now, and those of them past due (counters). */
  actions: v.strictObject({ open: whole(), overdue: whole() }),
  /** Firms whose Appendix II report for the period's year was complete when its form was last saved. */
  annualReports: v.strictObject({ year: text, complete: whole(), firms: whole() }),
});
export type ZoneDashboard = v.InferOutput<typeof zoneDashboardSchema>;

/** `GET /v1/zones/{zid}/enterprises?period=` entries: scored firms carry their score, the others their status. */
export const zoneFirmSchema = v.strictObject({
  enterpriseId: text,
  name: text,
  sectorCode: text,
  score: v.nullable(v.number()),
  rating: v.nullable(rating),
  status: v.picklist(['submitted', 'draft', 'not_started']),
  submittedAt: v.nullable(instant),
});
export type ZoneFirm = v.InferOutput<typeof zoneFirmSchema>;
export const zoneFirmPageSchema = pageOf(zoneFirmSchema);

const targetingReasonCodes = [
  'low_self_score',
  'unknown_compliance',
  'unvalidated_self_score',
  'overdue_self_check',
  'high_hazard_sector',
  'large_exposed_workforce',
  'fatal_accident',
  'serious_accidents',
  'expired_critical_evidence',
  'credibility_gap',
  'overdue_actions',
  'recently_inspected',
  'random_sample',
] as const satisfies readonly TargetingReasonCode[];

/** `GET /v1/targets`: the ranked list, its ISO week and the share drawn at random. */
export const targetListSchema = v.strictObject({
  items: v.array(
    v.strictObject({
      enterpriseId: text,
      name: text,
      zoneId: text,
      sectorCode: text,
      priority: v.number(),
      score: v.nullable(v.number()),
      sampled: v.boolean(),
      reasons: v.array(v.strictObject({ code: v.picklist(targetingReasonCodes), detail: localizedSchema })),
    }),
  ),
  week: text,
  randomShare: v.number(),
  /** The next page (the ranking continued, no further random picks), or null at the end. */
  nextCursor: v.nullable(text),
});
export type TargetList = v.InferOutput<typeof targetListSchema>;
export type Target = TargetList['items'][number];
