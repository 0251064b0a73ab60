import { type Assessment, createAssessment, type Enterprise, getAssessment, isPeriodic } from '@antoan/db';
import type { AppDeps } from '../deps';
import { conflict, notFound } from '../errors';
import { failure, type Result, success } from './result';

const notAmendable = (en: string, vi: string) => conflict({ vi, en }, { code: 'not_amendable' });

/**
 * Opens an amendment of a submitted periodic self-check: a new draft with the answers copied. One open
 * amendment per period at a time (a second gets 409 `amendment_open`, enforced by a claim written in the same
 * transaction, so parallel requests get exactly one draft); only the current version can be amended.
 */
export async function amendSelfCheck(
  deps: Pick<AppDeps, 'db' | 'now' | 'newId'>,
  input: { enterprise: Enterprise; assessmentId: string; actor: string },
): Promise<Result<Assessment>> {
  const current = await getAssessment(deps.db, input.enterprise.id, input.assessmentId);
  if (!current) return failure(notFound('assessment'));
  if (current.status !== 'submitted')
    return failure(notAmendable('Only a submitted self-check can be amended.', 'Chỉ sửa được bản đã nộp.'));
  if (!isPeriodic(current))
    return failure(
      notAmendable(
        'Only a periodic self-check is amended; start another check of this kind instead.',
        'Chỉ bản tự kiểm tra định kỳ được sửa; hãy tạo một đợt kiểm tra mới cùng loại.',
      ),
    );
  if (current.supersededBy !== undefined)
    return failure(
      notAmendable(
        `This version was replaced by ${current.supersededBy}; amend that one.`,
        `Bản này đã được thay bằng ${current.supersededBy}; hãy sửa bản đó.`,
      ),
    );
  const at = deps.now().toISOString();
  return success(
    await createAssessment(deps.db, {
      id: deps.newId(),
      enterpriseId: current.enterpriseId,
      zoneId: current.zoneId,
      templateId: current.templateId,
      templateVersion: current.templateVersion,
      period: current.period,
      kind: 'periodic',
      amends: current.id,
      replaces: [current.id, ...(current.replaces ?? [])],
      status: 'draft',
      version: 1,
      applicableItemIds: current.applicableItemIds,
      answers: current.answers,
      // The amendment keeps the scoring the amended version was pinned to, like its template version.
      ...(current.scoringVersion === undefined ? {} : { scoringVersion: current.scoringVersion }),
      createdAt: at,
      createdBy: input.actor,
      updatedAt: at,
    }),
  );
}
