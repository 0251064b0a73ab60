import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import { batchGetItems } from './batch';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { ConflictError, type DbError } from './errors';
import { type FirmYearFacts, transactWithFirmYear } from './firm-years';
import { keys } from './keys';
import { pickFields, queryAll, queryPage } from './query';
import { read, type TransactItem, transactWrite } from './transact';

/** Where a piece of evidence stands: waiting for its file, verified by the server, or rejected. */
export type EvidenceStatus = 'pending_upload' | 'verified' | 'rejected';

/** Evidence metadata. Once verified it never changes; a replacement is new evidence. */
export interface Evidence {
  id: string;
  enterpriseId: string;
  zoneId: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  issuedOn: string;
  expiresOn?: string;
  trainingGroup?: number;
  workersCovered?: number;
  objectKey: string;
  status: EvidenceStatus;
  reason?: string;
  createdAt: string;
  createdBy: string;
  verifiedAt?: string;
  rejectedAt?: string;
  /** Whom an exam record covers (sets its legal validity); see `workerCategories` in the domain. */
  workerCategory?: string;
  /** The licensed provider that issued it and its certificate number. */
  providerId?: string;
  certificateNo?: string;
  /** Doubts recorded when it was declared: `unlicensed_provider`, `duplicate_certificate`. */
  flags?: Array<'unlicensed_provider' | 'duplicate_certificate'>;
  /** True when `expiresOn` was derived from the kind's legal period rather than declared. */
  expiryDerived?: boolean;
  /** A reviewer's verdict on the content; a verified file without one is waiting for review. */
  review?: EvidenceReview;
  /** Set when the firm deleted it from its library (a soft delete: the record and the file stay for the audit). */
  deletedAt?: string;
  deletedBy?: string;
}

/** A reviewer's verdict on what a document says. */
export interface EvidenceReview {
  decision: 'accepted' | 'rejected';
  reason?: string;
  by: string;
  role: string;
  at: string;
}

const fields = [
  'id',
  'enterpriseId',
  'zoneId',
  'kind',
  'fileName',
  'contentType',
  'size',
  'sha256',
  'issuedOn',
  'expiresOn',
  'trainingGroup',
  'workersCovered',
  'objectKey',
  'status',
  'reason',
  'createdAt',
  'createdBy',
  'verifiedAt',
  'rejectedAt',
  'workerCategory',
  'providerId',
  'certificateNo',
  'flags',
  'expiryDerived',
  'review',
  'deletedAt',
  'deletedBy',
] as const;

const toEvidence = (item: Record<string, unknown>): Evidence =>
  Object.fromEntries(
    fields.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]),
  ) as unknown as Evidence;

/**
 * Records an upload request (status `pending_upload`), with an audit entry. With `claimCertificate`, the same
 * transaction records the firm as the first holder of its provider's certificate number; ConflictError
 * `certificate_claimed` when another request claimed it first (read the holder again and flag the copy).
 */
export async function createEvidence(
  ctx: DbContext,
  evidence: Evidence,
  options: { claimCertificate?: boolean } = {},
): Promise<Evidence> {
  const claim =
    options.claimCertificate && evidence.providerId !== undefined && evidence.certificateNo !== undefined
      ? [
          {
            Put: {
              TableName: ctx.tableName,
              Item: {
                ...keys.certificate(evidence.providerId, evidence.certificateNo),
                type: 'unique',
                enterpriseId: evidence.enterpriseId,
                evidenceId: evidence.id,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]
      : [];
  await transactWrite(
    ctx,
    [
      {
        Put: {
          TableName: ctx.tableName,
          Item: { ...keys.evidence(evidence.enterpriseId, evidence.id), type: 'evidence', ...evidence },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...claim,
      auditPut(ctx.tableName, keys.enterprise(evidence.enterpriseId).pk, {
        actor: evidence.createdBy,
        action: 'evidence.request_upload',
        target: evidence.id,
        at: evidence.createdAt,
        details: {
          kind: evidence.kind,
          size: evidence.size,
          sha256: evidence.sha256,
          ...(evidence.flags?.length ? { flags: evidence.flags } : {}),
        },
      }),
    ],
    (index) =>
      index === 1 && claim.length > 0
        ? new ConflictError(
            'certificate_claimed',
            `certificate ${evidence.certificateNo} was claimed meanwhile`,
          )
        : new ConflictError('evidence_exists', `evidence ${evidence.id} already exists`),
  );
  return evidence;
}

/** One piece of an enterprise's evidence, or undefined. */
export async function getEvidence(
  ctx: DbContext,
  enterpriseId: string,
  evidenceId: string,
): Promise<Evidence | undefined> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.evidence(enterpriseId, evidenceId),
        ConsistentRead: true,
      }),
    ),
  );
  return Item ? toEvidence(Item) : undefined;
}

