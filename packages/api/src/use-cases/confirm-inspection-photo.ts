import { type Enterprise, type Evidence, getEvidence } from '@antoan/db';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { confirmEvidence } from '../evidence-confirmation';
import { failure, type Result, success } from './result';

/**
 * The inspector confirms an uploaded inspection photo: the server verifies the object (size, type, ending,
 * SHA-256) and settles it as verified or rejected, both values (the route maps a rejection to its 422 verdict).
 * Anything but an inspection photo of this firm, a firm's own evidence included, is not found. A photo is no fact
 * behind the firm's inspection priority, so nothing else is refreshed.
 */
export async function confirmInspectionPhoto(
  deps: AppDeps,
  input: { enterprise: Enterprise; photoId: string; actor: string },
): Promise<Result<Omit<Evidence, 'objectKey'>>> {
  const photo = await getEvidence(deps.db, input.enterprise.id, input.photoId);
  if (photo?.kind !== 'inspection_photo') return failure(notFound('inspection photo'));
  const { objectKey: _key, ...settled } = await confirmEvidence(deps, photo, input.actor);
  return success(settled);
}
