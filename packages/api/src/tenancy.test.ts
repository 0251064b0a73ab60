import { createAction } from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractViolations } from './contract-check';
import type { TokenRequest } from './local-issuer';
import type { LocalUserStore } from './local-user-store';
import {
  callers,
  createTestApi,
  putEvidenceRecord,
  seededAt,
  seedTwoFirms,
  type TestApi,
} from './test-support';

let api: TestApi;
const at = seededAt;

beforeAll(async () => {
  api = await createTestApi();
  await seedTwoFirms(api.db, { draftPeriod: '1999' });
  await (api.deps.users as LocalUserStore).ensureAccounts([
    {
      id: 'officer-a',
      email: 'officer-a@firm-a.vn',
      name: 'Officer A',
      role: 'enterprise',
      enterpriseId: 'ent-a',
      zoneIds: [],
      enabled: true,
      createdAt: at,
    },
  ]);
  // Waiting for its file: reviewers in scope reach it and get 409 (only verified evidence is reviewed).
  await putEvidenceRecord(
    api.db,
    { enterpriseId: 'ent-a', id: 'ev-pending', kind: 'osh_plan', issuedOn: '2026-01-02' },
    { verify: false },
  );
  await putEvidenceRecord(api.db, {
    enterpriseId: 'ent-a',
    id: 'ph-verified',
    kind: 'inspection_photo',
    issuedOn: '2026-01-02',
  });
  await createAction(api.db, {
    id: 'act-a',
    enterpriseId: 'ent-a',
    zoneId: 'zone-a',
    source: { kind: 'manual' },
    title: { vi: 'Sửa lan can', en: 'Fix the railing' },
    legalBasis: [],
    severity: 'major',
    status: 'open',
    dueOn: '2027-01-30',
    version: 1,
    createdAt: at,
    createdBy: 'seed',
    updatedAt: at,
    updatedBy: 'seed',
  });
});

type Caller = keyof typeof callers | 'anonymous';
let taxCodeSeq = 100;
let zoneSeq = 0;
let periodSeq = 0;
let licenceSeq = 0;
let userSeq = 0;

