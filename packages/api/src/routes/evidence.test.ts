import { createEnterprise, createZone, type Enterprise, getCoverage, getEvidence } from '@antoan/db';
import type { TemplateItem } from '@antoan/domain';
import type { PresignedUpload } from '@antoan/storage';
import {
  postThroughForm,
  sampleExecutable,
  sampleJpeg,
  samplePdf,
  samplePng,
  sha256Hex,
} from '@antoan/storage/local';
import { findTemplate } from '@antoan/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyUploadedObject } from '../evidence-confirmation';
import { callers, createTestApi, type TestApi } from '../test-support';

let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const asA = callers.enterpriseA;
const asB = callers.enterpriseB;

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

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createZone(api.db, { id: 'zone-b', code: 'ZB', name: 'Zone B', createdAt: at }, 'seed');
  await createEnterprise(api.db, firm('ent-a', '1800000001', 'zone-a'), 'seed');
  await createEnterprise(api.db, firm('ent-b', '1800000002', 'zone-b'), 'seed');
});

type Requested = { id: string; status: string; upload: PresignedUpload };

const declare = (bytes: Uint8Array, contentType: string, extra: Record<string, unknown> = {}) => ({
  kind: 'other',
  fileName: 'bien-ban.pdf',
  contentType,
  size: bytes.length,
  sha256: sha256Hex(bytes),
  issuedOn: '2026-03-01',
  ...extra,
});

async function request(
  body: Record<string, unknown>,
  as: typeof asA = asA,
  eid = 'ent-a',
): Promise<Response> {
  return api.call('POST', `/v1/enterprises/${eid}/evidence`, { as, body });
}

/**
 * Requests an upload, sends `uploaded` through the presigned form, and confirms it. With `formRefused`, the local
 * S3 must refuse the form (size or checksum, as S3 does), and the bytes are then put into the bucket directly,
 * to prove the server-side verification holds on its own (defence in depth).
 */
async function uploadAndConfirm(
  declared: Record<string, unknown>,
  uploaded: Uint8Array | undefined,
  { formRefused = false } = {},
) {
  const response = await request(declared);
  expect(response.status).toBe(201);
  const requested = (await response.json()) as Requested;
  if (uploaded) {
    const status = await postThroughForm(requested.upload, uploaded, 'file');
    if (!formRefused) expect(status).toBeLessThan(300);
    else {
      expect(status).toBe(400);
      await api.storeObject(requested.upload.fields.key ?? '', uploaded, String(declared.contentType));
    }
  }
  const confirm = await api.call('POST', `/v1/enterprises/ent-a/evidence/${requested.id}/confirm`, {
    as: asA,
  });
  return { id: requested.id, requested, confirm, body: (await confirm.json()) as Record<string, unknown> };
}

