import { evidenceKinds, requiresOwnExpiry, workerCategories } from '@antoan/domain';
import * as v from 'valibot';
import { dateText, listQueryEntries } from './common';
import { fileDeclarationEntries } from './file-declaration';

export { isHeaderSafeFileName } from './file-declaration';

const isoDate = dateText;

/** The kinds a firm declares: every kind but the inspector's photos (`POST …/inspection-photos`). */
const firmEvidenceKinds = evidenceKinds.filter((kind) => kind !== 'inspection_photo');

/**
 * `POST /v1/enterprises/{eid}/evidence` body. `contentType` and `size` are only shape-checked here: the route
 * answers 415 for a type it does not take and 413 for a file over 20 MB, as the contract says.
 */
export const requestEvidenceUploadSchema = v.pipe(
  v.strictObject({
    kind: v.picklist(firmEvidenceKinds, `kind is one of ${firmEvidenceKinds.join(', ')}`),
    ...fileDeclarationEntries,
    issuedOn: isoDate('issuedOn'),
    expiresOn: v.optional(isoDate('expiresOn')),
    trainingGroup: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1, 'trainingGroup is 1–6'),
        v.maxValue(6, 'trainingGroup is 1–6'),
      ),
    ),
    workersCovered: v.optional(
      v.pipe(v.number(), v.integer('workersCovered is a whole number'), v.minValue(0), v.maxValue(1_000_000)),
    ),
    workerCategory: v.optional(
      v.picklist(workerCategories, `workerCategory is one of ${workerCategories.join(', ')}`),
    ),
    providerId: v.optional(
      v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'providerId is 1–64 of A–Z a–z 0–9 _ -')),
    ),
    certificateNo: v.optional(
      v.pipe(
        v.string(),
        v.trim(),
        v.regex(
          /^[\p{L}\p{N}][\p{L}\p{N} ./_-]{0,63}$/u,
          'certificateNo is 1–64 letters, digits, spaces or . / _ -',
        ),
      ),
    ),
  }),
  v.forward(
    v.check(
      (input) => input.expiresOn !== undefined || !requiresOwnExpiry(input.kind),
      'this kind has no legal validity period (it depends on the object): give expiresOn from the document',
    ),
    ['expiresOn'],
  ),
  v.forward(
    v.check(
      (input) =>
        input.workerCategory === undefined ||
        input.kind === 'health_exam_record' ||
        input.kind === 'occupational_disease_exam',
      'workerCategory is only for health and occupational-disease exam records',
    ),
    ['workerCategory'],
  ),
  v.forward(
    v.check(
      (input) => input.certificateNo === undefined || input.providerId !== undefined,
      'certificateNo needs the providerId that issued it',
    ),
    ['certificateNo'],
  ),
  v.forward(
    v.check(
      (input) => input.expiresOn === undefined || input.expiresOn > input.issuedOn,
      'expiresOn must be after issuedOn',
    ),
    ['expiresOn'],
  ),
  v.forward(
    v.check(
      (input) => input.kind !== 'training_certificate' || input.trainingGroup !== undefined,
      'a training certificate needs trainingGroup (1–6)',
    ),
    ['trainingGroup'],
  ),
  v.forward(
    v.check(
      (input) => input.kind === 'training_certificate' || input.trainingGroup === undefined,
      'trainingGroup is only for training certificates',
    ),
    ['trainingGroup'],
  ),
);
export type RequestEvidenceUploadInput = v.InferOutput<typeof requestEvidenceUploadSchema>;

/** `GET /v1/enterprises/{eid}/evidence` query. */
export const listEvidenceQuerySchema = v.strictObject({
  ...listQueryEntries,
  expiringWithinDays: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,4}$/, 'expiringWithinDays is a whole number of days, 0–3650'),
      v.transform(Number),
      v.maxValue(3650, 'expiringWithinDays is at most 3650'),
    ),
  ),
});
