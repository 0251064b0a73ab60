import * as v from 'valibot';
import { dateText } from './common';
import { isHeaderSafeFileName } from './evidence';

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
