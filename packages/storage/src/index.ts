/** Accepted evidence types, the size limit, and content sniffing by magic bytes and file endings. */
export {
  checkTail,
  EVIDENCE_CONTENT_TYPES,
  type EvidenceContentType,
  isEvidenceContentType,
  MAX_EVIDENCE_BYTES,
  SNIFF_BYTES,
  sniffContentType,
  TAIL_BYTES,
} from './content-types';
/** Errors the store raises on purpose. */
export {
  type InvalidEvidenceInputCode,
  InvalidEvidenceInputError,
  StorageError,
  StorageOperationError,
} from './errors';
/** The evidence store over S3: presigned upload and download, verification, quarantine. */
export {
  createEvidenceStore,
  type DeclaredEvidenceFile,
  type EvidenceStore,
  type EvidenceStoreOptions,
  evidenceIdsOf,
  MAX_DOWNLOAD_URL_SECONDS,
  MAX_UPLOAD_URL_SECONDS,
  type PresignedDownload,
  type PresignedUpload,
  QUARANTINE_PREFIX,
  type QuarantineOutcome,
  type UploadRejectionReason,
  type UploadVerdict,
  VERIFIED_PREFIX,
} from './evidence-store';
