import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnswerValue,
  ratingFor,
  type ScoredAnswer,
  type ScoredEvidence,
  type ScoreInput,
  scoreAssessment,
} from './scoring';
import type { EvidenceKind, Severity, Template, TemplateItem } from './template';

const ON = '2026-06-30';

const item = (
  id: string,
  weight: number,
  severity: Severity,
  extra: Partial<Pick<TemplateItem, 'evidenceKinds' | 'allowNotApplicable'>> = {},
): TemplateItem => ({
  id,
  text: { vi: id, en: id },
  legalBasis: [{ document: 'Luật 84/2015/QH13', article: 'Điều 7' }],
  weight,
  severity,
  allowNotApplicable: false,
  ...extra,
});

const templateOf = (...sections: TemplateItem[][]): Template => ({
  id: 'test',
  version: 1,
  title: { vi: 'Mẫu thử', en: 'Test template' },
  publishedOn: '2026-01-01',
  sections: sections.map((items, index) => ({
    id: `S${index + 1}`,
    title: { vi: 'Mục', en: 'Section' },
    items,
  })),
});

const template = templateOf(
  [
    item('I-1', 3, 'critical', { evidenceKinds: ['training_certificate'] }),
    item('I-2', 2, 'major'),
    item('I-3', 1, 'minor'),
  ],
  [item('I-4', 4, 'major'), item('I-5', 5, 'minor', { allowNotApplicable: true }), item('I-6', 2, 'minor')],
  [item('I-7', 2, 'minor', { allowNotApplicable: true })],
);

const certificate = (extra: Partial<ScoredEvidence> = {}): ScoredEvidence => ({
  kind: 'training_certificate',
  status: 'verified',
  issuedOn: '2025-01-15',
  expiresOn: '2027-01-15',
  ...extra,
});

// I-6 does not apply to this firm, so it is left out of everything.
const baseInput: ScoreInput = {
  template,
  applicableItemIds: ['I-1', 'I-2', 'I-3', 'I-4', 'I-5', 'I-7'],
  answers: {
    'I-1': { value: 'compliant', evidenceIds: ['E-1'] },
    'I-2': { value: 'partial' },
    'I-3': { value: 'non_compliant' },
    'I-4': { value: 'partial' },
    'I-5': { value: 'not_applicable' },
    'I-7': { value: 'not_applicable' },
  },
  evidence: { 'E-1': certificate() },
  on: ON,
};

const withAnswer = (input: ScoreInput, id: string, answer: ScoredAnswer): ScoreInput => ({
  ...input,
  answers: { ...input.answers, [id]: answer },
});

const itemOf = (input: ScoreInput, id: string) =>
  scoreAssessment(input).items.find((scored) => scored.id === id);

