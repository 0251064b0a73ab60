import { createAssessment, getEvidence, listAuditOfEnterprise, settleEvidence } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, putEvidenceRecord, seedTwoFirms, type TestApi } from '../test-support';

let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const asA = callers.enterpriseA;

const assessment = (id: string, status: 'draft' | 'submitted', evidenceId: string, period: string) =>
  createAssessment(api.db, {
    id,
    enterpriseId: 'ent-a',
    zoneId: 'zone-a',
    templateId: 'osh-self-inspection',
    templateVersion: 1,
    period,
    status,
    version: 1,
    applicableItemIds: ['I-1-1'],
    answers: { 'I-1-1': { value: 'compliant', evidenceIds: [evidenceId] } },
    createdAt: at,
    createdBy: 'seed',
    updatedAt: at,
  });

/** An OSH plan of `ent-a` that failed verification for `reason`. */
async function rejectedPlan(id: string, reason: 'type_mismatch' | 'size_mismatch') {
  const pending = await putEvidenceRecord(
    api.db,
    { enterpriseId: 'ent-a', id, kind: 'osh_plan', issuedOn: '2026-01-02' },
    { verify: false },
  );
  await settleEvidence(api.db, {
    evidence: pending,
    outcome: { status: 'rejected', reason },
    actor: 'seed',
    at,
  });
}

/** A verified OSH plan of `ent-a`. */
const verifiedPlan = (id: string) =>
  putEvidenceRecord(api.db, { enterpriseId: 'ent-a', id, kind: 'osh_plan', issuedOn: '2026-01-02' });

const ids = async () =>
  (
    (await (await api.call('GET', '/v1/enterprises/ent-a/evidence', { as: asA })).json()) as {
      items: Array<{ id: string }>;
    }
  ).items.map((item) => item.id);

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
  await seedTwoFirms(api.db);
});

describe('DELETE /v1/enterprises/:eid/evidence/:vid', () => {
  it('deletes a rejected file: it leaves the library, stays on record, and the audit says who', async () => {
    await rejectedPlan('ev-rej', 'type_mismatch');
    expect(await ids()).toContain('ev-rej');
    const response = await api.call('DELETE', '/v1/enterprises/ent-a/evidence/ev-rej', { as: asA });
    expect(response.status).toBe(204);
    expect(await ids()).not.toContain('ev-rej');
    expect((await getEvidence(api.db, 'ent-a', 'ev-rej'))?.deletedBy).toBe(asA.sub);
    const audit = await listAuditOfEnterprise(api.db, { enterpriseId: 'ent-a', limit: 50 });
    expect(audit.items.find((entry) => entry.action === 'evidence.delete')).toMatchObject({
      target: 'ev-rej',
      actor: asA.sub,
    });
    // Gone for every later call: a second delete and a download are 404.
    expect((await api.call('DELETE', '/v1/enterprises/ent-a/evidence/ev-rej', { as: asA })).status).toBe(404);
    const download = await api.call('GET', '/v1/enterprises/ent-a/evidence/ev-rej/download', { as: asA });
    expect(download.status).toBe(404);
    expect(((await download.json()) as { localized: { vi: string } }).localized.vi).toBe(
      'Không tìm thấy minh chứng.',
    );
  });

  it('deletes verified evidence nothing links', async () => {
    await verifiedPlan('ev-free');
    expect((await api.call('DELETE', '/v1/enterprises/ent-a/evidence/ev-free', { as: asA })).status).toBe(
      204,
    );
    expect(await ids()).not.toContain('ev-free');
  });

  it('keeps evidence a submitted self-check links, even a rejected one (409), and writes nothing', async () => {
    await rejectedPlan('ev-sub', 'size_mismatch');
    await assessment('asmt-sub', 'submitted', 'ev-sub', '2024');
    const response = await api.call('DELETE', '/v1/enterprises/ent-a/evidence/ev-sub', { as: asA });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'linked_to_submitted', assessmentIds: ['asmt-sub'] });
    expect(await ids()).toContain('ev-sub');
    expect((await getEvidence(api.db, 'ent-a', 'ev-sub'))?.deletedAt).toBeUndefined();
  });

  it('keeps verified evidence a draft links until it is unlinked (409)', async () => {
    await verifiedPlan('ev-draft');
    await assessment('asmt-draft', 'draft', 'ev-draft', '2023');
    const response = await api.call('DELETE', '/v1/enterprises/ent-a/evidence/ev-draft', { as: asA });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'linked', assessmentIds: ['asmt-draft'] });
  });

  it("answers 404 for another firm's evidence and 403 for a reviewer", async () => {
    await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-b',
      zoneId: 'zone-b',
      id: 'ev-b',
      kind: 'osh_plan',
      issuedOn: '2026-01-02',
    });
    expect((await api.call('DELETE', '/v1/enterprises/ent-b/evidence/ev-b', { as: asA })).status).toBe(404);
    expect((await api.call('DELETE', '/v1/enterprises/ent-a/evidence/ev-b', { as: asA })).status).toBe(404);
    const reviewer = await api.call('DELETE', '/v1/enterprises/ent-b/evidence/ev-b', {
      as: callers.authority,
    });
    expect(reviewer.status).toBe(403);
    expect((await getEvidence(api.db, 'ent-b', 'ev-b'))?.deletedAt).toBeUndefined();
  });
});
