import type { AppContext } from './deps';
import { ApiError } from './errors';

/** The version `If-Match` names; 428 when the header is missing. Anything that is not `"<n>"` matches nothing. */
export function ifMatchVersion(c: AppContext): number | undefined {
  const header = c.req.header('If-Match');
  if (header === undefined) {
    throw new ApiError(428, 'precondition-required', 'Precondition required', {
      vi: 'Cần header If-Match với ETag của bản đang sửa.',
      en: 'Send If-Match with the ETag of the version you are changing.',
    });
  }
  const match = header.trim().match(/^(?:W\/)?"(\d{1,9})"$/);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Sends the assessment's version as its `ETag` (what `If-Match` names next) and returns the assessment. */
export function withEtag<T extends { version: number }>(c: AppContext, assessment: T): T {
  c.header('ETag', `"${assessment.version}"`);
  return assessment;
}
