import {
  createEnterprise,
  createZone,
  type Enterprise,
  getEnterpriseActionCounts,
  getPendingActionsByItem,
  getZoneActionCounts,
  listActionOutboxes,
  listActionsOfEnterprise,
} from '@antoan/db';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { answeredDraft } from '../actions-test-support';
import { allRoutes } from '../app';
import { createApp } from '../create-app';
import { runActionReminders } from '../jobs/action-reminders';
import type { TokenRequest } from '../local-issuer';
import { createTestApi, faultInjectable, type TestApi } from '../test-support';
import { TRANSACTION_LIMIT } from './gap-actions';

let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const builder = (id: string, taxCode: string): Enterprise => ({
  id,
  taxCode,
  name: `Builder ${id}`,
  zoneId: 'zone-o',
  sectorCode: 'F4100',
  highRisk: true,
  headcount: 1200,
  workforce: { women: 100, minors: 2, disabled: 5, elderly: 20, hazardous: 600 },
  strictEquipmentCount: 10,
  createdAt: at,
});
const officer = (enterpriseId: string): TokenRequest => ({
  sub: `officer-${enterpriseId}`,
  role: 'enterprise',
  enterpriseId,
});

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
  await createZone(api.db, { id: 'zone-o', code: 'ZO', name: 'Zone O', createdAt: at }, 'seed');
  await createEnterprise(api.db, builder('ent-big', '1800000011'), 'seed');
  await createEnterprise(api.db, builder('ent-forty', '1800000012'), 'seed');
});

/** Submits through an app whose TransactWriteItems go through `send`, on the same table. */
async function submitThrough(
  send: (input: TransactWriteCommandInput) => Promise<unknown>,
  enterpriseId: string,
  assessmentId: string,
) {
  const { db, mock } = faultInjectable(api.db);
  mock.on(TransactWriteCommand).callsFake(send);
  const app = createApp({ ...api.deps, db }, { routes: allRoutes() });
  return app.request(`/v1/enterprises/${enterpriseId}/assessments/${assessmentId}/submit`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await api.token(officer(enterpriseId))}` },
  });
}
const real = (input: TransactWriteCommandInput) => api.db.doc.send(new TransactWriteCommand(input));

describe('actions of a submission', () => {
  it('too many gaps for one transaction go through the outbox; a drain cut short is finished by the daily job, and every gap gets exactly one action', async () => {
    const draft = await answeredDraft(api, officer('ent-big'), 'ent-big', '2026-H2', (applicable) => [
      ...applicable,
    ]);
    expect(draft.gaps.length * 2).toBeGreaterThan(TRANSACTION_LIMIT);
    let calls = 0;
    const response = await submitThrough(
      async (input) => {
        calls++;
        // 1: the submission with its outbox; 2: twenty actions; 3: twenty more, committed, but the answer is
        // lost; then the database is out of reach.
        if (calls <= 2) return real(input);
        if (calls === 3) {
          await real(input);
          throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
        }
        throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'NetworkingError' });
      },
      'ent-big',
      draft.id,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { actions: { created: string[]; via: string } };
    expect(body.actions.via).toBe('outbox');
    expect(body.actions.created).toHaveLength(draft.gaps.length);

    const firstPage = await listActionsOfEnterprise(api.db, { enterpriseId: 'ent-big', limit: 200 });
    expect(firstPage.items).toHaveLength(40);
    expect(await listActionOutboxes(api.db)).toEqual([{ enterpriseId: 'ent-big', sourceId: draft.id }]);

    const run = await runActionReminders(api.deps, '2026-11-28');
    expect(run).toMatchObject({ drained: 1, created: draft.gaps.length - 40 });
    const rerun = await runActionReminders(api.deps, '2026-11-28');
    expect(rerun).toMatchObject({ drained: 0, created: 0 });

    const actions = await listActionsOfEnterprise(api.db, { enterpriseId: 'ent-big', limit: 200 });
    const itemIds = actions.items.map((action) => action.source.itemId);
    expect(itemIds.sort()).toEqual([...draft.gaps].sort());
    expect((await getPendingActionsByItem(api.db, 'ent-big')).size).toBe(draft.gaps.length);
    expect(await getEnterpriseActionCounts(api.db, 'ent-big')).toEqual({
      open: draft.gaps.length,
      overdue: 0,
    });
    expect((await getZoneActionCounts(api.db, 'zone-o')).open).toBe(draft.gaps.length);
    expect(await listActionOutboxes(api.db)).toEqual([]);
  }, 180_000);

  it('40 gaps fit in the submission’s own transaction; its write units are measured', async () => {
    const draft = await answeredDraft(api, officer('ent-forty'), 'ent-forty', '2026-H2', (applicable) =>
      applicable.slice(0, 40),
    );
    const consumed: Array<{ items: number; wru: number | undefined }> = [];
    const response = await submitThrough(
      async (input) => {
        const output = await api.db.doc.send(
          new TransactWriteCommand({ ...input, ReturnConsumedCapacity: 'TOTAL' }),
        );
        const units = output.ConsumedCapacity?.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
        consumed.push({ items: input.TransactItems?.length ?? 0, wru: units });
        return output;
      },
      'ent-forty',
      draft.id,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { actions: { created: string[]; via: string } };
    expect(body.actions).toMatchObject({ via: 'transaction' });
    expect(body.actions.created).toHaveLength(40);
    expect(consumed).toHaveLength(1);
    // 40 actions + 40 item claims + 2 counters + the submission's 6 writes (its closing answer save among them)
    // + the firm's year facts and its zone's year counters.
    expect(consumed[0]?.items).toBe(90);
    console.info(`submission with 40 gaps: ${JSON.stringify(consumed[0])}`);
    expect((await getZoneActionCounts(api.db, 'zone-o')).open).toBeGreaterThanOrEqual(40);
  }, 120_000);
});
