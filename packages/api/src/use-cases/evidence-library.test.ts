import { type Enterprise, getEnterprise, listEvidence, settleEvidence } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, putEvidenceRecord, seedTwoFirms, type TestApi } from '../test-support';
import { evidenceDownload } from './evidence-download';
import { listEvidenceLibrary } from './list-evidence';
import { requestEvidenceUpload } from './request-evidence-upload';

// The evidence routes' decisions, without HTTP: what a firm may declare, what the library marks, what may be fetched.
let api: TestApi;
let firmA: Enterprise;
let firmB: Enterprise;
const today = '2026-11-28';

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(`${today}T03:00:00.000Z`) });
  await seedTwoFirms(api.db);
  firmA = (await getEnterprise(api.db, 'ent-a')) as Enterprise;
  firmB = (await getEnterprise(api.db, 'ent-b')) as Enterprise;
});

const declared = {
  kind: 'health_exam_record',
  fileName: 'kham-suc-khoe.pdf',
  contentType: 'application/pdf',
  size: 2048,
  sha256: 'b'.repeat(64),
  issuedOn: '2026-06-01',
} as const;

describe('requestEvidenceUpload', () => {
  it.each([
    ['a type the store cannot verify', { contentType: 'application/zip' }, 415, undefined],
    ['a file over 20 MB', { size: 20 * 1024 * 1024 + 1 }, 413, undefined],
    ['a document issued after today in Vietnam', { issuedOn: '2026-11-29' }, 400, 'issuedOn'],
  ])('refuses %s, and declares nothing', async (_case, change, status, path) => {
    let ids = 0;
    const result = await requestEvidenceUpload(
      {
        ...api.deps,
        newId: () => {
          ids += 1;
          return `never-${ids}`;
        },
      },
      { enterprise: firmB, request: { ...declared, ...change }, actor: 'ent-b-officer' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.status).toBe(status);
    if (path !== undefined) expect(result.error.extensions).toMatchObject({ errors: [{ path }] });
    expect(ids).toBe(0);
    expect((await listEvidence(api.db, { enterpriseId: 'ent-b', limit: 10 })).items).toEqual([]);
  });

  it('declares a document issued today and answers with its upload form, the object key kept server-side', async () => {
    const result = await requestEvidenceUpload(api.deps, {
      enterprise: firmA,
      request: { ...declared, issuedOn: today },
      actor: 'ent-a-officer',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ enterpriseId: 'ent-a', status: 'pending_upload', issuedOn: today });
    expect(result.value).not.toHaveProperty('objectKey');
    expect(result.value.upload.url).toEqual(expect.any(String));
  });
});

describe('evidenceDownload', () => {
  it('signs a download of verified evidence only', async () => {
    await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-a',
      id: 'ev-verified',
      kind: 'health_exam_record',
      issuedOn: '2026-01-05',
    });
    const result = await evidenceDownload(api.deps, { enterprise: firmA, evidenceId: 'ev-verified' });
    expect(result.ok && result.value.url).toEqual(expect.any(String));
  });

  it('409 not_verified while the upload waits for its confirmation', async () => {
    await putEvidenceRecord(
      api.db,
      { enterpriseId: 'ent-a', id: 'ev-pending', kind: 'health_exam_record', issuedOn: '2026-01-05' },
      { verify: false },
    );
    const result = await evidenceDownload(api.deps, { enterprise: firmA, evidenceId: 'ev-pending' });
    expect(result.ok ? undefined : [result.error.status, result.error.extensions]).toEqual([
      409,
      { code: 'not_verified' },
    ]);
  });

  it('404 for a rejected file (quarantined, never proof), for unknown evidence and for another firm’s', async () => {
    const pending = await putEvidenceRecord(
      api.db,
      { enterpriseId: 'ent-a', id: 'ev-rejected', kind: 'health_exam_record', issuedOn: '2026-01-05' },
      { verify: false },
    );
    await settleEvidence(api.db, {
      evidence: pending,
      outcome: { status: 'rejected', reason: 'checksum_mismatch' },
      reviewPriority: 'other',
      actor: 'seed',
      at: '2026-01-05T00:00:00.000Z',
    });
    for (const [enterprise, evidenceId] of [
      [firmA, 'ev-rejected'],
      [firmA, 'ev-unknown'],
      [firmB, 'ev-verified'],
    ] as const) {
      const result = await evidenceDownload(api.deps, { enterprise, evidenceId });
      expect(result.ok ? 200 : result.error.status, evidenceId).toBe(404);
    }
  });
});

describe('listEvidenceLibrary', () => {
  it('marks what expired before today in Vietnam, and keeps the object keys server-side', async () => {
    await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-b',
      id: 'ev-old',
      kind: 'health_exam_record',
      issuedOn: '2025-01-05',
      expiresOn: '2026-11-27',
    });
    await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-b',
      id: 'ev-today',
      kind: 'health_exam_record',
      issuedOn: '2025-11-28',
      expiresOn: today,
    });
    const page = await listEvidenceLibrary(api.deps, { enterprise: firmB, limit: 10 });
    const expired = Object.fromEntries(page.items.map((item) => [item.id, item.expired]));
    expect(expired).toEqual({ 'ev-old': true, 'ev-today': false });
    expect(page.items.some((item) => 'objectKey' in item)).toBe(false);
    const soon = await listEvidenceLibrary(api.deps, { enterprise: firmB, limit: 10, expiringWithinDays: 0 });
    expect(soon.items.map((item) => item.id)).toEqual(['ev-today']);
  });
});