/** The coverage facts one verified piece of evidence adds to its enterprise's year (see `getCoverage`). */
export function coverageAdds(evidence: Evidence): Record<string, number> {
  const count = evidence.workersCovered ?? 0;
  switch (evidence.kind) {
    case 'training_certificate':
      return { [`trainedGroup${evidence.trainingGroup ?? 0}`]: count };
    case 'health_exam_record':
      return { healthExamined: count };
    case 'occupational_disease_exam':
      return { occupationalDiseaseExamined: count };
    case 'environment_monitoring_report':
      return { environmentReports: 1 };
    case 'equipment_inspection_certificate':
      // One certificate covers one machine unless it says how many.
      return { equipmentInspected: evidence.workersCovered ?? 1 };
    default:
      return {};
  }
}

/**
 * How verified evidence moves its firm's year figures for the zone report: an occupational-disease exam adds
 * the workers it covers, a monitoring report marks the firm monitored; a document (by SHA-256) counts once.
 */
function firmYearChange(evidence: Evidence): ((before: FirmYearFacts) => FirmYearFacts) | undefined {
  const kind = evidence.kind;
  if (kind !== 'occupational_disease_exam' && kind !== 'environment_monitoring_report') return undefined;
  const document = evidence.sha256.toLowerCase();
  return (before) => {
    if (before.documents.includes(document)) return before;
    const documents = [...before.documents, document];
    return kind === 'environment_monitoring_report'
      ? { ...before, monitored: true, documents }
      : { ...before, odExamined: before.odExamined + (evidence.workersCovered ?? 0), documents };
  };
}

/**
 * Settles a pending upload in one transaction: verified (with its expiry indexed on gsi3 and the year's
 * coverage facts and, for occupational-disease exams and monitoring, its zone's report counters moved) or
 * rejected with a reason. ConflictError `already_settled` if another request
 * settled it first.
 */