describe('scoreAssessment golden numbers', () => {
  it('scores the hand-built template', () => {
    // Points: I-1 3 (compliant, valid certificate) + I-2 1 (partial of 2) + I-3 0 + I-4 2 (partial of 4) = 6.
    // Max: 3 + 2 + 1 + 4 = 10; I-5 and I-7 are not applicable, I-6 does not apply. 100 × 6 / 10 = 60.0.
    // S1: 4 / 6 = 66.66… → 66.7; S2: 2 / 4 = 50.0; S3: only a not-applicable item → null.
    expect(scoreAssessment(baseInput)).toEqual({
      total: 60,
      rating: 'C',
      scoringVersion: '1',
      sections: [
        { id: 'S1', score: 66.7 },
        { id: 'S2', score: 50 },
        { id: 'S3', score: null },
      ],
      criticalFailures: [],
      items: [
        { id: 'I-1', outcome: 'compliant', points: 3, maxPoints: 3 },
        { id: 'I-2', outcome: 'partial', points: 1, maxPoints: 2 },
        { id: 'I-3', outcome: 'non_compliant', points: 0, maxPoints: 1 },
        { id: 'I-4', outcome: 'partial', points: 2, maxPoints: 4 },
        { id: 'I-5', outcome: 'not_applicable', points: 0, maxPoints: 0 },
        { id: 'I-7', outcome: 'not_applicable', points: 0, maxPoints: 0 },
      ],
    });
  });

  it('rounds half up on one decimal', () => {
    // Weight 1 partial (0.5) and weight 7 non-compliant: 100 × 0.5 / 8 = 6.25 → 6.3.
    const input: ScoreInput = {
      template: templateOf([item('A', 1, 'minor'), item('B', 7, 'minor')]),
      applicableItemIds: ['A', 'B'],
      answers: { A: { value: 'partial' }, B: { value: 'non_compliant' } },
      evidence: {},
      on: ON,
    };
    expect(scoreAssessment(input)).toMatchObject({
      total: 6.3,
      rating: 'D',
      sections: [{ id: 'S1', score: 6.3 }],
    });
    // 100 × 1 / 3 = 33.33… → 33.3 (below the half, so down).
    expect(
      scoreAssessment({
        ...input,
        template: templateOf([item('A', 1, 'minor'), item('B', 2, 'minor')]),
        answers: { A: { value: 'compliant' }, B: { value: 'non_compliant' } },
      }).total,
    ).toBe(33.3);
  });

  it('scores 100 when nothing applicable can be scored, and says so per section with null', () => {
    const score = scoreAssessment({ ...baseInput, applicableItemIds: ['I-5'] });
    expect(score).toMatchObject({ total: 100, rating: 'A', criticalFailures: [] });
    expect(score.sections.map((section) => section.score)).toEqual([null, null, null]);
  });

  it('scores an unanswered applicable item 0 with reason unanswered', () => {
    const { 'I-2': _, ...answers } = baseInput.answers;
    // Points 3 + 0 + 0 + 2 = 5 of 10.
    const score = scoreAssessment({ ...baseInput, answers });
    expect(score.total).toBe(50);
    expect(score.items[1]).toEqual({
      id: 'I-2',
      outcome: 'non_compliant',
      reason: 'unanswered',
      points: 0,
      maxPoints: 2,
    });
  });

  it('ignores answers to items that do not apply and ids not in the template', () => {
    const score = scoreAssessment({
      ...withAnswer(baseInput, 'I-6', { value: 'compliant' }),
      applicableItemIds: [...baseInput.applicableItemIds, 'NOT-IN-TEMPLATE'],
    });
    expect(score).toEqual(scoreAssessment(baseInput));
  });
});

describe('scoreAssessment critical failures', () => {
  const critical = templateOf([item('C', 1, 'critical'), item('M', 9, 'major')]);
  const input = (value: AnswerValue): ScoreInput => ({
    template: critical,
    applicableItemIds: ['C', 'M'],
    answers: { C: { value }, M: { value: 'compliant' } },
    evidence: {},
    on: ON,
  });

  it('caps a 90 at C when a critical item earns nothing', () => {
    expect(scoreAssessment(input('non_compliant'))).toMatchObject({
      total: 90,
      rating: 'C',
      criticalFailures: ['C'],
    });
  });

  it('does not count a partial or not-applicable critical item as a failure', () => {
    expect(scoreAssessment(input('partial'))).toMatchObject({ total: 95, rating: 'A', criticalFailures: [] });
    expect(scoreAssessment(input('not_applicable'))).toMatchObject({
      total: 100,
      rating: 'A',
      criticalFailures: [],
    });
  });

  it('counts a critical item that lost its evidence as a failure', () => {
    const score = scoreAssessment({ ...baseInput, evidence: {} });
    // Points 0 + 1 + 0 + 2 = 3 of 10.
    expect(score).toMatchObject({ total: 30, rating: 'D', criticalFailures: ['I-1'] });
  });
});

describe('ratingFor', () => {
  it.each([
    [85, false, 'A'],
    [84.9, false, 'B'],
    [70, false, 'B'],
    [69.9, false, 'C'],
    [50, false, 'C'],
    [49.9, false, 'D'],
    [100, true, 'C'],
    [70, true, 'C'],
    [50, true, 'C'],
    [10, true, 'D'],
  ] as const)('rates %d (critical failure: %s) as %s', (total, critical, rating) => {
    expect(ratingFor(total, critical)).toBe(rating);
  });
});

