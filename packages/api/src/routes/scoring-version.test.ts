import { type Assessment, createAssessment, createEnterprise, createZone, type Enterprise } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';

// Scoring version 2 is pinned on new assessments; an assessment made before it keeps version 1 exactly.
let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const office: Enterprise = {
  id: 'ent-sv',
  taxCode: '1800000091',
  name: 'Office SV',
  zoneId: 'zone-a',
  sectorCode: 'M6920',
  highRisk: false,
  headcount: 12,
  workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt: at,
};
const asOffice = { sub: 'sv-officer', role: 'enterprise', enterpriseId: 'ent-sv' } as const;

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createEnterprise(api.db, office, 'seed');
});

// I-8-3 is critical (weight 5, no evidence); the majors weigh 3+3+4+3+3 = 16. A partial critical: 2.5 + 16 of 21
// = 88.1, an A by its band.
const answers: Assessment['answers'] = {
  'I-8-3': { value: 'partial' },
  'I-2-4': { value: 'compliant' },
  'I-2-5': { value: 'compliant' },
  'I-8-1': { value: 'compliant' },
  'I-8-5': { value: 'compliant' },
  'I-8-6': { value: 'compliant' },
};

const stored = (id: string, period: string, scoringVersion?: '1' | '2'): Assessment => ({
  id,
  enterpriseId: office.id,
  zoneId: office.zoneId,
  templateId: 'osh-self-inspection',
  templateVersion: 1,
  period,
  status: 'draft',
  version: 1,
  applicableItemIds: Object.keys(answers),
  answers,
  createdAt: at,
  createdBy: 'seed',
  updatedAt: at,
  ...(scoringVersion === undefined ? {} : { scoringVersion }),
});

const submit = async (id: string) => {
  const response = await api.call('POST', `/v1/enterprises/${office.id}/assessments/${id}/submit`, {
    as: asOffice,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { score: { total: number; rating: string; scoringVersion: string } })
    .score;
};

describe('scoring version pinning', () => {
  it('an assessment made before version 2 keeps its version 1 score; the same answers under version 2 cap at B', async () => {
    await createAssessment(api.db, stored('legacy', '2024'));
    await createAssessment(api.db, stored('pinned', '2025', '2'));
    expect(await submit('legacy')).toMatchObject({ total: 88.1, rating: 'A', scoringVersion: '1' });
    expect(await submit('pinned')).toMatchObject({
      total: 88.1,
      rating: 'B',
      scoringVersion: '2',
      caps: [{ rule: 'critical_partial', capsAt: 'B', itemIds: ['I-8-3'] }],
    });
  });

  it('a new assessment pins version 2 and refuses an unjustified not_applicable on a critical item', async () => {
    const created = await api.call('POST', `/v1/enterprises/${office.id}/assessments`, {
      as: asOffice,
      body: { templateId: 'osh-self-inspection', templateVersion: 1, period: '2026' },
    });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as { id: string; scoringVersion: string };
    expect(draft.scoringVersion).toBe('2');
    const patch = (answer: unknown, version: string) =>
      api.call('PATCH', `/v1/enterprises/${office.id}/assessments/${draft.id}`, {
        as: asOffice,
        headers: { 'If-Match': `"${version}"` },
        body: { answers: { 'I-6-8': answer } },
      });
    const refused = await patch({ value: 'not_applicable', note: 'not needed' }, '1');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Array<{ path: string }> }).errors).toEqual([
      expect.objectContaining({ path: 'answers.I-6-8.note' }),
    ]);
    const accepted = await patch(
      { value: 'not_applicable', note: 'Cơ sở không có khu vực nào có nguy cơ cháy nổ theo thẩm định PCCC.' },
      '1',
    );
    expect(accepted.status).toBe(200);
  });
});
