import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listAuditOfEnterprise } from './audit';
import type { DbContext } from './client';
import { ConflictError } from './errors';
import {
  coverageAdds,
  createEvidence,
  deleteEvidence,
  type Evidence,
  getEvidence,
  getEvidenceFacts,
  getEvidenceFileNames,
  listEvidence,
  listEvidenceExpiringOn,
  settleEvidence,
} from './evidence';
import { createTestDb } from './local';

let ctx: DbContext;
const at = '2026-02-01T00:00:00.000Z';
let count = 0;

async function pending(enterpriseId: string, kind: string, extra: Partial<Evidence> = {}): Promise<Evidence> {
  const evidence: Evidence = {
    id: `del${++count}`,
    enterpriseId,
    zoneId: 'zd',
    kind,
    fileName: 'x.pdf',
    contentType: 'application/pdf',
    size: 10,
    sha256: String(count).padStart(64, '0'),
    issuedOn: '2026-01-10',
    objectKey: `k/${count}`,
    status: 'pending_upload',
    createdAt: at,
    createdBy: 'officer',
    ...extra,
  };
  return createEvidence(ctx, evidence);
}

beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
});

describe('deleteEvidence', () => {
  it('marks rejected evidence deleted, drops it from the library and records who deleted it', async () => {
    const evidence = await pending('ent-del-1', 'osh_plan');
    const rejected = await settleEvidence(ctx, {
      evidence,
      outcome: { status: 'rejected', reason: 'type_mismatch' },
      actor: 'officer',
      at,
    });
    const deleted = await deleteEvidence(ctx, {
      evidence: rejected,
      actor: 'officer',
      at: '2026-02-02T00:00:00Z',
    });
    expect(deleted.deletedAt).toBe('2026-02-02T00:00:00Z');
    // The record stays, marked, for the audit trail; the library no longer lists it.
    expect((await getEvidence(ctx, 'ent-del-1', evidence.id))?.deletedBy).toBe('officer');
    expect((await listEvidence(ctx, { enterpriseId: 'ent-del-1', limit: 10 })).items).toEqual([]);
    // It can no longer be linked or scored.
    expect((await getEvidenceFacts(ctx, 'ent-del-1', [evidence.id])).get(evidence.id)?.status).toBe(
      'deleted',
    );
    const audit = await listAuditOfEnterprise(ctx, { enterpriseId: 'ent-del-1', limit: 10 });
    expect(audit.items.map((entry) => entry.action)).toContain('evidence.delete');
  });

  it('refuses a second delete, and a delete of a record whose status changed since it was read', async () => {
    const evidence = await pending('ent-del-2', 'osh_plan');
    await deleteEvidence(ctx, { evidence, actor: 'officer', at });
    await expect(deleteEvidence(ctx, { evidence, actor: 'officer', at })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const other = await pending('ent-del-2', 'osh_plan');
    await settleEvidence(ctx, {
      evidence: other,
      outcome: { status: 'verified', objectKey: 'v/1' },
      actor: 'u',
      at,
    });
    // Read while pending, verified since: the delete must not act on what it did not see.
    await expect(deleteEvidence(ctx, { evidence: other, actor: 'officer', at })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(
      (await listEvidence(ctx, { enterpriseId: 'ent-del-2', limit: 10 })).items.map((e) => e.id),
    ).toEqual([other.id]);
  });

  it('takes back the coverage a verified file added and leaves the expiry reminders', async () => {
    const evidence = await pending('ent-del-3', 'health_exam_record', {
      workersCovered: 7,
      expiresOn: '2027-03-03',
    });
    const verified = await settleEvidence(ctx, {
      evidence,
      outcome: { status: 'verified', objectKey: 'v/2' },
      actor: 'u',
      at,
    });
    expect(coverageAdds(verified)).toEqual({ healthExamined: 7 });
    expect((await listEvidenceExpiringOn(ctx, '2027-03-03')).map((e) => e.id)).toContain(evidence.id);
    await deleteEvidence(ctx, { evidence: verified, actor: 'officer', at });
    expect((await listEvidenceExpiringOn(ctx, '2027-03-03')).map((e) => e.id)).not.toContain(evidence.id);
    const { Item } = await ctx.doc.send(
      new GetCommand({
        TableName: ctx.tableName,
        Key: { pk: 'ENT#ent-del-3', sk: 'COVERAGE#2026' },
      }),
    );
    expect(Item?.healthExamined).toBe(0);
  });
});

describe('getEvidenceFileNames', () => {
  it('reads the file names of evidence by firm and id; another firm’s id or an unknown one is absent', async () => {
    const first = await pending('fn-a', 'other', { fileName: 'bien-ban.pdf' });
    const second = await pending('fn-a', 'other', { fileName: 'anh-chup.png' });
    const names = await getEvidenceFileNames(ctx, [
      { enterpriseId: 'fn-a', evidenceId: first.id },
      { enterpriseId: 'fn-a', evidenceId: second.id },
      { enterpriseId: 'fn-a', evidenceId: first.id },
      { enterpriseId: 'fn-b', evidenceId: second.id.replace('del', 'none') },
      { enterpriseId: 'fn-a', evidenceId: 'unknown' },
    ]);
    expect(names).toEqual(
      new Map([
        [first.id, 'bien-ban.pdf'],
        [second.id, 'anh-chup.png'],
      ]),
    );
    // Another firm's key never reads this firm's record.
    expect(await getEvidenceFileNames(ctx, [{ enterpriseId: 'fn-b', evidenceId: first.id }])).toEqual(
      new Map(),
    );
  });
});
