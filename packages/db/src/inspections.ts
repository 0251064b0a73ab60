import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredScore } from './assessments';
import { auditPut } from './audit';
import { batchGetItems } from './batch';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { ConflictError } from './errors';
import { keys } from './keys';
import { queryPage } from './query';
import { read, type TransactItem, transactWrite } from './transact';

/** An inspection by a labour inspector or the authority. Its findings and score never change. */
export interface Inspection {
  id: string;
  enterpriseId: string;
  zoneId: string;
  /** `YYYY-MM-DD`. */
  conductedOn: string;
  /** The self-inspection period it is compared with (the period of `conductedOn` in the firm's schedule). */
  period: string;
  templateId: string;
  templateVersion: number;
  findings: Record<string, 'compliant' | 'partial' | 'non_compliant' | 'not_applicable'>;
  notes?: string;
  /** Per finding, what the inspector saw: a note and the ids of verified inspection photos (evidence of the firm). */
  observations?: Record<string, { note?: string; photoIds?: string[] }>;
  /** The score object as the scoring computed it (stored whole, items included). */
  score: StoredScore;
  inspectedBy: string;
  createdAt: string;
}

const fields = [
  'id',
  'enterpriseId',
  'zoneId',
  'conductedOn',
  'period',
  'templateId',
  'templateVersion',
  'findings',
  'notes',
  'observations',
  'score',
  'inspectedBy',
  'createdAt',
] as const;

const toInspection = (item: Record<string, unknown>): Inspection =>
  Object.fromEntries(
    fields.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]),
  ) as unknown as Inspection;

/**
 * Records an inspection with an audit entry and `actionWrites` (the actions its findings raise) in the same
 * transaction. ConflictError `actions_changed` when the firm's actions changed since they were read.
 */
export async function createInspection(
  ctx: DbContext,
  inspection: Inspection,
  actionWrites: TransactItem[] = [],
  auditDetails: Record<string, unknown> = {},
): Promise<Inspection> {
  await transactWrite(
    ctx,
    [
      {
        Put: {
          TableName: ctx.tableName,
          Item: {
            ...keys.inspection(inspection.enterpriseId, inspection.conductedOn, inspection.id),
            type: 'inspection',
            ...inspection,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(ctx.tableName, keys.enterprise(inspection.enterpriseId).pk, {
        actor: inspection.inspectedBy,
        action: 'inspection.record',
        target: inspection.id,
        at: inspection.createdAt,
        details: { conductedOn: inspection.conductedOn, total: inspection.score.total, ...auditDetails },
      }),
      ...actionWrites,
    ],
    (index) =>
      index >= 2
        ? new ConflictError('actions_changed', "the firm's actions changed meanwhile; record again")
        : new ConflictError('inspection_exists', `inspection ${inspection.id} is already recorded`),
  );
  return inspection;
}

/** An enterprise's inspections, the most recently conducted first. */
export function listInspections(
  ctx: DbContext,
  query: { enterpriseId: string; limit: number; cursor?: string | undefined },
): Promise<Page<Inspection>> {
  return queryPage(
    ctx,
    {
      partition: keys.enterprise(query.enterpriseId).pk,
      sortBeginsWith: keys.inspectionPrefix,
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
    },
    toInspection,
  );
}

/** The enterprise's most recently conducted inspection, or undefined. */
export async function getLatestInspection(
  ctx: DbContext,
  enterpriseId: string,
): Promise<Inspection | undefined> {
  const page = await listInspections(ctx, { enterpriseId, limit: 1 });
  return page.items[0];
}

/** The total of the latest submitted self-assessment, or undefined when the firm never submitted one. */
export async function getLatestSelfScore(
  ctx: DbContext,
  enterpriseId: string,
): Promise<{ period: string; total: number; submittedAt: string } | undefined> {
  // A firm's periods are all of one kind, so the key order of `SCORE#<period>` is the time order.
  const { Items = [] } = await read(() =>
    ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.enterprise(enterpriseId).pk,
          ':prefix': keys.latestScorePrefix,
        },
        ScanIndexForward: false,
        Limit: 1,
      }),
    ),
  );
  const item = Items[0];
  return item
    ? { period: item.period as string, total: item.total as number, submittedAt: item.submittedAt as string }
    : undefined;
}

/** The scored items of a submitted self-check, as the credibility comparison reads them. */
export interface SelfCheckItems {
  total: number;
  assessmentId: string;
  items: Array<{ id: string; outcome: string; points: number; maxPoints: number }>;
}

/**
 * The submitted self-check of each period with its scored items: the latest-score items (one batch read) name
 * the assessments, whose scores are read in a second batch. Periods without a submission are absent.
 */
export async function getSelfChecks(
  ctx: DbContext,
  enterpriseId: string,
  periods: readonly string[],
): Promise<Map<string, SelfCheckItems>> {
  const latest = await batchGetItems(
    ctx,
    [...new Set(periods)].map((period) => keys.latestScore(enterpriseId, period)),
  );
  const assessments = await batchGetItems(
    ctx,
    latest.map((item) => keys.assessment(enterpriseId, item.assessmentId as string)),
  );
  const byId = new Map(assessments.map((item) => [item.id as string, item]));
  const checks = new Map<string, SelfCheckItems>();
  for (const item of latest) {
    const assessment = byId.get(item.assessmentId as string);
    const score = assessment?.score as { items?: SelfCheckItems['items'] } | undefined;
    checks.set(item.period as string, {
      total: item.total as number,
      assessmentId: item.assessmentId as string,
      items: score?.items ?? [],
    });
  }
  return checks;
}

/** The submitted self-score of an enterprise for each of these periods; periods without a submission are absent. */
export async function getSelfScores(
  ctx: DbContext,
  enterpriseId: string,
  periods: readonly string[],
): Promise<Map<string, number>> {
  const scores = new Map<string, number>();
  const items = await batchGetItems(
    ctx,
    [...new Set(periods)].map((period) => keys.latestScore(enterpriseId, period)),
  );
  for (const item of items) scores.set(item.period as string, item.total as number);
  return scores;
}
