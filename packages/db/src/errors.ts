/** Base of every error the data layer raises on purpose. */
export class DbError extends Error {
  override name = 'DbError';
}

/** A uniqueness rule or a version check refused the write; nothing was written. */
export class ConflictError extends DbError {
  override name = 'ConflictError';
  constructor(
    /** Which rule refused the write, e.g. `tax_code_taken`, `stale_version`. */
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A referenced item does not exist (for example the zone of a new enterprise). */
export class MissingReferenceError extends DbError {
  override name = 'MissingReferenceError';
  constructor(
    /** The input field that named the missing item, e.g. `zoneId`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The database was busy (throttling, a transaction conflict); retrying later can succeed. Nothing was written. */
export class TransientDbError extends DbError {
  override name = 'TransientDbError';
}

/** A pagination cursor that this service did not issue for this list. */
export class InvalidCursorError extends DbError {
  override name = 'InvalidCursorError';
}

const transientNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
]);

/** True for SDK errors that mean "busy, try again". */
export function isTransientSdkError(error: unknown): boolean {
  return error instanceof Error && transientNames.has(error.name);
}

/** Cancellation reasons of a failed transaction, in the order of its actions. */
export function cancellationCodes(error: unknown): Array<string | undefined> | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons;
  return reasons?.map((reason) => (reason.Code === 'None' ? undefined : reason.Code));
}
