import {
  type Assessment,
  ConflictError,
  type DbContext,
  type Enterprise,
  type Evidence,
  getAssessment,
  getEvidence,
  listAssessments,
  reviewEvidence,
  type TransactItem,
} from '@antoan/db';
import { type Gap, templateItem, vietnamDate } from '@antoan/domain';
import type { AppDeps } from '../deps';
import type { Principal } from '../principal';
import { firmYearWritesWithout } from './annual-report-complete';
import { drainAfterCommit, type GapActions, planGapActions } from './gap-actions';
import { templateOf } from './template-of';

export type ReviewEvidenceError =
  | { code: 'not_found' }
  | { code: 'own_evidence' }
  | { code: 'not_verified' }
  | { code: 'already_reviewed' };

export type ReviewEvidenceResult = { ok: true; value: Evidence } | { ok: false; error: ReviewEvidenceError };

/**
 * A reviewer's verdict on what a verified document says. A rejection scores the document 0 in every self-check
 * submitted from then on (scoring version 2: `evidence_rejected`), tells the firm through its outbox, and opens a
 * corrective action (source `evidence_review`) for each item that the firm's standing self-check answered
 * compliant or partial on the strength of this document (unless the item has an action pending), all in the same
 * transaction as the verdict and its audit entry; when the actions would not fit in it (DynamoDB's 100 writes), an
 * action outbox is written in it instead and drained right after. The caller has already checked that the
 * reviewer's scope covers the firm; a firm never reviews its own evidence. A verdict is final: a corrected document
 * is new evidence.
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
  const found = await getEvidence(deps.db, enterprise.id, input.evidenceId);
  if (!found || found.deletedAt !== undefined) return { ok: false, error: { code: 'not_found' } };
  if (found.status !== 'verified') return { ok: false, error: { code: 'not_verified' } };
  if (found.review) return { ok: false, error: { code: 'already_reviewed' } };
  const evidence: Evidence = found;
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
  const today = vietnamDate(now);
  // The actions are planned on what is pending now, and the firm's year facts on the records now; if either
  // changes before the commit, plan again.
  for (let attempt = 1; ; attempt++) {
    // A rejected document stops filling its year's Appendix II figures: the year's facts, the report's
    // `complete` flag and the zone's counters follow in the verdict's own transaction.
    const yearWrites = rejected ? await firmYearWritesWithout(deps.db, enterprise, evidence) : [];
    const planned = rejected
      ? await planRejectionActions(deps.db, {
          enterprise,
          evidenceId: evidence.id,
          today,
          actor: reviewer.sub,
          at,
          baseWrites: VERDICT_WRITES + yearWrites.length,
        })
      : undefined;
    try {
      const value = await reviewVerdict([...(planned?.writes ?? []), ...yearWrites]);
      if (planned) await drainAfterCommit(deps.db, planned);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'already_reviewed') {
        return { ok: false, error: { code: 'already_reviewed' } };
      }
      if (error instanceof ConflictError && error.code === 'actions_changed' && attempt < PLAN_ATTEMPTS)
        continue;
      throw error;
    }
  }

  function reviewVerdict(writes: TransactItem[]) {
    return reviewEvidence(deps.db, {
      evidence,
      review,
      ...(writes.length > 0 ? { writes } : {}),
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
  }
}

/** Writes of the verdict itself: the evidence update, its audit entry and the firm's notification. */
const VERDICT_WRITES = 3;

/** How many times a verdict is planned again when the firm's actions or year facts moved meanwhile. */
const PLAN_ATTEMPTS = 5;

/**
 * The corrective actions a rejected document opens: one per item that the firm's standing self-check (the newest
 * submitted one not amended since) answered compliant or partial with this document linked. None when no
 * submitted self-check relied on it: a draft that links it learns of the rejection through its score.
 */
async function planRejectionActions(
  db: DbContext,
  input: {
    enterprise: Enterprise;
    evidenceId: string;
    today: string;
    actor: string;
    at: string;
    baseWrites: number;
  },
): Promise<GapActions> {
  const standing = await standingSelfCheck(db, input.enterprise.id);
  const gaps: Gap[] = [];
  if (standing) {
    const template = templateOf(standing);
    for (const [itemId, answer] of Object.entries(standing.answers)) {
      if (answer.value !== 'compliant' && answer.value !== 'partial') continue;
      if (!answer.evidenceIds?.includes(input.evidenceId)) continue;
      const item = templateItem(template, itemId);
      if (!item) continue;
      gaps.push({
        itemId,
        title: item.text,
        legalBasis: item.legalBasis,
        severity: item.severity,
        ...(item.evidenceKinds ? { evidenceKinds: item.evidenceKinds } : {}),
      });
    }
  }
  return planGapActions(db, {
    enterprise: input.enterprise,
    source: { kind: 'evidence_review', id: input.evidenceId },
    gaps,
    foundOn: input.today,
    today: input.today,
    actor: input.actor,
    at: input.at,
    baseWrites: input.baseWrites,
  });
}

/** The firm's newest submitted self-check that no amendment replaced (the first page of its newest ones). */
async function standingSelfCheck(db: DbContext, enterpriseId: string): Promise<Assessment | undefined> {
  const page = await listAssessments(db, { enterpriseId, limit: 20 });
  const newest = page.items.find(
    (assessment) => assessment.status === 'submitted' && !assessment.supersededBy,
  );
  // A listed assessment carries no answers (they are saved as items of their own): read it whole.
  return newest && (await getAssessment(db, enterpriseId, newest.id));
}