export async function settleEvidence(
  ctx: DbContext,
  change: {
    evidence: Evidence;
    /** Verified evidence records where its file now lives (under `verified/`). */
    outcome: { status: 'verified'; objectKey: string } | { status: 'rejected'; reason: string };
    /** Where verified evidence joins its zone's review queue: proof behind a critical item comes first. */
    reviewPriority?: 'critical' | 'other';
    /**
     * Whether the firm's annual report for the evidence's year is complete with this evidence verified; when
     * given, the firm's year item and its zone's `reportsComplete` are marked in the same transaction.
     */
    reportComplete?: boolean;
    actor: string;
    at: string;
  },
): Promise<Evidence> {
  const { evidence, outcome, at } = change;
  const key = keys.evidence(evidence.enterpriseId, evidence.id);
  const verified = outcome.status === 'verified';
  const sets: Record<string, unknown> = verified
    ? {
        status: 'verified',
        objectKey: (outcome as { objectKey: string }).objectKey,
        verifiedAt: at,
        gsi1pk: keys.evidenceReviewQueue(evidence.zoneId),
        gsi1sk: reviewQueueKey(change.reviewPriority ?? 'other', at, evidence),
        ...(evidence.expiresOn === undefined
          ? {}
          : {
              gsi3pk: keys.evidenceExpiry(evidence.expiresOn),
              gsi3sk: `${evidence.enterpriseId}#${evidence.id}`,
            }),
      }
    : { status: 'rejected', reason: outcome.reason, rejectedAt: at };
  const names = Object.keys(sets);
  const adds = verified ? coverageAdds(evidence) : {};
  const addNames = Object.keys(adds);
  const year = evidence.issuedOn.slice(0, 4);
  const counted = verified ? firmYearChange(evidence) : undefined;
  const { reportComplete } = change;
  const reportFacts: ((before: FirmYearFacts) => FirmYearFacts) | undefined =
    verified && reportComplete !== undefined
      ? (before) => ({ ...(counted ? counted(before) : before), reportComplete })
      : counted;
  const write = (items: TransactItem[], onConditionFailed: () => DbError) =>
    reportFacts
      ? transactWithFirmYear(
          ctx,
          { enterpriseId: evidence.enterpriseId, year },
          reportFacts,
          items,
          onConditionFailed,
        )
      : transactWrite(ctx, items, onConditionFailed);
  await write(
    [
      {
        Update: {
          TableName: ctx.tableName,
          Key: key,
          UpdateExpression: `SET ${names.map((_, i) => `#s${i} = :s${i}`).join(', ')}`,
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: {
            '#status': 'status',
            ...Object.fromEntries(names.map((name, i) => [`#s${i}`, name])),
          },
          ExpressionAttributeValues: {
            ':pending': 'pending_upload',
            ...Object.fromEntries(names.map((name, i) => [`:s${i}`, sets[name]])),
          },
        },
      },
      ...(addNames.length === 0
        ? []
        : [
            {
              Update: {
                TableName: ctx.tableName,
                Key: keys.coverage(evidence.enterpriseId, year),
                UpdateExpression: `SET #type = :type, #year = :year ADD ${addNames.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
                ExpressionAttributeNames: {
                  '#type': 'type',
                  '#year': 'year',
                  ...Object.fromEntries(addNames.map((name, i) => [`#a${i}`, name])),
                },
                ExpressionAttributeValues: {
                  ':type': 'coverage',
                  ':year': year,
                  ...Object.fromEntries(addNames.map((name, i) => [`:a${i}`, adds[name]])),
                },
              },
            },
          ]),
      auditPut(ctx.tableName, keys.enterprise(evidence.enterpriseId).pk, {
        actor: change.actor,
        action: verified ? 'evidence.verify' : 'evidence.reject',
        target: evidence.id,
        at,
        ...(verified ? {} : { details: { reason: (outcome as { reason: string }).reason } }),
      }),
    ],
    () => new ConflictError('already_settled', `evidence ${evidence.id} was already verified or rejected`),
  );
  const { gsi3pk: _pk, gsi3sk: _sk, gsi1pk: _qpk, gsi1sk: _qsk, ...changed } = sets;
  return { ...evidence, ...(changed as Partial<Evidence>) };
}

/** The queue order: critical first, then the oldest verification first. */
const reviewQueueKey = (priority: 'critical' | 'other', verifiedAt: string, evidence: Evidence) =>
  `${priority === 'critical' ? '0' : '1'}#${verifiedAt}#${evidence.enterpriseId}#${evidence.id}`;

/** Verified evidence of a zone that nobody has reviewed yet, behind critical items first, then oldest first (gsi1). */
export function listEvidenceToReview(
  ctx: DbContext,
  query: { zoneId: string; limit: number; cursor?: string | undefined },
): Promise<Page<Evidence & { reviewPriority: 'critical' | 'other' }>> {
  return queryPage(
    ctx,
    {
      index: 'gsi1',
      partition: keys.evidenceReviewQueue(query.zoneId),
      limit: query.limit,
      cursor: query.cursor,
    },
    (item) => ({
      ...toEvidence(item),
      reviewPriority: String(item.gsi1sk).startsWith('0#') ? ('critical' as const) : ('other' as const),
    }),
  );
}

