import { createEnterprise, createZone, type Enterprise, getAssessment, getZoneStats, keys } from '@antoan/db';
import type { TemplateItem } from '@antoan/domain';
import { findTemplate } from '@antoan/templates';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../app';
import { createApp } from '../create-app';
import { callers, createTestApi, faultInjectable, type TestApi } from '../test-support';

const template = findTemplate('osh-self-inspection', 1);
if (!template) throw new Error('the default template is missing');
const items = new Map<string, TemplateItem>(
  template.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)),
);

let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const firm = (id: string, taxCode: string, profile: Partial<Enterprise>): Enterprise => ({
  id,
  taxCode,
  name: `Firm ${id}`,
  zoneId: 'zone-a',
  sectorCode: 'M6920',
  highRisk: false,
  headcount: 12,
  workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt: at,
  ...profile,
});
const builder = firm('ent-a', '1800000001', {
  sectorCode: 'F4100',
  highRisk: true,
  headcount: 1200,
  workforce: { women: 100, minors: 2, disabled: 5, elderly: 20, hazardous: 600 },
  strictEquipmentCount: 10,
});
const office = firm('ent-b', '1800000002', {});
const asA = callers.enterpriseA;
const asOffice = { sub: 'office-officer', role: 'enterprise', enterpriseId: 'ent-b' } as const;

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createEnterprise(api.db, builder, 'seed');
  await createEnterprise(api.db, office, 'seed');
});

type Draft = { id: string; version: number; applicableItemIds: string[]; status: string };

