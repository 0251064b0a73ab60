import * as v from 'valibot';
import { dateText } from './common';
import { fileDeclarationEntries } from './file-declaration';

/**
 * `POST /v1/enterprises/{eid}/inspection-photos` body: a photo the inspector is about to upload, declared like
 * evidence (name, type, size, SHA-256). `contentType` and `size` are only shape-checked here: the route answers 415
 * for a type other than JPEG or PNG and 413 for a file over 20 MB. `takenOn` defaults to today.
 */
export const requestInspectionPhotoSchema = v.strictObject({
  ...fileDeclarationEntries,
  takenOn: v.optional(dateText('takenOn')),
});
export type RequestInspectionPhotoInput = v.InferOutput<typeof requestInspectionPhotoSchema>;
