import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut } from './audit';
import type { DbContext } from './client';
import { ConflictError } from './errors';
import { transactWithFirmYear } from './firm-years';
import { keys } from './keys';
import { queryAll } from './query';
import { read } from './transact';

/** An enterprise's annual figures that no record holds, as entered (the schema lives in `@antoan/schemas`). */
export interface AnnualData {
  enterpriseId: string;
  year: string;
  /** 0 while nothing was entered. */
  version: number;
  data: Record<string, unknown>;
  updatedAt?: string;
  updatedBy?: string;
}

/** The annual figures of an enterprise and year (`version` 0 and `{}` when nothing was entered). */
export async function getAnnualData(ctx: DbContext, enterpriseId: string, year: string): Promise<AnnualData> {
  const { Item } = await read(() =>
    ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: keys.annualData(enterpriseId, year),
        ConsistentRead: true,
      }),
    ),
  );
  if (!Item) return { enterpriseId, year, version: 0, data: {} };
  return { ...toAnnualData(enterpriseId, Item), year };
}

const toAnnualData = (enterpriseId: string, item: Record<string, unknown>): AnnualData => ({
  enterpriseId,
  year: String(item.year),
  version: item.version as number,
  data: item.data as Record<string, unknown>,
  updatedAt: item.updatedAt as string,
  updatedBy: item.updatedBy as string,
});

/** Every year's annual figures an enterprise entered (its own partition, `ANNUAL#`), oldest year first. */
export function listAnnualData(ctx: DbContext, enterpriseId: string): Promise<AnnualData[]> {
  return queryAll(ctx, { partition: keys.enterprise(enterpriseId).pk, sortBeginsWith: 'ANNUAL#' }, (item) =>
    toAnnualData(enterpriseId, item),
  );
}

/**
 * Replaces the annual figures if `expectedVersion` is the stored one (0: none stored yet), else ConflictError
 * `stale_version`. The year's headcount and hazardous-job workers it declares (null: none) move the zone's
 * report counters by the difference in the same transaction, with an audit entry.
 */
export async function putAnnualData(
  ctx: DbContext,
  change: {
    enterpriseId: string;
    year: string;
    expectedVersion: number;
    data: Record<string, unknown>;
    headcount: number | null;
    hazardous: number | null;
    /** Whether the year's Appendix II report has nothing missing with these figures. */
    reportComplete: boolean;
    actor: string;
    at: string;
  },
): Promise<AnnualData> {
  const version = change.expectedVersion + 1;
  await transactWithFirmYear(
    ctx,
    { enterpriseId: change.enterpriseId, year: change.year },
    (before) => ({
      ...before,
      annualHeadcount: change.headcount,
      annualHazardous: change.hazardous,
      reportComplete: change.reportComplete,
    }),
    [
      {
        Put: {
          TableName: ctx.tableName,
          Item: {
            ...keys.annualData(change.enterpriseId, change.year),
            type: 'annual_data',
            enterpriseId: change.enterpriseId,
            year: change.year,
            version,
            data: change.data,
            updatedAt: change.at,
            updatedBy: change.actor,
          },
          ...(change.expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': change.expectedVersion },
              }),
        },
      },
      auditPut(ctx.tableName, keys.enterprise(change.enterpriseId).pk, {
        actor: change.actor,
        action: 'annual_data.put',
        target: `${change.enterpriseId}/${change.year}`,
        at: change.at,
        details: { version },
      }),
    ],
    () =>
      new ConflictError(
        'stale_version',
        `annual data ${change.year} is not at version ${change.expectedVersion}`,
      ),
  );
  return {
    enterpriseId: change.enterpriseId,
    year: change.year,
    version,
    data: change.data,
    updatedAt: change.at,
    updatedBy: change.actor,
  };
}
