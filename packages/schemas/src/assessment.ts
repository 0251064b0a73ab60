import { isPeriod } from '@antoan/domain';
import * as v from 'valibot';

const id = (label: string) =>
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, `${label} is 1–64 letters, digits, - or _`));

/** `POST /v1/enterprises/{eid}/assessments` body. */
export const createAssessmentSchema = v.strictObject({
  templateId: id('templateId'),
  templateVersion: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1))),
  period: v.pipe(
    v.string(),
    v.check(isPeriod, 'period is YYYY, YYYY-H1, YYYY-H2 or YYYY-Q1…YYYY-Q4, such as 2026-H2'),
  ),
  kind: v.optional(
    v.picklist(
      ['periodic', 'thematic', 'after_incident', 'seasonal'],
      'kind is periodic, thematic, after_incident or seasonal',
    ),
  ),
});
export type CreateAssessmentInput = v.InferOutput<typeof createAssessmentSchema>;

/** One answer to a checklist item. */
export const answerSchema = v.strictObject({
  value: v.picklist(
    ['compliant', 'partial', 'non_compliant', 'not_applicable'],
    'value is compliant, partial, non_compliant or not_applicable',
  ),
  note: v.optional(v.pipe(v.string(), v.maxLength(1000, 'note is at most 1,000 characters'))),
  evidenceIds: v.optional(
    v.pipe(v.array(id('evidence id')), v.maxLength(20, 'at most 20 evidence ids per answer')),
  ),
});
export type AnswerInput = v.InferOutput<typeof answerSchema>;

/** `PATCH /v1/enterprises/{eid}/assessments/{aid}` body: answers merged into the draft. */
export const patchAssessmentSchema = v.strictObject({
  answers: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'item id is 1–64 letters, digits, - or _')),
      answerSchema,
    ),
    v.check((answers) => Object.keys(answers).length > 0, 'answers must contain at least one item'),
    v.check((answers) => Object.keys(answers).length <= 300, 'at most 300 answers per request'),
  ),
});
export type PatchAssessmentInput = v.InferOutput<typeof patchAssessmentSchema>;
