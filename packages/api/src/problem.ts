import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  InvalidCursorError,
  isTransientSdkError,
  MissingReferenceError,
  TransientDbError,
} from '@antoan/db/errors';
import { InvalidEvidenceInputError, StorageOperationError } from '@antoan/storage/errors';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, conflict, invalid, malformedJson, preconditionFailed, unavailable } from './errors';

const PROBLEM_BASE = 'urn:antoan:problem:';

/** S3 error names that mean "busy or briefly unavailable": the same request can succeed later. */
const retryableStorageNames = new Set([
  'SlowDown',
  'ServiceUnavailable',
  'InternalError',
  'RequestTimeout',
  'RequestTimeTooSkewed',
  'TimeoutError',
  'ThrottlingException',
]);

/** Network failures under an SDK call (connection refused or reset, timeouts). */
const retryableNetworkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * True when a storage or database failure is one a retry can get past: throttling, a 5xx from the service, a
 * failed connection, anything the SDK itself marks retryable; looked for along the `cause` chain.
 */
export function isRetryable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const sdk = error as Error & {
    code?: unknown;
    $retryable?: unknown;
    $fault?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  if (error instanceof TransientDbError || error instanceof StorageOperationError) return true;
  if (isTransientSdkError(error) || retryableStorageNames.has(error.name)) return true;
  if (typeof sdk.code === 'string' && retryableNetworkCodes.has(sdk.code)) return true;
  if (sdk.$retryable !== undefined || sdk.$fault === 'server') return true;
  if ((sdk.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return isRetryable(error.cause, depth + 1);
}

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 2;

/** Maps any error to an ApiError; errors we did not expect stay undefined (they become a 500). */
function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (isRetryable(error)) return unavailable();
  if (error instanceof InvalidEvidenceInputError) {
    return invalid([{ path: error.code === 'invalid_file_name' ? 'fileName' : '', message: error.message }]);
  }
  if (error instanceof ConflictError && error.code === 'stale_version') return preconditionFailed();
  if (error instanceof ConflictError) {
    return conflict({ vi: 'Xung đột với dữ liệu đã lưu.', en: error.message }, { code: error.code });
  }
  if (error instanceof MissingReferenceError) return invalid([{ path: error.field, message: error.message }]);
  if (error instanceof InvalidCursorError) return invalid([{ path: 'cursor', message: error.message }]);
  if (error instanceof HTTPException && error.status === 400) return malformedJson();
  return undefined;
}

/** Renders an ApiError as `application/problem+json`. */
export function problemResponse(c: Context, error: ApiError): Response {
  const body = {
    type: `${PROBLEM_BASE}${error.slug}`,
    title: error.title,
    status: error.status,
    detail: error.detail.en,
    localized: error.detail,
    instance: c.req.path,
    ...error.extensions,
    requestId: requestIdOf(c),
  };
  return c.body(JSON.stringify(body), error.status as 400, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    ...(error.status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {}),
  });
}

/** The request's id (set by the input guard); one is made if the guard did not run. */
function requestIdOf(c: Context): string {
  const known = c.get('requestId') as string | undefined;
  if (known) return known;
  const made = randomUUID();
  c.set('requestId', made);
  return made;
}

/** One JSON log line about a failed request, with its request id (never sent to the client beyond the id). */
function logFailure(c: Context, level: 'error' | 'warn', message: string, error: unknown): void {
  const line = JSON.stringify({
    level,
    message,
    requestId: requestIdOf(c),
    method: c.req.method,
    path: c.req.path,
    error: error instanceof Error ? String(error.stack ?? error) : String(error),
    cause: error instanceof Error && error.cause !== undefined ? String(error.cause) : undefined,
  });
  if (level === 'error') console.error(line);
  else console.warn(line);
}

/** `app.onError`: exposes ApiErrors, logs the rest and answers a generic 500. */
export function handleError(error: Error, c: Context): Response {
  const apiError = toApiError(error);
  if (apiError) {
    if (apiError.status === 503) logFailure(c, 'warn', 'dependency unavailable', error);
    return problemResponse(c, apiError);
  }
  logFailure(c, 'error', 'unhandled error', error);
  return problemResponse(
    c,
    new ApiError(500, 'internal', 'Internal error', {
      vi: 'Lỗi hệ thống; đã ghi nhận.',
      en: 'Something went wrong on our side; it has been logged.',
    }),
  );
}
