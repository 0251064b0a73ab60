import { GetCommand, PutCommand, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { toZoneAccidentCounts } from './accidents';
import { toActionCounts } from './actions';
import { toZoneStats } from './assessments';
import { batchGetItems } from './batch';
import type { DbContext } from './client';
import type { Enterprise } from './enterprises';
import { InvalidCursorError } from './errors';
import { toZoneReportCounters, type ZoneReportCounters } from './firm-years';
import { keys } from './keys';
import { read, type TransactItem } from './transact';
import { toZone } from './zones';

/** Registrations of a zone by risk group and month (`YYYY-MM` of `createdAt`). */
export interface ZoneEnterpriseCounts {
  highRisk: Record<string, number>;
  regular: Record<string, number>;
}

const counterName = (enterprise: Pick<Enterprise, 'highRisk' | 'createdAt'>) =>
  `${enterprise.highRisk ? 'highRisk' : 'regular'}#${enterprise.createdAt.slice(0, 7)}`;

/**
 * The action that counts a new enterprise in its zone's registrations, for `createEnterprise`'s transaction:
 * one counter per risk group and month, so a dashboard can tell which firms a period is owed by.
 */
export function zoneEnterpriseCountUpdate(
  tableName: string,
  enterprise: Pick<Enterprise, 'zoneId' | 'highRisk' | 'createdAt' | 'headcount' | 'workforce'>,
): TransactItem {
  return {
    Update: {
      TableName: tableName,
      Key: keys.zoneEnterpriseCounts(enterprise.zoneId),
      // The zone's total headcount and hazardous-job workers are the report's denominators (firm-years.ts).
      UpdateExpression:
        'SET #type = :type, #zoneId = :zoneId ADD #count :one, #headcount :headcount, #hazardous :hazardous',
      ExpressionAttributeNames: {
        '#type': 'type',
        '#zoneId': 'zoneId',
        '#count': counterName(enterprise),
        '#headcount': 'headcount',
        '#hazardous': 'hazardous',
      },
      ExpressionAttributeValues: {
        ':type': 'zone_enterprises',
        ':zoneId': enterprise.zoneId,
        ':one': 1,
        ':headcount': enterprise.headcount,
        ':hazardous': enterprise.workforce.hazardous,
      },
    },
  };
}

/** A zone's registrations (empty when no firm was registered). */
export async function getZoneEnterpriseCounts(ctx: DbContext, zoneId: string): Promise<ZoneEnterpriseCounts> {
  const { Item = {} } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.zoneEnterpriseCounts(zoneId),
        ConsistentRead: true,
      }),
    ),
  );
  return toZoneEnterpriseCounts(Item);
}

