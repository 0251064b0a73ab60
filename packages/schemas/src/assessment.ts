import * as v from 'valibot';
import { count, id, itemRecord, periodText, text } from './common';

/** `POST /v1/enterprises/{eid}/assessments` body. */
export const createAssessmentSchema = v.strictObject({
  templateId: id('templateId'),
  templateVersion: v.optional(count(1, 999_999)),
  period: periodText(),
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
  note: v.optional(text(1000)),
  evidenceIds: v.optional(
    v.pipe(v.array(id('evidence id')), v.maxLength(20, 'at most 20 evidence ids per answer')),
  ),
});
export type AnswerInput = v.InferOutput<typeof answerSchema>;

/** `PATCH /v1/enterprises/{eid}/assessments/{aid}` body: answers merged into the draft. */
export const patchAssessmentSchema = v.strictObject({
  answers: itemRecord('answers', answerSchema, 300),
});
export type PatchAssessmentInput = v.InferOutput<typeof patchAssessmentSchema>;
