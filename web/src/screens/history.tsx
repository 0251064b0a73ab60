import type {
  AccidentView as Accident,
  EnterpriseDetail as Enterprise,
  InspectionView as Inspection,
  Page,
} from '@antoan/schemas';
import { useCallback, useEffect, useState } from 'react';
import { type ApiClient, query } from '../api';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { accidentSeverityTexts, formatDay } from '../labels/inspector';
import { matchPath } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, formatScore, Link, Loading } from '../ui';
import '../styles/inspector.css';

const PAGE_SIZE = 10;

/** A list read a page at a time: the pages so far, and a way to read the next. */
function usePagedList<T>(api: ApiClient, path: string) {
  const [state, setState] = useState<{
    path: string;
    items: T[];
    nextCursor: string | null;
    loading: boolean;
    error?: unknown;
  }>({ path, items: [], nextCursor: null, loading: true });
  const load = useCallback(
    async (cursor: string | null) => {
      setState((previous) => ({ ...previous, path, loading: true, error: undefined }));
      try {
        const page = await api.get<Page<T>>(`${path}${query({ limit: PAGE_SIZE, cursor })}`);
        setState((previous) => ({
          path,
          items: cursor === null ? page.items : [...previous.items, ...page.items],
          nextCursor: page.nextCursor,
          loading: false,
        }));
      } catch (error) {
        setState((previous) => ({ ...previous, loading: false, error }));
      }
    },
    [api, path],
  );
  useEffect(() => {
    void load(null);
  }, [load]);
  return { ...state, more: () => void load(state.nextCursor), retry: () => void load(state.nextCursor) };
}

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
  const accidents = usePagedList<Accident>(api, `${base}/accidents`);
  const inspections = usePagedList<Inspection>(api, `${base}/inspections`);

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
        {inspections.error !== undefined && (
          <ErrorBox error={inspections.error} onRetry={inspections.retry} />
        )}
        {inspections.loading && inspections.items.length === 0 && <Loading />}
        {!inspections.loading && inspections.items.length === 0 && inspections.error === undefined && (
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
        {inspections.nextCursor && (
          <div className="more-row">
            <button type="button" onClick={inspections.more} disabled={inspections.loading}>
              {t('loadMore')}
            </button>
          </div>
        )}
      </Card>
      <Card title={t('inspAccidents')}>
        {accidents.error !== undefined && <ErrorBox error={accidents.error} onRetry={accidents.retry} />}
        {accidents.loading && accidents.items.length === 0 && <Loading />}
        {!accidents.loading && accidents.items.length === 0 && accidents.error === undefined && (
          <p className="muted">{t('inspNoAccidents')}</p>
        )}
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
        {accidents.nextCursor && (
          <div className="more-row">
            <button type="button" onClick={accidents.more} disabled={accidents.loading}>
              {t('loadMore')}
            </button>
          </div>
        )}
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
