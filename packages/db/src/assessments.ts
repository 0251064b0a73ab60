import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { ConflictError } from './errors';
import { transactWithFirmYear } from './firm-years';
import { keys, scoreSortKey } from './keys';
import { queryPage } from './query';
import { read, type TransactItem, transactWrite } from './transact';

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
}

/** A self-assessment: a draft while it is filled in, then submitted and never changed again. */
export interface Assessment {
  id: string;
  enterpriseId: string;
  zoneId: string;
  templateId: string;
  templateVersion: number;
  period: string;
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
}

const fields = [
  'id',
  'enterpriseId',
  'zoneId',
  'templateId',
  'templateVersion',
  'period',
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
 * Creates a draft. One assessment per enterprise and period: a second gets ConflictError `period_taken`.
 * The zone's draft counter goes up in the same transaction.
 */
export async function createAssessment(ctx: DbContext, assessment: Assessment): Promise<Assessment> {
  const { pk } = keys.enterprise(assessment.enterpriseId);
  await transactWrite(
    ctx,
    [
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
      auditPut(ctx.tableName, pk, {
        actor: assessment.createdBy,
        action: 'assessment.create',
        target: assessment.id,
        at: assessment.createdAt,
        details: {
          period: assessment.period,
          templateId: assessment.templateId,
          templateVersion: assessment.templateVersion,
        },
      }),
    ],
    () => new ConflictError('period_taken', `an assessment for period ${assessment.period} already exists`),
  );
  return assessment;
}

/** One assessment of an enterprise, or undefined. */
export async function getAssessment(
  ctx: DbContext,
  enterpriseId: string,
  assessmentId: string,
): Promise<Assessment | undefined> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.assessment(enterpriseId, assessmentId),
        ConsistentRead: true,
      }),
    ),
  );
  return Item ? toAssessment(Item) : undefined;
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
 * Merges answers into a draft whose version is still `expectedVersion`, bumping the version, with an audit
 * entry in the same transaction. ConflictError `stale_version` or `already_submitted` otherwise.
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
  const ids = Object.keys(change.answers);
  const sets = ids.map((_, i) => `#answers.#i${i} = :v${i}`);
  try {
    await transactWrite(
      ctx,
      [
        {
          Update: {
            TableName: ctx.tableName,
            Key: keys.assessment(change.enterpriseId, change.assessmentId),
            UpdateExpression: `SET ${[...sets, '#version = :next', '#updatedAt = :at'].join(', ')}`,
            ConditionExpression: '#version = :expected AND #status = :draft',
            ExpressionAttributeNames: {
              '#answers': 'answers',
              '#version': 'version',
              '#updatedAt': 'updatedAt',
              '#status': 'status',
              ...Object.fromEntries(ids.map((id, i) => [`#i${i}`, id])),
            },
            ExpressionAttributeValues: {
              ':next': change.expectedVersion + 1,
              ':expected': change.expectedVersion,
              ':draft': 'draft',
              ':at': change.at,
              ...Object.fromEntries(ids.map((id, i) => [`:v${i}`, change.answers[id]])),
            },
          },
        },
        auditPut(ctx.tableName, keys.enterprise(change.enterpriseId).pk, {
          actor: change.actor,
          action: 'assessment.answer',
          target: change.assessmentId,
          at: change.at,
          details: { version: change.expectedVersion + 1, answers: change.answers },
        }),
      ],
      () => new ConflictError('condition_failed', 'refused'),
    );
  } catch (error) {
    if (error instanceof ConflictError)
      throw await draftConflict(ctx, change.enterpriseId, change.assessmentId);
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

/**
 * Submits a draft in one transaction: the assessment's status and score, the enterprise's latest-score item
 * (ranked by score within zone and period on gsi2), the zone counters by status, rating and section, the
 * enterprise's last submission date, the firm's year facts and its zone's report counters (firm-years.ts), and
 * an audit entry. All or nothing.
 */
export async function submitAssessment(
  ctx: DbContext,
  submission: {
    assessment: Assessment;
    score: StoredScore;
    facts: SubmissionFacts;
    /** The last day of the period whose self-inspection is owed after this one. */
    nextDueOn: string;
    actor: string;
    at: string;
  },
): Promise<void> {
  const { assessment, score, at } = submission;
  const sectionAdds: Record<string, number> = {};
  for (const section of score.sections) {
    if (section.score === null) continue;
    sectionAdds[`section#${section.id}#sumTenths`] = Math.round(section.score * 10);
    sectionAdds[`section#${section.id}#count`] = 1;
  }
  const { pk } = keys.enterprise(assessment.enterpriseId);
  try {
    // The firm counts once as submitted in its zone's year report, with the rating of its latest self-check.
    await transactWithFirmYear(
      ctx,
      { enterpriseId: assessment.enterpriseId, year: assessment.period.slice(0, 4) },
      (before) => ({ ...before, submitted: true, rating: score.rating }),
      [
        {
          Update: {
            TableName: ctx.tableName,
            Key: keys.assessment(assessment.enterpriseId, assessment.id),
            UpdateExpression:
              'SET #status = :submitted, #score = :score, #submittedAt = :at, #submittedBy = :actor, #updatedAt = :at, #version = :next',
            ConditionExpression: '#version = :expected AND #status = :draft',
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
              ':expected': assessment.version,
              ':next': assessment.version + 1,
            },
          },
        },
        {
          Put: {
            TableName: ctx.tableName,
            Item: {
              ...keys.latestScore(assessment.enterpriseId, assessment.period),
              type: 'latest_score',
              gsi2pk: keys.zoneScores(assessment.zoneId, assessment.period),
              gsi2sk: `${scoreSortKey(score.total)}#${assessment.enterpriseId}`,
              enterpriseId: assessment.enterpriseId,
              zoneId: assessment.zoneId,
              period: assessment.period,
              assessmentId: assessment.id,
              name: submission.facts.enterpriseName,
              sectorCode: submission.facts.sectorCode,
              headcount: submission.facts.headcount,
              highRisk: submission.facts.highRisk,
              total: score.total,
              rating: score.rating,
              sections: score.sections,
              submittedAt: at,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        zoneStatsUpdate(ctx.tableName, assessment.zoneId, assessment.period, {
          draft: -1,
          submitted: 1,
          [`rating#${score.rating}`]: 1,
          scoreSumTenths: Math.round(score.total * 10),
          ...sectionAdds,
        }),
        {
          Update: {
            TableName: ctx.tableName,
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
        auditPut(ctx.tableName, pk, {
          actor: submission.actor,
          action: 'assessment.submit',
          target: assessment.id,
          at,
          details: { total: score.total, rating: score.rating },
        }),
      ],
      () => new ConflictError('condition_failed', 'refused'),
    );
  } catch (error) {
    if (error instanceof ConflictError)
      throw await draftConflict(ctx, assessment.enterpriseId, assessment.id);
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
