import type { Enterprise } from '@antoan/db';
import { vietnamDate } from '@antoan/domain';
import type { RequestInspectionPhotoInput } from '@antoan/schemas';
import { MAX_EVIDENCE_BYTES } from '@antoan/storage';
import type { AppDeps } from '../deps';
import { invalid, payloadTooLarge, unsupportedMediaType } from '../errors';
import { declareEvidence } from './declare-evidence';
import type { EvidenceUploadTicket } from './request-evidence-upload';
import { failure, type Result, success } from './result';

/** The types a photo may have: the image types the evidence store verifies by their magic bytes. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png'] as const;
type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];
const isPhotoContentType = (value: string): value is PhotoContentType =>
  (PHOTO_CONTENT_TYPES as readonly string[]).includes(value);

/** A declared photo and the presigned form to send it with: the same ticket as a firm's evidence. */
export type InspectionPhotoTicket = EvidenceUploadTicket;

/**
 * Declares a photo an inspector is about to upload as evidence of kind `inspection_photo` of the firm, and returns
 * the presigned POST to send it with: the same path as a firm's evidence (hashed in the browser, verified on the
 * server by size, magic bytes and SHA-256 on confirm or on the S3 event), so a photo behind a finding is as
 * trustworthy as a certificate.
 */
export async function declareInspectionPhoto(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId' | 'evidence'>,
  input: { enterprise: Enterprise; request: RequestInspectionPhotoInput; actor: string },
): Promise<Result<InspectionPhotoTicket>> {
  const { enterprise, request } = input;
  const { contentType } = request;
  if (!isPhotoContentType(contentType))
    return failure(unsupportedMediaType(PHOTO_CONTENT_TYPES, 'contentType'));
  if (request.size > MAX_EVIDENCE_BYTES)
    return failure(payloadTooLarge('20 MB', { vi: 'Ảnh', en: 'The photo' }));
  const today = vietnamDate(deps.now());
  const takenOn = request.takenOn ?? today;
  if (takenOn > today)
    return failure(
      invalid([{ path: 'takenOn', message: `takenOn ${takenOn} is after today (${today} in Vietnam)` }]),
    );
  const id = deps.newId();
  const declared = await declareEvidence(deps, {
    id,
    enterprise,
    declared: {
      kind: 'inspection_photo',
      fileName: request.fileName,
      contentType,
      size: request.size,
      sha256: request.sha256,
      issuedOn: takenOn,
    },
    objectKey: deps.evidence.objectKey(enterprise.id, id),
    actor: input.actor,
  });
  if (!declared.ok) return failure(invalid([{ path: declared.error.path, message: declared.error.message }]));
  const { objectKey, ...evidence } = declared.value;
  const upload = await deps.evidence.presignUpload({
    key: objectKey,
    contentType,
    size: request.size,
    sha256Hex: declared.value.sha256,
  });
  return success({ ...evidence, upload });
}
