import {
  ConflictError,
  deleteEvidence,
  type Enterprise,
  type Evidence,
  getAssessment,
  getEvidence,
  listActionsOfEnterprise,
  listAssessments,
} from '@antoan/db';
import type { AppDeps } from '../deps';
import { conflict, notFound } from '../errors';
import { firmYearWritesWithout } from './annual-report-complete';
import { failure, type Result, success } from './result';

/** Kinds whose verified files move the zone's annual report figures, counted once per document. */
const REPORTED_KINDS = new Set(['occupational_disease_exam', 'environment_monitoring_report']);

/** Every self-check (draft or submitted) and corrective action of the firm that links the evidence. */
async function linksOf(
  deps: Pick<AppDeps, 'db'>,
  enterpriseId: string,
  evidenceId: string,
): Promise<{ submitted: string[]; drafts: string[]; actions: string[] }> {
  const links = { submitted: [] as string[], drafts: [] as string[], actions: [] as string[] };
  let cursor: string | undefined;
  do {
    const page = await listAssessments(deps.db, { enterpriseId, limit: 50, cursor });
    // The answers live in the saves, which `getAssessment` applies; a firm has a few self-checks a year.
    const full = await Promise.all(page.items.map((head) => getAssessment(deps.db, enterpriseId, head.id)));
    for (const assessment of full) {
      if (!assessment) continue;
      const linked = Object.values(assessment.answers).some((answer) =>
        (answer.evidenceIds ?? []).includes(evidenceId),
      );
      if (linked) (assessment.status === 'submitted' ? links.submitted : links.drafts).push(assessment.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  do {
    const page = await listActionsOfEnterprise(deps.db, { enterpriseId, limit: 100, cursor });
    for (const action of page.items) {
      if ((action.evidenceIds ?? []).includes(evidenceId)) links.actions.push(action.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return links;
}

/**
 * The firm deletes a file from its evidence library: a soft delete (the record and the stored object stay, marked,
 * for the audit trail), audited. Allowed for a file waiting for upload, a file the server rejected, a file a
 * reviewer rejected, or a verified file nothing links. Refused (409) when a submitted self-check links it (its
 * score stands on it), when verified evidence is linked to a draft or a corrective action (unlink it first), and
 * when a verified exam or monitoring report already counts in the zone's annual report.
 */
export async function deleteEvidenceFromLibrary(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: { enterprise: Enterprise; evidenceId: string; actor: string },
): Promise<Result<Evidence>> {
  const { enterprise, evidenceId } = input;
  const evidence = await getEvidence(deps.db, enterprise.id, evidenceId);
  if (!evidence || evidence.deletedAt !== undefined) return failure(notFound('evidence'));
  const links = await linksOf(deps, enterprise.id, evidence.id);
  if (links.submitted.length > 0) {
    return failure(
      conflict(
        {
          vi: 'Minh chứng này gắn với một bản tự kiểm tra đã nộp, nên phải được giữ lại.',
          en: 'A submitted self-check links this evidence, so it must stay.',
        },
        { code: 'linked_to_submitted', assessmentIds: links.submitted },
      ),
    );
  }
  const rejected = evidence.status === 'rejected' || evidence.review?.decision === 'rejected';
  if (evidence.status === 'verified' && !rejected) {
    if (links.drafts.length > 0 || links.actions.length > 0) {
      return failure(
        conflict(
          {
            vi: 'Minh chứng đã xác minh này đang được gắn vào câu trả lời hoặc hành động khắc phục; hãy bỏ gắn trước khi xóa.',
            en: 'This verified evidence is linked to an answer or a corrective action; unlink it before deleting it.',
          },
          { code: 'linked', assessmentIds: links.drafts, actionIds: links.actions },
        ),
      );
    }
    if (REPORTED_KINDS.has(evidence.kind)) {
      return failure(
        conflict(
          {
            vi: 'Hồ sơ này đã được tính vào báo cáo năm của khu công nghiệp, nên phải được giữ lại.',
            en: "This record already counts in the zone's annual report, so it must stay.",
          },
          { code: 'counted_in_report' },
        ),
      );
    }
  }
  // A verified file an Appendix II figure reads (training, health exams, equipment certificates) can be what made
  // the report complete: its year's facts are recomputed without it in the deletion's transaction.
  const counted = evidence.status === 'verified' && !rejected;
  for (let attempt = 1; ; attempt++) {
    const writes = counted ? await firmYearWritesWithout(deps.db, enterprise, evidence) : [];
    try {
      return success(
        await deleteEvidence(deps.db, { evidence, actor: input.actor, at: deps.now().toISOString(), writes }),
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // The file is as read: the year's facts moved meanwhile, so plan them again.
      const now = await getEvidence(deps.db, enterprise.id, evidence.id);
      if (writes.length > 0 && attempt < 5 && now?.deletedAt === undefined && now?.status === evidence.status)
        continue;
      return changedMeanwhile();
    }
  }
}

function changedMeanwhile(): Result<Evidence> {
  return failure(
    conflict(
      {
        vi: 'Minh chứng vừa thay đổi hoặc đã bị xóa; hãy tải lại rồi thử lại.',
        en: 'The evidence changed or was deleted meanwhile; reload and try again.',
      },
      { code: 'changed' },
    ),
  );
}
