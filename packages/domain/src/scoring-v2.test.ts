import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnswerValue,
  notApplicableJustificationErrors,
  type ScoredEvidence,
  type ScoreInput,
  scoreAssessment,
} from './scoring';
import type { Severity, Template, TemplateItem } from './template';

const ON = '2026-06-30';

const item = (
  id: string,
  weight: number,
  severity: Severity,
  extra: Partial<TemplateItem> = {},
): TemplateItem => ({
  id,
  text: { vi: id, en: id },
  legalBasis: [{ document: 'Luật 84/2015/QH13', article: 'Điều 7' }],
  weight,
  severity,
  allowNotApplicable: true,
  ...extra,
});

const template: Template = {
  id: 'test',
  version: 1,
  title: { vi: 'Mẫu thử', en: 'Test template' },
  publishedOn: '2026-01-01',
  sections: [
    {
      id: 'S1',
      title: { vi: 'Mục', en: 'Section' },
      items: [
        item('C-1', 1, 'critical'),
        item('C-2', 2, 'critical', { evidenceKinds: ['health_exam_record'] }),
        item('M-1', 10, 'major'),
        item('M-2', 10, 'minor'),
      ],
    },
  ],
};

const exam = (extra: Partial<ScoredEvidence> = {}): ScoredEvidence => ({
  kind: 'health_exam_record',
  status: 'verified',
  issuedOn: '2026-01-10',
  expiresOn: '2027-01-09',
  ...extra,
});

const allCompliant: ScoreInput = {
  template,
  applicableItemIds: ['C-1', 'C-2', 'M-1', 'M-2'],
  answers: {
    'C-1': { value: 'compliant' },
    'C-2': { value: 'compliant', evidenceIds: ['E-1'] },
    'M-1': { value: 'compliant' },
    'M-2': { value: 'compliant' },
  },
  evidence: { 'E-1': exam() },
  on: ON,
  scoringVersion: '2',
};

const withAnswers = (input: ScoreInput, answers: ScoreInput['answers']): ScoreInput => ({
  ...input,
  answers: { ...input.answers, ...answers },
});

describe('scoring version 2: caps', () => {
  it('caps a critical partial at B where version 1 gave A', () => {
    // 0.5 + 2 + 10 + 10 = 22.5 of 23 → 97.8.
    const input = withAnswers(allCompliant, { 'C-1': { value: 'partial' } });
    expect(scoreAssessment({ ...input, scoringVersion: '1' })).toMatchObject({ total: 97.8, rating: 'A' });
    expect(scoreAssessment(input)).toMatchObject({
      total: 97.8,
      rating: 'B',
      scoringVersion: '2',
      criticalFailures: [],
      caps: [{ rule: 'critical_partial', capsAt: 'B', itemIds: ['C-1'] }],
    });
  });

  it('keeps the C cap for a critical item at 0, and the lowest cap wins', () => {
    const input = withAnswers(allCompliant, {
      'C-1': { value: 'partial' },
      'C-2': { value: 'non_compliant' },
    });
    expect(scoreAssessment(input)).toMatchObject({
      rating: 'C',
      criticalFailures: ['C-2'],
      caps: [
        { rule: 'critical_failure', capsAt: 'C', itemIds: ['C-2'] },
        { rule: 'critical_partial', capsAt: 'B', itemIds: ['C-1'] },
      ],
    });
  });

  it('never raises a rating: a D stays D with a cap', () => {
    const input = withAnswers(allCompliant, {
      'C-1': { value: 'partial' },
      'M-1': { value: 'non_compliant' },
      'M-2': { value: 'non_compliant' },
    });
    expect(scoreAssessment(input).rating).toBe('D');
  });

  it('lists critical not-applicable claims, flagged on the item', () => {
    const score = scoreAssessment(
      withAnswers(allCompliant, {
        'C-1': { value: 'not_applicable', note: 'Không có lò hơi tại cơ sở này.' },
      }),
    );
    expect(score.claimedNotApplicable).toEqual(['C-1']);
    expect(score.items[0]).toEqual({
      id: 'C-1',
      outcome: 'not_applicable',
      points: 0,
      maxPoints: 0,
      flags: ['claimed_not_applicable'],
    });
    expect(scoreAssessment({ ...allCompliant, scoringVersion: '1' })).not.toHaveProperty(
      'claimedNotApplicable',
    );
  });
});

