import { createEnterprise, createZone, type Enterprise } from '@antoan/db';
import { addDays } from '@antoan/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { answeredDraft, templateItems } from '../actions-test-support';
import { runActionReminders } from '../jobs/action-reminders';
import type { TokenRequest } from '../local-issuer';
import { callers, createTestApi, putEvidenceRecord, type TestApi } from '../test-support';

let api: TestApi;
let now = new Date('2026-11-28T03:00:00.000Z');
const at = '2026-01-05T00:00:00.000Z';
const firm = (id: string, taxCode: string): Enterprise => ({
  id,
  taxCode,
  name: `Firm ${id}`,
  zoneId: 'zone-a',
  sectorCode: 'M6920',
  highRisk: false,
  headcount: 12,
  workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt: at,
});
const asA = callers.enterpriseA;
const managerA = callers.managerA;
const otherManagerA: TokenRequest = { sub: 'zm-a2', role: 'zone_manager', zoneIds: ['zone-a'] };

interface ActionBody {
  id: string;
  status: string;
  source: { kind: string; id?: string; itemId?: string };
  dueOn: string;
  overdue: boolean;
  version: number;
  evidenceKinds?: string[];
  owner?: string;
  doneOn?: string;
  verifiedBy?: string;
}

beforeAll(async () => {
  api = await createTestApi({ now: () => now });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createEnterprise(api.db, firm('ent-a', '1800000001'), 'seed');
  await createEnterprise(api.db, firm('ent-c', '1800000003'), 'seed');
});

const patchAction = (as: TokenRequest, eid: string, action: { id: string; version: number }, body: unknown) =>
  api.call('PATCH', `/v1/enterprises/${eid}/actions/${action.id}`, {
    as,
    body,
    headers: { 'If-Match': `"${action.version}"` },
  });

async function actionsOf(eid: string, query = ''): Promise<ActionBody[]> {
  const response = await api.call('GET', `/v1/enterprises/${eid}/actions${query}`, { as: managerA });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: ActionBody[] }).items;
}

async function dashboard(): Promise<{ submitted: number; actions: { open: number; overdue: number } }> {
  const response = await api.call('GET', '/v1/zones/zone-a/dashboard?period=2026', { as: managerA });
  expect(response.status).toBe(200);
  return (await response.json()) as { submitted: number; actions: { open: number; overdue: number } };
}

