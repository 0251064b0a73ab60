import { isIsoDate } from '@antoan/domain';
import * as v from 'valibot';

const id = (label: string) =>
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, `${label} is 1–64 letters, digits, - or _`));

/** `POST /v1/enterprises/{eid}/inspections` body: findings keyed by item id. */
export const createInspectionSchema = v.strictObject({
  conductedOn: v.pipe(v.string(), v.check(isIsoDate, 'conductedOn is a date, YYYY-MM-DD')),
  templateId: id('templateId'),
  templateVersion: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1)),
  findings: v.pipe(
    v.record(
      id('item id'),
      v.picklist(
        ['compliant', 'partial', 'non_compliant', 'not_applicable'],
        'a finding is compliant, partial, non_compliant or not_applicable',
      ),
    ),
    v.check((findings) => Object.keys(findings).length > 0, 'findings must contain at least one item'),
    v.check((findings) => Object.keys(findings).length <= 300, 'at most 300 findings'),
  ),
  notes: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(4000, 'notes are at most 4,000 characters'))),
  /** The due day of the actions this inspection raises; by default each follows its item's severity. */
  actionsDueOn: v.optional(v.pipe(v.string(), v.check(isIsoDate, 'actionsDueOn is a date, YYYY-MM-DD'))),
});
export type CreateInspectionInput = v.InferOutput<typeof createInspectionSchema>;
