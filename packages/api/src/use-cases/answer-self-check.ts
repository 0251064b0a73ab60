import {
  type AnswerRecord,
  type Assessment,
  type Enterprise,
  getDraftToSave,
  getEvidenceFacts,
  saveAnswers,
} from '@antoan/db';
import { type EvidenceKind, notApplicableJustificationErrors } from '@antoan/domain';
import type { AppDeps } from '../deps';
import { conflict, type FieldError, invalid, notFound, preconditionFailed } from '../errors';
import { failure, type Result, success } from './result';
import { templateOf } from './template-of';

/** 409: the assessment is submitted and can no longer change. */
export const submittedConflict = () =>
  conflict(
    {
      vi: 'Bản tự đánh giá đã nộp và không thể thay đổi.',
      en: 'The assessment is already submitted and can no longer change.',
    },
    { code: 'already_submitted' },
  );

/** Checks answers against the template, the firm's applicable items and its own verified evidence. */
export async function answerErrors(
  deps: Pick<AppDeps, 'db'>,
  assessment: Assessment,
  answers: Record<string, AnswerRecord>,
): Promise<FieldError[]> {
  const template = templateOf(assessment);
  const items = new Map(
    template.sections.flatMap((section) => section.items.map((item) => [item.id, item] as const)),
  );
  const applicable = new Set(assessment.applicableItemIds);
  const evidenceIds = Object.values(answers).flatMap((answer) => answer.evidenceIds ?? []);
  const evidence = await getEvidenceFacts(deps.db, assessment.enterpriseId, evidenceIds);
  const errors: FieldError[] = [];
  for (const [itemId, answer] of Object.entries(answers)) {
    const item = items.get(itemId);
    const path = `answers.${itemId}`;
    if (!item)
      errors.push({ path, message: `no item ${itemId} in template ${template.id} v${template.version}` });
    else if (!applicable.has(itemId))
      errors.push({ path, message: `item ${itemId} does not apply to this enterprise` });
    else if (answer.value === 'not_applicable' && !item.allowNotApplicable) {
      errors.push({ path: `${path}.value`, message: `item ${itemId} cannot be answered not_applicable` });
    }
    for (const evidenceId of answer.evidenceIds ?? []) {
      const found = evidence.get(evidenceId);
      if (found?.status !== 'verified') {
        errors.push({
          path: `${path}.evidenceIds`,
          message: `${evidenceId} is not verified evidence of this enterprise`,
        });
      } else if (item?.evidenceKinds && !item.evidenceKinds.includes(found.kind as EvidenceKind)) {
        errors.push({
          path: `${path}.evidenceIds`,
          message: `${evidenceId} is ${found.kind}; item ${itemId} takes ${item.evidenceKinds.join(', ')}`,
        });
      }
    }
  }
  for (const error of notApplicableJustificationErrors(template, answers, assessment.scoringVersion ?? '1')) {
    errors.push({ path: `answers.${error.itemId}.note`, message: error.message });
  }
  return errors;
}

/** Merges answers into a draft at the version the caller read (`If-Match`); the new version is returned. */
export async function answerSelfCheck(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: {
    enterprise: Enterprise;
    assessmentId: string;
    expectedVersion: number | undefined;
    answers: Record<string, AnswerRecord>;
    actor: string;
  },
): Promise<Result<Assessment>> {
  // Eventually consistent where that is safe (half the read units of the growing draft); see getDraftToSave.
  const assessment = await getDraftToSave(
    deps.db,
    input.enterprise.id,
    input.assessmentId,
    input.expectedVersion,
  );
  if (!assessment) return failure(notFound('assessment'));
  if (assessment.status === 'submitted') return failure(submittedConflict());
  if (input.expectedVersion !== assessment.version) return failure(preconditionFailed());
  const errors = await answerErrors(deps, assessment, input.answers);
  if (errors.length > 0) return failure(invalid(errors));
  const at = deps.now().toISOString();
  await saveAnswers(deps.db, {
    enterpriseId: assessment.enterpriseId,
    assessmentId: assessment.id,
    expectedVersion: assessment.version,
    answers: input.answers,
    actor: input.actor,
    at,
  });
  return success({
    ...assessment,
    answers: { ...assessment.answers, ...input.answers },
    version: assessment.version + 1,
    updatedAt: at,
  });
}
