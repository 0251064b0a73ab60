import type {
  AccidentView as Accident,
  EnterpriseDetail as Enterprise,
  InspectionView as Inspection,
  Page,
} from '@antoan/schemas';
import { useEffect, useState } from 'react';
import { query } from '../api';
import { formatDay } from '../dates';
import { usePagedList, useResource } from '../hooks';
import { useI18n } from '../i18n';
import { accidentSeverityTexts } from '../labels/inspector';
import { matchPath } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, formatScore, Link, PagedFooter } from '../ui';
import '../styles/inspector.css';

const PAGE_SIZE = 10;

/** A firm's accidents and inspections on one screen, for the inspector preparing or following up a visit. */
/** Where the screen lives; it reads the firm's id from the path. */
export const HISTORY_ROUTE = '/enterprises/:eid/history';

export function HistoryPage(props: { path: string }) {
  const eid = matchPath(HISTORY_ROUTE, props.path)?.eid ?? '';
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const base = `/enterprises/${encodeURIComponent(eid)}`;
  useEffect(() => {
    document.title = `${t('inspHistoryTitle')} — antoan`;
  }, [t]);
  const enterprise = useResource(base, () => api.get<Enterprise>(base));
  const accidents = usePagedList(`${base}/accidents`, (cursor) =>
    api.get<Page<Accident>>(`${base}/accidents${query({ limit: PAGE_SIZE, cursor })}`),
  );
  const inspections = usePagedList(`${base}/inspections`, (cursor) =>
    api.get<Page<Inspection>>(`${base}/inspections${query({ limit: PAGE_SIZE, cursor })}`),
  );

  return (
    <div className="stack">
      <div className="page-title">
        <h1>{t('inspHistoryTitle')}</h1>
        {enterprise.data && (
          <p className="muted">
            <Link to={base}>{enterprise.data.name}</Link> · {enterprise.data.taxCode}
          </p>
        )}
        <div className="target-actions">
          <Link className="button button-small" to={`${base}/inspections/new`}>
            {t('inspRecordInspection')}
          </Link>
        </div>
      </div>
      {enterprise.error !== undefined && <ErrorBox error={enterprise.error} onRetry={enterprise.reload} />}
      <Card title={t('inspInspections')}>
        {inspections.done && inspections.items.length === 0 && (
          <p className="muted">{t('inspNoInspections')}</p>
        )}
        <ul className="history-list" data-testid="inspections">
          {inspections.items.map((inspection) => (
            <li key={inspection.id} className="history-item" data-testid="inspection">
              <h3>
                {formatDay(inspection.conductedOn, lang)} · {t('inspInspectionScore')}{' '}
                {formatScore(inspection.score.total, lang)}/100{' '}
                <Badge
                  tone={inspection.score.rating === 'A' || inspection.score.rating === 'B' ? 'ok' : 'warn'}
                >
                  {inspection.score.rating}
                </Badge>
              </h3>
              <dl className="facts">
                <div>
                  <dt>{t('period')}</dt>
                  <dd>{inspection.period}</dd>
                </div>
                <div>
                  <dt>{t('inspSelfScoreThen')}</dt>
                  <dd>
                    {inspection.selfScore === null ? '—' : `${formatScore(inspection.selfScore, lang)}/100`}
                  </dd>
                </div>
                <div>
                  <dt>{t('inspGapItems')}</dt>
                  <dd>
                    {inspection.credibilityGap === null
                      ? '—'
                      : `${formatScore(inspection.credibilityGap, lang)} ${t('inspGapExplained')}`}
                  </dd>
                </div>
              </dl>
              {inspection.notes && <p className="small">{inspection.notes}</p>}
              {inspection.observations && Object.keys(inspection.observations).length > 0 && (
                <Observations eid={eid} inspection={inspection} />
              )}
            </li>
          ))}
        </ul>
        <PagedFooter list={inspections} className="more-row" />
      </Card>
      <Card title={t('inspAccidents')}>
        {accidents.done && accidents.items.length === 0 && <p className="muted">{t('inspNoAccidents')}</p>}
        <ul className="history-list" data-testid="accidents">
          {accidents.items.map((accident) => (
            <li key={accident.id} className="history-item">
              <h3>
                {formatDay(accident.occurredOn, lang)}{' '}
                <Badge tone={accident.severity === 'minor' ? 'warn' : 'bad'}>
                  {l(accidentSeverityTexts[accident.severity])}
                </Badge>
              </h3>
              <p className="small">{accident.description}</p>
              <dl className="facts">
                <div>
                  <dt>{t('inspVictims')}</dt>
                  <dd>{accident.victims}</dd>
                </div>
                <div>
                  <dt>{t('inspFatalities')}</dt>
                  <dd>{accident.fatalities}</dd>
                </div>
                <div>
                  <dt>{t('inspCause')}</dt>
                  <dd>{accident.cause}</dd>
                </div>
                <div>
                  <dt>{t('inspInvestigationDue')}</dt>
                  <dd>{formatDay(accident.investigation.dueOn, lang)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
        <PagedFooter list={accidents} className="more-row" />
      </Card>
    </div>
  );
}

/** The notes and photos an inspection kept per finding; a photo opens through a short-lived download link. */
function Observations(props: { eid: string; inspection: Inspection }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { eid } = props;
  const [error, setError] = useState<unknown>();
  const open = async (photoId: string) => {
    setError(undefined);
    try {
      const { url } = await api.get<{ url: string }>(
        `/enterprises/${encodeURIComponent(eid)}/evidence/${encodeURIComponent(photoId)}/download`,
      );
      window.open(url, '_blank', 'noopener');
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <div className="small">
      <strong>{t('inspObservations')}</strong>
      <ul className="reason-sentences">
        {Object.entries(props.inspection.observations ?? {}).map(([itemId, observation]) => (
          <li key={itemId} data-testid="observation">
            {itemId}
            {observation.note ? `: ${observation.note}` : ''}
            {(observation.photoIds ?? []).map((photoId, index) => (
              <button
                key={photoId}
                type="button"
                className="button-small button-ghost"
                onClick={() => void open(photoId)}
              >
                {t('inspOpenPhoto')} {index + 1}
              </button>
            ))}
          </li>
        ))}
      </ul>
      {error !== undefined && <ErrorBox error={error} />}
    </div>
  );
}
