import type { LocalizedText, Rating } from '@antoan/domain';
import type { Page, ZoneView as Zone, ZoneDashboard, ZoneFirm as ZoneEnterprise } from '@antoan/schemas';
import { useEffect, useState } from 'react';
import { query } from '../api';
import { formatTimestamp } from '../dates';
import { useResource } from '../hooks';
import { type LabelKey, useI18n } from '../i18n';
import { dashboardPeriods } from '../period';
import { ratingTexts } from '../reasons';
import { navigate, useLocation } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, formatScore, Link, Loading } from '../ui';

const RATINGS: readonly Rating[] = ['A', 'B', 'C', 'D'];
const FIRMS_PAGE = 25;

/** One zone: the dashboard of a period and its firms, lowest score first. */
export function ZonePage(props: { zid: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { search } = useLocation();
  const periods = dashboardPeriods();
  const period = search.get('period') ?? periods[0] ?? '';
  const zones = useResource('/zones?limit=200', () => api.get<Page<Zone>>('/zones?limit=200'));
  const zone = zones.data?.items.find((candidate) => candidate.id === props.zid);
  const base = `/zones/${encodeURIComponent(props.zid)}`;

  return (
    <div className="stack">
      <Link to="/zones">{t('back')}</Link>
      <div className="page-title">
        <h1>{zone ? `${zone.code} — ${zone.name}` : props.zid}</h1>
        <label className="inline-field">
          {t('period')}
          <select
            value={period}
            onChange={(event) =>
              navigate(`${base}${query({ period: event.target.value })}`, { replace: true })
            }
            data-testid="period-select"
          >
            {periods.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Link to={`${base}/actions`} testId="link-zone-actions">
        {t('goToZoneActions')}
      </Link>
      <Dashboard zid={props.zid} period={period} />
      <ZoneFirms zid={props.zid} period={period} />
    </div>
  );
}

const RATING_TONE: Record<Rating, string> = { A: 'bar-a', B: 'bar-b', C: 'bar-c', D: 'bar-d' };

function Dashboard(props: { zid: string; period: string }) {
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const path = `/zones/${encodeURIComponent(props.zid)}/dashboard${query({ period: props.period })}`;
  const dashboard = useResource(path, () => api.get<ZoneDashboard>(path));
  if (dashboard.error !== undefined) return <ErrorBox error={dashboard.error} onRetry={dashboard.reload} />;
  if (!dashboard.data) return <Loading />;
  const figures = dashboard.data;
  const year = figures.period.slice(0, 4);
  const tiles: Array<{ key: string; label: LabelKey; value: string; explain: LocalizedText; tone?: string }> =
    [
      {
        key: 'enterprises',
        label: 'enterprisesInZone',
        value: String(figures.enterprises),
        explain: figures.covers?.text ?? {
          vi: 'Doanh nghiệp phải tự kiểm tra trong kỳ này',
          en: 'Enterprises that owe a self-inspection for this period',
        },
      },
      {
        key: 'submitted',
        label: 'submitted',
        value: String(figures.submitted),
        explain: {
          vi: 'Đã nộp bản tự kiểm tra của kỳ',
          en: 'Submitted their self-inspection for the period',
        },
        tone: 'tile-ok',
      },
      {
        key: 'draft',
        label: 'draft',
        value: String(figures.draft),
        explain: { vi: 'Đã bắt đầu nhưng chưa nộp', en: 'Started but not submitted yet' },
      },
      {
        key: 'notStarted',
        label: 'notStarted',
        value: String(figures.notStarted),
        explain: { vi: 'Chưa có bản tự kiểm tra nào cho kỳ', en: 'No self-inspection for the period yet' },
        tone: figures.notStarted > 0 ? 'tile-warn' : '',
      },
      {
        key: 'overdue',
        label: 'statusOverdue',
        value: String(figures.overdue),
        explain: {
          vi: 'Bỏ lỡ kỳ trước và chưa nộp kỳ này (hoặc kỳ đã kết thúc mà chưa nộp)',
          en: 'Missed the previous period and not submitted this one (or the period ended without one)',
        },
        tone: figures.overdue > 0 ? 'tile-bad' : '',
      },
      {
        key: 'average',
        label: 'averageScore',
        value: formatScore(figures.averageScore, lang),
        explain: {
          vi: 'Trung bình điểm các bản đã nộp trong kỳ',
          en: 'Mean of the submitted scores of the period',
        },
      },
      {
        key: 'fatal',
        label: 'fatalAccidents',
        value: String(figures.fatalAccidents),
        explain: {
          vi: `Số vụ tai nạn lao động chết người trong năm ${year}`,
          en: `Fatal work accidents in ${year}`,
        },
        tone: figures.fatalAccidents > 0 ? 'tile-bad' : '',
      },
    ];
  const ratingMax = Math.max(1, ...RATINGS.map((rating) => figures.ratingCounts[rating] ?? 0));

  return (
    <>
      <Card title={`${t('dashboard')} ${figures.period}`}>
        <ul className="tiles" data-testid="dashboard">
          {tiles.map((tile) => (
            <li key={tile.key} className={`tile ${tile.tone ?? ''}`} data-testid={`tile-${tile.key}`}>
              <span className="tile-label">{t(tile.label)}</span>
              <strong className="tile-value">{tile.value}</strong>
              <span className="tile-explain">{l(tile.explain)}</span>
            </li>
          ))}
        </ul>
      </Card>
      <div className="grid-2">
        <Card title={`${t('rating')} (${figures.submitted} ${t('submitted').toLowerCase()})`}>
          <ul className="bars" data-testid="rating-bars">
            {RATINGS.map((rating) => {
              const count = figures.ratingCounts[rating] ?? 0;
              return (
                <li key={rating}>
                  <span className={`rating rating-${rating} rating-small`}>{rating}</span>
                  <span className="bar-track" title={l(ratingTexts[rating])}>
                    <span
                      className={`bar ${RATING_TONE[rating]}`}
                      style={{ width: `${(count / ratingMax) * 100}%` }}
                    />
                  </span>
                  <strong>{count}</strong>
                </li>
              );
            })}
          </ul>
          <p className="muted small">{t('ratingBands')}</p>
        </Card>
        <Card title={t('weakestSections')}>
          {figures.weakestSections.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <ol className="plain-list">
              {figures.weakestSections.map((section) => (
                <li key={section.sectionId} className="weak-section">
                  <span>
                    {section.sectionId}. {l(section.title)}
                  </span>
                  <strong>{formatScore(section.averageScore, lang)}</strong>
                </li>
              ))}
            </ol>
          )}
          <p className="muted small">{t('weakestSectionsExplain')}</p>
        </Card>
      </div>
    </>
  );
}

const firmStatus: Record<ZoneEnterprise['status'], { label: LabelKey; tone: 'ok' | 'info' | 'warn' }> = {
  submitted: { label: 'submitted', tone: 'ok' },
  draft: { label: 'draft', tone: 'info' },
  not_started: { label: 'notStarted', tone: 'warn' },
};

function ZoneFirms(props: { zid: string; period: string }) {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [items, setItems] = useState<ZoneEnterprise[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const base = `/zones/${encodeURIComponent(props.zid)}/enterprises`;

  const load = async (after: string | null, replace: boolean, signal?: { cancelled: boolean }) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<Page<ZoneEnterprise>>(
        `${base}${query({ period: props.period, sort: 'score', order, limit: FIRMS_PAGE, cursor: after })}`,
      );
      if (signal?.cancelled) return;
      setItems((current) => (replace ? page.items : [...current, ...page.items]));
      setCursor(page.nextCursor);
    } catch (caught) {
      if (!signal?.cancelled) setError(caught);
    } finally {
      if (!signal?.cancelled) setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page is reloaded when the list changes.
  useEffect(() => {
    const signal = { cancelled: false };
    void load(null, true, signal);
    return () => {
      signal.cancelled = true;
    };
  }, [base, props.period, order]);

  return (
    <Card
      title={t('enterprisesInZone')}
      actions={
        <label className="inline-field">
          <select value={order} onChange={(event) => setOrder(event.target.value as 'asc' | 'desc')}>
            <option value="asc">{t('sortLowestFirst')}</option>
            <option value="desc">{t('sortHighestFirst')}</option>
          </select>
        </label>
      }
    >
      {error !== null && <ErrorBox error={error} onRetry={() => void load(cursor, false)} />}
      <table className="table" data-testid="zone-firms">
        <thead>
          <tr>
            <th>{t('enterprise')}</th>
            <th>{t('sector')}</th>
            <th>{t('status')}</th>
            <th>{t('score')}</th>
            <th>{t('rating')}</th>
            <th>{t('submittedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((firm) => {
            const status = firmStatus[firm.status];
            return (
              <tr key={firm.enterpriseId}>
                <td>
                  <Link to={`/enterprises/${encodeURIComponent(firm.enterpriseId)}`}>{firm.name}</Link>
                </td>
                <td>{firm.sectorCode}</td>
                <td>
                  <Badge tone={status.tone}>{t(status.label)}</Badge>
                </td>
                <td>{formatScore(firm.score, lang)}</td>
                <td>{firm.rating ?? '—'}</td>
                <td>{firm.submittedAt ? formatTimestamp(firm.submittedAt) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!loading && items.length === 0 && error === null && <p className="muted">{t('none')}</p>}
      {loading && <Loading />}
      {cursor && !loading && (
        <button
          type="button"
          className="load-more"
          onClick={() => void load(cursor, false)}
          data-testid="load-more"
        >
          {t('loadMore')} ({items.length})
        </button>
      )}
    </Card>
  );
}