/** A zone's registration counters from their item. */
export function toZoneEnterpriseCounts(Item: Record<string, unknown>): ZoneEnterpriseCounts {
  const counts: ZoneEnterpriseCounts = { highRisk: {}, regular: {} };
  for (const [name, value] of Object.entries(Item)) {
    const match = name.match(/^(highRisk|regular)#(\d{4}-\d{2})$/);
    if (match?.[2] && typeof value === 'number') counts[match[1] as 'highRisk' | 'regular'][match[2]] = value;
  }
  return counts;
}

/**
 * Everything a zone's dashboard reads, in ONE BatchGetItem (consistent): the zone, its registration counters, its
 * counters for the period and the one before, its accident and report counters for the year and its action counters. `zone` is undefined when the
 * zone does not exist.
 */
export async function getZoneDashboardItems(
  ctx: DbContext,
  query: { zoneId: string; period: string; previousPeriod: string; year: string },
) {
  const wanted = {
    zone: keys.zone(query.zoneId),
    registrations: keys.zoneEnterpriseCounts(query.zoneId),
    current: keys.zoneStats(query.zoneId, query.period),
    previous: keys.zoneStats(query.zoneId, query.previousPeriod),
    accidents: keys.zoneAccidents(query.zoneId, query.year),
    actions: keys.zoneActionCounts(query.zoneId),
  };
  const items = await batchGetItems(ctx, [...Object.values(wanted), keys.zoneYear(query.zoneId, query.year)]);
  const found = new Map(items.map((item) => [`${item.pk}|${item.sk}`, item]));
  const itemOf = (key: { pk: string; sk: string }) => found.get(`${key.pk}|${key.sk}`);
  const zone = itemOf(wanted.zone);
  return {
    /** The zone's report counters for `year` (the same items {@link getZoneReportCounters} reads). */
    report: toZoneReportCounters(items, [query.zoneId], [query.year])[0] as ZoneReportCounters,
    zone: zone ? toZone(zone) : undefined,
    registrations: toZoneEnterpriseCounts(itemOf(wanted.registrations) ?? {}),
    current: toZoneStats(itemOf(wanted.current) ?? {}),
    previous: toZoneStats(itemOf(wanted.previous) ?? {}),
    accidents: toZoneAccidentCounts(itemOf(wanted.accidents) ?? {}),
    actions: toActionCounts(itemOf(wanted.actions) ?? {}),
  };
}

/**
 * Recounts a zone's registrations from its enterprise list and stores them: a repair for data written before
 * the counters existed (the local platform's seed runs it). Reads the whole zone, so it is not for requests.
 */
export async function rebuildZoneEnterpriseCounts(
  ctx: DbContext,
  zoneId: string,
): Promise<ZoneEnterpriseCounts> {
  const counts: Record<string, number> = {};
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await read(() =>
      ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.enterprisesOfZone(zoneId) },
          ProjectionExpression: 'highRisk, createdAt, headcount, workforce',
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      const name = counterName(item as Pick<Enterprise, 'highRisk' | 'createdAt'>);
      counts[name] = (counts[name] ?? 0) + 1;
      counts.headcount = (counts.headcount ?? 0) + (item.headcount as number);
      counts.hazardous =
        (counts.hazardous ?? 0) + ((item.workforce as { hazardous?: number } | undefined)?.hazardous ?? 0);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await read(() =>
    ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...keys.zoneEnterpriseCounts(zoneId), type: 'zone_enterprises', zoneId, ...counts },
      }),
    ),
  );
  return getZoneEnterpriseCounts(ctx, zoneId);
}

/** What a firm's line in the score index (gsi2) gives the zone's list, beside its name and sector. */
export const scoreLineFields = [
  'enterpriseId',
  'name',
  'sectorCode',
  'total',
  'rating',
  'submittedAt',
] as const;

/** One firm of a zone's list for a period: scored firms carry their score, the others their status only. */
export interface ZoneFirm {
  enterpriseId: string;
  name: string;
  sectorCode: string;
  score: number | null;
  rating: 'A' | 'B' | 'C' | 'D' | null;
  status: 'submitted' | 'draft' | 'not_started';
  submittedAt: string | null;
}

/** Which firms owe the period, for the part of the list that has not submitted. */
export interface OwedBy {
  highRisk: boolean;
  /** `YYYY-MM-DD`: firms registered after this day do not owe the period. */
  registeredBy: string;
}

type Key = Record<string, string>;
/** Where a page of the zone's list resumes: which part, and after which item (none: from the part's start). */
interface ZoneFirmCursor {
  list: string;
  phase: 'scored' | 'unscored';
  after?: Key;
}

function encodeZoneFirmCursor(cursor: ZoneFirmCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Decodes a cursor, checking it was issued for this very list and points into the partition its part reads. */
function decodeZoneFirmCursor(
  text: string,
  list: string,
  partitions: Record<ZoneFirmCursor['phase'], { name: string; value: string }>,
): ZoneFirmCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new InvalidCursorError('cursor is not one this service issued', { cause });
  }
  const cursor = value as Partial<ZoneFirmCursor> | null;
  const phase = cursor?.phase;
  const after = cursor?.after;
  const validAfter =
    after === undefined ||
    (typeof after === 'object' &&
      after !== null &&
      Object.values(after).every((part) => typeof part === 'string') &&
      phase !== undefined &&
      after[partitions[phase].name] === partitions[phase].value);
  if (cursor?.list !== list || (phase !== 'scored' && phase !== 'unscored') || !validAfter) {
    throw new InvalidCursorError('cursor is not one this service issued for this list');
  }
  return after === undefined ? { list, phase } : { list, phase, after };
}

/** The table and index key of an item, to resume a query right after it. */
const resumeKey = (item: Record<string, unknown>, index: 'gsi1' | 'gsi2'): Key => ({
  pk: item.pk as string,
  sk: item.sk as string,
  [`${index}pk`]: item[`${index}pk`] as string,
  [`${index}sk`]: item[`${index}sk`] as string,
});

