import type { ApiError } from '../errors';

/** What a use case returns: its value, or the expected failure the route maps to HTTP. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = <T = never>(error: ApiError): Result<T> => ({ ok: false, error });

/** The value of a result, or its error thrown for `app.onError` to map (for routes). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}
