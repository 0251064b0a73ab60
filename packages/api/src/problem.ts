import {
  ConflictError,
  InvalidCursorError,
  MissingReferenceError,
  TransientDbError,
} from '@antoan/db/errors';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, conflict, invalid, malformedJson, preconditionFailed, unavailable } from './errors';

const PROBLEM_BASE = 'urn:antoan:problem:';

/** Maps any error to an ApiError; errors we did not expect stay undefined (they become a 500). */
function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof TransientDbError) return unavailable();
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
  };
  return c.body(JSON.stringify(body), error.status as 400, {
    'Content-Type': 'application/problem+json; charset=utf-8',
  });
}

/** `app.onError`: exposes ApiErrors, logs the rest and answers a generic 500. */
export function handleError(error: Error, c: Context): Response {
  const apiError = toApiError(error);
  if (apiError) return problemResponse(c, apiError);
  console.error(
    JSON.stringify({
      level: 'error',
      message: 'unhandled error',
      path: c.req.path,
      error: String(error.stack ?? error),
    }),
  );
  return problemResponse(
    c,
    new ApiError(500, 'internal', 'Internal error', {
      vi: 'Lỗi hệ thống; đã ghi nhận.',
      en: 'Something went wrong on our side; it has been logged.',
    }),
  );
}
