import {
  createAssessment,
  createEnterprise,
  createZone,
  type Enterprise,
  getEvidence,
  keys,
} from '@antoan/db';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, putEvidenceRecord, type TestApi } from '../test-support';

// The ways to game evidence, each closed: derived expiry, unlicensed and duplicate certificates, rejected content.
let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const firm = (id: string, taxCode: string, zoneId: string, hazardous: number): Enterprise => ({
  id,
  taxCode,
  name: `Firm ${id}`,
  zoneId,
  sectorCode: 'C1020',
  highRisk: false,
  headcount: 40,
  workforce: { women: 10, minors: 0, disabled: 0, elderly: 0, hazardous },
  createdAt: at,
});

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createZone(api.db, { id: 'zone-b', code: 'ZB', name: 'Zone B', createdAt: at }, 'seed');
  await createEnterprise(api.db, firm('ent-a', '1800000001', 'zone-a', 0), 'seed');
  await createEnterprise(api.db, firm('ent-b', '1800000002', 'zone-b', 6), 'seed');
});

const declare = (extra: Record<string, unknown>) => ({
  fileName: 'giay-chung-nhan.pdf',
  contentType: 'application/pdf',
  size: 1000,
  sha256: 'c'.repeat(64),
  issuedOn: '2026-03-10',
  ...extra,
});

async function requestEvidence(eid: 'ent-a' | 'ent-b', body: Record<string, unknown>) {
  const as = eid === 'ent-a' ? callers.enterpriseA : callers.enterpriseB;
  return api.call('POST', `/v1/enterprises/${eid}/evidence`, { as, body });
}

describe('derived expiry', () => {
  it('gives a health exam 12 months at a firm without special groups, 6 where some workers are hazardous', async () => {
    const general = await requestEvidence('ent-a', declare({ kind: 'health_exam_record' }));
    expect(general.status).toBe(201);
    expect(await general.json()).toMatchObject({ expiresOn: '2027-03-09', expiryDerived: true });
    const hazardous = await requestEvidence('ent-b', declare({ kind: 'health_exam_record' }));
    expect(await hazardous.json()).toMatchObject({ expiresOn: '2026-09-09', expiryDerived: true });
    const declaredGroup = await requestEvidence(
      'ent-b',
      declare({ kind: 'health_exam_record', workerCategory: 'general' }),
    );
    expect(await declaredGroup.json()).toMatchObject({ expiresOn: '2027-03-09', workerCategory: 'general' });
  });

  it('refuses a kind with no legal period unless it carries its own expiresOn', async () => {
    const refused = await requestEvidence('ent-a', declare({ kind: 'equipment_inspection_certificate' }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Array<{ path: string }> }).errors).toEqual([
      expect.objectContaining({ path: 'expiresOn' }),
    ]);
    const dated = await requestEvidence(
      'ent-a',
      declare({ kind: 'equipment_inspection_certificate', expiresOn: '2027-03-10' }),
    );
    expect(dated.status).toBe(201);
    expect(await dated.json()).not.toHaveProperty('expiryDerived');
  });
});

describe('providers and certificates', () => {
  let trainerId = '';
  beforeAll(async () => {
    const created = await api.call('POST', '/v1/providers', {
      as: callers.authority,
      body: {
        name: 'Trung tâm Huấn luyện An Phú (hư cấu)',
        taxCode: '1800555001',
        services: ['training'],
        licenceNo: 'HL-2025/01',
        validFrom: '2025-01-01',
        validUntil: '2027-12-31',
      },
    });
    expect(created.status).toBe(201);
    trainerId = ((await created.json()) as { id: string }).id;
  });

  const course = (extra: Record<string, unknown>) =>
    declare({ kind: 'training_certificate', trainingGroup: 3, providerId: trainerId, ...extra });

  it('lists the register to any role; a licence number registers once', async () => {
    const list = await api.call('GET', '/v1/providers', { as: callers.enterpriseA });
    expect(((await list.json()) as { items: Array<{ id: string }> }).items.map((p) => p.id)).toContain(
      trainerId,
    );
    const again = await api.call('POST', '/v1/providers', {
      as: callers.authority,
      body: {
        name: 'Bản sao',
        taxCode: '1800555002',
        services: ['monitoring'],
        licenceNo: 'HL-2025/01',
        validFrom: '2025-01-01',
        validUntil: '2027-12-31',
      },
    });
    expect(again.status).toBe(409);
  });

  it('flags a provider not licensed for the service on issuedOn, and refuses an unknown provider', async () => {
    const licensed = await requestEvidence('ent-a', course({ certificateNo: 'A-1' }));
    expect(await licensed.json()).not.toHaveProperty('flags');
    const before = await requestEvidence('ent-a', course({ issuedOn: '2024-12-31', certificateNo: 'A-2' }));
    expect(await before.json()).toMatchObject({ flags: ['unlicensed_provider'] });
    const wrongService = await requestEvidence(
      'ent-a',
      declare({ kind: 'environment_monitoring_report', providerId: trainerId }),
    );
    expect(await wrongService.json()).toMatchObject({ flags: ['unlicensed_provider'] });
    const unknown = await requestEvidence('ent-a', course({ providerId: 'prov-none' }));
    expect(unknown.status).toBe(400);
  });

  it('flags the same certificate number from the same provider at a second firm, not at the first', async () => {
    const first = await requestEvidence('ent-a', course({ certificateNo: 'DUP-77' }));
    expect(await first.json()).not.toHaveProperty('flags');
    const sameFirmAgain = await requestEvidence('ent-a', course({ certificateNo: 'dup-77' }));
    expect(await sameFirmAgain.json()).not.toHaveProperty('flags');
    const second = await requestEvidence('ent-b', course({ certificateNo: 'DUP-77' }));
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ flags: ['duplicate_certificate'] });
  });
});

