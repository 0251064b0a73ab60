import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { toZoneAccidentCounts, type ZoneAccidentCounts } from './accidents';
import { type ActionCountDelta, toActionCounts } from './actions';
import { toZoneStats, type ZoneStats } from './assessments';
import { batchGetItems } from './batch';
import type { DbContext } from './client';
import { keys } from './keys';
import { toZoneEnterpriseCounts, type ZoneEnterpriseCounts } from './oversight';
import { read } from './transact';

/** One firm of a zone as its enterprise list holds it. */
export interface RosterFirm {
  enterpriseId: string;
  name: string;
  taxCode: string;
  sectorCode: string;
  highRisk: boolean;
  /** `YYYY-MM-DD` (UTC) of registration. */
  registeredOn: string;
}

/** A firm with its status for the period it owes (its current period, or the one asked for). */
export interface RosterEntry extends RosterFirm {
  period: string;
  status: 'submitted' | 'draft' | 'not_started';
  score: number | null;
  rating: 'A' | 'B' | 'C' | 'D' | null;
  submittedAt: string | null;
}

/** Every page of a query, with how many items it read (DynamoDB's `ScannedCount`). */
async function queryAll(
  ctx: DbContext,
  input: { index: 'gsi1' | 'gsi2'; partition: string; projection: string; names?: Record<string, string> },
): Promise<{ items: Array<Record<string, unknown>>; read: number }> {
  const items: Array<Record<string, unknown>> = [];
  let scanned = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await read(() =>
      ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          IndexName: input.index,
          KeyConditionExpression: `${input.index}pk = :pk`,
          ExpressionAttributeValues: { ':pk': input.partition },
          ProjectionExpression: input.projection,
          ...(input.names ? { ExpressionAttributeNames: input.names } : {}),
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    items.push(...(page.Items ?? []));
    scanned += page.ScannedCount ?? page.Items?.length ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { items, read: scanned };
}

/**
 * Every firm of a zone, whatever its schedule, with its status for the period `periodOf` gives it (firms for which
 * it gives `undefined` are left out). Reads the zone's enterprise list (gsi1, projected), the zone's score index
 * (gsi2) of each period asked for, and one period claim per firm that has not submitted (BatchGetItem):
 * `itemsRead` says how many items that was. It reads one zone's own partitions, never the table; a zone holds tens
 * to a few hundred firms, so the caller filters, sorts and pages in memory (see API.md, "Zone view").
 */
export async function listZoneRoster(
  ctx: DbContext,
  query: { zoneId: string; periodOf: (firm: RosterFirm) => string | undefined },
): Promise<{ entries: RosterEntry[]; itemsRead: number }> {
  const firms = await queryAll(ctx, {
    index: 'gsi1',
    partition: keys.enterprisesOfZone(query.zoneId),
    projection: 'id, #name, taxCode, sectorCode, highRisk, createdAt',
    names: { '#name': 'name' },
  });
  const owing = firms.items.flatMap((item) => {
    const firm: RosterFirm = {
      enterpriseId: item.id as string,
      name: item.name as string,
      taxCode: item.taxCode as string,
      sectorCode: item.sectorCode as string,
      highRisk: item.highRisk === true,
      registeredOn: String(item.createdAt).slice(0, 10),
    };
    const period = query.periodOf(firm);
    return period === undefined ? [] : [{ firm, period }];
  });
  const periods = [...new Set(owing.map((entry) => entry.period))];
  const scoreLists = await Promise.all(
    periods.map((period) =>
      queryAll(ctx, {
        index: 'gsi2',
        partition: keys.zoneScores(query.zoneId, period),
        // The period is the partition's own (gsi2 projects only what the score lines need: `scoreLineFields`).
        projection: 'enterpriseId, #total, rating, submittedAt',
        names: { '#total': 'total' },
      }),
    ),
  );
  const scores = new Map<string, Record<string, unknown>>();
  scoreLists.forEach((list, index) => {
    for (const item of list.items) scores.set(`${item.enterpriseId}|${periods[index]}`, item);
  });
  const unsubmitted = owing.filter(({ firm, period }) => !scores.has(`${firm.enterpriseId}|${period}`));
  const claims = await batchGetItems(
    ctx,
    unsubmitted.map(({ firm, period }) => keys.assessmentPeriod(firm.enterpriseId, period)),
  );
  const started = new Set(claims.map((item) => `${item.pk}|${item.sk}`));
  const entries = owing.map(({ firm, period }): RosterEntry => {
    const score = scores.get(`${firm.enterpriseId}|${period}`);
    if (score) {
      return {
        ...firm,
        period,
        status: 'submitted',
        score: score.total as number,
        rating: score.rating as RosterEntry['rating'],
        submittedAt: score.submittedAt as string,
      };
    }
    const claim = keys.assessmentPeriod(firm.enterpriseId, period);
    return {
      ...firm,
      period,
      status: started.has(`${claim.pk}|${claim.sk}`) ? 'draft' : 'not_started',
      score: null,
      rating: null,
      submittedAt: null,
    };
  });
  const itemsRead = firms.read + scoreLists.reduce((sum, list) => sum + list.read, 0) + unsubmitted.length;
  return { entries, itemsRead };
}

/** A zone's kept counters for several periods, as one city or trend view needs them. */
export interface ZoneCounters {
  zoneId: string;
  registrations: ZoneEnterpriseCounts;
  /** Period → the zone's counters for it (zeros when nothing happened). */
  stats: Record<string, ZoneStats>;
  /** Year → the zone's accident counters. */
  accidents: Record<string, ZoneAccidentCounts>;
  actions: ActionCountDelta;
}

/**
 * The kept counters of these zones for these periods and years, in BatchGetItem calls of 100 keys (no query, no
 * scan): per zone its registrations, its action counters, one stats item per period and one accident item per
 * year. A city of Z zones asking for P periods and Y years reads at most Z × (2 + P + Y) items.
 */
export async function getZoneCounters(
  ctx: DbContext,
  query: { zoneIds: readonly string[]; periods: readonly string[]; years: readonly string[] },
): Promise<ZoneCounters[]> {
  const wanted = query.zoneIds.flatMap((zoneId) => [
    keys.zoneEnterpriseCounts(zoneId),
    keys.zoneActionCounts(zoneId),
    ...query.periods.map((period) => keys.zoneStats(zoneId, period)),
    ...query.years.map((year) => keys.zoneAccidents(zoneId, year)),
  ]);
  const found = new Map((await batchGetItems(ctx, wanted)).map((item) => [`${item.pk}|${item.sk}`, item]));
  const itemOf = (key: { pk: string; sk: string }) => found.get(`${key.pk}|${key.sk}`) ?? {};
  return query.zoneIds.map((zoneId) => ({
    zoneId,
    registrations: toZoneEnterpriseCounts(itemOf(keys.zoneEnterpriseCounts(zoneId))),
    stats: Object.fromEntries(
      query.periods.map((period) => [period, toZoneStats(itemOf(keys.zoneStats(zoneId, period)))]),
    ),
    accidents: Object.fromEntries(
      query.years.map((year) => [year, toZoneAccidentCounts(itemOf(keys.zoneAccidents(zoneId, year)))]),
    ),
    actions: toActionCounts(itemOf(keys.zoneActionCounts(zoneId))),
  }));
}
