import { type Assessment, type Enterprise, type EvidenceFacts, submitAssessment } from '@antoan/db';
import {
  type EvidenceKind,
  type Score,
  type ScoredEvidence,
  scoreAssessment,
  selfInspectionStatus,
  type Template,
  vietnamDate,
  type WorkerCategory,
} from '@antoan/domain';

/** Evidence facts as the scoring reads them (the store keeps kinds and categories as plain strings). */
export function scoredEvidenceOf(facts: ReadonlyMap<string, EvidenceFacts>): Record<string, ScoredEvidence> {
  return Object.fromEntries(
    [...facts].map(([id, { workerCategory, ...fact }]) => [
      id,
      {
        ...fact,
        kind: fact.kind as EvidenceKind,
        ...(workerCategory === undefined ? {} : { workerCategory: workerCategory as WorkerCategory }),
      },
    ]),
  );
}

/**
 * Scores a complete draft on the day of `at` (in Vietnam) and submits it in one transaction, moving the firm's
 * next self-inspection due day on. Used by the submit route and by the demo seed.
 */
export async function submitSelfCheck(
  db: Parameters<typeof submitAssessment>[0],
  input: {
    assessment: Assessment;
    enterprise: Enterprise;
    template: Template;
    evidence: Readonly<Record<string, ScoredEvidence>>;
    actor: string;
    at: Date;
  },
): Promise<{ score: Score; submittedAt: string }> {
  const { assessment, enterprise } = input;
  const on = vietnamDate(input.at);
  const score = scoreAssessment({
    template: input.template,
    applicableItemIds: assessment.applicableItemIds,
    answers: assessment.answers,
    evidence: input.evidence,
    on,
    // Pinned at creation; assessments made before version 2 carry none and keep version 1 exactly.
    scoringVersion: assessment.scoringVersion ?? '1',
  });
  const submittedAt = input.at.toISOString();
  await submitAssessment(db, {
    assessment,
    score,
    facts: {
      enterpriseName: enterprise.name,
      sectorCode: enterprise.sectorCode,
      headcount: enterprise.headcount,
      highRisk: enterprise.highRisk,
    },
    nextDueOn: selfInspectionStatus({ highRisk: enterprise.highRisk, lastSubmittedOn: on, today: on }).dueOn,
    actor: input.actor,
    at: submittedAt,
  });
  return { score, submittedAt };
}
