import { type Enterprise, type Evidence, getEvidence } from '@antoan/db';
import { vietnamDate } from '@antoan/domain';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { confirmEvidence } from '../evidence-confirmation';
import { expiredCriticalEvidenceOf, isCriticalEvidenceKind } from '../evidence-signal';
import { refreshAfterWrite } from '../targeting';
import { failure, type Result, success } from './result';

/**
 * The firm confirms an upload: the server verifies the object (size, type, ending, SHA-256) and settles the
 * evidence as verified or rejected (both are values: the route maps a rejection to its 422 verdict). New valid
 * proof of a critical kind can close an expired-evidence gap in the firm's inspection priority, so it refreshes
 * the firm's target entry; for any other kind no fact behind the priority changed, and nothing more is read.
 */
export async function confirmUpload(
  deps: AppDeps,
  input: { enterprise: Enterprise; evidenceId: string; actor: string },
): Promise<Result<Evidence>> {
  const evidence = await getEvidence(deps.db, input.enterprise.id, input.evidenceId);
  if (!evidence || evidence.deletedAt !== undefined) return failure(notFound('evidence'));
  const settled = await confirmEvidence(deps, evidence, input.actor);
  if (settled.status !== 'rejected' && isCriticalEvidenceKind(settled.kind)) {
    const today = vietnamDate(deps.now());
    await refreshAfterWrite(deps.db, input.enterprise.id, today, {
      expiredCriticalEvidence: await expiredCriticalEvidenceOf(deps.db, input.enterprise.id, today),
    });
  }
  return success(settled);
}
