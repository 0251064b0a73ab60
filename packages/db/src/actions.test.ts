import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type Action,
  changeAction,
  countActions,
  createAction,
  getAction,
  getEnterpriseActionCounts,
  getPendingActionsByItem,
  getZoneActionCounts,
  listActionsDueOn,
  listActionsOfEnterprise,
  listDoneActionsOfZone,
  listPendingActionsOfZone,
  markActionOverdue,
  putActionCounts,
} from './actions';
import { listAuditOfEnterprise } from './audit';
import type { DbContext } from './client';
import { ConflictError } from './errors';
import { createTestDb } from './local';

let ctx: DbContext;
const at = '2026-11-01T00:00:00.000Z';
const action = (id: string, dueOn: string, extra: Partial<Action> = {}): Action => ({
  id,
  enterpriseId: 'e1',
  zoneId: 'z1',
  source: { kind: 'self_check', id: 'a1', itemId: `item-${id}` },
  title: { vi: id, en: id },
  legalBasis: [],
  severity: 'minor',
  status: 'open',
  dueOn,
  version: 1,
  createdAt: at,
  createdBy: 'u1',
  updatedAt: at,
  updatedBy: 'u1',
  ...extra,
});

beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
  await createAction(ctx, action('x3', '2026-12-03'));
  await createAction(ctx, action('x1', '2026-12-01'));
  await createAction(ctx, action('x2', '2026-12-02'));
});

describe('actions', () => {
  it('claims the item: a second pending action on it is refused and nothing is written', async () => {
    await expect(
      createAction(ctx, action('dup', '2026-12-09', { source: { kind: 'manual', itemId: 'item-x1' } })),
    ).rejects.toMatchObject({
      code: 'item_has_pending_action',
    });
    expect(await getAction(ctx, 'e1', 'dup')).toBeUndefined();
    expect([...(await getPendingActionsByItem(ctx, 'e1')).keys()].sort()).toEqual([
      'item-x1',
      'item-x2',
      'item-x3',
    ]);
    expect(await getZoneActionCounts(ctx, 'z1')).toEqual({ open: 3, overdue: 0 });
  });

  it('lists a zone’s pending actions oldest due first, and only the overdue ones by key condition', async () => {
    const all = await listPendingActionsOfZone(ctx, { zoneId: 'z1', limit: 2 });
    expect(all.items.map((a) => a.id)).toEqual(['x1', 'x2']);
    const rest = await listPendingActionsOfZone(ctx, {
      zoneId: 'z1',
      limit: 2,
      cursor: all.nextCursor ?? undefined,
    });
    expect(rest.items.map((a) => a.id)).toEqual(['x3']);
    const overdue = await listPendingActionsOfZone(ctx, { zoneId: 'z1', overdueOn: '2026-12-03', limit: 10 });
    expect(overdue.items.map((a) => a.id)).toEqual(['x1', 'x2']);
    expect((await listActionsDueOn(ctx, '2026-12-02')).map((a) => a.id)).toEqual(['x2']);
    const filtered = await listActionsOfEnterprise(ctx, {
      enterpriseId: 'e1',
      overdueOn: '2026-12-02',
      limit: 10,
    });
    expect(filtered.items.map((a) => a.id)).toEqual(['x1']);
  });

  it('counts an action overdue once, and takes it back out when it is closed', async () => {
    const x1 = (await getAction(ctx, 'e1', 'x1')) as Action;
    expect(await markActionOverdue(ctx, x1)).toBe(true);
    expect(await markActionOverdue(ctx, x1)).toBe(false);
    expect(await getEnterpriseActionCounts(ctx, 'e1')).toEqual({ open: 3, overdue: 1 });
    const before = (await getAction(ctx, 'e1', 'x1')) as Action;
    const { overdueCounted: _flag, ...rest } = before;
    await changeAction(ctx, {
      before,
      after: { ...rest, status: 'done', version: 2, note: 'ok', doneOn: '2026-12-05' },
      actor: 'u1',
      at: '2026-12-05T00:00:00.000Z',
      action: 'action.done',
    });
    expect(await getZoneActionCounts(ctx, 'z1')).toEqual({ open: 2, overdue: 0 });
    // Done, it waits in the zone's verification queue; verified, it leaves it.
    expect((await listDoneActionsOfZone(ctx, { zoneId: 'z1', limit: 10 })).items.map((a) => a.id)).toEqual([
      'x1',
    ]);
    const done = (await getAction(ctx, 'e1', 'x1')) as Action;
    await changeAction(ctx, {
      before: done,
      after: { ...done, status: 'verified', version: 3, verifiedBy: 'zm' },
      actor: 'zm',
      at: '2026-12-06T00:00:00.000Z',
      action: 'action.verified',
    });
    expect((await listDoneActionsOfZone(ctx, { zoneId: 'z1', limit: 10 })).items).toEqual([]);
    expect((await getPendingActionsByItem(ctx, 'e1')).has('item-x1')).toBe(false);
    expect((await listPendingActionsOfZone(ctx, { zoneId: 'z1', limit: 10 })).items.map((a) => a.id)).toEqual(
      ['x2', 'x3'],
    );
    const history = await listAuditOfEnterprise(ctx, { enterpriseId: 'e1', limit: 1 });
    expect(history.items[0]).toMatchObject({
      action: 'action.verified',
      target: 'x1',
      details: { changes: { status: ['done', 'verified'] } },
    });
  });

  it('refuses a change to a version that is no longer current', async () => {
    const before = (await getAction(ctx, 'e1', 'x2')) as Action;
    const after = { ...before, status: 'in_progress' as const, version: 2 };
    await changeAction(ctx, { before, after, actor: 'u1', at });
    const error = await changeAction(ctx, {
      before,
      after: { ...after, owner: 'late' },
      actor: 'u2',
      at,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('stale_version');
    expect((await getAction(ctx, 'e1', 'x2'))?.owner).toBeUndefined();
  });
});

describe('action counters from the actions (the backfill)', () => {
  it('counts pending actions and those counted overdue, and replaces a firm’s and a zone’s counters', async () => {
    expect(
      countActions([
        { status: 'open', overdueCounted: true },
        { status: 'in_progress' },
        { status: 'done', overdueCounted: true },
        { status: 'verified' },
        { status: 'cancelled' },
      ]),
    ).toEqual({ open: 2, overdue: 1 });
    await putActionCounts(ctx, { enterpriseId: 'e-counts' }, { open: 4, overdue: 1 });
    await putActionCounts(ctx, { zoneId: 'z-counts' }, { open: 7, overdue: 2 });
    expect(await getEnterpriseActionCounts(ctx, 'e-counts')).toEqual({ open: 4, overdue: 1 });
    expect(await getZoneActionCounts(ctx, 'z-counts')).toEqual({ open: 7, overdue: 2 });
    await putActionCounts(ctx, { zoneId: 'z-counts' }, { open: 0, overdue: 0 });
    expect(await getZoneActionCounts(ctx, 'z-counts')).toEqual({ open: 0, overdue: 0 });
  });
});