/**
 * A zone's firms for a period: first the firms that submitted, by score (`asc`: lowest first; ties by id) from
 * the score index (gsi2), then the firms that owe the period and have not submitted, by name, from the zone's
 * enterprise list (gsi1), with their status (`draft` or `not_started`). The cursor says which part it is in and
 * where to resume, so every firm comes exactly once while nothing changes between pages.
 */
export async function listZoneFirms(
  ctx: DbContext,
  query: {
    zoneId: string;
    period: string;
    order: 'asc' | 'desc';
    owedBy: OwedBy;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ items: ZoneFirm[]; nextCursor: string | null }> {
  const list = `zone-firms:${query.zoneId}:${query.period}:${query.order}`;
  const scoresPartition = keys.zoneScores(query.zoneId, query.period);
  const firmsPartition = keys.enterprisesOfZone(query.zoneId);
  const start =
    query.cursor === undefined
      ? { list, phase: 'scored' as const }
      : decodeZoneFirmCursor(query.cursor, list, {
          scored: { name: 'gsi2pk', value: scoresPartition },
          unscored: { name: 'gsi1pk', value: firmsPartition },
        });
  const items: ZoneFirm[] = [];
  const cursorAt = (phase: ZoneFirmCursor['phase'], after?: Key) =>
    encodeZoneFirmCursor(after === undefined ? { list, phase } : { list, phase, after });

  if (start.phase === 'scored') {
    const page = await read(() =>
      ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': scoresPartition },
          ScanIndexForward: query.order === 'asc',
          Limit: query.limit,
          ExclusiveStartKey: start.after,
        }),
      ),
    );
    for (const item of page.Items ?? []) {
      items.push({
        enterpriseId: item.enterpriseId as string,
        name: item.name as string,
        sectorCode: item.sectorCode as string,
        score: item.total as number,
        rating: item.rating as ZoneFirm['rating'],
        status: 'submitted',
        submittedAt: item.submittedAt as string,
      });
    }
    const last = page.Items?.at(-1);
    if (page.LastEvaluatedKey && last)
      return { items, nextCursor: cursorAt('scored', resumeKey(last, 'gsi2')) };
  }

  let after = start.phase === 'unscored' ? start.after : undefined;
  for (;;) {
    const wanted = query.limit - items.length;
    if (wanted <= 0) return { items, nextCursor: cursorAt('unscored', after) };
    const page = await read(() =>
      ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': firmsPartition },
          Limit: wanted,
          ExclusiveStartKey: after,
        }),
      ),
    );
    const owing = (page.Items ?? []).filter(
      (item) =>
        item.highRisk === query.owedBy.highRisk &&
        String(item.createdAt).slice(0, 10) <= query.owedBy.registeredBy,
    );
    const statuses = await periodStatuses(
      ctx,
      owing.map((item) => item.id as string),
      query.period,
    );
    for (const item of owing) {
      const status = statuses.get(item.id as string) ?? 'not_started';
      if (status === 'submitted') continue;
      items.push({
        enterpriseId: item.id as string,
        name: item.name as string,
        sectorCode: item.sectorCode as string,
        score: null,
        rating: null,
        status,
        submittedAt: null,
      });
    }
    const last = page.Items?.at(-1);
    if (!page.LastEvaluatedKey || !last) return { items, nextCursor: null };
    after = resumeKey(last, 'gsi1');
  }
}

/** Which of these firms submitted (a score item) or started (a period claim) an assessment for the period. */
async function periodStatuses(
  ctx: DbContext,
  enterpriseIds: readonly string[],
  period: string,
): Promise<Map<string, 'submitted' | 'draft'>> {
  const statuses = new Map<string, 'submitted' | 'draft'>();
  const items = await batchGetItems(
    ctx,
    enterpriseIds.flatMap((id) => [keys.latestScore(id, period), keys.assessmentPeriod(id, period)]),
  );
  for (const item of items) {
    const enterpriseId = String(item.pk).slice('ENT#'.length);
    if (String(item.sk).startsWith(keys.latestScorePrefix)) statuses.set(enterpriseId, 'submitted');
    else if (!statuses.has(enterpriseId)) statuses.set(enterpriseId, 'draft');
  }
  return statuses;
}
