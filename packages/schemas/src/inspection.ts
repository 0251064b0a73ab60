import * as v from 'valibot';
import { count, dateText, id, itemRecord, wellFormed } from './common';

/** At most this many photos back one finding, and one inspection. */
export const MAX_PHOTOS_PER_FINDING = 10;
export const MAX_PHOTOS_PER_INSPECTION = 50;

/** What the inspector saw behind one finding: a note and the photos taken (verified inspection photos of the firm). */
const observationSchema = v.strictObject({
  note: v.optional(
    v.pipe(v.string(), wellFormed(), v.trim(), v.maxLength(2000, 'a note is at most 2,000 characters')),
  ),
  photoIds: v.optional(
    v.pipe(
      v.array(id('photoId')),
      v.maxLength(MAX_PHOTOS_PER_FINDING, `at most ${MAX_PHOTOS_PER_FINDING} photos per finding`),
      v.check((ids) => new Set(ids).size === ids.length, 'a photo is listed twice'),
    ),
  ),
});

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
  /** Per finding, what the inspector saw: a note and photos. Every key must also be a key of `findings`. */
  observations: v.optional(itemRecord('observations', observationSchema, 300)),
});
export type CreateInspectionInput = v.InferOutput<typeof createInspectionSchema>;