describe('uploading evidence', () => {
  it.each([
    ['a PDF', samplePdf(), 'application/pdf'],
    ['a PNG', samplePng(), 'image/png'],
    ['a JPEG', sampleJpeg(), 'image/jpeg'],
  ])(
    '%s uploaded through the presigned POST is verified by the server, and confirming is idempotent',
    async (_l, bytes, type) => {
      const { id, requested, confirm, body } = await uploadAndConfirm(declare(bytes, type), bytes);
      expect(requested.status).toBe('pending_upload');
      expect(requested.upload.method).toBe('POST');
      expect(requested.upload.fields.key).toBe(`enterprises/ent-a/evidence/${id}`);
      expect(Date.parse(requested.upload.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
      expect(confirm.status).toBe(200);
      expect(body).toMatchObject({ id, status: 'verified' });
      expect(body).not.toHaveProperty('gsi3pk');
      expect(body).not.toHaveProperty('objectKey');
      const again = await api.call('POST', `/v1/enterprises/ent-a/evidence/${id}/confirm`, { as: asA });
      expect(again.status).toBe(200);

      const download = await api.call('GET', `/v1/enterprises/ent-a/evidence/${id}/download`, {
        as: callers.managerA,
      });
      const link = (await download.json()) as { url: string; expiresAt: string };
      expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
      expect(new Uint8Array(await (await fetch(link.url)).arrayBuffer())).toEqual(bytes);
    },
  );

  it.each([
    [
      'a renamed executable',
      declare(sampleExecutable(), 'application/pdf'),
      sampleExecutable(),
      'type_mismatch',
    ],
    [
      'a truncated PDF',
      declare(samplePdf().slice(0, samplePdf().length - 12), 'application/pdf'),
      samplePdf().slice(0, samplePdf().length - 12),
      'type_mismatch',
    ],
    [
      'a wrong hash',
      declare(samplePdf(), 'application/pdf', { sha256: 'a'.repeat(64) }),
      samplePdf(),
      'checksum_mismatch',
    ],
    [
      'a different size',
      declare(samplePdf(), 'application/pdf', { size: samplePdf().length + 5 }),
      samplePdf(),
      'size_mismatch',
    ],
    ['no upload at all', declare(samplePdf(), 'application/pdf'), undefined, 'missing_object'],
  ])(
    '%s is rejected with the right reason, and nobody can download it',
    async (_l, declared, uploaded, reason) => {
      const formRefused = reason === 'checksum_mismatch' || reason === 'size_mismatch';
      const { id, confirm, body } = await uploadAndConfirm(declared, uploaded, { formRefused });
      expect(confirm.status).toBe(422);
      expect(body).toMatchObject({ status: 'rejected', reason });
      expect((await getEvidence(api.db, 'ent-a', id))?.status).toBe('rejected');
      const again = await api.call('POST', `/v1/enterprises/ent-a/evidence/${id}/confirm`, { as: asA });
      expect(again.status).toBe(422);
      expect(
        (await api.call('GET', `/v1/enterprises/ent-a/evidence/${id}/download`, { as: asA })).status,
      ).toBe(404);
    },
  );

  it('415 for a type it does not take, 413 over 20 MB, 400 for bad fields, writing nothing', async () => {
    const pdf = samplePdf();
    expect((await request(declare(pdf, 'application/x-msdownload'))).status).toBe(415);
    expect((await request(declare(pdf, 'application/pdf', { size: 20 * 1024 * 1024 + 1 }))).status).toBe(413);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ sha256: 'xyz' }, 'sha256'],
      [{ issuedOn: '2026-12-31' }, 'issuedOn'],
      [{ issuedOn: '2026-02-30' }, 'issuedOn'],
      [{ expiresOn: '2026-01-01' }, 'expiresOn'],
      [{ kind: 'training_certificate' }, 'trainingGroup'],
      [{ kind: 'training_certificate', trainingGroup: 7 }, 'trainingGroup'],
      [{ kind: 'selfie' }, 'kind'],
      [{ workersCovered: -1 }, 'workersCovered'],
      [{ objectKey: 'enterprises/ent-b/evidence/x' }, 'objectKey'],
    ];
    for (const [change, path] of bad) {
      const response = await request(declare(pdf, 'application/pdf', change));
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [expect.objectContaining({ path })] });
    }
    const listed = await api.call('GET', '/v1/enterprises/ent-b/evidence', { as: asB });
    expect(((await listed.json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  it('another firm’s evidence: 404 to confirm, list or download; 403 for roles that never upload', async () => {
    const { id } = await uploadAndConfirm(declare(samplePdf(), 'application/pdf'), samplePdf());
    expect((await api.call('POST', `/v1/enterprises/ent-a/evidence/${id}/confirm`, { as: asB })).status).toBe(
      404,
    );
    expect((await api.call('GET', `/v1/enterprises/ent-a/evidence/${id}/download`, { as: asB })).status).toBe(
      404,
    );
    expect((await api.call('GET', `/v1/enterprises/ent-b/evidence/${id}/download`, { as: asB })).status).toBe(
      404,
    );
    expect(
      (await api.call('GET', `/v1/enterprises/ent-a/evidence/${id}/download`, { as: callers.managerB }))
        .status,
    ).toBe(404);
    expect((await api.call('GET', '/v1/enterprises/ent-a/evidence', { as: asB })).status).toBe(404);
    const inspectorUpload = await api.call('POST', '/v1/enterprises/ent-a/evidence', {
      as: callers.inspector,
      body: declare(samplePdf(), 'application/pdf'),
    });
    expect(inspectorUpload.status).toBe(403);
  });

  it('lists evidence expiring within N days', async () => {
    const soon = await uploadAndConfirm(
      declare(samplePng(), 'image/png', {
        kind: 'health_exam_record',
        expiresOn: '2026-12-05',
        workersCovered: 12,
      }),
      samplePng(),
    );
    const later = await uploadAndConfirm(
      declare(samplePng(), 'image/png', { kind: 'health_exam_record', expiresOn: '2027-06-01' }),
      samplePng(),
    );
    const within = await api.call('GET', '/v1/enterprises/ent-a/evidence?expiringWithinDays=30', { as: asA });
    const ids = ((await within.json()) as { items: Array<{ id: string }> }).items.map((e) => e.id);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(later.id);
    expect(
      (await api.call('GET', '/v1/enterprises/ent-a/evidence?expiringWithinDays=-1', { as: asA })).status,
    ).toBe(400);
  });

  it('keeps coverage facts per year from verified evidence', async () => {
    await uploadAndConfirm(
      declare(samplePdf(), 'application/pdf', {
        kind: 'training_certificate',
        trainingGroup: 3,
        workersCovered: 8,
      }),
      samplePdf(),
    );
    await uploadAndConfirm(
      declare(samplePdf(), 'application/pdf', {
        kind: 'training_certificate',
        trainingGroup: 3,
        workersCovered: 5,
      }),
      sampleExecutable(),
      { formRefused: true },
    );
    const coverage = await getCoverage(api.db, 'ent-a', '2026');
    expect(coverage.trainedByGroup['3']).toBe(8);
    expect(coverage.healthExamined).toBe(12);
  });
});

describe('settling is safe to retry', () => {
  it('a confirmation that moved the file but failed to record it is completed by the retry', async () => {
    const pdf = samplePdf();
    const requested = (await (await request(declare(pdf, 'application/pdf'))).json()) as Requested;
    await postThroughForm(requested.upload, pdf, 'file');
    // The first attempt got as far as moving the file, then the database write failed.
    await api.deps.evidence.promote(`enterprises/ent-a/evidence/${requested.id}`);
    const retry = await api.call('POST', `/v1/enterprises/ent-a/evidence/${requested.id}/confirm`, {
      as: asA,
    });
    expect(retry.status).toBe(200);
    expect((await getEvidence(api.db, 'ent-a', requested.id))?.objectKey).toBe(
      `verified/enterprises/ent-a/evidence/${requested.id}`,
    );
  });

  it('two confirmations at once both answer verified', async () => {
    const pdf = samplePdf();
    const requested = (await (await request(declare(pdf, 'application/pdf'))).json()) as Requested;
    await postThroughForm(requested.upload, pdf, 'file');
    const confirm = () =>
      api.call('POST', `/v1/enterprises/ent-a/evidence/${requested.id}/confirm`, { as: asA });
    const statuses = (await Promise.all([confirm(), confirm()])).map((response) => response.status);
    expect(statuses).toEqual([200, 200]);
  });
});

describe('the S3 ObjectCreated handler', () => {
  it('verifies an upload that was never confirmed, and quarantines one nobody asked for', async () => {
    const pdf = samplePdf();
    const requested = (await (await request(declare(pdf, 'application/pdf'))).json()) as Requested;
    await postThroughForm(requested.upload, pdf, 'file');
    expect(await verifyUploadedObject(api.deps, `enterprises/ent-a/evidence/${requested.id}`)).toEqual({
      outcome: 'verified',
    });
    expect((await getEvidence(api.db, 'ent-a', requested.id))?.status).toBe('verified');
    // The still-valid form takes no other bytes (S3 checks its size and checksum), and sending the same file
    // again cannot reopen verified proof.
    expect(await postThroughForm(requested.upload, sampleExecutable(), 'file')).toBe(400);
    expect(await postThroughForm(requested.upload, pdf, 'file')).toBe(204);
    expect(await verifyUploadedObject(api.deps, `enterprises/ent-a/evidence/${requested.id}`)).toEqual({
      outcome: 'rejected',
      reason: 'already_settled',
    });
    const link = (await (
      await api.call('GET', `/v1/enterprises/ent-a/evidence/${requested.id}/download`, { as: asA })
    ).json()) as { url: string };
    expect(new Uint8Array(await (await fetch(link.url)).arrayBuffer())).toEqual(pdf);
    // A late event for the original upload finds nothing left to do.
    expect(await verifyUploadedObject(api.deps, `enterprises/ent-a/evidence/${requested.id}`)).toEqual({
      outcome: 'verified',
    });
    expect(await verifyUploadedObject(api.deps, 'enterprises/ent-a/evidence/never-requested')).toEqual({
      outcome: 'unrequested',
    });
    expect(await verifyUploadedObject(api.deps, 'somewhere/else')).toEqual({ outcome: 'ignored' });
  });
});

describe('evidence in the score', () => {
  const template = findTemplate('osh-self-inspection', 1);
  const items = new Map<string, TemplateItem>(
    (template?.sections ?? []).flatMap((s) => s.items.map((i) => [i.id, i] as const)),
  );

  it('a valid training certificate earns its item the points; an expired one earns nothing', async () => {
    const pdf = samplePdf();
    const valid = await uploadAndConfirm(
      declare(pdf, 'application/pdf', {
        kind: 'training_certificate',
        trainingGroup: 4,
        workersCovered: 30,
        issuedOn: '2026-02-01',
        expiresOn: '2027-02-01',
      }),
      pdf,
    );
    const expired = await uploadAndConfirm(
      declare(pdf, 'application/pdf', {
        kind: 'training_certificate',
        trainingGroup: 4,
        issuedOn: '2024-02-01',
        expiresOn: '2025-02-01',
      }),
      pdf,
    );
    const created = await api.call('POST', '/v1/enterprises/ent-a/assessments', {
      as: asA,
      body: { templateId: 'osh-self-inspection', period: '2026' },
    });
    const draft = (await created.json()) as { id: string; applicableItemIds: string[] };
    const trainingItems = draft.applicableItemIds
      .map((id) => items.get(id) as TemplateItem)
      .filter((item) => item.evidenceKinds?.includes('training_certificate'));
    const [first, second] = trainingItems;
    if (!first || !second) throw new Error('the template needs two training items for a small firm');
    const answers = Object.fromEntries(
      draft.applicableItemIds.map((id) => [id, { value: 'compliant' }]),
    ) as Record<string, { value: string; evidenceIds?: string[] }>;
    answers[first.id] = { value: 'compliant', evidenceIds: [valid.id] };
    answers[second.id] = { value: 'compliant', evidenceIds: [expired.id] };
    const saved = await api.call('PATCH', `/v1/enterprises/ent-a/assessments/${draft.id}`, {
      as: asA,
      body: { answers },
      headers: { 'If-Match': '"1"' },
    });
    expect(saved.status).toBe(200);
    const submitted = await api.call('POST', `/v1/enterprises/ent-a/assessments/${draft.id}/submit`, {
      as: asA,
    });
    const { score } = (await submitted.json()) as { score: { items: Array<Record<string, unknown>> } };
    expect(score.items.find((i) => i.id === first.id)).toMatchObject({
      outcome: 'compliant',
      points: first.weight,
    });
    expect(score.items.find((i) => i.id === second.id)).toMatchObject({
      points: 0,
      reason: 'evidence_expired',
    });
  });
});
