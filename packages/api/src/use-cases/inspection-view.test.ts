import {
  type Enterprise,
  getEnterprise,
  getEvidence,
  type Inspection,
  type SelfCheckItems,
} from '@antoan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, putEvidenceRecord, seedTwoFirms, type TestApi } from '../test-support';
import { confirmInspectionPhoto } from './confirm-inspection-photo';
import { inspectionView } from './inspection-view';
import { listInspectionsCompared } from './list-inspections';

const inspection: Inspection = {
  id: 'insp-1',
  enterpriseId: 'ent-a',
  zoneId: 'zone-a',
  conductedOn: '2026-11-20',
  period: '2026',
  templateId: 'osh-self-inspection',
  templateVersion: 1,
  findings: { 'I-1-1': 'compliant', 'I-1-2': 'non_compliant' },
  score: {
    total: 50,
    items: [
      { id: 'I-1-1', outcome: 'compliant', points: 4, maxPoints: 4 },
      { id: 'I-1-2', outcome: 'non_compliant', points: 0, maxPoints: 4 },
    ],
  } as Inspection['score'],
  inspectedBy: 'insp-1',
  createdAt: '2026-11-20T03:00:00.000Z',
};

describe('inspectionView', () => {
  it('leaves every comparison unknown (null, not 0) when the period has no submitted self-check', () => {
    expect(inspectionView(inspection, undefined)).toMatchObject({
      selfScore: null,
      credibilityGap: null,
      totalsGap: null,
      comparedItems: 0,
      disagreements: [],
    });
  });

  it('compares item by item with the self-check of the period', () => {
    const selfCheck: SelfCheckItems = {
      total: 100,
      assessmentId: 'asmt-1',
      items: [
        { id: 'I-1-1', outcome: 'compliant', points: 4, maxPoints: 4 },
        { id: 'I-1-2', outcome: 'compliant', points: 4, maxPoints: 4 },
      ],
    };
    const view = inspectionView(inspection, selfCheck);
    expect(view).toMatchObject({ selfScore: 100, comparedItems: 2, totalsGap: 50 });
    expect(view.disagreements).toEqual([
      expect.objectContaining({ itemId: 'I-1-2', selfOutcome: 'compliant', finding: 'non_compliant' }),
    ]);
  });
});

describe('against the table', () => {
  let api: TestApi;
  let firm: Enterprise;
  beforeAll(async () => {
    api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00.000Z') });
    await seedTwoFirms(api.db);
    firm = (await getEnterprise(api.db, 'ent-a')) as Enterprise;
  });

  it('lists no inspections as an empty last page', async () => {
    expect(await listInspectionsCompared(api.deps, { enterprise: firm, limit: 10 })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('confirms inspection photos only: a firm’s own evidence, or an unknown id, is not found and stays as it was', async () => {
    await putEvidenceRecord(
      api.db,
      { enterpriseId: 'ent-a', id: 'ev-firm', kind: 'health_exam_record', issuedOn: '2026-01-05' },
      { verify: false },
    );
    for (const photoId of ['ev-firm', 'ph-unknown']) {
      const result = await confirmInspectionPhoto(api.deps, { enterprise: firm, photoId, actor: 'insp-1' });
      expect(result.ok ? 200 : result.error.status, photoId).toBe(404);
    }
    expect((await getEvidence(api.db, 'ent-a', 'ev-firm'))?.status).toBe('pending_upload');
  });
});
