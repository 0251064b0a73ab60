import {
  createAssessment,
  createEnterprise,
  createZone,
  type Enterprise,
  getEvidence,
  listAuditOfEnterprise,
  settleEvidence,
} from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, putEvidenceRecord, type TestApi } from '../test-support';

let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const asA = callers.enterpriseA;

const firm = (id: string, taxCode: string, zoneId: string): Enterprise => ({
  id,
  taxCode,
  name: `Firm ${id}`,
  zoneId,
  sectorCode: 'M6920',
  highRisk: false,
  headcount: 40,
  workforce: { women: 10, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt: at,
});

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

const ids = async () =>
  (
    (await (await api.call('GET', '/v1/enterprises/ent-a/evidence', { as: asA })).json()) as {
      items: Array<{ id: string }>;
    }
  ).items.map((item) => item.id);

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createZone(api.db, { id: 'zone-b', code: 'ZB', name: 'Zone B', createdAt: at }, 'seed');
  await createEnterprise(api.db, firm('ent-a', '1800000001', 'zone-a'), 'seed');
  await createEnterprise(api.db, firm('ent-b', '1800000002', 'zone-b'), 'seed');
});

describe('DELETE /v1/enterprises/:eid/evidence/:vid', () => {
  it('deletes a rejected file: it leaves the library, stays on record, and the audit says who', async () => {
    const pending = await putEvidenceRecord(
      api.db,
      { enterpriseId: 'ent-a', id: 'ev-rej', kind: 'osh_plan', issuedOn: '2026-01-02' },
      { verify: false },
    );
    await settleEvidence(api.db, {
      evidence: pending,
      outcome: { status: 'rejected', reason: 'type_mismatch' },
      actor: 'seed',
      at,
    });
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
    await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-a',
      id: 'ev-free',
      kind: 'osh_plan',
      issuedOn: '2026-01-02',
    });
    expect((await api.call('DELETE', '/v1/enterprises/ent-a/evidence/ev-free', { as: asA })).status).toBe(
      204,
    );
    expect(await ids()).not.toContain('ev-free');
  });

  it('keeps evidence a submitted self-check links, even a rejected one (409), and writes nothing', async () => {
    const pending = await putEvidenceRecord(
      api.db,
      { enterpriseId: 'ent-a', id: 'ev-sub', kind: 'osh_plan', issuedOn: '2026-01-02' },
      { verify: false },
    );
    await settleEvidence(api.db, {
      evidence: pending,
      outcome: { status: 'rejected', reason: 'size_mismatch' },
      actor: 'seed',
      at,
    });
    await assessment('asmt-sub', 'submitted', 'ev-sub', '2024');
    const response = await api.call('DELETE', '/v1/enterprises/ent-a/evidence/ev-sub', { as: asA });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'linked_to_submitted', assessmentIds: ['asmt-sub'] });
    expect(await ids()).toContain('ev-sub');
    expect((await getEvidence(api.db, 'ent-a', 'ev-sub'))?.deletedAt).toBeUndefined();
  });

  it('keeps verified evidence a draft links until it is unlinked (409)', async () => {
    await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-a',
      id: 'ev-draft',
      kind: 'osh_plan',
      issuedOn: '2026-01-02',
    });
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
