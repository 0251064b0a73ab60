import * as v from 'valibot';
import { count, dateText, id, itemRecord, wellFormed } from './common';
import { isHeaderSafeFileName } from './evidence';

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

/**
 * `POST /v1/enterprises/{eid}/inspection-photos` body: a photo the inspector is about to upload, declared like
 * evidence (name, type, size, SHA-256). `contentType` and `size` are only shape-checked here: the route answers 415
 * for a type other than JPEG or PNG and 413 for a file over 20 MB. `takenOn` defaults to today.
 */
export const requestInspectionPhotoSchema = v.strictObject({
  fileName: v.pipe(
    v.string(),
    v.check(
      isHeaderSafeFileName,
      'fileName must be well-formed Unicode without control or bidirectional-override characters',
    ),
    v.trim(),
    v.minLength(1, 'fileName must not be empty'),
    v.maxLength(255),
  ),
  contentType: v.pipe(v.string(), v.minLength(1), v.maxLength(127)),
  size: v.pipe(
    v.number(),
    v.integer('size is a whole number of bytes'),
    v.minValue(1, 'size must be at least 1 byte'),
    v.maxValue(Number.MAX_SAFE_INTEGER, 'size is too large'),
  ),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{64}$/, 'sha256 is 64 hexadecimal characters')),
  takenOn: v.optional(dateText('takenOn')),
});
export type RequestInspectionPhotoInput = v.InferOutput<typeof requestInspectionPhotoSchema>;