describe('corrective actions end to end', () => {
  it('submit → actions → closed with evidence → verified → overdue → amended; the history shows it all', async () => {
    // Three gaps: one item that takes evidence, two that do not.
    let evidenceItem = '';
    const draft = await answeredDraft(api, asA, 'ent-a', '2026', (applicable) => {
      const withEvidence = applicable.filter((id) => templateItems.get(id)?.evidenceKinds);
      const without = applicable.filter((id) => !templateItems.get(id)?.evidenceKinds);
      evidenceItem = withEvidence[0] as string;
      return [evidenceItem, without[0] as string, without[1] as string];
    });
    const submitted = await api.call('POST', `/v1/enterprises/ent-a/assessments/${draft.id}/submit`, {
      as: asA,
    });
    expect(submitted.status).toBe(200);
    const submitBody = (await submitted.json()) as { actions: { created: string[]; via: string } };
    expect(submitBody.actions.created).toHaveLength(3);
    expect(submitBody.actions.via).toBe('transaction');

    const open = await actionsOf('ent-a', '?status=open');
    expect(open.map((action) => action.source.itemId).sort()).toEqual([...draft.gaps].sort());
    expect(open.every((action) => action.source.kind === 'self_check' && action.source.id === draft.id)).toBe(
      true,
    );
    expect(await dashboard()).toMatchObject({ submitted: 1, actions: { open: 3, overdue: 0 } });

    // The firm takes the evidence item on and closes it with proof.
    let closing = open.find((action) => action.source.itemId === evidenceItem) as ActionBody;
    let response = await patchAction(asA, 'ent-a', closing, { owner: 'Chị Lan', status: 'in_progress' });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"2"');
    closing = (await response.json()) as ActionBody;
    expect(closing).toMatchObject({ owner: 'Chị Lan', status: 'in_progress' });

    response = await patchAction(asA, 'ent-a', closing, { status: 'done', note: 'Đã bổ sung' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe(
      'evidenceIds',
    );

    const kind = closing.evidenceKinds?.[0] as string;
    await putEvidenceRecord(api.db, { enterpriseId: 'ent-a', id: 'ev-fix-1', kind, issuedOn: '2026-11-20' });
    response = await patchAction(asA, 'ent-a', closing, {
      status: 'done',
      note: 'Đã bổ sung',
      evidenceIds: ['ev-fix-1'],
    });
    expect(response.status).toBe(200);
    closing = (await response.json()) as ActionBody;
    expect(closing).toMatchObject({ status: 'done', doneOn: '2026-11-28' });

    // The firm cannot verify its own work; the zone's manager can.
    response = await patchAction(asA, 'ent-a', closing, { status: 'verified' });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'illegal_transition', allowed: [] });
    response = await patchAction(managerA, 'ent-a', closing, { status: 'verified' });
    expect(response.status).toBe(200);
    closing = (await response.json()) as ActionBody;
    expect(closing).toMatchObject({ status: 'verified', verifiedBy: managerA.sub });
    response = await patchAction(asA, 'ent-a', closing, { status: 'in_progress' });
    expect(response.status).toBe(409);
    expect(await dashboard()).toMatchObject({ actions: { open: 2, overdue: 0 } });

    // The clock passes the earliest due day: the daily job counts it overdue, once, and tells the firm.
    const pending = (await actionsOf('ent-a')).filter((action) => action.status === 'open');
    const firstDue = pending.map((action) => action.dueOn).sort()[0] as string;
    const today = addDays(firstDue, 1);
    now = new Date(`${today}T03:00:00.000Z`);
    const run = await runActionReminders(api.deps, today);
    const overdueCount = pending.filter((action) => action.dueOn === firstDue).length;
    expect(run.markedOverdue).toBe(overdueCount);
    expect(run.written).toBe(overdueCount);
    const again = await runActionReminders(api.deps, today);
    expect(again).toMatchObject({ markedOverdue: 0, written: 0 });
    const notifications = await api.call('GET', '/v1/enterprises/ent-a/notifications', { as: asA });
    const types = ((await notifications.json()) as { items: Array<{ type: string }> }).items.map(
      (n) => n.type,
    );
    expect(types.filter((type) => type === 'action_overdue')).toHaveLength(overdueCount);
    expect(await dashboard()).toMatchObject({ actions: { open: 2, overdue: overdueCount } });
    const zoneOverdue = await api.call('GET', '/v1/zones/zone-a/actions?overdue=true', { as: managerA });
    const zoneItems = ((await zoneOverdue.json()) as { items: ActionBody[] }).items;
    expect(zoneItems.map((action) => action.dueOn)).toEqual(Array(overdueCount).fill(firstDue));
    expect(zoneItems.every((action) => action.overdue)).toBe(true);
    const targets = await api.call('GET', '/v1/targets?zoneId=zone-a', { as: callers.inspector });
    const target = (
      (await targets.json()) as { items: Array<{ enterpriseId: string; reasons: Array<{ code: string }> }> }
    ).items.find((item) => item.enterpriseId === 'ent-a');
    expect(target?.reasons.map((reason) => reason.code)).toContain('overdue_actions');

    // Amend with the overdue gap fixed (and the verified one answered as it now is): only one amendment open, and the resubmission replaces the period's score.
    const overdueAction = pending.find((action) => action.dueOn === firstDue) as ActionBody;
    const fixedItem = overdueAction.source.itemId as string;
    const stillGap = pending.find((action) => action.id !== overdueAction.id)?.source.itemId as string;
    response = await api.call('POST', `/v1/enterprises/ent-a/assessments/${draft.id}/amend`, { as: asA });
    expect(response.status).toBe(201);
    const amendment = (await response.json()) as {
      id: string;
      amends: string;
      answers: Record<string, unknown>;
    };
    expect(amendment.amends).toBe(draft.id);
    expect(Object.keys(amendment.answers).length).toBeGreaterThan(3);
    response = await api.call('POST', `/v1/enterprises/ent-a/assessments/${draft.id}/amend`, { as: asA });
    expect(response.status).toBe(409);
    response = await api.call('PATCH', `/v1/enterprises/ent-a/assessments/${amendment.id}`, {
      as: asA,
      body: {
        answers: {
          [fixedItem]: { value: 'compliant' },
          [evidenceItem]: { value: 'compliant', evidenceIds: ['ev-fix-1'] },
        },
      },
      headers: { 'If-Match': '"1"' },
    });
    expect(response.status).toBe(200);
    response = await api.call('POST', `/v1/enterprises/ent-a/assessments/${amendment.id}/submit`, {
      as: asA,
    });
    expect(response.status).toBe(200);
    const resubmitted = (await response.json()) as { actions: { created: string[]; cancelled: string[] } };
    expect(resubmitted.actions).toMatchObject({ created: [], cancelled: [overdueAction.id] });

    const afterAmend = await actionsOf('ent-a');
    const stillPending = afterAmend.filter(
      (action) => action.status === 'open' || action.status === 'in_progress',
    );
    expect(stillPending.map((action) => action.source.itemId)).toEqual([stillGap]);
    expect(afterAmend.filter((action) => action.source.itemId === stillGap)).toHaveLength(1);
    const stillOverdue = pending.some(
      (action) => action.source.itemId === stillGap && action.dueOn === firstDue,
    );
    expect(await dashboard()).toMatchObject({
      submitted: 1,
      actions: { open: 1, overdue: stillOverdue ? 1 : 0 },
    });
    const firms = await api.call('GET', '/v1/zones/zone-a/enterprises?period=2026', { as: managerA });
    const listed = ((await firms.json()) as { items: Array<{ enterpriseId: string; status: string }> }).items;
    expect(listed.filter((item) => item.enterpriseId === 'ent-a')).toEqual([
      expect.objectContaining({ status: 'submitted' }),
    ]);
    const old = await api.call('GET', `/v1/enterprises/ent-a/assessments/${draft.id}`, { as: asA });
    expect(((await old.json()) as { supersededBy?: string }).supersededBy).toBe(amendment.id);

    // The history shows the amendment, the action changes and who made them, newest first.
    const history = await api.call('GET', '/v1/enterprises/ent-a/audit?limit=200', { as: managerA });
    expect(history.status).toBe(200);
    const entries = (
      (await history.json()) as {
        items: Array<{ at: string; actor: string; action: string; target: { kind: string; id: string } }>;
      }
    ).items;
    const find = (action: string) => entries.find((entry) => entry.action === action);
    expect(find('assessment.amend')).toMatchObject({
      actor: asA.sub,
      target: { kind: 'assessment', id: amendment.id },
    });
    expect(find('action.verified')).toMatchObject({
      actor: managerA.sub,
      target: { kind: 'action', id: closing.id },
    });
    expect(find('action.done')).toMatchObject({ actor: asA.sub });
    const times = entries.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
  }, 180_000);

  it('two managers verifying the same action at once: one 200, one 412', async () => {
    const created = await api.call('POST', '/v1/enterprises/ent-c/actions', {
      as: managerA,
      body: { title: { vi: 'Sửa lan can', en: 'Fix the railing' }, severity: 'major' },
    });
    expect(created.status).toBe(201);
    let action = (await created.json()) as ActionBody;
    const asC: TokenRequest = { sub: 'officer-c', role: 'enterprise', enterpriseId: 'ent-c' };
    await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-c',
      id: 'ev-rail-1',
      kind: 'other',
      issuedOn: '2026-11-20',
    });
    const done = await patchAction(asC, 'ent-c', action, {
      status: 'done',
      note: 'Đã hàn lại',
      evidenceIds: ['ev-rail-1'],
    });
    expect(done.status).toBe(200);
    action = (await done.json()) as ActionBody;
    const queue = await api.call('GET', '/v1/zones/zone-a/actions?status=done', { as: managerA });
    const queued = ((await queue.json()) as { items: Array<ActionBody & Record<string, unknown>> }).items;
    // The zone's list names the firm and the evidence file, not just their ids.
    expect(queued.find((found) => found.id === action.id)).toMatchObject({
      enterpriseName: 'Firm ent-c',
      evidenceFiles: [{ id: 'ev-rail-1', fileName: 'ev-rail-1.pdf' }],
    });
    const statuses = await Promise.all(
      [managerA, otherManagerA].map((as) => patchAction(as, 'ent-c', action, { status: 'verified' })),
    );
    expect(statuses.map((r) => r.status).sort()).toEqual([200, 412]);
    const after = await api.call('GET', '/v1/zones/zone-a/actions?status=done', { as: managerA });
    expect(((await after.json()) as { items: ActionBody[] }).items.map((found) => found.id)).not.toContain(
      action.id,
    );
  });

  it('twenty parallel amend requests open exactly one amendment', async () => {
    const asC: TokenRequest = { sub: 'officer-c', role: 'enterprise', enterpriseId: 'ent-c' };
    const draft = await answeredDraft(api, asC, 'ent-c', '2026', () => []);
    const submitted = await api.call('POST', `/v1/enterprises/ent-c/assessments/${draft.id}/submit`, {
      as: asC,
    });
    expect(submitted.status).toBe(200);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.call('POST', `/v1/enterprises/ent-c/assessments/${draft.id}/amend`, { as: asC }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
  });

  it('extra checks are scored and raise actions but never count as the periodic one', async () => {
    const asC: TokenRequest = { sub: 'officer-c', role: 'enterprise', enterpriseId: 'ent-c' };
    const before = await dashboard();
    for (const round of [1, 2]) {
      const draft = await answeredDraft(
        api,
        asC,
        'ent-c',
        '2026',
        (applicable) => [applicable[round] as string],
        'thematic',
      );
      const response = await api.call('POST', `/v1/enterprises/ent-c/assessments/${draft.id}/submit`, {
        as: asC,
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { actions: { created: string[] } }).actions.created).toHaveLength(1);
    }
    const after = await dashboard();
    expect(after.submitted).toBe(before.submitted);
    expect(after.actions.open).toBe(before.actions.open + 2);
    const amend = await api.call('GET', '/v1/enterprises/ent-c/assessments', { as: asC });
    const kinds = ((await amend.json()) as { items: Array<{ kind: string }> }).items.map((item) => item.kind);
    expect(kinds.filter((kind) => kind === 'thematic')).toHaveLength(2);
  });

  it('the firm brings a due day forward only; a manager extends it, which takes it out of the overdue count', async () => {
    const asC: TokenRequest = { sub: 'officer-c', role: 'enterprise', enterpriseId: 'ent-c' };
    const today = now.toISOString().slice(0, 10);
    const created = await api.call('POST', '/v1/enterprises/ent-c/actions', {
      as: managerA,
      body: {
        title: { vi: 'Sơn vạch lối đi', en: 'Paint the walkways' },
        severity: 'minor',
        dueOn: addDays(today, 10),
      },
    });
    expect(created.status).toBe(201);
    let action = (await created.json()) as ActionBody;
    const later = await patchAction(asC, 'ent-c', action, { dueOn: addDays(today, 11) });
    expect(later.status).toBe(400);
    const past = await patchAction(asC, 'ent-c', action, { dueOn: addDays(today, -1) });
    expect(past.status).toBe(400);
    const sooner = await patchAction(asC, 'ent-c', action, { dueOn: addDays(today, 3), owner: 'Tổ bảo trì' });
    expect(sooner.status).toBe(200);
    action = (await sooner.json()) as ActionBody;
    expect(action).toMatchObject({ dueOn: addDays(today, 3), owner: 'Tổ bảo trì', overdue: false });

    // Overdue four days later (the daily job counts it), then the manager gives a week more.
    const saved = now;
    const laterDay = addDays(today, 4);
    now = new Date(`${laterDay}T03:00:00.000Z`);
    try {
      await runActionReminders(api.deps, laterDay);
      const overdueBefore = (await dashboard()).actions.overdue;
      [action] = (await actionsOf('ent-c', '?overdue=true')).filter((found) => found.id === action.id) as [
        ActionBody,
      ];
      expect(action.overdue).toBe(true);
      expect((await patchAction(asC, 'ent-c', action, { dueOn: addDays(laterDay, 7) })).status).toBe(400);
      const extended = await patchAction(managerA, 'ent-c', action, { dueOn: addDays(laterDay, 7) });
      expect(extended.status).toBe(200);
      expect(await extended.json()).toMatchObject({ dueOn: addDays(laterDay, 7), overdue: false });
      expect((await dashboard()).actions.overdue).toBe(overdueBefore - 1);
    } finally {
      now = saved;
    }
  });

  it('refuses hostile or illegal changes with clear errors and writes nothing', async () => {
    const [action] = await actionsOf('ent-a', '?status=open');
    if (!action) throw new Error('expected a pending action');
    expect(
      (
        await api.call('PATCH', `/v1/enterprises/ent-a/actions/${action.id}`, {
          as: asA,
          body: { note: 'x' },
        })
      ).status,
    ).toBe(428);
    expect((await patchAction(asA, 'ent-a', { ...action, version: 99 }, { note: 'x' })).status).toBe(412);
    // Each field error comes in Vietnamese too (`localized`), beside the English `message`.
    const vietnamese = async (response: Response) => {
      expect(response.status).toBe(400);
      const { errors } = (await response.json()) as {
        errors: Array<{ message: string; localized?: { vi: string; en: string } }>;
      };
      for (const error of errors) expect(error.localized?.en).toBe(error.message);
      return errors.map((error) => error.localized?.vi);
    };
    expect(await vietnamese(await patchAction(asA, 'ent-a', action, { colour: 'red' }))).toEqual([
      'Trường không được chấp nhận: hãy bỏ đi',
    ]);
    expect(await vietnamese(await patchAction(asA, 'ent-a', action, {}))).toEqual([
      'Hãy thay đổi ít nhất một trong: trạng thái, người phụ trách, hạn, ghi chú, minh chứng',
    ]);
    expect(await vietnamese(await patchAction(managerA, 'ent-a', action, { owner: 'someone' }))).toEqual([
      'Chỉ doanh nghiệp được đặt người phụ trách',
    ]);
    expect(await vietnamese(await patchAction(asA, 'ent-a', action, { evidenceIds: ['ev-nobody'] }))).toEqual(
      ['ev-nobody không phải minh chứng đã xác minh của doanh nghiệp này'],
    );
    const illegal = await patchAction(asA, 'ent-a', action, { status: 'cancelled' });
    expect(illegal.status).toBe(409);
    expect(await illegal.json()).toMatchObject({ allowed: ['in_progress', 'done'] });
    expect(
      await vietnamese(await api.call('GET', '/v1/enterprises/ent-a/actions?overdue=maybe', { as: asA })),
    ).toEqual(['overdue phải là true hoặc false']);
    expect(
      await vietnamese(await api.call('GET', '/v1/zones/zone-a/actions?cursor=bad', { as: managerA })),
    ).toEqual(['cursor không phải do hệ thống cấp cho danh sách này']);
    expect(
      await vietnamese(
        await api.call('GET', '/v1/zones/zone-a/actions?status=done&overdue=true', { as: managerA }),
      ),
    ).toEqual(['overdue chỉ áp dụng cho hành động đang chờ xử lý']);
    const [unchanged] = await actionsOf('ent-a', '?status=open');
    expect(unchanged?.version).toBe(action.version);
  });
});
