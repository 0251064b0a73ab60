import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { ConflictError } from './errors';
import { keys } from './keys';
import { queryPage } from './query';
import { read, transactWrite } from './transact';

/** A declared work accident. Declarations are never changed; a correction would be a new record. */
export interface Accident {
  id: string;
  enterpriseId: string;
  zoneId: string;
  /** UTC timestamp. */
  occurredAt: string;
  /** The day in Vietnam, `YYYY-MM-DD`; its year is the statistics year. */
  occurredOn: string;
  severity: 'fatal' | 'serious' | 'minor';
  victims: number;
  fatalities: number;
  cause: string;
  description: string;
  declareImmediately: boolean;
  investigation: { days: number; dueOn: string; basis: { vi: string; en: string } };
  reportedAt: string;
  reportedBy: string;
}

/** A zone's accidents in one calendar year. */
export interface ZoneAccidentCounts {
  fatal: number;
  serious: number;
  minor: number;
  victims: number;
  fatalities: number;
}

const fields = [
  'id',
  'enterpriseId',
  'zoneId',
  'occurredAt',
  'occurredOn',
  'severity',
  'victims',
  'fatalities',
  'cause',
  'description',
  'declareImmediately',
  'investigation',
  'reportedAt',
  'reportedBy',
] as const;

const toAccident = (item: Record<string, unknown>): Accident =>
  Object.fromEntries(fields.map((name) => [name, item[name]])) as unknown as Accident;

/**
 * Records an accident and, in the same transaction, counts it in its zone's counters for the year it happened
 * (`fatal`, `serious` or `minor`, plus `victims` and `fatalities`), with an audit entry.
 */
export async function createAccident(ctx: DbContext, accident: Accident): Promise<Accident> {
  const year = accident.occurredOn.slice(0, 4);
  await transactWrite(
    ctx,
    [
      {
        Put: {
          TableName: ctx.tableName,
          Item: {
            ...keys.accident(accident.enterpriseId, accident.occurredAt, accident.id),
            type: 'accident',
            ...accident,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: ctx.tableName,
          Key: keys.zoneAccidents(accident.zoneId, year),
          UpdateExpression:
            'SET #type = :type, #zoneId = :zoneId, #year = :year ADD #severity :one, #victims :victims, #fatalities :fatalities',
          ExpressionAttributeNames: {
            '#type': 'type',
            '#zoneId': 'zoneId',
            '#year': 'year',
            '#severity': accident.severity,
            '#victims': 'victims',
            '#fatalities': 'fatalities',
          },
          ExpressionAttributeValues: {
            ':type': 'zone_accidents',
            ':zoneId': accident.zoneId,
            ':year': year,
            ':one': 1,
            ':victims': accident.victims,
            ':fatalities': accident.fatalities,
          },
        },
      },
      auditPut(ctx.tableName, keys.enterprise(accident.enterpriseId).pk, {
        actor: accident.reportedBy,
        action: 'accident.declare',
        target: accident.id,
        at: accident.reportedAt,
        details: { severity: accident.severity, victims: accident.victims, fatalities: accident.fatalities },
      }),
    ],
    () => new ConflictError('accident_exists', `accident ${accident.id} is already recorded`),
  );
  return accident;
}

/** An enterprise's accidents, the most recent occurrence first. */
export function listAccidents(
  ctx: DbContext,
  query: { enterpriseId: string; limit: number; cursor?: string | undefined },
): Promise<Page<Accident>> {
  return queryPage(
    ctx,
    {
      partition: keys.enterprise(query.enterpriseId).pk,
      sortBeginsWith: keys.accidentPrefix,
      limit: query.limit,
      cursor: query.cursor,
      newestFirst: true,
    },
    toAccident,
  );
}

/** An enterprise's fatal and serious accidents that occurred on or after `since` (`YYYY-MM-DD`, UTC), oldest first. */
export async function listGraveAccidentsSince(
  ctx: DbContext,
  enterpriseId: string,
  since: string,
): Promise<Accident[]> {
  const accidents: Accident[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await read(() =>
      ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          FilterExpression: 'severity <> :minor',
          ExpressionAttributeValues: {
            ':pk': keys.enterprise(enterpriseId).pk,
            ':from': `${keys.accidentPrefix}${since}`,
            ':to': `${keys.accidentPrefix}\uffff`,
            ':minor': 'minor',
          },
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    accidents.push(...(page.Items ?? []).map(toAccident));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return accidents;
}

/** A zone's accident counters for a calendar year (zeros when none was declared). */
export async function getZoneAccidentCounts(
  ctx: DbContext,
  zoneId: string,
  year: string,
): Promise<ZoneAccidentCounts> {
  const { Item = {} } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.zoneAccidents(zoneId, year),
        ConsistentRead: true,
      }),
    ),
  );
  return toZoneAccidentCounts(Item);
}

/** A zone's accident counters from their item (zeros for what is missing). */
export function toZoneAccidentCounts(Item: Record<string, unknown>): ZoneAccidentCounts {
  const number = (name: string) => (typeof Item[name] === 'number' ? (Item[name] as number) : 0);
  return {
    fatal: number('fatal'),
    serious: number('serious'),
    minor: number('minor'),
    victims: number('victims'),
    fatalities: number('fatalities'),
  };
}

/**
 * Replaces a zone's accident counters for a year with `counts`, as recounted from the declarations: the repair
 * for data written before the counters were kept (the backfill job). Not for requests.
 */
export async function putZoneAccidentCounts(
  ctx: DbContext,
  zoneId: string,
  year: string,
  counts: ZoneAccidentCounts,
): Promise<void> {
  await read(() =>
    ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...keys.zoneAccidents(zoneId, year), type: 'zone_accidents', zoneId, year, ...counts },
      }),
    ),
  );
}

/**
 * An enterprise's accidents whose day in Vietnam falls between `from` and `to` (`YYYY-MM-DD`, inclusive), oldest
 * first. The sort key is the UTC instant, so the read starts a day early and keeps the days asked for.
 */
export async function listAccidentsOccurredBetween(
  ctx: DbContext,
  enterpriseId: string,
  from: string,
  to: string,
): Promise<Accident[]> {
  const accidents: Accident[] = [];
  const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await read(() =>
      ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.enterprise(enterpriseId).pk,
            ':from': `${keys.accidentPrefix}${dayBefore}`,
            ':to': `${keys.accidentPrefix}${to}\uffff`,
          },
          ExclusiveStartKey: startKey,
        }),
      ),
    );
    accidents.push(
      ...(page.Items ?? []).map(toAccident).filter((a) => a.occurredOn >= from && a.occurredOn <= to),
    );
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return accidents;
}
