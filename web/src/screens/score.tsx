import type { ScoreItem, Template, TemplateItem } from '@antoan/domain';
import type { AssessmentView as Assessment } from '@antoan/schemas';
import { formatPeriodLabel, formatTimestamp } from '../dates';
import { useI18n } from '../i18n';
import { capText, flagTexts } from '../labels/trust';
import { legalBasisText } from '../legal';
import { answerTexts, explainScoreItem, ratingExplanation } from '../reasons';
import { Badge, Card, formatScore, Link, ProgressBar, usePageTitle } from '../ui';

const outcomeTones = {
  compliant: 'ok',
  partial: 'warn',
  non_compliant: 'bad',
  not_applicable: 'muted',
} as const;

/** A submitted self-check's score, explained: total and band, sections, critical failures, every item. */
export function ScoreView(props: { assessment: Assessment; template: Template }) {
  const { t, l, lang } = useI18n();
  const { assessment, template } = props;
  const score = assessment.score;
  const title = `${t('scoreTitle')} · ${formatPeriodLabel(assessment.period, lang)}`;
  usePageTitle(title);
  if (!score) return null;
  const items = new Map(
    template.sections.flatMap((section) => section.items.map((item) => [item.id, item] as const)),
  );
  const sectionTitles = new Map(template.sections.map((section) => [section.id, section.title]));
  const toFix = score.items
    .filter((item) => item.outcome !== 'not_applicable' && item.points < item.maxPoints)
    .sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points) || a.id.localeCompare(b.id));

  return (
    <div className="stack" data-testid="score">
      {/* The page's one h1: the assessment screen shows only this view once the self-check is submitted. */}
      <h1>{title}</h1>
      <Card>
        <div className="score-head">
          <div className="score-total">
            <span className="muted small">{t('totalScore')}</span>
            <strong data-testid="score-total">{formatScore(score.total, lang)}</strong>
            <span className="muted small">/ 100</span>
          </div>
          <div className="score-rating">
            <span className="muted small">{t('rating')}</span>
            <span className={`rating rating-${score.rating}`} data-testid="score-rating">
              {score.rating}
            </span>
            <span data-testid="rating-explanation">{l(ratingExplanation(score))}</span>
          </div>
          <div className="muted small score-meta">
            {assessment.submittedAt && (
              <p>
                {t('submittedAt')}: {formatTimestamp(assessment.submittedAt, lang)}
              </p>
            )}
            <p>
              {t('scoringVersion')}: {score.scoringVersion}
            </p>
            <p>{t('ratingBands')}</p>
          </div>
        </div>
      </Card>

      {(score.caps ?? []).length > 0 && (
        <Card title={t('ratingCaps')}>
          <ul className="plain-list" data-testid="rating-caps">
            {(score.caps ?? []).map((cap) => (
              <li key={cap.rule} className="critical">
                {l(capText(cap))} <span className="muted small">({cap.itemIds.join(', ')})</span>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {(score.claimedNotApplicable ?? []).length > 0 && (
        <Card title={t('claimedNotApplicable')}>
          <ul className="plain-list" data-testid="claimed-not-applicable">
            {(score.claimedNotApplicable ?? []).map((id) => (
              <li key={id}>
                <strong>{id}</strong> {l(items.get(id)?.text ?? { vi: '', en: '' })}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {score.criticalFailures.length > 0 && (
        <Card title={`${t('criticalFailures')} (${score.criticalFailures.length})`}>
          <ul className="plain-list" data-testid="critical-failures">
            {score.criticalFailures.map((id) => {
              const scored = score.items.find((item) => item.id === id);
              return (
                <li key={id} className="critical">
                  <strong>{id}</strong> {l(items.get(id)?.text ?? { vi: '', en: '' })}
                  {scored && <span className="muted small"> — {l(explainScoreItem(scored))}</span>}
                </li>
              );
            })}
          </ul>
        </Card>
      )}

      <Card title={t('sectionScores')}>
        <ul className="section-scores">
          {score.sections.map((section) => (
            <li key={section.id}>
              <span className="section-name">
                {section.id}. {l(sectionTitles.get(section.id) ?? { vi: section.id, en: section.id })}
              </span>
              {section.score === null ? (
                <span className="muted small">{t('notScored')}</span>
              ) : (
                <>
                  <ProgressBar
                    value={section.score / 100}
                    label={`${section.id}. ${l(sectionTitles.get(section.id) ?? { vi: section.id, en: section.id })}`}
                    tone={section.score < 70 ? 'warn' : 'ok'}
                  />
                  <strong className="section-value">{formatScore(section.score, lang)}</strong>
                </>
              )}
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t('whatToFix')}>
        {toFix.length === 0 ? (
          <p className="muted">{t('nothingToFix')}</p>
        ) : (
          <ol className="items" data-testid="to-fix">
            {toFix.map((scored) => (
              <ScoredItem
                key={scored.id}
                scored={scored}
                item={items.get(scored.id)}
                fixHref={`/enterprises/${encodeURIComponent(assessment.enterpriseId)}/actions?item=${encodeURIComponent(scored.id)}`}
              />
            ))}
          </ol>
        )}
      </Card>

      <Card>
        <details>
          <summary>
            {t('allItems')} ({score.items.length})
          </summary>
          <ol className="items">
            {score.items.map((scored) => (
              <ScoredItem key={scored.id} scored={scored} item={items.get(scored.id)} />
            ))}
          </ol>
        </details>
      </Card>
    </div>
  );
}

function ScoredItem(props: { scored: ScoreItem; item: TemplateItem | undefined; fixHref?: string }) {
  const { t, l, lang } = useI18n();
  const { scored, item } = props;
  return (
    <li className="item scored-item" data-testid={`scored-${scored.id}`}>
      <div className="item-head">
        <span className="item-id">{scored.id}</span>
        <Badge tone={outcomeTones[scored.outcome]}>{l(answerTexts[scored.outcome])}</Badge>
        <span className="small">
          {t('points')}: {formatScore(scored.points, lang)}/{formatScore(scored.maxPoints, lang)}
        </span>
      </div>
      {item && <p className="item-text">{l(item.text)}</p>}
      <p className="explain" data-testid={`explain-${scored.id}`}>
        {l(explainScoreItem(scored))}
      </p>
      {(scored.flags ?? []).length > 0 && (
        <ul className="plain-list small" aria-label={t('flags')} data-testid={`flags-${scored.id}`}>
          {(scored.flags ?? []).map((flag) => (
            <li key={flag}>
              <Badge tone="warn">{t('flags')}</Badge> {l(flagTexts[flag])}
            </li>
          ))}
        </ul>
      )}
      {item && (
        <p className="legal small">
          <span className="muted">{t('legalBasis')}: </span>
          {item.legalBasis.map((basis) => legalBasisText(basis, lang)).join('; ')}
        </p>
      )}
      {props.fixHref && (
        <Link to={props.fixHref} testId={`fix-${scored.id}`}>
          {t('actionForGap')}
        </Link>
      )}
    </li>
  );
}
