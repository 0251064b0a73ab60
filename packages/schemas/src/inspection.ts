import * as v from 'valibot';
import { count, dateText, id, itemRecord, wellFormed } from './common';

/** `POST /v1/enterprises/{eid}/inspections` body: findings keyed by item id. */
export const createInspectionSchema = v.strictObject({
  conductedOn: dateText('conductedOn'),
  templateId: id('templateId'),
  templateVersion: count(1, 999_999),
  findings: itemRecord(
    'findings',
    v.picklist(
      ['compliant', 'partial', 'non_compliant', 'not_applicable'],
      'a finding is compliant, partial, non_compliant or not_applicable',
    ),
    300,
  ),
  notes: v.optional(
    v.pipe(v.string(), wellFormed(), v.trim(), v.maxLength(4000, 'notes are at most 4,000 characters')),
  ),
  /** The due day of the actions this inspection raises; by default each follows its item's severity. */
  actionsDueOn: v.optional(dateText('actionsDueOn')),
});
export type CreateInspectionInput = v.InferOutput<typeof createInspectionSchema>;