describe('scoring version 2: evidence', () => {
  const c2 = (evidence: ScoredEvidence) =>
    scoreAssessment({ ...allCompliant, evidence: { 'E-1': evidence } }).items.find(
      (scored) => scored.id === 'C-2',
    );

  it('scores rejected evidence 0 with evidence_rejected; version 1 ignores reviews', () => {
    expect(c2(exam({ review: 'rejected' }))).toMatchObject({ points: 0, reason: 'evidence_rejected' });
    expect(c2(exam({ review: 'accepted' }))).toMatchObject({ points: 2 });
    const v1 = scoreAssessment({
      ...allCompliant,
      scoringVersion: '1',
      evidence: { 'E-1': exam({ review: 'rejected' }) },
    });
    expect(v1.items.find((scored) => scored.id === 'C-2')).toMatchObject({ points: 2 });
  });

  it('derives the legal expiry of evidence that has none: 12 months for a general exam, 6 when unknown', () => {
    const { expiresOn: _none, ...undated } = exam({ issuedOn: '2025-07-01' });
    // 2025-07-01 + 12 months runs to 2026-06-30 (the scoring day): valid; + 6 months ended 2025-12-31.
    expect(c2({ ...undated, workerCategory: 'general' })).toMatchObject({ points: 2 });
    expect(c2({ ...undated, workerCategory: 'heavy_hazardous' })).toMatchObject({
      points: 0,
      reason: 'evidence_expired',
    });
    expect(c2(undated)).toMatchObject({ points: 0, reason: 'evidence_expired' });
    // Version 1 counted the same record for ever.
    const v1 = scoreAssessment({ ...allCompliant, scoringVersion: '1', evidence: { 'E-1': undated } });
    expect(v1.items.find((scored) => scored.id === 'C-2')).toMatchObject({ points: 2 });
  });

  it('shows the doubts on the evidence that counted', () => {
    expect(c2(exam({ flags: ['unlicensed_provider', 'duplicate_certificate'] }))).toMatchObject({
      points: 2,
      flags: ['unlicensed_provider', 'duplicate_certificate'],
    });
  });
});

describe('notApplicableJustificationErrors', () => {
  it('needs 20 characters of note on a critical item under version 2 only', () => {
    const answers = {
      'C-1': { value: 'not_applicable' as const, note: '   too short        ' },
      'C-2': { value: 'not_applicable' as const, note: 'Không có người lao động làm việc tại đây.' },
      'M-1': { value: 'not_applicable' as const },
    };
    expect(notApplicableJustificationErrors(template, answers, '2').map((error) => error.itemId)).toEqual([
      'C-1',
    ]);
    expect(notApplicableJustificationErrors(template, answers, '1')).toEqual([]);
  });
});

describe('scoring version 2 properties', () => {
  const values: AnswerValue[] = ['compliant', 'partial', 'non_compliant', 'not_applicable'];
  const itemArb = fc.record({
    weight: fc.integer({ min: 0, max: 8 }),
    severity: fc.constantFrom<Severity>('critical', 'major', 'minor'),
    needsEvidence: fc.boolean(),
  });
  const inputArb = fc
    .array(itemArb, { minLength: 1, maxLength: 12 })
    .chain((specs) => {
      const items = specs.map((spec, index) =>
        item(
          `I-${index}`,
          spec.weight,
          spec.severity,
          spec.needsEvidence ? { evidenceKinds: ['health_exam_record'] } : {},
        ),
      );
      const ids = items.map((entry) => entry.id);
      return fc.record({
        template: fc.constant<Template>({
          ...template,
          sections: [{ id: 'S', title: { vi: 'Mục', en: 'Section' }, items }],
        }),
        applicableItemIds: fc.constant(ids),
        answers: fc.tuple(
          ...ids.map((id) =>
            fc.record({
              id: fc.constant(id),
              value: fc.constantFrom(...values),
              evidenceIds: fc.subarray(['E-ok', 'E-rejected', 'E-expired', 'E-undated']),
            }),
          ),
        ),
      });
    })
    .map(
      ({ template: built, applicableItemIds, answers }): ScoreInput => ({
        template: built,
        applicableItemIds,
        answers: Object.fromEntries(answers.map(({ id, ...answer }) => [id, answer])),
        evidence: {
          'E-ok': exam(),
          'E-rejected': exam({ review: 'rejected' }),
          'E-expired': exam({ issuedOn: '2025-01-01', expiresOn: '2025-12-31' }),
          'E-undated': { kind: 'health_exam_record', status: 'verified', issuedOn: '2024-01-01' },
        },
        on: ON,
        scoringVersion: '2',
      }),
    );

  it('never rates A while a critical item that counts is below full points', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const score = scoreAssessment(input);
        const critical = new Set(
          input.template.sections.flatMap((section) =>
            section.items.filter((entry) => entry.severity === 'critical').map((entry) => entry.id),
          ),
        );
        const below = score.items.some(
          (scored) =>
            critical.has(scored.id) &&
            scored.outcome !== 'not_applicable' &&
            scored.points < scored.maxPoints,
        );
        if (below) expect(score.rating).not.toBe('A');
        const failed = score.items.some(
          (scored) => critical.has(scored.id) && scored.outcome !== 'not_applicable' && scored.points === 0,
        );
        if (failed) expect(['C', 'D']).toContain(score.rating);
      }),
      { numRuns: 500 },
    );
  });

  it('never rates higher than version 1 on the same answers', () => {
    const order = ['A', 'B', 'C', 'D'];
    fc.assert(
      fc.property(inputArb, (input) => {
        const v2 = scoreAssessment(input);
        const v1 = scoreAssessment({ ...input, scoringVersion: '1' });
        expect(v2.total).toBeLessThanOrEqual(v1.total);
        expect(order.indexOf(v2.rating)).toBeGreaterThanOrEqual(order.indexOf(v1.rating));
      }),
      { numRuns: 300 },
    );
  });
});
