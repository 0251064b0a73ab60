import {
  type EvidenceKind,
  type ScoredAnswer,
  type ScoredEvidence,
  scoreAssessment,
  type Template,
  type WorkerCategory,
} from '@antoan/domain';
import type { EvidenceListItem as Evidence } from '@antoan/schemas';
import { memo, useMemo } from 'react';
import { useI18n } from '../i18n';
import { capText } from '../labels/trust';
import { vietnamToday } from '../period';
import { ratingTexts } from '../reasons';
import { formatScore } from '../ui';

/**
 * The firm's evidence as the server's scoring reads it (the API's `getEvidenceFacts`): kind, status, days,
 * training group, worker category, a reviewer's decision and the doubts recorded on it.
 */
export function scoredEvidenceOf(evidence: readonly Evidence[]): Record<string, ScoredEvidence> {
  return Object.fromEntries(
    evidence.map((entry) => [
      entry.id,
      {
        kind: entry.kind as EvidenceKind,
        status: entry.status,
        issuedOn: entry.issuedOn,
        expiresOn: entry.expiresOn,
        trainingGroup: entry.trainingGroup,
        workerCategory: entry.workerCategory as WorkerCategory | undefined,
        review: entry.review?.decision,
        flags: entry.flags,
      },
    ]),
  );
}

/**
 * The score the draft would get if it were submitted now, worked out in the browser by the same function the
 * server runs on submit (`scoreAssessment` from the domain package), with the draft's pinned scoring version and
 * today's day in Vietnam.
 */
export const ProvisionalScore = memo(function ProvisionalScore(props: {
  template: Template;
  applicableItemIds: readonly string[];
  answers: Readonly<Record<string, ScoredAnswer>>;
  evidence: readonly Evidence[];
  scoringVersion: '1' | '2' | undefined;
}) {
  const { t, l, lang } = useI18n();
  const version = props.scoringVersion ?? '1';
  const score = useMemo(
    () =>
      scoreAssessment({
        template: props.template,
        applicableItemIds: props.applicableItemIds,
        answers: props.answers,
        evidence: scoredEvidenceOf(props.evidence),
        on: vietnamToday(),
        scoringVersion: version,
      }),
    [props.template, props.applicableItemIds, props.answers, props.evidence, version],
  );
  const unanswered = score.items.filter((item) => item.reason === 'unanswered').length;
  const withoutEvidence = score.items.filter((item) => item.reason?.startsWith('evidence_')).length;
  return (
    <section
      className="card provisional-score"
      aria-labelledby="provisional-title"
      data-testid="provisional-score"
      data-total={score.total}
      data-rating={score.rating}
    >
      <header className="card-header">
        <h2 id="provisional-title">{t('provisionalScore')}</h2>
      </header>
      <div className="provisional-figures">
        <p className="provisional-total">
          <strong data-testid="provisional-total">{formatScore(score.total, lang)}</strong>
          <span className="muted small"> / 100</span>
        </p>
        <p className="provisional-rating">
          <span className="muted small">{t('rating')}</span>{' '}
          <span className={`rating rating-small rating-${score.rating}`} data-testid="provisional-rating">
            {score.rating}
          </span>{' '}
          <span className="small">{l(ratingTexts[score.rating])}</span>
        </p>
      </div>
      <ul className="plain-list small provisional-notes" data-testid="provisional-notes">
        {unanswered > 0 && <li>{l(provisionalUnanswered(unanswered))}</li>}
        {withoutEvidence > 0 && <li>{l(provisionalNoEvidence(withoutEvidence))}</li>}
        {(score.caps ?? []).map((cap) => (
          <li key={cap.rule} className="critical">
            {l(capText(cap))}
          </li>
        ))}
        {version === '1' && score.criticalFailures.length > 0 && (
          <li className="critical">
            {l(capText({ rule: 'critical_failure', capsAt: 'C', itemIds: score.criticalFailures }))}
          </li>
        )}
      </ul>
      <p className="muted small" data-testid="provisional-explain">
        {t('provisionalExplain')} {version === '1' ? t('provisionalReviewV1') : t('provisionalReviewV2')}
      </p>
    </section>
  );
});

const provisionalUnanswered = (count: number) => ({
  vi: `${count} mục chưa trả lời đang được tính 0 điểm.`,
  en: `${count} unanswered ${count === 1 ? 'item counts' : 'items count'} as 0 points.`,
});

const provisionalNoEvidence = (count: number) => ({
  vi: `${count} mục trả lời "Đạt" hoặc "Đạt một phần" chưa có minh chứng hợp lệ nên được 0 điểm.`,
  en: `${count} ${count === 1 ? 'item' : 'items'} answered compliant or partial without valid evidence ${count === 1 ? 'earns' : 'earn'} 0 points.`,
});