/**
 * Records a reviewer's verdict on verified evidence in one transaction: the review on the record (it leaves the
 * zone's queue), an audit entry, and for a rejection a notification in the firm's outbox (and `writes`, its corrective
 * actions). ConflictError `actions_changed` when one of `writes` met a changed action; `already_reviewed` when it was reviewed before (a verdict is final: a corrected document is new evidence).
 */
export async function reviewEvidence(
  ctx: DbContext,
  change: {
    evidence: Evidence;
    review: EvidenceReview;
    notification?: Omit<Notification, 'enterpriseId'>;
    /** More writes of the same verdict (a rejection's corrective actions, or their outbox), in its transaction. */
    writes?: TransactItem[];
  },
): Promise<Evidence> {
  const { evidence, review, notification } = change;
  const own: TransactItem[] = [
    {
      Update: {
        TableName: ctx.tableName,
        Key: keys.evidence(evidence.enterpriseId, evidence.id),
        UpdateExpression: 'SET #review = :review REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#status = :verified AND attribute_not_exists(#review)',
        ExpressionAttributeNames: { '#review': 'review', '#status': 'status' },
        ExpressionAttributeValues: { ':review': review, ':verified': 'verified' },
      },
    },
    auditPut(ctx.tableName, keys.enterprise(evidence.enterpriseId).pk, {
      actor: review.by,
      action: `evidence.review.${review.decision}`,
      target: evidence.id,
      at: review.at,
      details: { role: review.role, ...(review.reason === undefined ? {} : { reason: review.reason }) },
    }),
    ...(notification === undefined
      ? []
      : [
          {
            Put: {
              TableName: ctx.tableName,
              Item: notificationItem({ ...notification, enterpriseId: evidence.enterpriseId }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        ]),
  ];
  await transactWrite(ctx, [...own, ...(change.writes ?? [])], (index) =>
    index < own.length
      ? new ConflictError('already_reviewed', `evidence ${evidence.id} was already reviewed`)
      : new ConflictError('actions_changed', `the actions of ${evidence.enterpriseId} changed meanwhile`),
  );
  return { ...evidence, review };
}

/**
 * An enterprise's evidence that is not deleted; with `expiring`, only evidence whose expiry falls within
 * `[from, to]`. A filtered page can hold fewer than `limit` items; follow `nextCursor`.
 */
export function listEvidence(
  ctx: DbContext,
  query: {
    enterpriseId: string;
    limit: number;
    cursor?: string | undefined;
    expiring?: { from: string; to: string };
  },
): Promise<Page<Evidence>> {
  return queryPage(
    ctx,
    {
      partition: keys.enterprise(query.enterpriseId).pk,
      sortBeginsWith: keys.evidencePrefix,
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
      // Deleted evidence has left the library; its record stays for the audit trail.
      filter: query.expiring
        ? {
            expression: 'attribute_not_exists(#deletedAt) AND #expiresOn BETWEEN :from AND :to',
            names: { '#deletedAt': 'deletedAt', '#expiresOn': 'expiresOn' },
            values: { ':from': query.expiring.from, ':to': query.expiring.to },
          }
        : {
            expression: 'attribute_not_exists(#deletedAt)',
            names: { '#deletedAt': 'deletedAt' },
            values: {},
          },
    },
    toEvidence,
  );
}

/** What the daily jobs read of evidence that expires on a day: all that gsi3 projects of it. */
export const evidenceExpiryFields = ['id', 'enterpriseId', 'kind', 'fileName', 'expiresOn'] as const;
export type ExpiringEvidence = Pick<Evidence, (typeof evidenceExpiryFields)[number]>;

/** What the reminder job reads of a firm whose self-inspection falls due: all that gsi3 projects of it. */
export const selfCheckDueFields = ['id', 'zoneId', 'name', 'selfCheckDueOn'] as const;

/**
 * Verified evidence that expires on `day`, across all enterprises: one gsi3 partition, never a scan. Only the fields
 * the index projects (`evidenceExpiryFields`); `getEvidence` reads a whole record.
 */
export function listEvidenceExpiringOn(ctx: DbContext, day: string): Promise<ExpiringEvidence[]> {
  return queryAll(
    ctx,
    { index: 'gsi3', partition: keys.evidenceExpiry(day) },
    pickFields<ExpiringEvidence>(evidenceExpiryFields),
  );
}

/** The enterprises whose next self-inspection is due on `day` (gsi3, `selfCheckDueFields`). */
export function listSelfChecksDueOn(
  ctx: DbContext,
  day: string,
): Promise<Array<{ enterpriseId: string; zoneId: string; name: string; selfCheckDueOn: string }>> {
  return queryAll(ctx, { index: 'gsi3', partition: keys.selfCheckDue(day) }, (item) => ({
    enterpriseId: item.id as string,
    zoneId: item.zoneId as string,
    name: item.name as string,
    selfCheckDueOn: item.selfCheckDueOn as string,
  }));
}

/** A message for an enterprise, kept in its outbox (and sent by email where a sender is configured). */
export interface Notification {
  enterpriseId: string;
  /** The day the reminder is about; with `dedupe` it makes the notification unique. */
  day: string;
  /** Stable per cause, e.g. `evidence_expiring#<vid>#30`, so a rerun of the job writes nothing twice. */
  dedupe: string;
  type:
    | 'evidence_expiring'
    | 'evidence_expired'
    | 'evidence_rejected'
    | 'self_check_due'
    | 'self_check_overdue'
    | 'action_due'
    | 'action_overdue'
    | 'annual_report_due';
  message: { vi: string; en: string };
  createdAt: string;
}

const notificationItem = (notification: Notification) => ({
  ...keys.notification(notification.enterpriseId, notification.day, notification.dedupe),
  type: 'notification',
  notificationType: notification.type,
  enterpriseId: notification.enterpriseId,
  day: notification.day,
  dedupe: notification.dedupe,
  message: notification.message,
  createdAt: notification.createdAt,
});

/** Writes a notification unless the same one exists; true when it was new. */
export async function putNotification(ctx: DbContext, notification: Notification): Promise<boolean> {
  try {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: notificationItem(notification),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** An enterprise's outbox, newest first. */
export function listNotifications(
  ctx: DbContext,
  query: { enterpriseId: string; limit: number; cursor?: string | undefined },
): Promise<Page<Notification>> {
  return queryPage(
    ctx,
    {
      partition: keys.enterprise(query.enterpriseId).pk,
      sortBeginsWith: keys.notificationPrefix,
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
    },
    (item) => ({
      enterpriseId: item.enterpriseId as string,
      day: item.day as string,
      dedupe: item.dedupe as string,
      type: item.notificationType as Notification['type'],
      message: item.message as Notification['message'],
      createdAt: item.createdAt as string,
    }),
  );
}

/** Coverage facts of an enterprise's year, derived from verified evidence (for the annual reports). */
export interface Coverage {
  year: string;
  trainedByGroup: Record<'1' | '2' | '3' | '4' | '5' | '6', number>;
  healthExamined: number;
  occupationalDiseaseExamined: number;
  environmentMonitored: boolean;
  equipmentInspected: number;
}

/** The coverage of a year from its raw counters (`coverageAdds` summed); absent counters are zeros. */
export function coverageFromCounts(year: string, counts: Record<string, unknown>): Coverage {
  const number = (name: string) => (typeof counts[name] === 'number' ? (counts[name] as number) : 0);
  return {
    year,
    trainedByGroup: {
      '1': number('trainedGroup1'),
      '2': number('trainedGroup2'),
      '3': number('trainedGroup3'),
      '4': number('trainedGroup4'),
      '5': number('trainedGroup5'),
      '6': number('trainedGroup6'),
    },
    healthExamined: number('healthExamined'),
    occupationalDiseaseExamined: number('occupationalDiseaseExamined'),
    environmentMonitored: number('environmentReports') > 0,
    equipmentInspected: number('equipmentInspected'),
  };
}

/** Reads the coverage aggregate of one enterprise and year (zeros when nothing was verified). */
export async function getCoverage(ctx: DbContext, enterpriseId: string, year: string): Promise<Coverage> {
  const { Item = {} } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.coverage(enterpriseId, year),
        ConsistentRead: true,
      }),
    ),
  );
  return coverageFromCounts(year, Item);
}

/**
 * Replaces an enterprise's coverage counters for a year with `counts` (`coverageAdds` summed over its verified
 * evidence): the repair for data verified before the aggregate was kept (the backfill job). Not for requests.
 */
export async function putCoverageCounts(
  ctx: DbContext,
  enterpriseId: string,
  year: string,
  counts: Record<string, number>,
): Promise<void> {
  await read(() =>
    ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...keys.coverage(enterpriseId, year), type: 'coverage', year, ...counts },
      }),
    ),
  );
}

