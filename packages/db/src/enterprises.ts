import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import { batchGetItems } from './batch';
import type { DbContext } from './client';
import type { Page } from './cursor';
import { ConflictError, MissingReferenceError } from './errors';
import { keys, sortableName } from './keys';
import { zoneEnterpriseCountUpdate } from './oversight';
import { queryPage } from './query';
import { read, transactWrite } from './transact';

/** Workforce breakdown by the special groups the law protects. */
export interface WorkforceRecord {
  women: number;
  minors: number;
  disabled: number;
  elderly: number;
  hazardous: number;
}

/** An enterprise's profile: the facts that decide its obligations. */
export interface Enterprise {
  id: string;
  taxCode: string;
  name: string;
  zoneId: string;
  sectorCode: string;
  highRisk: boolean;
  headcount: number;
  workforce: WorkforceRecord;
  strictEquipmentCount?: number;
  /** Profile facts the sector does not tell (`strict_osh_jobs`, `ammonia_refrigeration`). */
  flags?: Array<'strict_osh_jobs' | 'ammonia_refrigeration'>;
  createdAt: string;
  /** The day of the latest submitted self-assessment (set by `submitAssessment`). */
  lastSubmittedOn?: string;
  /** The last day of the period whose self-inspection is owed next; indexed on gsi3 for the reminder job. */
  selfCheckDueOn?: string;
  /** Where reminders are e-mailed on AWS (the OSH officer's address). */
  contactEmail?: string;
  /**
   * The zone's name, copied from the zone when the firm is registered so its profile reads one item. It cannot
   * drift: a zone is never renamed (no route or access function changes a zone) and a firm never changes zone.
   * Absent on firms registered before the copy was kept, until the backfill fills it.
   */
  zoneName?: string;
}

/** gsi3 keys that let the daily job find the firms whose self-inspection falls due on a given day. */
export function selfCheckDueKeys(dueOn: string, enterpriseId: string) {
  return { gsi3pk: keys.selfCheckDue(dueOn), gsi3sk: enterpriseId };
}

const toEnterprise = (item: Record<string, unknown>): Enterprise => {
  const enterprise: Enterprise = {
    id: item.id as string,
    taxCode: item.taxCode as string,
    name: item.name as string,
    zoneId: item.zoneId as string,
    sectorCode: item.sectorCode as string,
    highRisk: item.highRisk as boolean,
    headcount: item.headcount as number,
    workforce: item.workforce as WorkforceRecord,
    createdAt: item.createdAt as string,
  };
  if (typeof item.strictEquipmentCount === 'number')
    enterprise.strictEquipmentCount = item.strictEquipmentCount;
  if (Array.isArray(item.flags)) enterprise.flags = item.flags as NonNullable<Enterprise['flags']>;
  if (typeof item.lastSubmittedOn === 'string') enterprise.lastSubmittedOn = item.lastSubmittedOn;
  if (typeof item.selfCheckDueOn === 'string') enterprise.selfCheckDueOn = item.selfCheckDueOn;
  if (typeof item.contactEmail === 'string') enterprise.contactEmail = item.contactEmail;
  if (typeof item.zoneName === 'string') enterprise.zoneName = item.zoneName;
  return enterprise;
};

/**
 * Registers an enterprise. The tax code is claimed by a uniqueness item in the same transaction, so of
 * several concurrent creates exactly one wins (ConflictError `tax_code_taken`); the zone must exist, and carry
 * the name the record copies when it has `zoneName` (so the copy equals the zone's name when written).
 */
export async function createEnterprise(
  ctx: DbContext,
  enterprise: Enterprise,
  actor: string,
): Promise<Enterprise> {
  const { pk } = keys.enterprise(enterprise.id);
  await transactWrite(
    ctx,
    [
      {
        Put: {
          TableName: ctx.tableName,
          Item: {
            ...keys.enterprise(enterprise.id),
            type: 'enterprise',
            gsi1pk: keys.enterprisesOfZone(enterprise.zoneId),
            gsi1sk: `${sortableName(enterprise.name)}#${enterprise.id}`,
            ...(enterprise.selfCheckDueOn === undefined
              ? {}
              : selfCheckDueKeys(enterprise.selfCheckDueOn, enterprise.id)),
            ...enterprise,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: ctx.tableName,
          Item: { ...keys.taxCode(enterprise.taxCode), type: 'unique', owner: enterprise.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        ConditionCheck: {
          TableName: ctx.tableName,
          Key: keys.zone(enterprise.zoneId),
          ...(enterprise.zoneName === undefined
            ? { ConditionExpression: 'attribute_exists(pk)' }
            : {
                ConditionExpression: 'attribute_exists(pk) AND #name = :zoneName',
                ExpressionAttributeNames: { '#name': 'name' },
                ExpressionAttributeValues: { ':zoneName': enterprise.zoneName },
              }),
        },
      },
      auditPut(ctx.tableName, pk, {
        actor,
        action: 'enterprise.create',
        target: enterprise.id,
        at: enterprise.createdAt,
      }),
      zoneEnterpriseCountUpdate(ctx.tableName, enterprise),
    ],
    (index) =>
      index === 2
        ? new MissingReferenceError(
            'zoneId',
            enterprise.zoneName === undefined
              ? `zone ${enterprise.zoneId} does not exist`
              : `zone ${enterprise.zoneId} does not exist under the name ${enterprise.zoneName}`,
          )
        : new ConflictError('tax_code_taken', `tax code ${enterprise.taxCode} is already registered`),
  );
  return enterprise;
}

/** One enterprise by id, or undefined. */
export async function getEnterprise(ctx: DbContext, enterpriseId: string): Promise<Enterprise | undefined> {
  const { Item } = await read(() =>
    ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.enterprise(enterpriseId) })),
  );
  return Item ? toEnterprise(Item) : undefined;
}

/**
 * The names of the enterprises with these ids (one batch read per 100); unknown ids are absent. For
 * lists that name firms beside their people (`GET /v1/users`).
 */
export async function getEnterpriseNames(
  ctx: DbContext,
  enterpriseIds: readonly string[],
): Promise<Map<string, string>> {
  const items = await batchGetItems(
    ctx,
    [...new Set(enterpriseIds)].map((id) => keys.enterprise(id)),
  );
  return new Map(items.map((item) => [item.id as string, item.name as string]));
}

/**
 * Copies the zone's name onto a firm registered before the copy was kept (the backfill); false when the firm is
 * gone. Only the firm record changes; its index entries do not hold the name.
 */
export async function setEnterpriseZoneName(
  ctx: DbContext,
  enterpriseId: string,
  zoneName: string,
): Promise<boolean> {
  try {
    await ctx.doc.send(
      new UpdateCommand({
        TableName: ctx.tableName,
        Key: keys.enterprise(enterpriseId),
        UpdateExpression: 'SET zoneName = :zoneName',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':zoneName': zoneName },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** The enterprises of a zone, by name. */
export function listEnterprisesInZone(
  ctx: DbContext,
  query: { zoneId: string; limit: number; cursor?: string | undefined },
): Promise<Page<Enterprise>> {
  return queryPage(
    ctx,
    {
      index: 'gsi1',
      partition: keys.enterprisesOfZone(query.zoneId),
      limit: query.limit,
      cursor: query.cursor,
    },
    toEnterprise,
  );
}
