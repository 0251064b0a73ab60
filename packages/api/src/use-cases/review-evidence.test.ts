import {
  createEnterprise,
  createZone,
  type Enterprise,
  getAssessment,
  getEnterpriseActionCounts,
  getEvidence,
  listActionsOfEnterprise,
} from '@antoan/db';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { answeredDraft } from '../actions-test-support';
import { allRoutes } from '../app';
import { createApp } from '../create-app';
import type { TokenRequest } from '../local-issuer';
import { createTestApi, faultInjectable, type TestApi } from '../test-support';

// A rejected document opens corrective actions for the items the firm's standing self-check proved with it.
let api: TestApi;
const at = '2026-01-05T00:00:00.000Z';
const firm = (id: string, taxCode: string): Enterprise => ({
  id,
  taxCode,
  name: `Firm ${id}`,
  zoneId: 'zone-r',
  sectorCode: 'C1020',
  highRisk: false,
  headcount: 60,
  workforce: { women: 10, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt: at,
});
const officer = (enterpriseId: string): TokenRequest => ({
  sub: `officer-${enterpriseId}`,
  role: 'enterprise',
  enterpriseId,
});
const manager: TokenRequest = { sub: 'zm-r', role: 'zone_manager', zoneIds: ['zone-r'] };

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
  await createZone(api.db, { id: 'zone-r', code: 'ZR', name: 'Zone R', createdAt: at }, 'seed');
  for (const [id, tax] of [
    ['ent-r1', '1800000101'],
    ['ent-r2', '1800000102'],
    ['ent-r3', '1800000103'],
  ] as const) {
    await createEnterprise(api.db, firm(id, tax), 'seed');
  }
});

/** A submitted self-check with every item compliant (evidence linked), and the evidence most items lean on. */
async function submittedWithEvidence(enterpriseId: string) {
  const draft = await answeredDraft(api, officer(enterpriseId), enterpriseId, '2026', () => []);
  const submitted = await api.call('POST', `/v1/enterprises/${enterpriseId}/assessments/${draft.id}/submit`, {
    as: officer(enterpriseId),
  });
  expect(submitted.status).toBe(200);
  const assessment = await getAssessment(api.db, enterpriseId, draft.id);
  const itemsBy = new Map<string, string[]>();
  for (const [itemId, answer] of Object.entries(assessment?.answers ?? {})) {
    for (const id of answer.evidenceIds ?? []) itemsBy.set(id, [...(itemsBy.get(id) ?? []), itemId]);
  }
  const [evidenceId, itemIds] = [...itemsBy].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  return { evidenceId, itemIds };
}

const review = (enterpriseId: string, evidenceId: string, body: unknown) =>
  api.call('POST', `/v1/enterprises/${enterpriseId}/evidence/${evidenceId}/review`, { as: manager, body });

describe('a rejection opens corrective actions', () => {
  it('opens one action per item the standing self-check proved with the document, except items with one pending', async () => {
    const { evidenceId, itemIds } = await submittedWithEvidence('ent-r1');
    expect(itemIds.length).toBeGreaterThan(1);
    expect((await listActionsOfEnterprise(api.db, { enterpriseId: 'ent-r1', limit: 100 })).items).toEqual([]);
    const [busy, ...free] = itemIds as [string, ...string[]];
    const manual = await api.call('POST', '/v1/enterprises/ent-r1/actions', {
      as: officer('ent-r1'),
      body: { itemId: busy },
    });
    expect(manual.status).toBe(201);

    const rejected = await review('ent-r1', evidenceId, {
      decision: 'rejected',
      reason: 'The certificate belongs to another firm.',
    });
    expect(rejected.status).toBe(200);

    const actions = (await listActionsOfEnterprise(api.db, { enterpriseId: 'ent-r1', limit: 100 })).items;
    const opened = actions.filter((action) => action.source.kind === 'evidence_review');
    expect(opened.map((action) => action.source.itemId).sort()).toEqual([...free].sort());
    for (const action of opened) {
      expect(action).toMatchObject({
        id: `${evidenceId}-${action.source.itemId}`,
        source: { id: evidenceId },
        status: 'open',
        createdBy: 'zm-r',
      });
    }
    expect(actions.filter((action) => action.source.itemId === busy)).toHaveLength(1);
    // The counters moved in the same transaction.
    expect((await getEnterpriseActionCounts(api.db, 'ent-r1')).open).toBe(free.length + 1);
  });

  it('an acceptance opens none', async () => {
    const { evidenceId } = await submittedWithEvidence('ent-r2');
    expect((await review('ent-r2', evidenceId, { decision: 'accepted' })).status).toBe(200);
    expect((await listActionsOfEnterprise(api.db, { enterpriseId: 'ent-r2', limit: 100 })).items).toEqual([]);
  });

  it('writes the verdict and its actions together or not at all', async () => {
    const { evidenceId } = await submittedWithEvidence('ent-r3');
    const { db, mock } = faultInjectable(api.db);
    mock.on(TransactWriteCommand).rejects(Object.assign(new Error('boom'), { name: 'InternalServerError' }));
    const app = createApp({ ...api.deps, db }, { routes: allRoutes() });
    const failed = await app.request(`/v1/enterprises/ent-r3/evidence/${evidenceId}/review`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await api.token(manager)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision: 'rejected', reason: 'The scan is unreadable.' }),
    });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect((await getEvidence(api.db, 'ent-r3', evidenceId))?.review).toBeUndefined();
    expect((await listActionsOfEnterprise(api.db, { enterpriseId: 'ent-r3', limit: 100 })).items).toEqual([]);
  });
});