/** A piece of evidence as answers and scores read it. */
export interface EvidenceFacts {
  id: string;
  kind: string;
  status: string;
  issuedOn: string;
  expiresOn?: string;
  trainingGroup?: number;
  workerCategory?: string;
  review?: 'accepted' | 'rejected';
  flags?: Array<'unlicensed_provider' | 'duplicate_certificate'>;
}

/**
 * The file names of these pieces of evidence (one batch read per 100), keyed by evidence id; unknown
 * ones are absent. For lists that show what an action carries as proof (`GET /v1/zones/{zid}/actions`).
 */
export async function getEvidenceFileNames(
  ctx: DbContext,
  refs: ReadonlyArray<{ enterpriseId: string; evidenceId: string }>,
): Promise<Map<string, string>> {
  const unique = new Map(refs.map((ref) => [`${ref.enterpriseId}/${ref.evidenceId}`, ref]));
  const items = await batchGetItems(
    ctx,
    [...unique.values()].map((ref) => keys.evidence(ref.enterpriseId, ref.evidenceId)),
  );
  return new Map(items.map((item) => [item.id as string, item.fileName as string]));
}

/** The enterprise's own evidence with these ids; ids of other firms or unknown ids are simply absent. */
export async function getEvidenceFacts(
  ctx: DbContext,
  enterpriseId: string,
  evidenceIds: readonly string[],
): Promise<Map<string, EvidenceFacts>> {
  const found = new Map<string, EvidenceFacts>();
  const unique = [...new Set(evidenceIds)];
  for (let start = 0; start < unique.length; start += 100) {
    let pending: Record<string, unknown>[] = unique
      .slice(start, start + 100)
      .map((id) => keys.evidence(enterpriseId, id));
    while (pending.length > 0) {
      const request = { [ctx.tableName]: { Keys: pending, ConsistentRead: true } };
      const result = await read(() => ctx.doc.send(new BatchGetCommand({ RequestItems: request })));
      for (const item of result.Responses?.[ctx.tableName] ?? []) {
        found.set(item.id as string, {
          id: item.id as string,
          kind: item.kind as string,
          // Deleted evidence is proof of nothing: it can be neither linked nor scored.
          status: item.deletedAt === undefined ? (item.status as string) : 'deleted',
          issuedOn: item.issuedOn as string,
          ...(typeof item.expiresOn === 'string' ? { expiresOn: item.expiresOn } : {}),
          ...(typeof item.trainingGroup === 'number' ? { trainingGroup: item.trainingGroup } : {}),
          ...(typeof item.workerCategory === 'string' ? { workerCategory: item.workerCategory } : {}),
          ...(item.review ? { review: (item.review as EvidenceReview).decision } : {}),
          ...(Array.isArray(item.flags) && item.flags.length > 0
            ? { flags: item.flags as EvidenceFacts['flags'] & unknown[] }
            : {}),
        });
      }
      pending = result.UnprocessedKeys?.[ctx.tableName]?.Keys ?? [];
    }
  }
  return found;
}

