import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Assessment,
  createAssessment,
  getAssessment,
  getDraftToSave,
  getZoneStats,
  listAssessments,
  saveAnswers,
  submitAssessment,
} from './assessments';
import { createDbContext, type DbContext } from './client';
import { createEnterprise, getEnterprise } from './enterprises';
import { getEvidenceFacts } from './evidence';
import { keys } from './keys';
import { createTestDb, localClientConfig } from './local';
import { createZone } from './zones';

let ctx: DbContext;
const at = '2026-11-28T03:00:00.000Z';
beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
  await createZone(ctx, { id: 'z1', code: 'Z1', name: 'Zone 1', createdAt: at }, 'seed');
  for (const id of ['e1', 'e2']) {
    await createEnterprise(
      ctx,
      {
        id,
        taxCode: id === 'e1' ? '1800000011' : '1800000012',
        name: `Firm ${id}`,
        zoneId: 'z1',
        sectorCode: 'C10',
        highRisk: false,
        headcount: 30,
        workforce: { women: 1, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
        createdAt: at,
      },
      'seed',
    );
  }
});

const draft = (id: string, period: string, enterpriseId = 'e1'): Assessment => ({
  id,
  enterpriseId,
  zoneId: 'z1',
  templateId: 't',
  templateVersion: 1,
  period,
  status: 'draft',
  version: 1,
  applicableItemIds: ['A', 'B'],
  answers: {},
  createdAt: at,
  createdBy: 'u1',
  updatedAt: at,
});

const score = (total: number, rating: 'A' | 'B' | 'C' | 'D') => ({
  total,
  rating,
  sections: [
    { id: 'S1', score: total },
    { id: 'S2', score: null },
  ],
});

describe('assessments', () => {
  it('creates one draft per period and lists newest first', async () => {
    await createAssessment(ctx, draft('a1', '2024'));
    await createAssessment(ctx, draft('a2', '2025'));
    await expect(createAssessment(ctx, draft('a3', '2025'))).rejects.toMatchObject({ code: 'period_taken' });
    expect(await getAssessment(ctx, 'e1', 'a3')).toBeUndefined();
    const page = await listAssessments(ctx, { enterpriseId: 'e1', limit: 10 });
    expect(page.items.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect((await getZoneStats(ctx, 'z1', '2025')).draft).toBe(1);
  });

  it('saves answers only against the current version of a draft', async () => {
    const change = { enterpriseId: 'e1', assessmentId: 'a2', actor: 'u1', at };
    await saveAnswers(ctx, { ...change, expectedVersion: 1, answers: { A: { value: 'compliant' } } });
    await expect(
      saveAnswers(ctx, { ...change, expectedVersion: 1, answers: { B: { value: 'partial' } } }),
    ).rejects.toMatchObject({ code: 'stale_version' });
    await saveAnswers(ctx, {
      ...change,
      expectedVersion: 2,
      answers: { B: { value: 'partial', note: 'n' } },
    });
    expect(await getAssessment(ctx, 'e1', 'a2')).toMatchObject({
      version: 3,
      answers: { A: { value: 'compliant' }, B: { value: 'partial', note: 'n' } },
    });
  });

  it('submits in one transaction: status, ranking item, counters, last submission day', async () => {
    const assessment = (await getAssessment(ctx, 'e1', 'a2')) as Assessment;
    const facts = { enterpriseName: 'Firm e1', sectorCode: 'C10', headcount: 30, highRisk: false };
    await submitAssessment(ctx, {
      assessment,
      score: score(82.5, 'B'),
      facts,
      nextDueOn: '2027-12-31',
      actor: 'u1',
      at,
    });
    expect(await getAssessment(ctx, 'e1', 'a2')).toMatchObject({
      status: 'submitted',
      version: 4,
      submittedAt: at,
    });
    expect(await getZoneStats(ctx, 'z1', '2025')).toEqual({
      draft: 0,
      submitted: 1,
      ratings: { A: 0, B: 1, C: 0, D: 0 },
      scoreSumTenths: 825,
      sections: { S1: { sumTenths: 825, count: 1 } },
    });
    expect(await getEnterprise(ctx, 'e1')).toMatchObject({
      lastSubmittedOn: '2026-11-28',
      selfCheckDueOn: '2027-12-31',
    });
    await expect(
      submitAssessment(ctx, {
        assessment,
        score: score(90, 'A'),
        facts,
        nextDueOn: '2027-12-31',
        actor: 'u1',
        at,
      }),
    ).rejects.toMatchObject({ code: 'already_submitted' });
    const late = {
      enterpriseId: 'e1',
      assessmentId: 'a2',
      answers: { A: { value: 'partial' } },
      actor: 'u1',
      at,
    } as const;
    // A save from the version the submit read loses to it.
    await expect(saveAnswers(ctx, { ...late, expectedVersion: 3 })).rejects.toMatchObject({
      code: 'already_submitted',
    });
    expect(await getAssessment(ctx, 'e1', 'a2')).toMatchObject({ answers: { A: { value: 'compliant' } } });
  });

  it('saves one small item per save, which is its audit entry too', async () => {
    await createAssessment(ctx, draft('a9', '2029'));
    const answers = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [
        `S1.${i}`,
        { value: 'compliant' as const, note: 'Đã kiểm tra tại xưởng' },
      ]),
    );
    const saved = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': 'ENT#e1', ':p': 'ASMT_ANSWERS#a9#' },
      }),
    );
    expect(saved.Items).toEqual([]);
    await saveAnswers(ctx, {
      enterpriseId: 'e1',
      assessmentId: 'a9',
      expectedVersion: 1,
      answers,
      actor: 'u9',
      at,
    });
    const after = await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': 'ENT#e1', ':p': 'ASMT_ANSWERS#a9#' },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(after.Items).toEqual([expect.objectContaining({ version: 2, actor: 'u9', at, answers })]);
    // Ten answers with notes fit in one 1 KB write unit.
    expect(JSON.stringify(after.Items?.[0]).length).toBeLessThan(1024);
    expect((await getAssessment(ctx, 'e1', 'a9'))?.version).toBe(2);
  });

  it('reads only the firm’s own evidence', async () => {
    const put = (enterpriseId: string, id: string) =>
      ctx.doc.send(
        new PutCommand({
          TableName: ctx.tableName,
          Item: {
            ...keys.evidence(enterpriseId, id),
            id,
            kind: 'osh_plan',
            status: 'verified',
            issuedOn: '2026-01-01',
          },
        }),
      );
    await put('e1', 'v1');
    await put('e2', 'v2');
    const found = await getEvidenceFacts(ctx, 'e1', ['v1', 'v2', 'nope']);
    expect([...found.keys()]).toEqual(['v1']);
  });
});

