import { ConflictError, type Enterprise, type Evidence, getEvidence, reviewEvidence } from '@antoan/db';
import { vietnamDate } from '@antoan/domain';
import type { AppDeps } from '../deps';
import type { Principal } from '../principal';

export type ReviewEvidenceError =
  | { code: 'not_found' }
  | { code: 'own_evidence' }
  | { code: 'not_verified' }
  | { code: 'already_reviewed' };

export type ReviewEvidenceResult = { ok: true; value: Evidence } | { ok: false; error: ReviewEvidenceError };

/**
 * A reviewer's verdict on what a verified document says. A rejection scores the document 0 in every self-check
 * submitted from then on (scoring version 2: `evidence_rejected`) and tells the firm through its outbox, in the same
 * transaction as the verdict and its audit entry. The caller has already checked that the reviewer's scope covers
 * the firm; a firm never reviews its own evidence. A verdict is final: a corrected document is new evidence.
 *
 * Corrective actions: api.md ("Evidence that can be trusted") says a rejected document opens an action for the
 * items it stood behind. Not done yet: the actions module is now merged, but a rejection still opens none here
 * (it needs an action source for reviews and the firm's items that link the document).
 */
export async function reviewEvidenceDecision(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: {
    enterprise: Enterprise;
    evidenceId: string;
    reviewer: Principal;
    decision: 'accepted' | 'rejected';
    reason?: string | undefined;
  },
): Promise<ReviewEvidenceResult> {
  const { enterprise, reviewer } = input;
  if (reviewer.enterpriseId === enterprise.id) return { ok: false, error: { code: 'own_evidence' } };
  const evidence = await getEvidence(deps.db, enterprise.id, input.evidenceId);
  if (!evidence || evidence.deletedAt !== undefined) return { ok: false, error: { code: 'not_found' } };
  if (evidence.status !== 'verified') return { ok: false, error: { code: 'not_verified' } };
  if (evidence.review) return { ok: false, error: { code: 'already_reviewed' } };
  const now = deps.now();
  const at = now.toISOString();
  const role = reviewer.roles.find((r) => r !== 'enterprise') ?? reviewer.roles[0] ?? 'unknown';
  const review = {
    decision: input.decision,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
    by: reviewer.sub,
    role,
    at,
  };
  const rejected = input.decision === 'rejected';
  try {
    const value = await reviewEvidence(deps.db, {
      evidence,
      review,
      ...(rejected
        ? {
            notification: {
              day: vietnamDate(now),
              dedupe: `evidence_rejected#${evidence.id}`,
              type: 'evidence_rejected' as const,
              message: {
                vi: `Minh chứng "${evidence.fileName}" bị từ chối khi thẩm tra nội dung: ${input.reason ?? ''}. Minh chứng này không còn được tính điểm; hãy tải lên tài liệu đúng.`,
                en: `Evidence "${evidence.fileName}" was rejected on review of its content: ${input.reason ?? ''}. It no longer earns points; upload a correct document.`,
              },
              createdAt: at,
            },
          }
        : {}),
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'already_reviewed') {
      return { ok: false, error: { code: 'already_reviewed' } };
    }
    throw error;
  }
}