/** Every route of the API, with a request that is valid apart from who makes it. */
const routes: Record<string, { method: string; path: string; body?: () => unknown }> = {
  health: { method: 'GET', path: '/v1/health' },
  listZones: { method: 'GET', path: '/v1/zones' },
  createZone: {
    method: 'POST',
    path: '/v1/zones',
    body: () => ({ code: `Z${zoneSeq++}`, name: 'New zone' }),
  },
  createEnterpriseInA: {
    method: 'POST',
    path: '/v1/enterprises',
    body: () => ({
      taxCode: `1800${String(taxCodeSeq++).padStart(6, '0')}`,
      name: 'New',
      zoneId: 'zone-a',
      sectorCode: 'F41',
      headcount: 3,
    }),
  },
  getEnterpriseA: { method: 'GET', path: '/v1/enterprises/ent-a' },
  getMissingEnterprise: { method: 'GET', path: '/v1/enterprises/ent-none' },
  listTemplates: { method: 'GET', path: '/v1/templates' },
  getTemplateVersion: { method: 'GET', path: '/v1/templates/osh-self-inspection/versions/1' },
  createAssessmentForA: {
    method: 'POST',
    path: '/v1/enterprises/ent-a/assessments',
    body: () => ({ templateId: 'osh-self-inspection', period: `${2000 + periodSeq++}` }),
  },
  listAssessmentsOfA: { method: 'GET', path: '/v1/enterprises/ent-a/assessments' },
  getAssessmentOfA: { method: 'GET', path: '/v1/enterprises/ent-a/assessments/asmt-a' },
  patchAssessmentOfA: {
    method: 'PATCH',
    path: '/v1/enterprises/ent-a/assessments/asmt-a',
    body: () => ({ answers: { 'I-1-1': { value: 'compliant' } } }),
  },
  submitAssessmentOfA: { method: 'POST', path: '/v1/enterprises/ent-a/assessments/asmt-missing/submit' },
  requestEvidenceForA: {
    method: 'POST',
    path: '/v1/enterprises/ent-a/evidence',
    body: () => ({
      kind: 'osh_plan',
      fileName: 'ke-hoach.pdf',
      contentType: 'application/pdf',
      size: 1000,
      sha256: 'b'.repeat(64),
      issuedOn: '2026-01-02',
    }),
  },
  confirmMissingEvidenceOfA: { method: 'POST', path: '/v1/enterprises/ent-a/evidence/ev-missing/confirm' },
  listEvidenceOfA: { method: 'GET', path: '/v1/enterprises/ent-a/evidence' },
  downloadMissingEvidenceOfA: { method: 'GET', path: '/v1/enterprises/ent-a/evidence/ev-missing/download' },
  deleteMissingEvidenceOfA: { method: 'DELETE', path: '/v1/enterprises/ent-a/evidence/ev-missing' },
  notificationsOfA: { method: 'GET', path: '/v1/enterprises/ent-a/notifications' },
  declareAccidentOfA: {
    method: 'POST',
    path: '/v1/enterprises/ent-a/accidents',
    body: () => ({
      occurredAt: '2026-11-20T08:00:00+07:00',
      severity: 'minor',
      victims: 1,
      fatalities: 0,
      cause: 'Trượt ngã',
      description: 'Trượt ngã ở kho.',
    }),
  },
  listAccidentsOfA: { method: 'GET', path: '/v1/enterprises/ent-a/accidents' },
  recordInspectionOfA: {
    method: 'POST',
    path: '/v1/enterprises/ent-a/inspections',
    body: () => ({
      conductedOn: '2026-11-20',
      templateId: 'osh-self-inspection',
      templateVersion: 1,
      findings: { 'I-1-1': 'compliant' },
    }),
  },
  listInspectionsOfA: { method: 'GET', path: '/v1/enterprises/ent-a/inspections' },
  requestInspectionPhotoOfA: {
    method: 'POST',
    path: '/v1/enterprises/ent-a/inspection-photos',
    body: () => ({ fileName: 'lan-can.jpg', contentType: 'image/jpeg', size: 2048, sha256: 'b'.repeat(64) }),
  },
  confirmInspectionPhotoOfA: {
    method: 'POST',
    path: '/v1/enterprises/ent-a/inspection-photos/ph-verified/confirm',
  },
  dashboardOfZoneA: { method: 'GET', path: '/v1/zones/zone-a/dashboard?period=2026' },
  firmsOfZoneA: { method: 'GET', path: '/v1/zones/zone-a/enterprises?period=2026' },
  wholeDashboardOfZoneA: { method: 'GET', path: '/v1/zones/zone-a/dashboard' },
  allFirmsOfZoneA: { method: 'GET', path: '/v1/zones/zone-a/firms?q=1800&sort=score&order=desc' },
  trendsOfZoneA: { method: 'GET', path: '/v1/zones/zone-a/trends?from=2025&to=2026' },
  cityOverview: { method: 'GET', path: '/v1/city/overview' },
  targets: { method: 'GET', path: '/v1/targets' },
  targetsOfZoneA: { method: 'GET', path: '/v1/targets?zoneId=zone-a' },
  reviewPendingEvidenceOfA: {
    method: 'POST',
    path: '/v1/enterprises/ent-a/evidence/ev-pending/review',
    body: () => ({ decision: 'accepted' }),
  },
  evidenceReviewQueueOfZoneA: { method: 'GET', path: '/v1/zones/zone-a/evidence-review' },
  listProviders: { method: 'GET', path: '/v1/providers' },
  createProvider: {
    method: 'POST',
    path: '/v1/providers',
    body: () => ({
      name: 'Trung tâm Huấn luyện Thử',
      taxCode: '1800999999',
      services: ['training'],
      licenceNo: `GP-${licenceSeq++}`,
      validFrom: '2025-01-01',
      validUntil: '2029-12-31',
    }),
  },
  amendDraftOfA: { method: 'POST', path: '/v1/enterprises/ent-a/assessments/asmt-a/amend' },
  listActionsOfA: { method: 'GET', path: '/v1/enterprises/ent-a/actions?status=open' },
  addActionForA: {
    method: 'POST',
    path: '/v1/enterprises/ent-a/actions',
    body: () => ({ title: { vi: 'Sửa lan can', en: 'Fix the railing' }, severity: 'major' }),
  },
  getActionOfA: { method: 'GET', path: '/v1/enterprises/ent-a/actions/act-a' },
  // Without If-Match: every caller allowed and in scope gets 428, the others 403 or 404 first.
  patchActionOfA: {
    method: 'PATCH',
    path: '/v1/enterprises/ent-a/actions/act-a',
    body: () => ({ note: 'x' }),
  },
  overdueActionsOfZoneA: { method: 'GET', path: '/v1/zones/zone-a/actions?overdue=true' },
  auditOfA: { method: 'GET', path: '/v1/enterprises/ent-a/audit' },
  inviteUserForA: {
    method: 'POST',
    path: '/v1/users',
    body: () => ({ email: `officer${userSeq++}@firm-a.vn`, role: 'enterprise', enterpriseId: 'ent-a' }),
  },
  listUsers: { method: 'GET', path: '/v1/users' },
  listUsersOfZoneA: { method: 'GET', path: '/v1/users?zoneId=zone-a' },
  disableUserOfA: { method: 'POST', path: '/v1/users/officer-a/disable' },
  annualDataOfA: { method: 'GET', path: '/v1/enterprises/ent-a/annual-data/2026' },
  putAnnualDataOfA: {
    method: 'PUT',
    path: '/v1/enterprises/ent-a/annual-data/2026',
    body: () => ({ data: {} }),
  },
  annualReportOfA: { method: 'GET', path: '/v1/enterprises/ent-a/reports/annual?year=2026' },
  accidentReportOfA: { method: 'GET', path: '/v1/enterprises/ent-a/reports/accidents?period=2026-H1' },
  cityReport: { method: 'GET', path: '/v1/reports/annual?year=2026' },
  zoneAReport: { method: 'GET', path: '/v1/reports/annual?year=2026&zoneId=zone-a' },
};