/**
 * An enterprise's verified evidence issued between `from` and `to` (`YYYY-MM-DD`, inclusive), for its annual
 * report: one partition of the firm's own records, filtered.
 */
export function listVerifiedEvidenceIssuedBetween(
  ctx: DbContext,
  enterpriseId: string,
  from: string,
  to: string,
): Promise<Evidence[]> {
  return queryAll(
    ctx,
    {
      partition: keys.enterprise(enterpriseId).pk,
      sortBeginsWith: keys.evidencePrefix,
      filter: {
        expression:
          '#status = :verified AND attribute_not_exists(#deletedAt) AND #issuedOn BETWEEN :from AND :to',
        names: { '#status': 'status', '#issuedOn': 'issuedOn', '#deletedAt': 'deletedAt' },
        values: { ':verified': 'verified', ':from': from, ':to': to },
      },
    },
    toEvidence,
  );
}

/**
 * Soft-deletes evidence from its firm's library in one transaction: marks it deleted (the record and the file
 * stay, for the audit trail), takes it out of the zone's review queue and the expiry reminders, takes back the
 * coverage figures a verified file added to its year, and writes the audit entry. The caller decides whether it
 * may go (not linked to a submitted self-check, and so on). ConflictError `already_deleted` when it was deleted
 * meanwhile, `changed` when its status changed since it was read.
 */
