/** Base of every error the evidence store raises on purpose. */
export class StorageError extends Error {
  override name = 'StorageError';
}

/** Why the store refused an argument. */
export type InvalidEvidenceInputCode =
  | 'invalid_id'
  | 'invalid_key'
  | 'quarantined_key'
  | 'unsupported_content_type'
  | 'invalid_size'
  | 'invalid_sha256'
  | 'invalid_expiry'
  | 'invalid_file_name';

/** The store refused an argument (a malformed id or key, a type or size outside the evidence rules); it did nothing. */
export class InvalidEvidenceInputError extends StorageError {
  override name = 'InvalidEvidenceInputError';
  constructor(
    readonly code: InvalidEvidenceInputCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * S3 failed, or the object changed while it was read, so the store reached no verdict. Retrying later
 * can succeed; the cause is kept.
 */
export class StorageOperationError extends StorageError {
  override name = 'StorageOperationError';
  constructor(
    /** The S3 operation that failed. */
    readonly operation: 'head' | 'get' | 'copy' | 'delete',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
