import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { ConflictError, isTransientSdkError, TransientDbError } from './errors';
import { transactWithFirmYear } from './firm-years';
import { keys, scoreSortKey } from './keys';
import { queryPage } from './query';
import { read, type TransactItem, transactWrite } from './transact';

/** Only `periodic` counts as the period's self-inspection (dashboards, schedules, targeting). */
export type AssessmentKind = 'periodic' | 'thematic' | 'after_incident' | 'seasonal';

/** Whether the assessment is the periodic one, which the counters and indexes follow. */
export const isPeriodic = (assessment: Pick<Assessment, 'kind'>) =>
  assessment.kind === undefined || assessment.kind === 'periodic';

/** One answer to a checklist item. */
export interface AnswerRecord {
  value: 'compliant' | 'partial' | 'non_compliant' | 'not_applicable';
  note?: string | undefined;
  evidenceIds?: string[] | undefined;
}

/** The parts of a stored score (the API's Score object) that rankings and counters read; the domain computes it. */
export interface StoredScore {
  total: number;
  rating: 'A' | 'B' | 'C' | 'D';
  sections: Array<{ id: string; score: number | null }>;
  /** The items as scored (stored whole with the score; read by the item-by-item credibility comparison). */
  items?: Array<{ id: string; outcome: string; points: number; maxPoints: number }>;
}

/** A self-assessment: a draft while it is filled in, then submitted and never changed again. */
export interface Assessment {
  id: string;
  enterpriseId: string;
  zoneId: string;
  templateId: string;
  templateVersion: number;
  period: string;
  /** `periodic` (absent on records written before kinds existed) is one per period; the others any number of times. */
  kind?: AssessmentKind;
  /** The submitted assessment this draft amends. */
  amends?: string;
  /** Every earlier version this one replaces: the one it amends, and what that one replaced. */
  replaces?: string[];
  /** Set on a submitted assessment once an amendment of it is submitted. */
  supersededBy?: string;
  status: 'draft' | 'submitted';
  version: number;
  applicableItemIds: string[];
  answers: Record<string, AnswerRecord>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  submittedAt?: string;
  submittedBy?: string;
  score?: StoredScore;
  /** The scoring rules pinned at creation; absent on assessments made before version 2, which score by version 1. */
  scoringVersion?: '1' | '2';
}

const fields = [
  'id',
  'enterpriseId',
  'zoneId',
  'templateId',
  'templateVersion',
  'period',
  'kind',
  'amends',
  'replaces',
  'supersededBy',
  'status',
  'version',
  'applicableItemIds',
  'answers',
  'createdAt',
  'createdBy',
  'updatedAt',
  'submittedAt',
  'submittedBy',
  'score',
  'scoringVersion',
] as const;

const toAssessment = (item: Record<string, unknown>): Assessment =>
  Object.fromEntries(
    fields.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]),
  ) as unknown as Assessment;

/** The zone's counters for a period: `ADD`s that keep the dashboard's figures without recounting. */
function zoneStatsUpdate(
  tableName: string,
  zoneId: string,
  period: string,
  adds: Record<string, number>,
): TransactItem {
  const names = Object.keys(adds);
  return {
    Update: {
      TableName: tableName,
      Key: keys.zoneStats(zoneId, period),
      UpdateExpression: `SET #type = :type, #zoneId = :zoneId, #period = :period ADD ${names.map((_, i) => `#a${i} :a${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        '#type': 'type',
        '#zoneId': 'zoneId',
        '#period': 'period',
        ...Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
      },
      ExpressionAttributeValues: {
        ':type': 'zone_stats',
        ':zoneId': zoneId,
        ':period': period,
        ...Object.fromEntries(names.map((name, i) => [`:a${i}`, adds[name]])),
      },
    },
  };
}

/**
 * Creates a draft, with an audit entry. A periodic one is one per enterprise and period (a second gets
 * ConflictError `period_taken`) and counts in the zone's drafts; other kinds are neither. An amendment (`amends`)
 * claims the period's one open amendment instead (a second gets ConflictError `amendment_open`), and only while
 * the assessment it amends is submitted and not superseded (ConflictError `not_amendable`).
 */
