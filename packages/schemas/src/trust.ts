import { isIsoDate, providerServices } from '@antoan/domain';
import * as v from 'valibot';
import { listQueryEntries, nameText } from './common';
import { TAX_CODE_PATTERN } from './enterprise';

const isoDate = (label: string) => v.pipe(v.string(), v.check(isIsoDate, `${label} is a date, YYYY-MM-DD`));
const localized = v.object({ vi: v.string(), en: v.string() });

/** `POST /v1/providers` body: one licence of a provider of OSH services. */
export const createProviderSchema = v.pipe(
  v.strictObject({
    name: nameText(200),
    taxCode: v.pipe(
      v.string(),
      v.regex(TAX_CODE_PATTERN, 'taxCode is 10 digits, or 10 digits-3 digits for a branch'),
    ),
    services: v.pipe(
      v.array(v.picklist(providerServices, `each service is one of ${providerServices.join(', ')}`)),
      v.minLength(1, 'services names at least one licensed service'),
      v.check((services) => new Set(services).size === services.length, 'services must not repeat'),
    ),
    licenceNo: v.pipe(
      v.string(),
      v.trim(),
      v.regex(
        /^[\p{L}\p{N}][\p{L}\p{N} ./_-]{0,63}$/u,
        'licenceNo is 1–64 letters, digits, spaces or . / _ -',
      ),
    ),
    validFrom: isoDate('validFrom'),
    validUntil: isoDate('validUntil'),
  }),
  v.forward(
    v.check((input) => input.validUntil >= input.validFrom, 'validUntil must not be before validFrom'),
    ['validUntil'],
  ),
);
export type CreateProviderInput = v.InferOutput<typeof createProviderSchema>;

/** A provider as the API shows it (`GET|POST /v1/providers`). */
export const providerSchema = v.object({
  id: v.string(),
  name: v.string(),
  taxCode: v.string(),
  services: v.array(v.picklist(providerServices)),
  licenceNo: v.string(),
  validFrom: v.string(),
  validUntil: v.string(),
  createdAt: v.string(),
});
export type ProviderView = v.InferOutput<typeof providerSchema>;

/** `GET /v1/providers` response. */
export const providerListSchema = v.object({
  items: v.array(providerSchema),
  nextCursor: v.nullable(v.string()),
});

/** `POST /v1/enterprises/{eid}/evidence/{vid}/review` body: a rejection says why. */
export const reviewEvidenceSchema = v.pipe(
  v.strictObject({
    decision: v.picklist(['accepted', 'rejected'], 'decision is accepted or rejected'),
    reason: v.optional(nameText(1000)),
  }),
  v.forward(
    v.check(
      (input) => input.decision !== 'rejected' || (input.reason?.length ?? 0) >= 10,
      'a rejection needs a reason of at least 10 characters, which the firm will read',
    ),
    ['reason'],
  ),
);
export type ReviewEvidenceInput = v.InferOutput<typeof reviewEvidenceSchema>;

/** `GET /v1/zones/{zid}/evidence-review` query. */
export const evidenceReviewQuerySchema = v.strictObject({ ...listQueryEntries });

const doubt = v.picklist(['unlicensed_provider', 'duplicate_certificate']);

/** A reviewer's verdict as the API shows it. */
export const evidenceReviewSchema = v.object({
  decision: v.picklist(['accepted', 'rejected']),
  reason: v.optional(v.string()),
  by: v.string(),
  role: v.string(),
  at: v.string(),
});

/** One entry of a zone's review queue. */
export const evidenceReviewQueueItemSchema = v.object({
  enterpriseId: v.string(),
  enterpriseName: v.nullable(v.string()),
  evidenceId: v.string(),
  kind: v.string(),
  fileName: v.string(),
  issuedOn: v.string(),
  expiresOn: v.optional(v.string()),
  verifiedAt: v.optional(v.string()),
  priority: v.picklist(['critical', 'other']),
  flags: v.array(doubt),
  provider: v.nullable(v.object({ id: v.string(), name: v.string(), licenceNo: v.string() })),
  certificateNo: v.optional(v.string()),
  /** The critical checklist items this kind of proof stands behind, with their text. */
  criticalItems: v.array(v.object({ id: v.string(), text: localized })),
});
export type EvidenceReviewQueueItem = v.InferOutput<typeof evidenceReviewQueueItemSchema>;

/** `GET /v1/zones/{zid}/evidence-review` response. */
export const evidenceReviewQueueSchema = v.object({
  zoneId: v.string(),
  items: v.array(evidenceReviewQueueItemSchema),
  nextCursor: v.nullable(v.string()),
});
export type EvidenceReviewQueue = v.InferOutput<typeof evidenceReviewQueueSchema>;

/** `POST …/evidence/{vid}/review` response: the evidence with its review. */
export const reviewedEvidenceSchema = v.object({
  id: v.string(),
  enterpriseId: v.string(),
  kind: v.string(),
  status: v.literal('verified'),
  review: evidenceReviewSchema,
  flags: v.optional(v.array(doubt)),
});
