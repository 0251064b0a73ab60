import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DbContext } from './client';
import {
  createInspection,
  getLatestInspection,
  getLatestSelfScore,
  getSelfScores,
  type Inspection,
  listInspections,
} from './inspections';
import { keys } from './keys';
import { createTestDb } from './local';

let ctx: DbContext;
beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
  for (const [period, total] of [
    ['2025-H2', 71],
    ['2026-H1', 88.5],
  ] as const) {
    await ctx.doc.send(
      new PutCommand({
        TableName: ctx.tableName,
        Item: { ...keys.latestScore('e1', period), period, total, submittedAt: '2026-06-01T00:00:00.000Z' },
      }),
    );
  }
});

const inspection = (id: string, conductedOn: string): Inspection => ({
  id,
  enterpriseId: 'e1',
  zoneId: 'z1',
  conductedOn,
  period: '2026-H1',
  templateId: 't',
  templateVersion: 1,
  findings: { A: 'compliant' },
  score: { total: 60, rating: 'C', sections: [] },
  inspectedBy: 'insp',
  createdAt: '2026-11-28T00:00:00.000Z',
});

describe('inspections', () => {
  it('lists an enterprise’s inspections by the day they were conducted, latest first', async () => {
    await createInspection(ctx, inspection('i2', '2026-05-10'));
    await createInspection(ctx, inspection('i1', '2026-02-01'));
    expect((await listInspections(ctx, { enterpriseId: 'e1', limit: 10 })).items.map((i) => i.id)).toEqual([
      'i2',
      'i1',
    ]);
    expect((await getLatestInspection(ctx, 'e1'))?.id).toBe('i2');
    expect(await getLatestInspection(ctx, 'e2')).toBeUndefined();
    await expect(createInspection(ctx, inspection('i1', '2026-02-01'))).rejects.toMatchObject({
      code: 'inspection_exists',
    });
  });

  it('reads the self-scores the credibility gap compares with', async () => {
    expect(await getLatestSelfScore(ctx, 'e1')).toMatchObject({ period: '2026-H1', total: 88.5 });
    expect(await getLatestSelfScore(ctx, 'e2')).toBeUndefined();
    expect(await getSelfScores(ctx, 'e1', ['2026-H1', '2026-H2', '2026-H1'])).toEqual(
      new Map([['2026-H1', 88.5]]),
    );
  });
});