export async function createAssessment(ctx: DbContext, assessment: Assessment): Promise<Assessment> {
  const { pk } = keys.enterprise(assessment.enterpriseId);
  const items: TransactItem[] = [
    {
      Put: {
        TableName: ctx.tableName,
        Item: {
          ...keys.assessment(assessment.enterpriseId, assessment.id),
          type: 'assessment',
          ...assessment,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  const errors: ConflictError[] = [new ConflictError('assessment_exists', `${assessment.id} exists`)];
  if (assessment.amends !== undefined) {
    items.push(
      {
        Put: {
          TableName: ctx.tableName,
          Item: {
            ...keys.amendment(assessment.enterpriseId, assessment.period),
            type: 'unique',
            owner: assessment.id,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        ConditionCheck: {
          TableName: ctx.tableName,
          Key: keys.assessment(assessment.enterpriseId, assessment.amends),
          ConditionExpression: '#status = :submitted AND attribute_not_exists(#supersededBy)',
          ExpressionAttributeNames: { '#status': 'status', '#supersededBy': 'supersededBy' },
          ExpressionAttributeValues: { ':submitted': 'submitted' },
        },
      },
    );
    errors.push(
      new ConflictError('amendment_open', `an amendment of period ${assessment.period} is already open`),
      new ConflictError('not_amendable', `${assessment.amends} is not a submitted, current assessment`),
    );
  } else if (isPeriodic(assessment)) {
    items.push(
      {
        Put: {
          TableName: ctx.tableName,
          Item: {
            ...keys.assessmentPeriod(assessment.enterpriseId, assessment.period),
            type: 'unique',
            owner: assessment.id,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      zoneStatsUpdate(ctx.tableName, assessment.zoneId, assessment.period, { draft: 1 }),
    );
    errors.push(
      new ConflictError('period_taken', `an assessment for period ${assessment.period} already exists`),
    );
  }
  items.push(
    auditPut(ctx.tableName, pk, {
      actor: assessment.createdBy,
      action: assessment.amends === undefined ? 'assessment.create' : 'assessment.amend',
      target: assessment.id,
      at: assessment.createdAt,
      details: {
        period: assessment.period,
        kind: assessment.kind ?? 'periodic',
        templateId: assessment.templateId,
        templateVersion: assessment.templateVersion,
        ...(assessment.amends === undefined ? {} : { amends: assessment.amends }),
      },
    }),
  );
  await transactWrite(
    ctx,
    items,
    (index) => errors[index] ?? new ConflictError('condition_failed', 'refused'),
  );
  return assessment;
}

/** A save as stored: the answers it changed, the version it made, who and when. It is also the audit entry. */
interface AnswerSave {
  version: number;
  answers: Record<string, AnswerRecord>;
  actor: string;
  at: string;
  /** The save that closed the draft: written by `submitAssessment`, it carries no answers. */
  submit?: boolean;
}

/** Every save of a draft, oldest first, page by page (strongly consistent unless `consistent` is false). */
async function answerSaves(
  ctx: DbContext,
  enterpriseId: string,
  assessmentId: string,
  consistent = true,
): Promise<AnswerSave[]> {
  const saves: AnswerSave[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await read(() =>
      ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': keys.enterprise(enterpriseId).pk,
            ':prefix': keys.assessmentAnswersPrefix(assessmentId),
          },
          ConsistentRead: consistent,
          ExclusiveStartKey: start,
        }),
      ),
    );
    saves.push(...((page.Items ?? []) as unknown as AnswerSave[]));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return saves;
}

/**
 * One assessment of an enterprise, or undefined. The head item and the saves are read in one round (two calls in
 * parallel); the answers are the saves applied in version order, up to the save that submitted it.
 */
export async function getAssessment(
  ctx: DbContext,
  enterpriseId: string,
  assessmentId: string,
  consistent = true,
): Promise<Assessment | undefined> {
  const [{ Item }, saves] = await Promise.all([
    read(() =>
      ctx.doc.send(
        new GetCommand({
          TableName: ctx.tableName,
          Key: keys.assessment(enterpriseId, assessmentId),
          ConsistentRead: consistent,
        }),
      ),
    ),
    answerSaves(ctx, enterpriseId, assessmentId, consistent),
  ]);
  if (!Item) return undefined;
  const assessment = toAssessment(Item);
  const answers = { ...assessment.answers };
  // A draft's head keeps the version it was created at, and its saves follow it; a submitted head took the version
  // of the save that closed it, so its chain starts where its saves start.
  const first = saves[0]?.version;
  let version = first !== undefined && first <= assessment.version ? first - 1 : assessment.version;
  let updatedAt = assessment.updatedAt;
  for (const save of saves) {
    // A save can only land after the submit if its caller skipped reading the draft; it changes nothing.
    if (save.version !== version + 1) break;
    Object.assign(answers, save.answers);
    version = save.version;
    if (!save.submit) updatedAt = save.at;
    if (save.submit) break;
  }
  return assessment.status === 'submitted'
    ? { ...assessment, answers }
    : { ...assessment, answers, version, updatedAt };
}

/**
 * A draft as a save needs it, read at half the price: eventually consistent first. That read can only be behind
 * (a replica holds a prefix of the writes), and a save is safe on it: `saveAnswers` claims the next version with a
 * condition, so a save on a behind read fails and is answered from a strong read, and when it lands, the read held
 * every earlier save (the chain is contiguous), so the answers returned are all of them. When the read is in doubt
 * (no draft yet, or older than the version the caller says it read) it is made again, strongly consistent.
 */
export async function getDraftToSave(
  ctx: DbContext,
  enterpriseId: string,
  assessmentId: string,
  expectedVersion: number | undefined,
): Promise<Assessment | undefined> {
  const seen = await getAssessment(ctx, enterpriseId, assessmentId, false);
  const inDoubt =
    seen === undefined ||
    (seen.status === 'draft' && expectedVersion !== undefined && expectedVersion > seen.version);
  return inDoubt ? getAssessment(ctx, enterpriseId, assessmentId) : seen;
}

/** An enterprise's assessments, newest first (ids are time-ordered). */
export function listAssessments(
  ctx: DbContext,
  query: { enterpriseId: string; limit: number; cursor?: string | undefined },
): Promise<Page<Assessment>> {
  return queryPage(
    ctx,
    {
      partition: keys.enterprise(query.enterpriseId).pk,
      sortBeginsWith: keys.assessmentPrefix,
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
    },
    toAssessment,
  );
}

/** Why a write to a draft was refused: someone changed it first, or it is no longer a draft. */
async function draftConflict(
  ctx: DbContext,
  enterpriseId: string,
  assessmentId: string,
): Promise<ConflictError> {
  const current = await getAssessment(ctx, enterpriseId, assessmentId);
  return current?.status === 'submitted'
    ? new ConflictError('already_submitted', 'the assessment is already submitted and can no longer change')
    : new ConflictError('stale_version', 'the assessment changed since you read it; read it again');
}

/**
 * Saves answers into a draft read at `expectedVersion`: ONE conditional PutItem of the change alone (1 WRU for up to
 * about ten answers), keyed by the version it makes, so a second save from the same version fails. The item is the
 * audit entry of the save too (who, when, what changed), so no save can skip its trail. ConflictError
 * `stale_version` or `already_submitted` otherwise. The caller reads the draft first (`getAssessment`): a submitted
 * assessment is refused there, and a save racing the submit loses to it, because both need the same next version.
 */
export async function saveAnswers(
  ctx: DbContext,
  change: {
    enterpriseId: string;
    assessmentId: string;
    expectedVersion: number;
    answers: Record<string, AnswerRecord>;
    actor: string;
    at: string;
  },
): Promise<void> {
  const version = change.expectedVersion + 1;
  const save: AnswerSave = { version, answers: change.answers, actor: change.actor, at: change.at };
  try {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: {
          ...keys.assessmentAnswers(change.enterpriseId, change.assessmentId, version),
          type: 'answer_save',
          ...save,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException')
      throw await draftConflict(ctx, change.enterpriseId, change.assessmentId);
    if (isTransientSdkError(error))
      throw new TransientDbError('the database is busy; retry', { cause: error });
    throw error;
  }
}

/** What a submission writes beside the assessment: the enterprise facts the rankings show. */
export interface SubmissionFacts {
  enterpriseName: string;
  sectorCode: string;
  headcount: number;
  highRisk: boolean;
}

/** The enterprise's latest-score item for a submitted assessment: its entry in the zone's score index (gsi2). */
function latestScoreItem(
  assessment: Pick<Assessment, 'id' | 'enterpriseId' | 'zoneId' | 'period'>,
  score: StoredScore,
  facts: SubmissionFacts,
  submittedAt: string,
): Record<string, unknown> {
  return {
    ...keys.latestScore(assessment.enterpriseId, assessment.period),
    type: 'latest_score',
    gsi2pk: keys.zoneScores(assessment.zoneId, assessment.period),
    gsi2sk: `${scoreSortKey(score.total)}#${assessment.enterpriseId}`,
    enterpriseId: assessment.enterpriseId,
    zoneId: assessment.zoneId,
    period: assessment.period,
    assessmentId: assessment.id,
    name: facts.enterpriseName,
    sectorCode: facts.sectorCode,
    headcount: facts.headcount,
    highRisk: facts.highRisk,
    total: score.total,
    rating: score.rating,
    sections: score.sections,
    submittedAt,
  };
}

/**
 * Writes the latest-score item of a submitted assessment unless one exists: the repair for submissions stored
 * before the score index was kept (the backfill job). Returns whether it wrote. `facts` are the enterprise's
 * current ones, the best a repair knows of the facts at submission.
 */
export async function putLatestScoreIfAbsent(
  ctx: DbContext,
  assessment: Assessment & { status: 'submitted'; score: StoredScore; submittedAt: string },
  facts: SubmissionFacts,
): Promise<boolean> {
  try {
    await read(() =>
      ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: latestScoreItem(assessment, assessment.score, facts, assessment.submittedAt),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** A submission, as `submitAssessment` writes it. */
export interface Submission {
  assessment: Assessment;
  score: StoredScore;
  facts: SubmissionFacts;
  /** The last day of the period whose self-inspection is owed after this one. */
  nextDueOn: string;
  actor: string;
  at: string;
  /** For an amendment: the submitted version it replaces (read before, with its score). */
  replaced?: Assessment | undefined;
  /** Writes of the firm's actions (new ones, cancelled ones, or their outbox) that go in the same transaction. */
  actionWrites?: TransactItem[];
  /** Added to the audit entry (for example the actions created). */
  auditDetails?: Record<string, unknown>;
}

/** A score's contribution to the zone's counters, times `sign` (+1 to count it, −1 to take it back). */
function scoreAdds(score: StoredScore, sign: 1 | -1): Record<string, number> {
  const adds: Record<string, number> = {
    [`rating#${score.rating}`]: sign,
    scoreSumTenths: sign * Math.round(score.total * 10),
  };
  for (const section of score.sections) {
    if (section.score === null) continue;
    adds[`section#${section.id}#sumTenths`] = sign * Math.round(section.score * 10);
    adds[`section#${section.id}#count`] = sign;
  }
  return adds;
}

/** Sums counter adds name by name. */
function mergeAdds(...all: Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const adds of all)
    for (const [name, value] of Object.entries(adds)) merged[name] = (merged[name] ?? 0) + value;
  return merged;
}

/**
 * The writes of a submission, the firm's actions aside: the assessment's status and score; for a periodic one
 * the enterprise's latest-score item (ranked by score within zone and period on gsi2), the zone counters by
 * status, rating and section, and the enterprise's last submission and next due day; for an amendment, the
 * replaced version's `supersededBy`, its score taken back out of the counters (so the firm counts once) and the
 * period's amendment claim released; an audit entry. Other kinds write only the assessment and the audit.
 */
export function submissionWrites(tableName: string, submission: Submission): TransactItem[] {
  const { assessment, score, at, replaced } = submission;
  const { pk } = keys.enterprise(assessment.enterpriseId);
  const writes: TransactItem[] = [
    {
      Update: {
        TableName: tableName,
        Key: keys.assessment(assessment.enterpriseId, assessment.id),
        UpdateExpression:
          'SET #status = :submitted, #score = :score, #submittedAt = :at, #submittedBy = :actor, #updatedAt = :at, #version = :next',
        // Saves are items of their own, keyed by the version they make; the closing save below takes the next one.
        ConditionExpression: '#status = :draft',
        ExpressionAttributeNames: {
          '#status': 'status',
          '#score': 'score',
          '#submittedAt': 'submittedAt',
          '#submittedBy': 'submittedBy',
          '#updatedAt': 'updatedAt',
          '#version': 'version',
        },
        ExpressionAttributeValues: {
          ':submitted': 'submitted',
          ':draft': 'draft',
          ':score': score,
          ':at': at,
          ':actor': submission.actor,
          ':next': assessment.version + 1,
        },
      },
    },
    {
      // Takes the next version, so a save racing the submit fails, and closes the answers at this version.
      Put: {
        TableName: tableName,
        Item: {
          ...keys.assessmentAnswers(assessment.enterpriseId, assessment.id, assessment.version + 1),
          type: 'answer_save',
          version: assessment.version + 1,
          answers: {},
          actor: submission.actor,
          at,
          submit: true,
        } satisfies AnswerSave & Record<string, unknown>,
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (replaced !== undefined) {
    writes.push(
      {
        Update: {
          TableName: tableName,
          Key: keys.assessment(replaced.enterpriseId, replaced.id),
          UpdateExpression: 'SET #supersededBy = :by',
          ConditionExpression: '#status = :submitted AND attribute_not_exists(#supersededBy)',
          ExpressionAttributeNames: { '#status': 'status', '#supersededBy': 'supersededBy' },
          ExpressionAttributeValues: { ':submitted': 'submitted', ':by': assessment.id },
        },
      },
      { Delete: { TableName: tableName, Key: keys.amendment(assessment.enterpriseId, assessment.period) } },
    );
  }
  if (isPeriodic(assessment)) {
    writes.push(
      {
        Put: {
          TableName: tableName,
          Item: latestScoreItem(assessment, score, submission.facts, at),
          // A first submission creates the period's score; an amendment replaces the one it supersedes.
          ...(replaced === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#assessmentId = :replaced',
                ExpressionAttributeNames: { '#assessmentId': 'assessmentId' },
                ExpressionAttributeValues: { ':replaced': replaced.id },
              }),
        },
      },
      zoneStatsUpdate(
        tableName,
        assessment.zoneId,
        assessment.period,
        replaced?.score === undefined
          ? mergeAdds({ draft: -1, submitted: 1 }, scoreAdds(score, 1))
          : mergeAdds(scoreAdds(replaced.score, -1), scoreAdds(score, 1)),
      ),
      {
        Update: {
          TableName: tableName,
          Key: keys.enterprise(assessment.enterpriseId),
          UpdateExpression: 'SET #last = :on, #due = :due, #gsi3pk = :gsi3pk, #gsi3sk = :gsi3sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: {
            '#last': 'lastSubmittedOn',
            '#due': 'selfCheckDueOn',
            '#gsi3pk': 'gsi3pk',
            '#gsi3sk': 'gsi3sk',
          },
          ExpressionAttributeValues: {
            ':on': at.slice(0, 10),
            ':due': submission.nextDueOn,
            ':gsi3pk': keys.selfCheckDue(submission.nextDueOn),
            ':gsi3sk': assessment.enterpriseId,
          },
        },
      },
    );
  }
  writes.push(
    auditPut(tableName, pk, {
      actor: submission.actor,
      action: 'assessment.submit',
      target: assessment.id,
      at,
      details: {
        total: score.total,
        rating: score.rating,
        kind: assessment.kind ?? 'periodic',
        ...(assessment.amends === undefined ? {} : { amends: assessment.amends }),
        ...submission.auditDetails,
      },
    }),
  );
  return writes;
}

/**
 * Submits a draft in one transaction: `submissionWrites` and the action writes. All or nothing. ConflictError
 * `already_submitted` or `stale_version` when the draft changed, `actions_changed` when the firm's actions
 * changed since they were read (retry), `not_amendable` when the replaced version was amended meanwhile.
 */
export async function submitAssessment(ctx: DbContext, submission: Submission): Promise<void> {
  const writes = submissionWrites(ctx.tableName, submission);
  const items = [...writes, ...(submission.actionWrites ?? [])];
  const refusal = (index: number) =>
    index >= writes.length
      ? new ConflictError('actions_changed', "the firm's actions changed meanwhile; submit again")
      : index <= 1
        ? new ConflictError('condition_failed', 'refused')
        : new ConflictError('not_amendable', 'the replaced version changed meanwhile');
  const { assessment, score } = submission;
  try {
    // A periodic self-check also makes the firm count once as submitted in its zone's year report, with the
    // rating of its latest self-check (firm-years.ts), in the same transaction.
    if (isPeriodic(assessment)) {
      await transactWithFirmYear(
        ctx,
        { enterpriseId: assessment.enterpriseId, year: assessment.period.slice(0, 4) },
        (before) => ({ ...before, submitted: true, rating: score.rating }),
        items,
        refusal,
      );
    } else {
      await transactWrite(ctx, items, refusal);
    }
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'condition_failed')
      throw await draftConflict(ctx, submission.assessment.enterpriseId, submission.assessment.id);
    throw error;
  }
}

/** A zone's counters for one period, as `submitAssessment` and `createAssessment` keep them. */
export interface ZoneStats {
  draft: number;
  submitted: number;
  ratings: Record<'A' | 'B' | 'C' | 'D', number>;
  scoreSumTenths: number;
  sections: Record<string, { sumTenths: number; count: number }>;
}

/** Reads a zone's counters for a period (zeros when nothing happened yet). */
export async function getZoneStats(ctx: DbContext, zoneId: string, period: string): Promise<ZoneStats> {
  const { Item = {} } = await read(() =>
    ctx.doc.send(
      new GetCommand({ TableName: ctx.tableName, Key: keys.zoneStats(zoneId, period), ConsistentRead: true }),
    ),
  );
  return toZoneStats(Item);
}

/** A zone's counters for a period from their item (zeros when nothing happened yet). */
export function toZoneStats(Item: Record<string, unknown>): ZoneStats {
  const number = (name: string) => (typeof Item[name] === 'number' ? (Item[name] as number) : 0);
  const sections: ZoneStats['sections'] = {};
  for (const name of Object.keys(Item)) {
    const match = name.match(/^section#(.+)#sumTenths$/);
    if (match?.[1])
      sections[match[1]] = { sumTenths: number(name), count: number(`section#${match[1]}#count`) };
  }
  return {
    draft: number('draft'),
    submitted: number('submitted'),
    ratings: { A: number('rating#A'), B: number('rating#B'), C: number('rating#C'), D: number('rating#D') },
    scoreSumTenths: number('scoreSumTenths'),
    sections,
  };
}

/**
 * Replaces a zone's counters for a period with `stats`, as recounted from the records: the repair for data
 * written before the counters were kept (the backfill job). Not for requests, which `ADD` in transactions.
 */
export async function putZoneStats(
  ctx: DbContext,
  zoneId: string,
  period: string,
  stats: ZoneStats,
): Promise<void> {
  const sections = Object.entries(stats.sections).flatMap(([id, section]) => [
    [`section#${id}#sumTenths`, section.sumTenths],
    [`section#${id}#count`, section.count],
  ]);
  await read(() =>
    ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: {
          ...keys.zoneStats(zoneId, period),
          type: 'zone_stats',
          zoneId,
          period,
          draft: stats.draft,
          submitted: stats.submitted,
          ...Object.fromEntries(Object.entries(stats.ratings).map(([rating, n]) => [`rating#${rating}`, n])),
          scoreSumTenths: stats.scoreSumTenths,
          ...Object.fromEntries(sections),
        },
      }),
    ),
  );
}
