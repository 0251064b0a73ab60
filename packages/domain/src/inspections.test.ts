import { describe, expect, it } from 'vitest';
import { applicableItemIds } from './applicability';
import {
  compareWithSelfCheck,
  credibilityGap,
  findingErrors,
  inspectionPeriod,
  scoreInspection,
} from './inspections';
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

describe('compareWithSelfCheck', () => {
  const item = (id: string, outcome: string, points: number, maxPoints = 4) => ({
    id,
    outcome,
    points,
    maxPoints,
  });
  it('compares only the items both scored, and lists each disagreement with its direction', () => {
    const self = [
      item('A', 'compliant', 4),
      item('B', 'compliant', 4),
      item('C', 'partial', 2),
      item('D', 'not_applicable', 0, 0),
      item('E', 'compliant', 4),
    ];
    const inspection = [
      item('A', 'compliant', 4),
      item('B', 'non_compliant', 0),
      item('C', 'compliant', 4),
      item('D', 'non_compliant', 0),
      item('F', 'non_compliant', 0),
    ];
    const compared = compareWithSelfCheck(inspection, self);
    // A, B, C compared: self 10, inspection 8 of 12 → 16.7. E was not observed, F not in the self-check.
    expect(compared).toMatchObject({ comparedItems: 3, itemGap: 16.7 });
    expect(compared.disagreements.map((d) => [d.itemId, d.direction])).toEqual([
      ['B', 'self_better'],
      ['C', 'self_worse'],
      ['D', 'applicability'],
    ]);
  });

  it('has no gap when nothing was compared', () => {
    expect(compareWithSelfCheck([item('A', 'compliant', 4)], [])).toEqual({
      comparedItems: 0,
      itemGap: null,
      disagreements: [],
    });
  });
});
