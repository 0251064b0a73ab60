import { createEnterprise, createZone, type Enterprise, getTargetEntry } from '@antoan/db';
import {
  applicableItemIds,
  compareWithSelfCheck,
  type Finding,
  type Score,
  scoreInspection,
} from '@antoan/domain';
import { findTemplate } from '@antoan/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import { submitThroughApi } from '../oversight-test-support';
import { callers, createTestApi, type TestApi } from '../test-support';

const template = findTemplate('osh-self-inspection', 1);
if (!template) throw new Error('the default template is missing');

let api: TestApi;
const now = '2026-11-28T03:00:00.000Z';
const office: Enterprise = {
  id: 'ent-a',
  taxCode: '1800000001',
  name: 'Văn phòng Kế toán An Bình',
  zoneId: 'zone-a',
  sectorCode: 'M6920',
  highRisk: false,
  headcount: 12,
  workforce: { women: 6, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt: '2025-03-01T00:00:00.000Z',
};
const applicable = applicableItemIds(template, office);
const evidenceItem = applicable.find((id) =>
  template.sections.some((s) => s.items.some((i) => i.id === id && (i.evidenceKinds?.length ?? 0) > 0)),
);
const notForOffice = template.sections.flatMap((s) => s.items).find((i) => !applicable.includes(i.id))?.id;
let selfTotal: number;
let selfItems: Score['items'];

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(now) });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: now }, 'seed');
  await createEnterprise(api.db, office, 'seed');
  const self = await submitThroughApi(api, callers.enterpriseA, 'ent-a', '2026', () => 'compliant');
  selfTotal = self.total;
  selfItems = (self as unknown as Score).items;
});

const record = (body: unknown, as: typeof callers.inspector | typeof callers.authority = callers.inspector) =>
  api.call('POST', '/v1/enterprises/ent-a/inspections', { as, body });

describe('recording an inspection', () => {
  const findings = Object.fromEntries(
    applicable
      .slice(0, 20)
      .map((id, index): [string, Finding] => [id, index % 2 === 0 ? 'non_compliant' : 'compliant']),
  );

  it('scores the observed findings with the assessment scoring and compares with the self-score of the period', async () => {
    const response = await record({
      conductedOn: '2026-11-25',
      templateId: 'osh-self-inspection',
      templateVersion: 1,
      findings: { ...findings, ...(notForOffice ? { [notForOffice]: 'compliant' } : {}) },
      notes: 'Kiểm tra theo kế hoạch.',
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      id: string;
      period: string;
      score: { total: number; items: Array<{ id: string }> };
      selfScore: number;
      credibilityGap: number;
      totalsGap: number;
      comparedItems: number;
      disagreements: Array<{ itemId: string; direction: string }>;
    };
    const expected = scoreInspection({ template, profile: office, findings, conductedOn: '2026-11-25' });
    expect(body.score).toEqual(expected);
    expect(body.score.items.map((item) => item.id)).toEqual(applicable.slice(0, 20));
    expect(body).toMatchObject({ period: '2026', selfScore: selfTotal, inspectedBy: callers.inspector.sub });
    // Item by item over the 20 items both scored; the old difference of totals stays as totalsGap.
    const compared = compareWithSelfCheck(expected.items, selfItems);
    expect(compared.comparedItems).toBe(20);
    expect(body).toMatchObject({ credibilityGap: compared.itemGap, comparedItems: 20 });
    expect(body.credibilityGap).toBeGreaterThan(10);
    expect(body.totalsGap).toBe(Math.round((selfTotal - expected.total) * 10) / 10);
    // Every non-compliant finding on an item the firm scored full points is a disagreement where it rated itself better.
    const selfPoints = new Map(selfItems.map((item) => [item.id, item]));
    const better = expected.items
      .filter((item) => (selfPoints.get(item.id)?.points ?? 0) > item.points)
      .map((item) => item.id);
    expect(body.disagreements.filter((d) => d.direction === 'self_better').map((d) => d.itemId)).toEqual(
      better,
    );
    expect(better.length).toBeGreaterThan(0);
  });

  it('lets an observed compliant item that needs evidence count: the inspector saw it', async () => {
    if (!evidenceItem) throw new Error('the office has no item that needs evidence');
    const response = await record(
      {
        conductedOn: '2026-11-26',
        templateId: 'osh-self-inspection',
        templateVersion: 1,
        findings: { [evidenceItem]: 'compliant' },
      },
      callers.authority,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ score: { total: 100 } });
  });

  it('keeps the credibility gap per firm, in its inspection priority', async () => {
    // The latest inspection saw the evidence item compliant, which the self-check scored 0 for want of evidence.
    expect((await getTargetEntry(api.db, 'ent-a'))?.snapshot).toMatchObject({
      lastInspectedOn: '2026-11-26',
      credibilityGap: -100,
    });
  });

  it.each([
    [{ conductedOn: '2026-11-29' }, 'conductedOn'],
    [{ conductedOn: '2026-11-31' }, 'conductedOn'],
    [{ templateId: 'nope' }, 'templateId'],
    [{ templateVersion: 9 }, 'templateVersion'],
    [{ findings: { 'I-99-1': 'compliant' } }, 'findings.I-99-1'],
    [{ findings: { 'I-1-1': 'maybe' } }, 'findings.I-1-1'],
    [{ findings: {} }, 'findings'],
    [{ findings: notForOffice ? { [notForOffice]: 'compliant' } : {} }, 'findings'],
    [{ inspector: 'me' }, 'inspector'],
  ])('400 for %j', async (change, path) => {
    const response = await record({
      conductedOn: '2026-11-20',
      templateId: 'osh-self-inspection',
      templateVersion: 1,
      findings: { 'I-1-1': 'compliant' },
      ...change,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [expect.objectContaining({ path })] });
  });

  it('403 for the firm itself and for zone managers, 404 for a firm that does not exist', async () => {
    const body = {
      conductedOn: '2026-11-20',
      templateId: 'osh-self-inspection',
      templateVersion: 1,
      findings: { 'I-1-1': 'compliant' },
    };
    for (const as of [callers.enterpriseA, callers.managerA]) {
      expect((await api.call('POST', '/v1/enterprises/ent-a/inspections', { as, body })).status).toBe(403);
    }
    expect(
      (await api.call('POST', '/v1/enterprises/ent-zz/inspections', { as: callers.inspector, body })).status,
    ).toBe(404);
  });
});

describe('inspection history', () => {
  it('lists the latest first with the credibility gap, to everyone whose scope covers the firm', async () => {
    const response = await api.call('GET', '/v1/enterprises/ent-a/inspections', { as: callers.enterpriseA });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as {
      items: Array<{ conductedOn: string; credibilityGap: number; totalsGap: number }>;
    };
    expect(items.map((i) => i.conductedOn)).toEqual(['2026-11-26', '2026-11-25']);
    expect(items[0]).toMatchObject({
      credibilityGap: -100,
      totalsGap: Math.round((selfTotal - 100) * 10) / 10,
    });
    expect(
      (await api.call('GET', '/v1/enterprises/ent-a/inspections', { as: callers.managerB })).status,
    ).toBe(404);
  });
});