/** The status each caller must get on each route: 403 for a role never allowed, 404 outside scope. */
const matrix: Record<keyof typeof routes, Record<Caller, number>> = {
  health: {
    anonymous: 200,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 200,
    enterpriseA: 200,
    enterpriseB: 200,
  },
  listZones: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 200,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  createZone: {
    anonymous: 401,
    authority: 201,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  // A zone outside the manager's scope is answered as if it did not exist: 400 on `zoneId`.
  createEnterpriseInA: {
    anonymous: 401,
    authority: 201,
    inspector: 403,
    managerA: 201,
    managerB: 400,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  getEnterpriseA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  getMissingEnterprise: {
    anonymous: 401,
    authority: 404,
    inspector: 404,
    managerA: 404,
    managerB: 404,
    enterpriseA: 404,
    enterpriseB: 404,
  },
  listTemplates: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 200,
    enterpriseA: 200,
    enterpriseB: 200,
  },
  getTemplateVersion: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 200,
    enterpriseA: 200,
    enterpriseB: 200,
  },
  createAssessmentForA: {
    anonymous: 401,
    authority: 403,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 201,
    enterpriseB: 404,
  },
  listAssessmentsOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  getAssessmentOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  // The draft is read before If-Match is compared; the owner without If-Match gets 428.
  patchAssessmentOfA: {
    anonymous: 401,
    authority: 403,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 428,
    enterpriseB: 404,
  },
  submitAssessmentOfA: {
    anonymous: 401,
    authority: 403,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 404,
    enterpriseB: 404,
  },
  requestEvidenceForA: {
    anonymous: 401,
    authority: 403,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 201,
    enterpriseB: 404,
  },
  confirmMissingEvidenceOfA: {
    anonymous: 401,
    authority: 403,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 404,
    enterpriseB: 404,
  },
  listEvidenceOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  downloadMissingEvidenceOfA: {
    anonymous: 401,
    authority: 404,
    inspector: 404,
    managerA: 404,
    managerB: 404,
    enterpriseA: 404,
    enterpriseB: 404,
  },
  // Only the firm deletes from its own library; in scope, a missing file is 404.
  deleteMissingEvidenceOfA: {
    anonymous: 401,
    authority: 403,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 404,
    enterpriseB: 404,
  },
  notificationsOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  declareAccidentOfA: {
    anonymous: 401,
    authority: 403,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 201,
    enterpriseB: 404,
  },
  listAccidentsOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  recordInspectionOfA: {
    anonymous: 401,
    authority: 201,
    inspector: 201,
    managerA: 403,
    managerB: 403,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  listInspectionsOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  // Only those who inspect take photos; a firm, even of itself, never does.
  requestInspectionPhotoOfA: {
    anonymous: 401,
    authority: 201,
    inspector: 201,
    managerA: 403,
    managerB: 403,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  // Confirming a photo already verified gives its verdict again.
  confirmInspectionPhotoOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 403,
    managerB: 403,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  // A zone outside the manager's scope is answered as if it did not exist; an enterprise may never look.
  dashboardOfZoneA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  firmsOfZoneA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  wholeDashboardOfZoneA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  allFirmsOfZoneA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  trendsOfZoneA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  // City-wide: a zone manager is never allowed, even for a city of one zone.
  cityOverview: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 403,
    managerB: 403,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  targets: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 403,
    managerB: 403,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  targetsOfZoneA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 403,
    managerB: 403,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  // A firm never reviews, even its own evidence; in scope, pending evidence cannot be reviewed yet (409).
  reviewPendingEvidenceOfA: {
    anonymous: 401,
    authority: 409,
    inspector: 409,
    managerA: 409,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  evidenceReviewQueueOfZoneA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  listProviders: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 200,
    enterpriseA: 200,
    enterpriseB: 200,
  },
  createProvider: {
    anonymous: 401,
    authority: 201,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  amendDraftOfA: {
    anonymous: 401,
    authority: 403,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 409,
    enterpriseB: 404,
  },
  listActionsOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  addActionForA: {
    anonymous: 401,
    authority: 403,
    inspector: 201,
    managerA: 201,
    managerB: 404,
    enterpriseA: 201,
    enterpriseB: 404,
  },
  getActionOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  patchActionOfA: {
    anonymous: 401,
    authority: 403,
    inspector: 428,
    managerA: 428,
    managerB: 404,
    enterpriseA: 428,
    enterpriseB: 404,
  },
  overdueActionsOfZoneA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  // A firm outside the manager's zones looks exactly like a missing one: 404.
  inviteUserForA: {
    anonymous: 401,
    authority: 201,
    inspector: 403,
    managerA: 201,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  listUsers: {
    anonymous: 401,
    authority: 200,
    inspector: 403,
    managerA: 200,
    managerB: 200,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  listUsersOfZoneA: {
    anonymous: 401,
    authority: 200,
    inspector: 403,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  auditOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  // Disabling is idempotent, so every caller in scope gets 200.
  disableUserOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 403,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  annualDataOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  // Only the firm writes its form; without If-Match it gets 428.
  putAnnualDataOfA: {
    anonymous: 401,
    authority: 403,
    inspector: 403,
    managerA: 403,
    managerB: 403,
    enterpriseA: 428,
    enterpriseB: 404,
  },
  annualReportOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  accidentReportOfA: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 200,
    enterpriseB: 404,
  },
  // The city report is for the authority and inspectors; a zone manager must name a zone of theirs.
  cityReport: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 403,
    managerB: 403,
    enterpriseA: 403,
    enterpriseB: 403,
  },
  zoneAReport: {
    anonymous: 401,
    authority: 200,
    inspector: 200,
    managerA: 200,
    managerB: 404,
    enterpriseA: 403,
    enterpriseB: 403,
  },
};

const cases = Object.entries(matrix).flatMap(([route, expected]) =>
  Object.entries(expected).map(([caller, status]) => ({ route, caller: caller as Caller, status })),
);

describe('tenancy matrix: every role against every route', () => {
  it.each(cases)('$route as $caller → $status', async ({ route, caller, status }) => {
    const spec = routes[route];
    if (!spec) throw new Error(`unknown route ${route}`);
    const as: TokenRequest | undefined = caller === 'anonymous' ? undefined : callers[caller];
    const response = await api.call(spec.method, spec.path, {
      ...(as ? { as } : {}),
      ...(spec.body ? { body: spec.body() } : {}),
    });
    expect(response.status).toBe(status);
    if (status >= 400) expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    // Every answer, success or refusal, matches the OpenAPI document generated from the schemas.
    expect(await contractViolations(spec.method, spec.path, response)).toEqual([]);
  });

  it('a zone manager lists only their own zones', async () => {
    const response = await api.call('GET', '/v1/zones', { as: callers.managerA });
    const body = (await response.json()) as { items: Array<{ id: string }> };
    expect(body.items.map((zone) => zone.id)).toEqual(['zone-a']);
  });

  it('the 404 outside scope is the same body as for a missing enterprise', async () => {
    const outside = await api.call('GET', '/v1/enterprises/ent-a', { as: callers.managerB });
    const missing = await api.call('GET', '/v1/enterprises/ent-zzz', { as: callers.managerB });
    const strip = (body: Record<string, unknown>) => ({ ...body, instance: undefined, requestId: undefined });
    expect(strip((await outside.json()) as Record<string, unknown>)).toEqual(
      strip((await missing.json()) as Record<string, unknown>),
    );
  });
});