async function createDraft(as: typeof asA | typeof asOffice, eid: string, period: string): Promise<Draft> {
  const response = await api.call('POST', `/v1/enterprises/${eid}/assessments`, {
    as,
    body: { templateId: 'osh-self-inspection', templateVersion: 1, period },
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('ETag')).toBe('"1"');
  return (await response.json()) as Draft;
}

const patch = (
  as: typeof asA | typeof asOffice,
  eid: string,
  aid: string,
  ifMatch: string | undefined,
  answers: unknown,
) =>
  api.call('PATCH', `/v1/enterprises/${eid}/assessments/${aid}`, {
    as,
    body: { answers },
    headers: ifMatch === undefined ? {} : { 'If-Match': ifMatch },
  });

async function putEvidence(eid: string, id: string, kind: string, issuedOn: string, expiresOn?: string) {
  await api.db.doc.send(
    new PutCommand({
      TableName: api.db.tableName,
      Item: {
        ...keys.evidence(eid, id),
        type: 'evidence',
        id,
        kind,
        status: 'verified',
        issuedOn,
        expiresOn,
      },
    }),
  );
}

describe('creating an assessment', () => {
  it('stores the applicable items: the office gets a visibly shorter checklist than the large builder', async () => {
    const big = await createDraft(asA, 'ent-a', '2026-H2');
    const small = await createDraft(asOffice, 'ent-b', '2026');
    expect(big).toMatchObject({ status: 'draft', version: 1 });
    expect(small.applicableItemIds.length).toBeLessThan(big.applicableItemIds.length * 0.7);
    for (const id of small.applicableItemIds) expect(items.has(id)).toBe(true);
  });

  it('409 for a second assessment of the same period', async () => {
    const again = await api.call('POST', '/v1/enterprises/ent-b/assessments', {
      as: asOffice,
      body: { templateId: 'osh-self-inspection', period: '2026' },
    });
    expect(again.status).toBe(409);
  });

  it.each([
    [{ templateId: 'nope', period: '2025' }, 'templateId'],
    [{ templateId: 'osh-self-inspection', templateVersion: 99, period: '2025' }, 'templateVersion'],
    [{ templateId: 'osh-self-inspection', period: '2025-H1' }, 'period'],
    [{ templateId: 'osh-self-inspection', period: '2027' }, 'period'],
    [{ templateId: 'osh-self-inspection', period: '2025-13' }, 'period'],
    [{ templateId: 'osh-self-inspection', period: '2025', extra: true }, 'extra'],
  ])('400 for %j', async (body, path) => {
    const response = await api.call('POST', '/v1/enterprises/ent-b/assessments', { as: asOffice, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [expect.objectContaining({ path })] });
  });

  it('404 for another firm, 403 for roles that never create', async () => {
    const body = { templateId: 'osh-self-inspection', period: '2025' };
    expect((await api.call('POST', '/v1/enterprises/ent-a/assessments', { as: asOffice, body })).status).toBe(
      404,
    );
    expect(
      (await api.call('POST', '/v1/enterprises/ent-b/assessments', { as: callers.inspector, body })).status,
    ).toBe(403);
  });
});

describe('answering', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await createDraft(asOffice, 'ent-b', '2025');
  });

  it('428 without If-Match, 412 with a stale one', async () => {
    const first = draft.applicableItemIds[0];
    expect(
      (await patch(asOffice, 'ent-b', draft.id, undefined, { [`${first}`]: { value: 'compliant' } })).status,
    ).toBe(428);
    expect(
      (await patch(asOffice, 'ent-b', draft.id, '"7"', { [`${first}`]: { value: 'compliant' } })).status,
    ).toBe(412);
    expect(
      (await patch(asOffice, 'ent-b', draft.id, 'garbage', { [`${first}`]: { value: 'compliant' } })).status,
    ).toBe(412);
  });

  it('400 for an unknown item, an item that does not apply, a bad value, or a forbidden not_applicable', async () => {
    const notApplicable = [...items.keys()].find((id) => !draft.applicableItemIds.includes(id));
    const strict = draft.applicableItemIds.find((id) => items.get(id)?.allowNotApplicable === false);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ 'I-99-99': { value: 'compliant' } }, 'answers.I-99-99'],
      [{ [`${notApplicable}`]: { value: 'compliant' } }, `answers.${notApplicable}`],
      [{ [`${strict}`]: { value: 'maybe' } }, `answers.${strict}.value`],
      [{ [`${strict}`]: { value: 'not_applicable' } }, `answers.${strict}.value`],
      [
        { [`${strict}`]: { value: 'compliant', evidenceIds: ['ev-unknown'] } },
        `answers.${strict}.evidenceIds`,
      ],
    ];
    for (const [answers, path] of cases) {
      const response = await patch(asOffice, 'ent-b', draft.id, '"1"', answers);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [expect.objectContaining({ path })] });
    }
    expect((await getAssessment(api.db, 'ent-b', draft.id))?.version).toBe(1);
  });

  it('two PATCHes with the same If-Match: exactly one 200 and one 412', async () => {
    const [a, b] = draft.applicableItemIds;
    const statuses = await Promise.all([
      patch(asOffice, 'ent-b', draft.id, '"1"', { [`${a}`]: { value: 'compliant' } }),
      patch(asOffice, 'ent-b', draft.id, '"1"', { [`${b}`]: { value: 'partial', note: 'đang khắc phục' } }),
    ]).then((responses) => responses.map((r) => r.status).sort());
    expect(statuses).toEqual([200, 412]);
    const stored = await getAssessment(api.db, 'ent-b', draft.id);
    expect(stored?.version).toBe(2);
    expect(Object.keys(stored?.answers ?? {})).toHaveLength(1);
  });

  it('merges answers and returns the new ETag; another firm gets 404 reading it', async () => {
    const [, , c] = draft.applicableItemIds;
    const response = await patch(asOffice, 'ent-b', draft.id, '"2"', {
      [`${c}`]: { value: 'non_compliant' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"3"');
    const read = await api.call('GET', `/v1/enterprises/ent-b/assessments/${draft.id}`, {
      as: callers.managerA,
    });
    expect(read.headers.get('ETag')).toBe('"3"');
    expect(Object.keys(((await read.json()) as { answers: object }).answers)).toHaveLength(2);
    expect((await api.call('GET', `/v1/enterprises/ent-b/assessments/${draft.id}`, { as: asA })).status).toBe(
      404,
    );
  });
});

describe('submitting', () => {
  it('422 lists unanswered items, then scores exactly as computed by hand, once', async () => {
    const draft = await createDraft(asOffice, 'ent-b', '2024');
    const unanswered = await api.call('POST', `/v1/enterprises/ent-b/assessments/${draft.id}/submit`, {
      as: asOffice,
    });
    expect(unanswered.status).toBe(422);
    const problem = (await unanswered.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors).toHaveLength(draft.applicableItemIds.length);

    // Every evidence item answered compliant but left without proof, one partial, one non-compliant; the rest compliant.
    const applicable = draft.applicableItemIds.map((id) => items.get(id) as TemplateItem);
    const needProof = applicable.filter((item) => item.evidenceKinds?.length);
    const withEvidence = needProof[0];
    const plain = applicable.filter((item) => !item.evidenceKinds?.length && item.severity !== 'critical');
    const [partial, failed] = plain;
    if (!withEvidence || !partial || !failed) throw new Error('the template lacks the items this test needs');
    const answers = Object.fromEntries(applicable.map((item) => [item.id, { value: 'compliant' }]));
    answers[partial.id] = { value: 'partial' };
    answers[failed.id] = { value: 'non_compliant' };
    expect((await patch(asOffice, 'ent-b', draft.id, '"1"', answers)).status).toBe(200);

    const submitted = await api.call('POST', `/v1/enterprises/ent-b/assessments/${draft.id}/submit`, {
      as: asOffice,
      headers: { 'Idempotency-Key': 'submit-2024-ent-b' },
    });
    expect(submitted.status).toBe(200);
    const result = (await submitted.json()) as {
      status: string;
      score: {
        total: number;
        rating: string;
        criticalFailures: string[];
        items: Array<Record<string, unknown>>;
      };
    };
    const possible = applicable.reduce((sum, item) => sum + item.weight, 0);
    const unproved = needProof.reduce((sum, item) => sum + item.weight, 0);
    const earned = possible - unproved - partial.weight / 2 - failed.weight;
    expect(result.status).toBe('submitted');
    expect(result.score.total).toBe(Math.round((1000 * earned) / possible) / 10);
    expect(result.score.items.find((i) => i.id === withEvidence.id)).toMatchObject({
      outcome: 'non_compliant',
      reason: 'evidence_missing',
      points: 0,
    });
    expect(result.score.criticalFailures).toEqual(
      needProof.filter((item) => item.severity === 'critical').map((item) => item.id),
    );

    const replay = await api.call('POST', `/v1/enterprises/ent-b/assessments/${draft.id}/submit`, {
      as: asOffice,
      headers: { 'Idempotency-Key': 'submit-2024-ent-b' },
    });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(result);
    const again = await api.call('POST', `/v1/enterprises/ent-b/assessments/${draft.id}/submit`, {
      as: asOffice,
    });
    expect(again.status).toBe(409);
    expect(
      (await patch(asOffice, 'ent-b', draft.id, '"2"', { [partial.id]: { value: 'compliant' } })).status,
    ).toBe(409);

    const stats = await getZoneStats(api.db, 'zone-a', '2024');
    expect(stats).toMatchObject({
      submitted: 1,
      draft: 0,
      scoreSumTenths: Math.round(result.score.total * 10),
    });
    expect(stats.ratings[result.score.rating as 'A']).toBe(1);
    const ranked = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.zoneScores('zone-a', '2024') },
      }),
    );
    expect(ranked.Items).toEqual([
      expect.objectContaining({ enterpriseId: 'ent-b', total: result.score.total }),
    ]);
    const read = await api.call('GET', '/v1/enterprises/ent-b', { as: asOffice });
    expect(await read.json()).toMatchObject({
      lastSubmittedOn: '2026-11-28',
      selfInspection: { status: 'ok' },
    });
  });

  it('valid evidence earns the item its points; expired evidence earns nothing', async () => {
    const draft = await createDraft(asA, 'ent-a', '2026-H1');
    const applicable = draft.applicableItemIds.map((id) => items.get(id) as TemplateItem);
    const proved = applicable.filter((item) => item.evidenceKinds?.length);
    const [valid, expired] = proved;
    if (!valid?.evidenceKinds?.[0] || !expired?.evidenceKinds?.[0])
      throw new Error('need two evidence items');
    await putEvidence('ent-a', 'ev-valid', valid.evidenceKinds[0], '2026-01-10', '2027-01-10');
    await putEvidence('ent-a', 'ev-expired', expired.evidenceKinds[0], '2024-01-10', '2026-11-27');
    const answers = Object.fromEntries(
      applicable.map((item) => [item.id, { value: 'non_compliant' }]),
    ) as Record<string, { value: string; evidenceIds?: string[] }>;
    answers[valid.id] = { value: 'compliant', evidenceIds: ['ev-valid'] };
    answers[expired.id] = { value: 'compliant', evidenceIds: ['ev-expired'] };
    expect((await patch(asA, 'ent-a', draft.id, '"1"', answers)).status).toBe(200);
    const submitted = await api.call('POST', `/v1/enterprises/ent-a/assessments/${draft.id}/submit`, {
      as: asA,
    });
    const { score } = (await submitted.json()) as {
      score: { items: Array<Record<string, unknown>>; rating: string };
    };
    expect(score.items.find((i) => i.id === valid.id)).toMatchObject({
      outcome: 'compliant',
      points: valid.weight,
    });
    expect(score.items.find((i) => i.id === expired.id)).toMatchObject({
      points: 0,
      reason: 'evidence_expired',
    });
    expect(score.rating).toBe('D');
  });

  it('another firm’s evidence id in an answer gets 400', async () => {
    const draft = await createDraft(asOffice, 'ent-b', '2023');
    const item = draft.applicableItemIds
      .map((id) => items.get(id) as TemplateItem)
      .find((i) => i.evidenceKinds?.length);
    if (!item) throw new Error('need an evidence item');
    const response = await patch(asOffice, 'ent-b', draft.id, '"1"', {
      [item.id]: { value: 'compliant', evidenceIds: ['ev-valid'] },
    });
    expect(response.status).toBe(400);
  });
});