describe('a draft read for a save, eventually consistent', () => {
  /** The same table through a client whose eventually consistent reads lag: the newest save, or the draft, is missing. */
  function laggingContext(lag: { saves: number; head: boolean }): DbContext {
    const behind = createDbContext(ctx.tableName, localClientConfig(inject('dynamoEndpoint')));
    behind.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        const input = args.input as { ConsistentRead?: boolean };
        if (input.ConsistentRead) return result;
        const output = result.output as { Items?: unknown[]; Item?: unknown };
        if (context.commandName === 'QueryCommand' && output.Items)
          output.Items = output.Items.slice(0, Math.max(0, output.Items.length - lag.saves));
        if (context.commandName === 'GetItemCommand' && lag.head) output.Item = undefined;
        return result;
      },
      { step: 'initialize', name: 'replicaLag' },
    );
    return behind;
  }

  it('reads again, strongly, when the caller has seen a newer version than the replica', async () => {
    await createAssessment(ctx, draft('lag-1', '2031', 'e2'));
    for (const [version, item] of [
      [1, 'A'],
      [2, 'B'],
    ] as const)
      await saveAnswers(ctx, {
        enterpriseId: 'e2',
        assessmentId: 'lag-1',
        expectedVersion: version,
        answers: { [item]: { value: 'compliant' } },
        actor: 'u1',
        at,
      });
    const behind = laggingContext({ saves: 1, head: false });
    expect((await getAssessment(behind, 'e2', 'lag-1', false))?.version).toBe(2);
    const fresh = await getDraftToSave(behind, 'e2', 'lag-1', 3);
    expect(fresh).toMatchObject({
      version: 3,
      answers: { A: { value: 'compliant' }, B: { value: 'compliant' } },
    });
  });

  it('lets the conditional write refuse a save made on a replica that is behind', async () => {
    const behind = laggingContext({ saves: 1, head: false });
    const seen = await getDraftToSave(behind, 'e2', 'lag-1', 2);
    expect(seen?.version).toBe(2);
    await expect(
      saveAnswers(behind, {
        enterpriseId: 'e2',
        assessmentId: 'lag-1',
        expectedVersion: 2,
        answers: { A: { value: 'partial' } },
        actor: 'u1',
        at,
      }),
    ).rejects.toMatchObject({ code: 'stale_version' });
    expect((await getAssessment(ctx, 'e2', 'lag-1'))?.answers.A).toEqual({ value: 'compliant' });
  });

  it('finds a draft the replica does not hold yet', async () => {
    await createAssessment(ctx, draft('lag-2', '2032', 'e2'));
    const behind = laggingContext({ saves: 0, head: true });
    expect(await getAssessment(behind, 'e2', 'lag-2', false)).toBeUndefined();
    expect(await getDraftToSave(behind, 'e2', 'lag-2', 1)).toMatchObject({ id: 'lag-2', version: 1 });
  });
});
