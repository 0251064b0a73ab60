import {
  type Assessment,
  type DbContext,
  type Enterprise,
  type EvidenceFacts,
  getAssessment,
  getEvidenceFacts,
  isPeriodic,
  submissionWrites,
  submitAssessment,
} from '@antoan/db';
import {
  type EvidenceKind,
  gapsOf,
  type Score,
  type ScoredEvidence,
  scoreAssessment,
  selfInspectionStatus,
  type Template,
  vietnamDate,
  type WorkerCategory,
} from '@antoan/domain';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../errors';
import { refreshAfterWrite } from '../targeting';
import { submittedConflict } from './answer-self-check';
import { drainAfterCommit, planGapActions } from './gap-actions';
import { failure, type Result, success } from './result';
import { templateOf } from './template-of';

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

/** What a submission did to the firm's actions. */
export interface SubmittedActions {
  created: string[];
  cancelled: string[];
  via: 'transaction' | 'outbox';
}

/**
 * Scores a complete draft on the day of `at` (in Vietnam) and submits it with the firm's actions (one per gap
 * without a pending action on its item) in one transaction; a periodic one also moves the firm's next
 * self-inspection due day on, and an amendment replaces the version it amends everywhere that one counted.
 * When the actions do not fit in the transaction they go through an outbox written in it. Used by the submit
 * route and by the demo seed.
 */
export async function submitSelfCheck(
  db: DbContext,
  input: {
    assessment: Assessment;
    enterprise: Enterprise;
    template: Template;
    evidence: Readonly<Record<string, ScoredEvidence>>;
    actor: string;
    at: Date;
    /** Today in Vietnam, when the submission is recorded later than `at` (the demo seed): actions due before it start out overdue. */
    today?: string;
    /** False only in the bulk demo seed, which raises actions for a few firms to keep the first start fast. */
    raiseActions?: boolean;
  },
): Promise<{ score: Score; submittedAt: string; actions: SubmittedActions }> {
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
  const replaced =
    assessment.amends === undefined ? undefined : await getAssessment(db, enterprise.id, assessment.amends);
  const submission = {
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
    replaced,
  };
  const planned = await planGapActions(db, {
    enterprise,
    source: { kind: 'self_check', id: assessment.id },
    gaps: input.raiseActions === false ? [] : gapsOf(score, input.template),
    replaces: assessment.replaces,
    foundOn: on,
    today: input.today ?? on,
    actor: input.actor,
    at: submittedAt,
    // The audit entry grows by the ids it lists, never by the number of writes.
    // A periodic check also writes its firm-year facts and the zone's year counters (db firm-years.ts).
    baseWrites: submissionWrites(db.tableName, submission).length + 2,
  });
  const actions: SubmittedActions = {
    created: planned.create.map((action) => action.id),
    cancelled: planned.cancel.map((action) => action.id),
    via: planned.via,
  };
  await submitAssessment(db, { ...submission, actionWrites: planned.writes, auditDetails: { actions } });
  await drainAfterCommit(db, planned);
  return { score, submittedAt, actions };
}

/** The submit route's use case: the draft must exist, be a draft, and have every applicable item answered. */
export async function submitSelfCheckRequest(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: { enterprise: Enterprise; assessmentId: string; actor: string },
): Promise<
  Result<{ id: string; status: 'submitted'; submittedAt: string; score: Score; actions: SubmittedActions }>
> {
  const assessment = await getAssessment(deps.db, input.enterprise.id, input.assessmentId);
  if (!assessment) return failure(notFound('assessment'));
  if (assessment.status === 'submitted') return failure(submittedConflict());
  const unanswered = assessment.applicableItemIds.filter(
    (itemId) => !Object.hasOwn(assessment.answers, itemId),
  );
  if (unanswered.length > 0) {
    return failure(
      new ApiError(
        422,
        'unanswered-items',
        'Unanswered items',
        {
          vi: `Còn ${unanswered.length} mục áp dụng chưa trả lời.`,
          en: `${unanswered.length} applicable items are not answered yet.`,
        },
        { errors: unanswered.map((itemId) => ({ path: `answers.${itemId}`, message: 'not answered' })) },
      ),
    );
  }
  const evidenceIds = Object.values(assessment.answers).flatMap((answer) => answer.evidenceIds ?? []);
  const evidence = await getEvidenceFacts(deps.db, input.enterprise.id, evidenceIds);
  const { score, submittedAt, actions } = await submitSelfCheck(deps.db, {
    assessment,
    enterprise: input.enterprise,
    template: templateOf(assessment),
    evidence: scoredEvidenceOf(evidence),
    actor: input.actor,
    at: deps.now(),
  });
  if (isPeriodic(assessment)) await refreshAfterWrite(deps.db, input.enterprise.id, vietnamDate(deps.now()));
  return success({ id: assessment.id, status: 'submitted', submittedAt, score, actions });
}
