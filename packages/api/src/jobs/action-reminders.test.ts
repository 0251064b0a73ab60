import { createEnterprise, createZone, type Enterprise, listNotifications } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, officeFirm, type TestApi } from '../test-support';
import { runActionReminders } from './action-reminders';

let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const today = '2026-11-28';

const firm = (id: string, taxCode: string, contactEmail?: string): Enterprise =>
  officeFirm(id, taxCode, at, contactEmail === undefined ? {} : { contactEmail });

/** An action added by the zone's manager, due `dueOn`. */
async function actionDue(enterpriseId: string, dueOn: string): Promise<void> {
  const response = await api.call('POST', `/v1/enterprises/${enterpriseId}/actions`, {
    as: callers.managerA,
    body: { title: { vi: 'Sửa lan can', en: 'Fix the railing' }, severity: 'major', dueOn },
  });
  expect(response.status).toBe(201);
}

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(`${today}T01:00:00.000Z`) });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createEnterprise(api.db, firm('ent-mail', '1800000011', 'atvsld@example.com'), 'seed');
  await createEnterprise(api.db, firm('ent-broken', '1800000012', 'broken@example.com'), 'seed');
  await createEnterprise(api.db, firm('ent-silent', '1800000013'), 'seed');
  for (const enterpriseId of ['ent-mail', 'ent-broken', 'ent-silent']) await actionDue(enterpriseId, today);
});

describe('e-mail delivery of action notifications', () => {
  it('e-mails each new action notification to the firm’s contact address once, and survives a failed send', async () => {
    const sent: Array<{ to: string; type: string }> = [];
    const deliver = async (notification: { type: string }, to: string) => {
      if (to.startsWith('broken')) throw new Error('mailbox unavailable');
      sent.push({ to, type: notification.type });
    };
    const run = await runActionReminders(api.deps, today, deliver);
    expect(run).toMatchObject({ written: 3, emailed: 1, emailFailed: 1 });
    expect(sent).toEqual([{ to: 'atvsld@example.com', type: 'action_due' }]);
    // Every notification is in the outbox, e-mailed or not.
    for (const enterpriseId of ['ent-mail', 'ent-broken', 'ent-silent']) {
      const page = await listNotifications(api.db, { enterpriseId, limit: 10 });
      expect(page.items.map((notification) => notification.type)).toEqual(['action_due']);
    }
    // The next day the same actions are overdue: new notifications, new e-mails; a rerun sends nothing again.
    const next = await runActionReminders(api.deps, '2026-11-29', deliver);
    expect(next).toMatchObject({ markedOverdue: 3, written: 3, emailed: 1, emailFailed: 1 });
    expect(sent.at(-1)).toEqual({ to: 'atvsld@example.com', type: 'action_overdue' });
    expect(await runActionReminders(api.deps, '2026-11-29', deliver)).toMatchObject({
      written: 0,
      emailed: 0,
      emailFailed: 0,
    });
    expect(sent).toHaveLength(2);
  });
});
