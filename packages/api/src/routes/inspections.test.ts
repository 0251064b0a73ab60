import { createEnterprise, createZone, type Enterprise, getTargetEntry } from '@antoan/db';
import {
  applicableItemIds,
  compareWithSelfCheck,
  type Finding,
  type Score,
  scoreInspection,
} from '@antoan/domain';
import type { PresignedUpload } from '@antoan/storage';
import { postThroughForm, sampleJpeg, samplePdf, samplePng, sha256Hex } from '@antoan/storage/local';
import { findTemplate } from '@antoan/templates';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenRequest } from '../local-issuer';
import { submitThroughApi } from '../oversight-test-support';
import { callers, createTestApi, putEvidenceRecord, type TestApi } from '../test-support';

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

describe('photos and notes behind findings', () => {
  const inspections = async () =>
    (
      (await (
        await api.call('GET', '/v1/enterprises/ent-a/inspections', { as: callers.inspector })
      ).json()) as {
        items: Array<{ id: string; observations?: Record<string, { note?: string; photoIds?: string[] }> }>;
      }
    ).items;
  const declarePhoto = (
    bytes: Uint8Array,
    extra: Record<string, unknown> = {},
    as: TokenRequest = callers.inspector,
  ) =>
    api.call('POST', '/v1/enterprises/ent-a/inspection-photos', {
      as,
      body: {
        fileName: 'lan-can-tang-2.jpg',
        contentType: 'image/jpeg',
        size: bytes.length,
        sha256: sha256Hex(bytes),
        ...extra,
      },
    });
  const confirmPhoto = (id: string) =>
    api.call('POST', `/v1/enterprises/ent-a/inspection-photos/${id}/confirm`, { as: callers.inspector });
  async function uploadedPhoto(bytes: Uint8Array, sent: Uint8Array = bytes) {
    const declared = await declarePhoto(bytes);
    expect(declared.status).toBe(201);
    const ticket = (await declared.json()) as {
      id: string;
      kind: string;
      status: string;
      upload: PresignedUpload;
    };
    expect(ticket).toMatchObject({
      kind: 'inspection_photo',
      status: 'pending_upload',
      issuedOn: '2026-11-28',
    });
    if (sent === bytes) expect(await postThroughForm(ticket.upload, sent, 'file')).toBeLessThan(300);
    else await api.storeObject(ticket.upload.fields.key ?? '', sent, 'image/jpeg');
    return ticket.id;
  }
  const [first, second] = applicable as [string, string];

  it('takes photos uploaded like evidence and verified on the server, and keeps a note and photos per finding', async () => {
    const photo = await uploadedPhoto(sampleJpeg());
    const confirmed = await confirmPhoto(photo);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ id: photo, status: 'verified' });
    const response = await record({
      conductedOn: '2026-11-27',
      templateId: 'osh-self-inspection',
      templateVersion: 1,
      findings: { [first]: 'non_compliant', [second]: 'compliant' },
      observations: {
        [first]: { note: '  Lan can tầng 2 bị gãy.  ', photoIds: [photo] },
        [second]: { note: '' },
      },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; observations: unknown };
    // Trimmed; an observation with nothing in it is not kept.
    expect(body.observations).toEqual({ [first]: { note: 'Lan can tầng 2 bị gãy.', photoIds: [photo] } });
    expect((await inspections()).find((i) => i.id === body.id)?.observations).toEqual(body.observations);
    // Whoever reads the firm's inspections can open the photo, through the evidence download.
    const link = await api.call('GET', `/v1/enterprises/ent-a/evidence/${photo}/download`, {
      as: callers.enterpriseA,
    });
    expect(link.status).toBe(200);
    const { url } = (await link.json()) as { url: string };
    expect(new Uint8Array(await (await fetch(url)).arrayBuffer())).toEqual(sampleJpeg());
  });

  it('refuses with 400, writing nothing, a note on an item without a finding or a photo that is not a verified photo of the firm', async () => {
    const pending = (await (await declarePhoto(samplePng(), { contentType: 'image/png' })).json()) as {
      id: string;
    };
    const tampered = await uploadedPhoto(sampleJpeg(), samplePng());
    expect((await confirmPhoto(tampered)).status).toBe(422);
    const firmsOwn = await putEvidenceRecord(api.db, {
      enterpriseId: 'ent-a',
      id: 'ev-firm-plan',
      kind: 'osh_plan',
      issuedOn: '2026-01-02',
    });
    const before = (await inspections()).length;
    const base = {
      conductedOn: '2026-11-27',
      templateId: 'osh-self-inspection',
      templateVersion: 1,
      findings: { [first]: 'partial' },
    };
    for (const [observations, path] of [
      [{ [second]: { note: 'không có phát hiện' } }, `observations.${second}`],
      [{ [first]: { photoIds: ['ph-nowhere'] } }, `observations.${first}.photoIds.0`],
      [{ [first]: { photoIds: [pending.id] } }, `observations.${first}.photoIds.0`],
      [{ [first]: { photoIds: [tampered] } }, `observations.${first}.photoIds.0`],
      [{ [first]: { photoIds: [firmsOwn.id] } }, `observations.${first}.photoIds.0`],
      [{ [first]: { photoIds: ['ph-a', 'ph-a'] } }, `observations.${first}.photoIds`],
      [{ [first]: { note: 'x', seen: true } }, `observations.${first}.seen`],
    ] as const) {
      const response = await record({ ...base, observations });
      expect(response.status, JSON.stringify(observations)).toBe(400);
      const problem = (await response.json()) as { errors: Array<{ path: string }> };
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
    expect(await inspections()).toHaveLength(before);
  });

  it('takes only JPEG or PNG up to 20 MB, taken by today, from an inspector or the authority', async () => {
    expect((await declarePhoto(samplePdf(), { contentType: 'application/pdf' })).status).toBe(415);
    expect((await declarePhoto(sampleJpeg(), { size: 21 * 1024 * 1024 })).status).toBe(413);
    expect((await declarePhoto(sampleJpeg(), { takenOn: '2026-11-29' })).status).toBe(400);
    expect((await declarePhoto(sampleJpeg(), { kind: 'other' })).status).toBe(400);
    expect((await declarePhoto(sampleJpeg(), {}, callers.enterpriseA)).status).toBe(403);
    // A firm cannot pass its own file off as the inspector's photo, nor confirm its evidence through this route.
    const firmDeclares = await api.call('POST', '/v1/enterprises/ent-a/evidence', {
      as: callers.enterpriseA,
      body: {
        kind: 'inspection_photo',
        fileName: 'a.jpg',
        contentType: 'image/jpeg',
        size: 10,
        sha256: 'c'.repeat(64),
        issuedOn: '2026-11-01',
      },
    });
    expect(firmDeclares.status).toBe(400);
    expect((await confirmPhoto('ev-firm-plan')).status).toBe(404);
  });
});
