import type { Enterprise, Evidence } from '@antoan/db';
import { vietnamDate } from '@antoan/domain';
import type { RequestEvidenceUploadInput } from '@antoan/schemas';
import { EVIDENCE_CONTENT_TYPES, isEvidenceContentType, MAX_EVIDENCE_BYTES } from '@antoan/storage';
import type { AppDeps } from '../deps';
import { invalid, payloadTooLarge, unsupportedMediaType } from '../errors';
import { evidenceView } from '../evidence-view';
import { declareEvidence } from './declare-evidence';
import { failure, type Result, success } from './result';

/** Declared evidence as the API shows it, with the presigned form to send its file with. */
export type EvidenceUploadTicket = Omit<Evidence, 'objectKey'> & {
  upload: Awaited<ReturnType<AppDeps['evidence']['presignUpload']>>;
};

/**
 * A firm asks to upload a document: a type the evidence store verifies (else 415), at most 20 MB (else 413), issued
 * no later than today in Vietnam (else 400), then declared (`declareEvidence`: its validity, provider and
 * certificate checks) and answered with a presigned POST straight to the bucket, bound to the declared type, size
 * and SHA-256.
 */
export async function requestEvidenceUpload(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId' | 'evidence'>,
  input: { enterprise: Enterprise; request: RequestEvidenceUploadInput; actor: string },
): Promise<Result<EvidenceUploadTicket>> {
  const { enterprise, request } = input;
  if (!isEvidenceContentType(request.contentType))
    return failure(unsupportedMediaType(EVIDENCE_CONTENT_TYPES, 'contentType'));
  if (request.size > MAX_EVIDENCE_BYTES)
    return failure(payloadTooLarge('20 MB', { vi: 'Tệp', en: 'The file' }));
  if (request.issuedOn > vietnamDate(deps.now()))
    return failure(invalid([{ path: 'issuedOn', message: `issuedOn ${request.issuedOn} is in the future` }]));
  const id = deps.newId();
  const declared = await declareEvidence(deps, {
    id,
    enterprise,
    declared: request,
    objectKey: deps.evidence.objectKey(enterprise.id, id),
    actor: input.actor,
  });
  if (!declared.ok) return failure(invalid([{ path: declared.error.path, message: declared.error.message }]));
  const evidence = declared.value;
  const upload = await deps.evidence.presignUpload({
    key: evidence.objectKey,
    contentType: request.contentType,
    size: request.size,
    sha256Hex: evidence.sha256,
  });
  return success({ ...evidenceView(evidence), upload });
}