describe('review', () => {
  const review = (as: (typeof callers)[keyof typeof callers], vid: string, body: unknown, eid = 'ent-a') =>
    api.call('POST', `/v1/enterprises/${eid}/evidence/${vid}/review`, { as, body });

  it('queues unreviewed evidence behind critical items first; a rejection scores 0, notifies and is audited', async () => {
    await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-a',
      id: 'ev-plan',
      kind: 'osh_plan',
      issuedOn: '2026-01-02',
      expiresOn: '2027-01-01',
    });
    await putEvidenceRecord(
      api.db,
      {
        enterpriseId: 'ent-a',
        id: 'ev-course',
        kind: 'training_certificate',
        issuedOn: '2026-01-02',
        expiresOn: '2028-01-01',
        flags: ['unlicensed_provider'],
      },
      { reviewPriority: 'critical' },
    );
    const queue = await api.call('GET', '/v1/zones/zone-a/evidence-review', { as: callers.managerA });
    const listed = (await queue.json()) as {
      items: Array<{ evidenceId: string; priority: string; flags: string[]; criticalItems: unknown[] }>;
    };
    expect(listed.items.map((entry) => [entry.evidenceId, entry.priority])).toEqual([
      ['ev-course', 'critical'],
      ['ev-plan', 'other'],
    ]);
    expect(listed.items[0]?.flags).toEqual(['unlicensed_provider']);
    expect(
      await api.call('GET', '/v1/zones/zone-b/evidence-review', { as: callers.managerA }),
    ).toHaveProperty('status', 404);

    expect((await review(callers.managerA, 'ev-course', { decision: 'rejected' })).status).toBe(400);
    const rejected = await review(callers.managerA, 'ev-course', {
      decision: 'rejected',
      reason: 'Chứng chỉ không ghi tên người lao động.',
    });
    expect(rejected.status).toBe(200);
    expect(await rejected.json()).toMatchObject({ review: { decision: 'rejected', by: 'zm-a' } });
    expect((await review(callers.inspector, 'ev-course', { decision: 'accepted' })).status).toBe(409);
    expect((await review(callers.managerB, 'ev-plan', { decision: 'accepted' })).status).toBe(404);
    expect((await review(callers.inspector, 'ev-plan', { decision: 'accepted' })).status).toBe(200);

    const after = (await (
      await api.call('GET', '/v1/zones/zone-a/evidence-review', { as: callers.managerA })
    ).json()) as { items: unknown[] };
    expect(after.items).toEqual([]);
    const outbox = (await (
      await api.call('GET', '/v1/enterprises/ent-a/notifications', { as: callers.enterpriseA })
    ).json()) as { items: Array<{ type: string }> };
    expect(outbox.items.map((n) => n.type)).toContain('evidence_rejected');
    const audit = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': keys.enterprise('ent-a').pk, ':audit': 'AUDIT#' },
      }),
    );
    expect(audit.Items?.map((item) => item.action)).toEqual(
      expect.arrayContaining(['evidence.review.rejected', 'evidence.review.accepted']),
    );
    expect((await getEvidence(api.db, 'ent-a', 'ev-course'))?.review?.decision).toBe('rejected');

    // From then on the rejected certificate earns nothing, and the flag shows on the item.
    await createAssessment(api.db, {
      id: 'asmt-rejected',
      enterpriseId: 'ent-a',
      zoneId: 'zone-a',
      templateId: 'osh-self-inspection',
      templateVersion: 1,
      period: '2025',
      status: 'draft',
      version: 1,
      applicableItemIds: ['I-3-1', 'I-2-1'],
      answers: {
        'I-3-1': { value: 'compliant', evidenceIds: ['ev-course'] },
        'I-2-1': { value: 'compliant', evidenceIds: ['ev-plan'] },
      },
      scoringVersion: '2',
      createdAt: at,
      createdBy: 'seed',
      updatedAt: at,
    });
    const submitted = await api.call('POST', '/v1/enterprises/ent-a/assessments/asmt-rejected/submit', {
      as: callers.enterpriseA,
    });
    expect(submitted.status).toBe(200);
    const { score } = (await submitted.json()) as { score: { items: unknown[] } };
    expect(score.items).toEqual([
      { id: 'I-2-1', outcome: 'compliant', points: 3, maxPoints: 3 },
      {
        id: 'I-3-1',
        outcome: 'non_compliant',
        reason: 'evidence_rejected',
        points: 0,
        maxPoints: 3,
        flags: ['unlicensed_provider'],
      },
    ]);
  });

  it('a firm never reviews, not even its own evidence', async () => {
    await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-a',
      id: 'ev-own',
      kind: 'osh_plan',
      issuedOn: '2026-01-02',
      expiresOn: '2027-01-01',
    });
    expect((await review(callers.enterpriseA, 'ev-own', { decision: 'accepted' })).status).toBe(403);
    expect((await getEvidence(api.db, 'ent-a', 'ev-own'))?.review).toBeUndefined();
  });
});