describe('scoreAssessment evidence', () => {
  const i1 = (evidence: ScoreInput['evidence'], evidenceIds: readonly string[] = ['E-1'], on = ON) =>
    itemOf({ ...withAnswer(baseInput, 'I-1', { value: 'compliant', evidenceIds }), evidence, on }, 'I-1');
  const failed = (reason: string) => ({
    id: 'I-1',
    outcome: 'non_compliant',
    reason,
    points: 0,
    maxPoints: 3,
  });

  it('accepts evidence on the day it is issued and on the day it expires', () => {
    expect(i1({ 'E-1': certificate({ issuedOn: ON }) })?.points).toBe(3);
    expect(i1({ 'E-1': certificate({ expiresOn: ON }) })?.points).toBe(3);
    expect(
      i1({ 'E-1': { kind: 'training_certificate', status: 'verified', issuedOn: '2020-01-01' } })?.points,
    ).toBe(3);
  });

  it('reports expired evidence from the day after it expires', () => {
    expect(i1({ 'E-1': certificate({ expiresOn: '2026-06-29' }) })).toEqual(failed('evidence_expired'));
  });

  it('reports missing evidence when none is linked, found, verified, of an allowed kind or issued yet', () => {
    expect(i1({ 'E-1': certificate() }, [])).toEqual(failed('evidence_missing'));
    expect(i1({}, ['E-1'])).toEqual(failed('evidence_missing'));
    expect(i1({ 'E-1': certificate({ status: 'pending_upload' }) })).toEqual(failed('evidence_missing'));
    expect(i1({ 'E-1': certificate({ kind: 'health_exam_record' }) })).toEqual(failed('evidence_missing'));
    expect(i1({ 'E-1': certificate({ issuedOn: '2026-07-01' }) })).toEqual(failed('evidence_missing'));
    expect(i1({ 'E-1': certificate({ status: 'pending_upload', expiresOn: '2026-01-01' }) })).toEqual(
      failed('evidence_missing'),
    );
  });

  it('needs only one valid piece among several linked', () => {
    const evidence = { 'E-1': certificate({ expiresOn: '2026-01-01' }), 'E-2': certificate() };
    expect(i1(evidence, ['E-1', 'E-2'])?.points).toBe(3);
  });

  it('requires evidence for partial answers too, and gives non-compliant answers no reason', () => {
    const i1As = (value: AnswerValue) =>
      itemOf({ ...withAnswer(baseInput, 'I-1', { value }), evidence: {} }, 'I-1');
    expect(i1As('partial')).toEqual(failed('evidence_missing'));
    expect(i1As('non_compliant')).toEqual({ id: 'I-1', outcome: 'non_compliant', points: 0, maxPoints: 3 });
    expect(i1As('not_applicable')).toEqual({ id: 'I-1', outcome: 'not_applicable', points: 0, maxPoints: 0 });
  });

  it('never reads evidence or answers from the object prototype', () => {
    const input: ScoreInput = {
      template: templateOf([item('constructor', 2, 'critical', { evidenceKinds: ['other'] })]),
      applicableItemIds: ['constructor'],
      answers: {},
      evidence: {},
      on: ON,
    };
    expect(scoreAssessment(input).items).toEqual([
      { id: 'constructor', outcome: 'non_compliant', reason: 'unanswered', points: 0, maxPoints: 2 },
    ]);
    const linked = withAnswer(input, 'constructor', { value: 'compliant', evidenceIds: ['toString'] });
    expect(scoreAssessment(linked).items[0]?.reason).toBe('evidence_missing');
  });
});