describe('a failure part-way leaves no trace', () => {
  it.each([
    ['a cancelled transaction', 'TransactionConflict', '2022'],
    ['throttling', 'ThrottlingError', '2021'],
  ])(
    '503 on %s during submit; the draft, counters and rankings are untouched',
    async (_label, code, period) => {
      const draft = await createDraft(asOffice, 'ent-b', period);
      const answers = Object.fromEntries(draft.applicableItemIds.map((id) => [id, { value: 'compliant' }]));
      expect((await patch(asOffice, 'ent-b', draft.id, '"1"', answers)).status).toBe(200);
      const before = await getZoneStats(api.db, 'zone-a', period);

      const { db, mock } = faultInjectable(api.db);
      mock.on(TransactWriteCommand).rejects(
        new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: [
            { Code: 'None' },
            { Code: code },
            { Code: 'None' },
            { Code: 'None' },
            { Code: 'None' },
          ],
        }),
      );
      const faulty = createApp({ ...api.deps, db }, { routes: allRoutes() });
      const token = await api.token(asOffice);
      const response = await faulty.request(`/v1/enterprises/ent-b/assessments/${draft.id}/submit`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(503);
      expect((await getAssessment(api.db, 'ent-b', draft.id))?.status).toBe('draft');
      expect(await getZoneStats(api.db, 'zone-a', period)).toEqual(before);
      const score = await api.db.doc.send(
        new GetCommand({ TableName: api.db.tableName, Key: keys.latestScore('ent-b', period) }),
      );
      expect(score.Item).toBeUndefined();
      // Once the database recovers, the same submission goes through.
      const retry = await api.call('POST', `/v1/enterprises/ent-b/assessments/${draft.id}/submit`, {
        as: asOffice,
      });
      expect(retry.status).toBe(200);
    },
  );
});
