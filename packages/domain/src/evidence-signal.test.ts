import { describe, expect, it } from 'vitest';
import { criticalEvidenceKinds, expiredCriticalEvidenceCount } from './evidence-signal';
import type { Template } from './template';

const item = (
  id: string,
  severity: 'critical' | 'major',
  evidenceKinds?: Array<'training_certificate' | 'osh_plan' | 'equipment_inspection_certificate'>,
) => ({
  id,
  text: { vi: id, en: id },
  legalBasis: [{ document: 'Luật 84/2015/QH13', article: 'Điều 1' }],
  weight: 1,
  severity,
  allowNotApplicable: false,
  ...(evidenceKinds ? { evidenceKinds } : {}),
});

const template: Template = {
  id: 't',
  version: 1,
  title: { vi: 't', en: 't' },
  publishedOn: '2026-01-01',
  sections: [
    {
      id: 'S1',
      title: { vi: 's', en: 's' },
      items: [
        item('A', 'critical', ['equipment_inspection_certificate']),
        item('B', 'major', ['osh_plan']),
        item('C', 'critical', ['training_certificate']),
        item('D', 'critical'),
      ],
    },
  ],
};

describe('expired critical evidence', () => {
  const kinds = criticalEvidenceKinds(template);

  it('takes the kinds of critical items only', () => {
    expect([...kinds].sort()).toEqual(['equipment_inspection_certificate', 'training_certificate']);
  });

  it('counts kinds whose verified proof has all run out, and a newer valid one closes the gap', () => {
    const today = '2026-11-28';
    const expiredCert = {
      kind: 'equipment_inspection_certificate',
      status: 'verified',
      expiresOn: '2026-11-27',
    };
    const stillValid = {
      kind: 'equipment_inspection_certificate',
      status: 'verified',
      expiresOn: '2027-11-27',
    };
    const expiredTraining = { kind: 'training_certificate', status: 'verified', expiresOn: '2025-01-01' };
    const expiredPlan = { kind: 'osh_plan', status: 'verified', expiresOn: '2025-01-01' };
    const rejected = { kind: 'training_certificate', status: 'rejected', expiresOn: '2027-01-01' };
    expect(
      expiredCriticalEvidenceCount([expiredCert, expiredTraining, expiredPlan, rejected], kinds, today),
    ).toBe(2);
    expect(expiredCriticalEvidenceCount([expiredCert, stillValid, expiredTraining], kinds, today)).toBe(1);
    expect(expiredCriticalEvidenceCount([{ ...expiredCert, expiresOn: today }], kinds, today)).toBe(0);
    expect(expiredCriticalEvidenceCount([], kinds, today)).toBe(0);
  });
});