describe('scoreAssessment properties', () => {
  const kinds: EvidenceKind[] = ['training_certificate', 'health_exam_record', 'other'];
  const dates = ['2025-06-30', '2026-06-29', ON, '2026-07-01'];
  const evidenceIds = ['E1', 'E2', 'E3', 'E4'];
  const values: AnswerValue[] = ['compliant', 'partial', 'non_compliant', 'not_applicable'];

  const itemArb = fc.record(
    {
      weight: fc.integer({ min: 0, max: 6 }),
      severity: fc.constantFrom<Severity>('critical', 'major', 'minor'),
      allowNotApplicable: fc.boolean(),
      evidenceKinds: fc.subarray(kinds, { minLength: 1 }),
    },
    { requiredKeys: ['weight', 'severity', 'allowNotApplicable'] },
  );
  const templateArb = fc
    .array(fc.array(itemArb, { maxLength: 5 }), { minLength: 1, maxLength: 4 })
    .map((sections) =>
      templateOf(
        ...sections.map((items, s) =>
          items.map((parts, i) => ({ ...item(`I-${s}-${i}`, 0, 'minor'), ...parts })),
        ),
      ),
    );
  const evidenceArb = fc.record(
    {
      kind: fc.constantFrom(...kinds),
      status: fc.constantFrom('verified', 'pending_upload', 'rejected'),
      issuedOn: fc.constantFrom(...dates),
      expiresOn: fc.constantFrom(...dates),
    },
    { requiredKeys: ['kind', 'status', 'issuedOn'] },
  );
  const answerArb = fc.record(
    { value: fc.constantFrom(...values), evidenceIds: fc.subarray(evidenceIds) },
    { requiredKeys: ['value'] },
  );
  const inputArb: fc.Arbitrary<ScoreInput> = templateArb.chain((template) => {
    const ids = template.sections.flatMap((section) => section.items.map((entry) => entry.id));
    return fc.record({
      template: fc.constant(template),
      applicableItemIds: fc.subarray(ids),
      answers: fc
        .array(fc.option(answerArb, { nil: undefined }), { minLength: ids.length, maxLength: ids.length })
        .map((list) => Object.fromEntries(ids.flatMap((id, k) => (list[k] ? [[id, list[k]]] : [])))),
      evidence: fc.dictionary(fc.constantFrom(...evidenceIds), evidenceArb),
      on: fc.constant(ON),
    });
  });
  const permutationOf = <T>(list: readonly T[]) =>
    fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });

  it('stays between 0 and 100, overall and per section', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const score = scoreAssessment(input);
        const inRange = (value: number) => value >= 0 && value <= 100;
        return (
          inRange(score.total) &&
          score.sections.every((section) => section.score === null || inRange(section.score))
        );
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(scoreAssessment(structuredClone(input))).toEqual(scoreAssessment(input));
      }),
    );
  });

  it('does not depend on the order of answers, evidence or applicable ids', () => {
    const shuffledArb = inputArb.chain((input) =>
      fc.tuple(
        fc.constant(input),
        permutationOf(Object.entries(input.answers)),
        permutationOf(Object.entries(input.evidence)),
        permutationOf(input.applicableItemIds),
      ),
    );
    fc.assert(
      fc.property(shuffledArb, ([input, answers, evidence, applicableItemIds]) => {
        const shuffled: ScoreInput = {
          ...input,
          answers: Object.fromEntries(answers),
          evidence: Object.fromEntries(evidence),
          applicableItemIds,
        };
        expect(scoreAssessment(shuffled)).toEqual(scoreAssessment(input));
      }),
    );
  });

  it('never lowers the total when one answer improves from non-compliant to partial to compliant', () => {
    const pickedArb = inputArb
      .filter((input) => input.applicableItemIds.length > 0)
      .chain((input) => fc.tuple(fc.constant(input), fc.constantFrom(...input.applicableItemIds)));
    fc.assert(
      fc.property(pickedArb, ([input, id]) => {
        const evidenceIds = input.answers[id]?.evidenceIds ?? [];
        const totals = (['non_compliant', 'partial', 'compliant'] as const).map(
          (value) => scoreAssessment(withAnswer(input, id, { value, evidenceIds })).total,
        );
        const [worst = 0, middle = 0, best = 0] = totals;
        return worst <= middle && middle <= best;
      }),
    );
  });
});
