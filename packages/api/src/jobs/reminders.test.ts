import { createEnterprise, createZone, type Enterprise, listNotifications } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, officeFirm, putEvidenceRecord, type TestApi } from '../test-support';
import { runReminders } from './reminders';

let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const today = '2026-11-28';

const firm = (id: string, taxCode: string, selfCheckDueOn: string): Enterprise =>
  officeFirm(id, taxCode, at, { selfCheckDueOn });

const verifiedEvidence = (enterpriseId: string, id: string, expiresOn: string | undefined, verify = true) =>
  putEvidenceRecord(
    api.db,
    {
      enterpriseId,
      id,
      kind: 'health_exam_record',
      issuedOn: '2026-01-01',
      ...(expiresOn === undefined ? {} : { expiresOn }),
    },
    { verify },
  );

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T01:00:00.000Z') });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createEnterprise(api.db, firm('ent-a', '1800000001', '2026-12-28'), 'seed');
  await createEnterprise(api.db, firm('ent-due-7', '1800000002', '2026-12-05'), 'seed');
  await createEnterprise(api.db, firm('ent-overdue', '1800000003', '2026-11-27'), 'seed');
  await createEnterprise(api.db, firm('ent-later', '1800000004', '2027-06-30'), 'seed');
  await verifiedEvidence('ent-a', 'ev-30', '2026-12-28');
  await verifiedEvidence('ent-a', 'ev-7', '2026-12-05');
  await verifiedEvidence('ent-a', 'ev-0', '2026-11-28');
  await verifiedEvidence('ent-a', 'ev-10', '2026-12-08');
  await verifiedEvidence('ent-a', 'ev-none', undefined);
  await verifiedEvidence('ent-a', 'ev-pending-7', '2026-12-05', false);
});

describe('the daily reminder job', () => {
  it('finds exactly the evidence expiring in 30, 7 and 0 days and the due and overdue self-checks', async () => {
    const first = await runReminders(api.deps, today);
    expect(first).toEqual({ today, written: 6, alreadySent: 0, emailed: 0, emailFailed: 0 });
    const outbox = await listNotifications(api.db, { enterpriseId: 'ent-a', limit: 50 });
    expect(outbox.items.map((n) => n.dedupe).sort()).toEqual([
      'evidence_expiring#ev-0#0',
      'evidence_expiring#ev-30#30',
      'evidence_expiring#ev-7#7',
      'self_check_due#30',
    ]);
    expect(outbox.items.find((n) => n.dedupe === 'evidence_expiring#ev-0#0')?.type).toBe('evidence_expired');
    const due = await listNotifications(api.db, { enterpriseId: 'ent-due-7', limit: 50 });
    expect(due.items).toEqual([expect.objectContaining({ type: 'self_check_due', day: '2026-12-05' })]);
    const overdue = await listNotifications(api.db, { enterpriseId: 'ent-overdue', limit: 50 });
    expect(overdue.items).toEqual([expect.objectContaining({ type: 'self_check_overdue' })]);
    expect((await listNotifications(api.db, { enterpriseId: 'ent-later', limit: 50 })).items).toEqual([]);
  });

  it('writes nothing twice when run twice', async () => {
    expect(await runReminders(api.deps, today)).toEqual({
      today,
      written: 0,
      alreadySent: 6,
      emailed: 0,
      emailFailed: 0,
    });
    expect((await listNotifications(api.db, { enterpriseId: 'ent-a', limit: 50 })).items).toHaveLength(4);
  });

  it('serves the outbox to the enterprise’s scope only', async () => {
    const own = await api.call('GET', '/v1/enterprises/ent-a/notifications', { as: callers.enterpriseA });
    expect(own.status).toBe(200);
    const body = (await own.json()) as { items: Array<{ message: { vi: string; en: string } }> };
    expect(body.items[0]?.message.vi).toBeTruthy();
    expect(
      (await api.call('GET', '/v1/enterprises/ent-a/notifications', { as: callers.enterpriseB })).status,
    ).toBe(404);
    expect(
      (await api.call('GET', '/v1/enterprises/ent-a/notifications', { as: callers.managerA })).status,
    ).toBe(200);
  });
});

describe('e-mail delivery of new reminders', () => {
  it('e-mails only new notifications, to firms with a contact address, and survives a failed send', async () => {
    await createEnterprise(
      api.db,
      { ...firm('ent-mail', '1800000005', '2026-12-05'), contactEmail: 'atvsld@example.com' },
      'seed',
    );
    await createEnterprise(
      api.db,
      { ...firm('ent-mail-broken', '1800000006', '2026-12-05'), contactEmail: 'broken@example.com' },
      'seed',
    );
    const sent: Array<{ to: string; type: string }> = [];
    const deliver = async (notification: { type: string }, to: string) => {
      if (to.startsWith('broken')) throw new Error('mailbox unavailable');
      sent.push({ to, type: notification.type });
    };
    const run = await runReminders(api.deps, today, deliver);
    expect(run).toMatchObject({ written: 2, emailed: 1, emailFailed: 1 });
    expect(sent).toEqual([{ to: 'atvsld@example.com', type: 'self_check_due' }]);
    expect(await runReminders(api.deps, today, deliver)).toMatchObject({ written: 0, emailed: 0 });
  });
});
