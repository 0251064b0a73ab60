import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DbContext } from './client';
import { keys } from './keys';
import { createTestDb, localClientConfig } from './local';
import { projectionOf, tableDefinition } from './table';

let ctx: DbContext;

beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
});

describe('the table as the local bootstrap makes it', () => {
  it('projects each index as the definition says (what CDK deploys too)', async () => {
    const client = new DynamoDBClient(localClientConfig(inject('dynamoEndpoint')));
    const { Table } = await client.send(new DescribeTableCommand({ TableName: ctx.tableName }));
    client.destroy();
    const projections = Object.fromEntries(
      (Table?.GlobalSecondaryIndexes ?? []).map((index) => [
        index.IndexName,
        {
          type: index.Projection?.ProjectionType,
          attributes: [...(index.Projection?.NonKeyAttributes ?? [])].sort(),
        },
      ]),
    );
    expect(projections).toEqual({
      gsi1: { type: 'ALL', attributes: [] },
      gsi2: {
        type: 'INCLUDE',
        attributes: [
          'computedAt',
          'enterpriseId',
          'mustInclude',
          'name',
          'priority',
          'rating',
          'refreshedOn',
          'sectorCode',
          'snapshot',
          'submittedAt',
          'total',
          'zoneId',
        ],
      },
      gsi3: { type: 'ALL', attributes: [] },
    });
    const gsi2 = tableDefinition.globalSecondaryIndexes.find((index) => index.indexName === 'gsi2');
    expect(gsi2 && projectionOf(gsi2)).toEqual({
      type: 'INCLUDE',
      attributes: expect.arrayContaining(projections.gsi2?.attributes ?? []),
    });
  });

  it('keeps what no ranking reads out of gsi2: a score line comes back without its sections', async () => {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: {
          ...keys.latestScore('ent-1', '2026'),
          type: 'latest_score',
          gsi2pk: keys.zoneScores('zone-1', '2026'),
          gsi2sk: '0000000850#ent-1',
          enterpriseId: 'ent-1',
          zoneId: 'zone-1',
          period: '2026',
          assessmentId: 'asmt-1',
          name: 'Firm 1',
          sectorCode: 'C1010',
          headcount: 20,
          highRisk: false,
          total: 85,
          rating: 'A',
          sections: [{ id: 'S1', score: 90 }],
          submittedAt: '2026-11-30T00:00:00.000Z',
        },
      }),
    );
    const { Items } = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.zoneScores('zone-1', '2026') },
      }),
    );
    expect(Items).toEqual([
      {
        ...keys.latestScore('ent-1', '2026'),
        gsi2pk: keys.zoneScores('zone-1', '2026'),
        gsi2sk: '0000000850#ent-1',
        enterpriseId: 'ent-1',
        zoneId: 'zone-1',
        name: 'Firm 1',
        sectorCode: 'C1010',
        total: 85,
        rating: 'A',
        submittedAt: '2026-11-30T00:00:00.000Z',
      },
    ]);
  });
});
