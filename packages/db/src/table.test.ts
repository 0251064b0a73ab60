import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listActionsDueOn, markActionOverdue } from './actions';
import type { DbContext } from './client';
import { listEvidenceExpiringOn, listSelfChecksDueOn } from './evidence';
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
      gsi3: {
        type: 'INCLUDE',
        attributes: [
          'dueOn',
          'enterpriseId',
          'expiresOn',
          'fileName',
          'id',
          'kind',
          'name',
          'selfCheckDueOn',
          'sourceId',
          'title',
          'zoneId',
        ],
      },
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

describe('gsi3: what the daily jobs read by day, and nothing more', () => {
  const put = (item: Record<string, unknown>) =>
    ctx.doc.send(new PutCommand({ TableName: ctx.tableName, Item: item }));

  it('answers each of its queries from the index alone, without the records’ bodies', async () => {
    const body = 'x'.repeat(2000);
    await put({
      ...keys.evidence('ent-g3', 'ev-1'),
      type: 'evidence',
      id: 'ev-1',
      enterpriseId: 'ent-g3',
      zoneId: 'zone-g3',
      kind: 'training_certificate',
      fileName: 'cert.pdf',
      expiresOn: '2031-01-02',
      sha256: body,
      gsi3pk: keys.evidenceExpiry('2031-01-02'),
      gsi3sk: 'ent-g3#ev-1',
    });
    await put({
      ...keys.enterprise('ent-g3'),
      type: 'enterprise',
      id: 'ent-g3',
      zoneId: 'zone-g3',
      name: 'Firm G3',
      taxCode: '0101',
      address: body,
      selfCheckDueOn: '2031-01-02',
      gsi3pk: keys.selfCheckDue('2031-01-02'),
      gsi3sk: 'ent-g3',
    });
    await put({
      ...keys.action('ent-g3', 'act-1'),
      type: 'action',
      id: 'act-1',
      enterpriseId: 'ent-g3',
      zoneId: 'zone-g3',
      title: { vi: 'Sửa', en: 'Fix' },
      description: { vi: body, en: body },
      status: 'open',
      dueOn: '2031-01-02',
      gsi3pk: keys.actionDue('2031-01-02'),
      gsi3sk: 'ent-g3#act-1',
    });
    expect(await listEvidenceExpiringOn(ctx, '2031-01-02')).toEqual([
      {
        id: 'ev-1',
        enterpriseId: 'ent-g3',
        kind: 'training_certificate',
        fileName: 'cert.pdf',
        expiresOn: '2031-01-02',
      },
    ]);
    expect(await listSelfChecksDueOn(ctx, '2031-01-02')).toEqual([
      { enterpriseId: 'ent-g3', zoneId: 'zone-g3', name: 'Firm G3', selfCheckDueOn: '2031-01-02' },
    ]);
    const due = await listActionsDueOn(ctx, '2031-01-02');
    expect(due).toEqual([
      {
        id: 'act-1',
        enterpriseId: 'ent-g3',
        zoneId: 'zone-g3',
        title: { vi: 'Sửa', en: 'Fix' },
        dueOn: '2031-01-02',
      },
    ]);
    // What the index returns is enough for the overdue job's conditional write.
    expect(await markActionOverdue(ctx, due[0] as (typeof due)[number])).toBe(true);
  });
});
