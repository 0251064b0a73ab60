import { describe, expect, it } from 'vitest';
import { applicableItemIds } from './applicability';
import { credibilityGap, findingErrors, inspectionPeriod, scoreInspection } from './inspections';
import { scoreAssessment } from './scoring';
import type { EnterpriseProfile, Template } from './template';

const template: Template = {
  id: 't',
  version: 1,
  title: { vi: 'T', en: 'T' },
  publishedOn: '2026-01-01',
  sections: [
    {
      id: 'S1',
      title: { vi: 'S1', en: 'S1' },
      items: [
        {
          id: 'A',
          text: { vi: 'A', en: 'A' },
          legalBasis: [],
          weight: 3,
          severity: 'critical',
          allowNotApplicable: false,
          evidenceKinds: ['training_certificate'],
        },
        {
          id: 'B',
          text: { vi: 'B', en: 'B' },
          legalBasis: [],
          weight: 2,
          severity: 'minor',
          allowNotApplicable: true,
        },
        {
          id: 'C',
          text: { vi: 'C', en: 'C' },
          legalBasis: [],
          weight: 1,
          severity: 'major',
          allowNotApplicable: false,
          appliesWhen: { sectorIn: ['F'] },
        },
      ],
    },
  ],
};
const office: EnterpriseProfile = {
  sectorCode: 'M6920',
  highRisk: false,
  headcount: 10,
  workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
};

describe('scoreInspection', () => {
  it('lets a compliant finding on an item that needs evidence stand: the inspector saw it', () => {
    const inspection = scoreInspection({
      template,
      profile: office,
      findings: { A: 'compliant' },
      conductedOn: '2026-11-20',
    });
    expect(inspection).toMatchObject({ total: 100, rating: 'A', criticalFailures: [] });
    // The same answer in a self-assessment earns nothing without evidence.
    const self = scoreAssessment({
      template,
      applicableItemIds: applicableItemIds(template, office),
      answers: { A: { value: 'compliant' }, B: { value: 'compliant' } },
      evidence: {},
      on: '2026-11-20',
    });
    expect(self.items[0]).toMatchObject({ id: 'A', outcome: 'non_compliant', reason: 'evidence_missing' });
  });

  it('leaves out items without a finding and items that do not apply to the firm', () => {
    const score = scoreInspection({
      template,
      profile: office,
      findings: { B: 'partial', C: 'non_compliant' },
      conductedOn: '2026-11-20',
    });
    expect(score.items.map((item) => item.id)).toEqual(['B']);
    expect(score.total).toBe(50);
  });

  it('caps the rating when a critical item is found failing', () => {
    const score = scoreInspection({
      template,
      profile: office,
      findings: { A: 'non_compliant', B: 'compliant' },
      conductedOn: '2026-11-20',
    });
    expect(score).toMatchObject({ total: 40, rating: 'D', criticalFailures: ['A'] });
  });
});

describe('findingErrors', () => {
  it('accepts findings on any item of the version, refuses unknown items and forbidden not_applicable', () => {
    expect(findingErrors(template, office, { A: 'compliant', C: 'compliant' })).toEqual([]);
    expect(findingErrors(template, office, { Z: 'compliant', A: 'not_applicable' })).toEqual([
      { itemId: 'Z', message: 'no item Z in template t v1' },
      { itemId: 'A', message: 'item A cannot be found not_applicable' },
    ]);
  });

  it('refuses findings that are all about items the firm does not have', () => {
    expect(findingErrors(template, office, { C: 'non_compliant' })).toEqual([
      { itemId: '', message: 'no finding is about an item that applies to this enterprise' },
    ]);
  });
});

describe('inspectionPeriod and credibilityGap', () => {
  it('compares with the period of the firm’s own schedule', () => {
    expect(inspectionPeriod('2026-11-20', { highRisk: true })).toBe('2026-H2');
    expect(inspectionPeriod('2026-03-02', { highRisk: false })).toBe('2026');
  });

  it('is the self-score minus the inspection score, exactly to one decimal', () => {
    expect(credibilityGap(88.5, 52)).toBe(36.5);
    expect(credibilityGap(70.1, 70.3)).toBe(-0.2);
    expect(credibilityGap(null, 52)).toBeNull();
  });
});
