import { createEnterprise, createZone, getTargetEntry } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshTargetPriority } from '../targeting';
import { callers, createTestApi, putEvidenceRecord, type TestApi } from '../test-support';
import { runDailyJobs } from './daily';

let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const today = '2026-11-28';

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T01:00:00.000Z') });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createEnterprise(
    api.db,
    {
      id: 'ent-steel',
      taxCode: '1800000001',
      name: 'Thép Tây Đô',
      zoneId: 'zone-a',
      sectorCode: 'C2410',
      highRisk: true,
      headcount: 300,
      workforce: { women: 20, minors: 0, disabled: 0, elderly: 0, hazardous: 150 },
      strictEquipmentCount: 6,
      createdAt: at,
    },
    'seed',
  );
  await refreshTargetPriority(api.db, 'ent-steel', today);
  // The boiler's inspection certificate ran out yesterday; a training certificate is still valid.
  await putEvidenceRecord(api.db, {
    enterpriseId: 'ent-steel',
    id: 'ev-boiler',
    kind: 'equipment_inspection_certificate',
    issuedOn: '2025-01-01',
    expiresOn: '2026-11-27',
  });
  await putEvidenceRecord(api.db, {
    enterpriseId: 'ent-steel',
    id: 'ev-training',
    kind: 'training_certificate',
    issuedOn: '2025-01-01',
    expiresOn: '2027-06-30',
  });
});

describe('the daily jobs', () => {
  it('count proof that ran out yesterday in the firm’s priority, with a reason, and re-rank each zone', async () => {
    const before = await getTargetEntry(api.db, 'ent-steel');
    expect(before?.snapshot.expiredCriticalEvidence).toBe(0);
    const run = await runDailyJobs(api.deps, today);
    expect(run.refreshedForExpiry).toBe(1);
    expect(run.reranked).toMatchObject({ zones: 1, read: expect.any(Number) });
    const after = await getTargetEntry(api.db, 'ent-steel');
    expect(after?.snapshot.expiredCriticalEvidence).toBe(1);
    expect(after?.priority).toBeGreaterThan(before?.priority ?? Number.POSITIVE_INFINITY);

    const targets = await api.call('GET', '/v1/targets?zoneId=zone-a', { as: callers.inspector });
    const body = (await targets.json()) as {
      items: Array<{ enterpriseId: string; reasons: Array<{ code: string }> }>;
    };
    const steel = body.items.find((item) => item.enterpriseId === 'ent-steel');
    expect(steel?.reasons.map((reason) => reason.code)).toContain('expired_critical_evidence');
  });
});