export async function deleteEvidence(
  ctx: DbContext,
  change: {
    evidence: Evidence;
    actor: string;
    at: string;
    /** More writes of the same deletion (its year's report facts), in its transaction. */
    writes?: TransactItem[];
  },
): Promise<Evidence> {
  const { evidence, actor, at } = change;
  const subtracts = evidence.status === 'verified' ? coverageAdds(evidence) : {};
  const subtractNames = Object.keys(subtracts);
  const year = evidence.issuedOn.slice(0, 4);
  await transactWrite(
    ctx,
    [
      {
        Update: {
          TableName: ctx.tableName,
          Key: keys.evidence(evidence.enterpriseId, evidence.id),
          UpdateExpression: 'SET #deletedAt = :at, #deletedBy = :actor REMOVE gsi1pk, gsi1sk, gsi3pk, gsi3sk',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(#deletedAt) AND #status = :status',
          ExpressionAttributeNames: {
            '#deletedAt': 'deletedAt',
            '#deletedBy': 'deletedBy',
            '#status': 'status',
          },
          ExpressionAttributeValues: { ':at': at, ':actor': actor, ':status': evidence.status },
        },
      },
      ...(subtractNames.length === 0
        ? []
        : [
            {
              Update: {
                TableName: ctx.tableName,
                Key: keys.coverage(evidence.enterpriseId, year),
                UpdateExpression: `ADD ${subtractNames.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
                ExpressionAttributeNames: Object.fromEntries(
                  subtractNames.map((name, i) => [`#a${i}`, name]),
                ),
                ExpressionAttributeValues: Object.fromEntries(
                  subtractNames.map((name, i) => [`:a${i}`, -(subtracts[name] ?? 0)]),
                ),
              },
            },
          ]),
      auditPut(ctx.tableName, keys.enterprise(evidence.enterpriseId).pk, {
        actor,
        action: 'evidence.delete',
        target: evidence.id,
        at,
        details: {
          kind: evidence.kind,
          status: evidence.status,
          sha256: evidence.sha256,
          ...(evidence.reason === undefined ? {} : { reason: evidence.reason }),
          ...(evidence.review?.decision === 'rejected' ? { review: 'rejected' } : {}),
        },
      }),
      ...(change.writes ?? []),
    ],
    () => new ConflictError('already_deleted', `evidence ${evidence.id} was deleted or changed meanwhile`),
  );
  return { ...evidence, deletedAt: at, deletedBy: actor };
}
