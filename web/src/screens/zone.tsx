import type { LocalizedText, Rating } from '@antoan/domain';
import type {
  Page,
  ZoneView as Zone,
  ZoneDashboard,
  ZoneFirmSortKey,
  ZoneRosterFirm,
  ZoneRosterPage,
  ZoneTrendPoint,
  ZoneTrends,
} from '@antoan/schemas';
import { type FormEvent, useEffect, useId, useState } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { query } from '../api';
import { useResource } from '../hooks';
import { type LabelKey, useI18n } from '../i18n';
import { dayText, percentText, periodShort, periodText, vsicSections } from '../labels/zone';
import { dashboardPeriods } from '../period';
import { ratingTexts } from '../reasons';
import { navigate, useLocation } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, formatScore, Link, Loading } from '../ui';
import '../styles/zone.css';
import { sectorName } from '../vsic';

const RATINGS: readonly Rating[] = ['A', 'B', 'C', 'D'];
const FIRMS_PAGE = 25;

/** Sets the page title while the screen is shown. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · antoan`;
  }, [title]);
}

/** One zone: the dashboard of the whole zone (or of one period), its trends, and every firm, searchable. */
export function ZonePage(props: { zid: string }) {
  const { t, l } = useI18n();
  const { api } = useSignedIn();
  const { search } = useLocation();
  const periods = dashboardPeriods();
  const period = search.get('period') ?? '';
  const zones = useResource('/zones?limit=200', () => api.get<Page<Zone>>('/zones?limit=200'));
  const zone = zones.data?.items.find((candidate) => candidate.id === props.zid);
  const base = `/zones/${encodeURIComponent(props.zid)}`;
  const title = zone ? `${zone.code} — ${zone.name}` : t('zvZone');
  usePageTitle(title);

  return (
    <div className="stack">
      <Link to="/zones">{t('back')}</Link>
      <div className="page-title zv-head">
        <h1>{title}</h1>
        <label className="inline-field">
          {t('zvShowPeriod')}
          <select
            value={period}
            onChange={(event) =>
              navigate(`${base}${event.target.value ? query({ period: event.target.value }) : ''}`, {
                replace: true,
              })
            }
            data-testid="period-select"
          >
            <option value="">{t('zvZoneNow')}</option>
            {periods.map((option) => (
              <option key={option} value={option}>
                {l(periodText(option))}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="zv-links">
        <Link to={`${base}/report`} testId="zone-report-link">
          {t('zvZoneReport')}
        </Link>
        <Link to={`${base}/actions`} testId="link-zone-actions">
          {t('goToZoneActions')}
        </Link>
      </p>
      <Dashboard zid={props.zid} period={period} />
      <Trends zid={props.zid} />
      <ZoneFirms zid={props.zid} period={period} />
    </div>
  );
}

const RATING_TONE: Record<Rating, string> = { A: 'bar-a', B: 'bar-b', C: 'bar-c', D: 'bar-d' };

function Dashboard(props: { zid: string; period: string }) {
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const path = `/zones/${encodeURIComponent(props.zid)}/dashboard${props.period ? query({ period: props.period }) : ''}`;
  const dashboard = useResource(path, () => api.get<ZoneDashboard>(path));
  if (dashboard.error !== undefined) return <ErrorBox error={dashboard.error} onRetry={dashboard.reload} />;
  if (!dashboard.data) return <Loading />;
  const figures = dashboard.data;
  const year = figures.period.slice(0, 4);
  const unknown = t('zvUnknown');
  const tiles: Array<{ key: string; label: LabelKey; value: string; explain: LocalizedText; tone?: string }> =
    [
      {
        key: 'enterprises',
        label: 'enterprisesInZone',
        value: String(figures.enterprises),
        explain: figures.covers.text,
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
      ...(figures.submissionRate !== undefined
        ? [
            {
              key: 'submissionRate',
              label: 'zvSubmissionRate' as const,
              value: percentText(figures.submissionRate, lang) ?? unknown,
              explain: {
                vi: 'Số đã nộp chia cho số doanh nghiệp phải nộp trong kỳ của mình; "Chưa rõ" khi chưa ai phải nộp',
                en: 'Submitted divided by the firms that owe their period; "Unknown" when nobody owes one',
              },
            },
          ]
        : []),
      {
        key: 'average',
        label: 'averageScore',
        value: figures.averageScore === null ? unknown : formatScore(figures.averageScore, lang),
        explain: {
          vi: 'Trung bình điểm các bản đã nộp (thang 0–100); "Chưa rõ" khi chưa ai nộp',
          en: 'Mean of the submitted scores (0–100); "Unknown" while nobody has submitted',
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
      {
        key: 'actions',
        label: 'zvOpenActions',
        value: String(figures.actions.open),
        explain: {
          vi: `Biện pháp khắc phục chưa xong của các doanh nghiệp trong khu, ${figures.actions.overdue} quá hạn`,
          en: `Corrective actions of the zone's firms not finished yet, ${figures.actions.overdue} overdue`,
        },
        tone: figures.actions.overdue > 0 ? 'tile-warn' : '',
      },
      {
        key: 'annualReports',
        label: 'zvAnnualReports',
        value: `${figures.annualReports.complete}/${figures.annualReports.firms}`,
        explain: {
          vi: `Doanh nghiệp đã hoàn thành báo cáo công tác ATVSLĐ năm ${figures.annualReports.year}`,
          en: `Firms whose ${figures.annualReports.year} annual OSH report is complete`,
        },
      },
    ];
  const ratingMax = Math.max(1, ...RATINGS.map((rating) => figures.ratingCounts[rating] ?? 0));
  const heading = props.period
    ? `${t('dashboard')} — ${l(periodText(props.period))}`
    : `${t('dashboard')} — ${t('zvZoneNow')}`;

  return (
    <>
      <Card title={heading}>
        <ul className="tiles" data-testid="dashboard">
          {tiles.map((tile) => (
            <li key={tile.key} className={`tile ${tile.tone ?? ''}`} data-testid={`tile-${tile.key}`}>
              <span className="tile-label">{t(tile.label)}</span>
              <strong className="tile-value">{tile.value}</strong>
              <span className="tile-explain">{l(tile.explain)}</span>
            </li>
          ))}
        </ul>
        {figures.schedules && (
          <div className="zv-schedules" data-testid="schedules">
            <h3>{t('zvBySchedule')}</h3>
            <ul className="plain-list">
              {figures.schedules.map((part) => (
                <li key={part.period}>
                  <strong>{t(part.group === 'highRisk' ? 'zvScheduleHalf' : 'zvScheduleYear')}</strong>
                  {' — '}
                  {l(periodText(part.period))}: {part.submitted}/{part.enterprises}{' '}
                  {t('submitted').toLowerCase()} ({percentText(part.submissionRate, lang) ?? unknown}),{' '}
                  {t('averageScore').toLowerCase()}{' '}
                  {part.averageScore === null ? unknown : formatScore(part.averageScore, lang)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <div className="zv-grid">
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

/** The zone's average score and submission rate per period, as charts with the same figures as tables. */
function Trends(props: { zid: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const path = `/zones/${encodeURIComponent(props.zid)}/trends`;
  const trends = useResource(path, () => api.get<ZoneTrends>(path));
  return (
    <Card title={t('zvTrends')}>
      <p className="muted small">{t('zvTrendsExplain')}</p>
      {trends.error !== undefined && <ErrorBox error={trends.error} onRetry={trends.reload} />}
      {!trends.data && trends.error === undefined && <Loading />}
      {trends.data && (
        <div className="zv-grid" data-testid="trends">
          <TrendChart title={t('zvTrendHalfYears')} points={trends.data.halfYears} testId="trend-half" />
          <TrendChart title={t('zvTrendYears')} points={trends.data.years} testId="trend-year" />
        </div>
      )}
    </Card>
  );
}

function TrendChart(props: { title: string; points: ZoneTrendPoint[]; testId: string }) {
  const { t, l, lang } = useI18n();
  const unknown = t('zvUnknown');
  const rate = t('zvSubmissionRate');
  const average = t('averageScore');
  const data = props.points.map((point) => ({
    label: l(periodShort(point.period)),
    [rate]: point.submissionRate,
    [average]: point.averageScore,
  }));
  return (
    <figure className="zv-figure" data-testid={props.testId}>
      <figcaption>
        <h3>{props.title}</h3>
      </figcaption>
      {props.points.length === 0 ? (
        <p className="muted">{t('zvNoTrend')}</p>
      ) : (
        <>
          <div className="zv-chart" role="img" aria-label={`${t('zvChartTrend')}: ${props.title}`}>
            <ResponsiveContainer width="100%" height={220}>
              <ComposedChart
                data={data}
                margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
                accessibilityLayer={false}
              >
                <CartesianGrid stroke="#dde3ea" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#5d6b7a' }} />
                <YAxis domain={[0, 100]} tick={{ fontSize: 12, fill: '#5d6b7a' }} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar dataKey={rate} fill="#7fb8a4" isAnimationActive={false} />
                <Line
                  dataKey={average}
                  stroke="#1f5fa8"
                  strokeWidth={2}
                  isAnimationActive={false}
                  connectNulls={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <details className="zv-details">
            <summary>{t('zvTrendTable')}</summary>
            <table className="table zv-mini-table">
              <thead>
                <tr>
                  <th scope="col">{t('period')}</th>
                  <th scope="col">{t('zvFirmsOwing')}</th>
                  <th scope="col">{rate}</th>
                  <th scope="col">{average}</th>
                </tr>
              </thead>
              <tbody>
                {props.points.map((point) => (
                  <tr key={point.period}>
                    <th scope="row">
                      {l(periodText(point.period))}
                      {!point.ended && <span className="muted"> ({t('zvRunning')})</span>}
                    </th>
                    <td>{point.enterprises}</td>
                    <td>
                      {percentText(point.submissionRate, lang) ?? unknown} ({point.submitted}/
                      {point.enterprises})
                    </td>
                    <td>{point.averageScore === null ? unknown : formatScore(point.averageScore, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

const firmStatus: Record<ZoneRosterFirm['status'], { label: LabelKey; tone: 'ok' | 'info' | 'warn' }> = {
  submitted: { label: 'submitted', tone: 'ok' },
  draft: { label: 'draft', tone: 'info' },
  not_started: { label: 'notStarted', tone: 'warn' },
};

const columns: Array<{ key: ZoneFirmSortKey; label: LabelKey }> = [
  { key: 'name', label: 'enterprise' },
  { key: 'taxCode', label: 'taxCode' },
  { key: 'sector', label: 'sector' },
  { key: 'schedule', label: 'zvSchedule' },
  { key: 'status', label: 'status' },
  { key: 'score', label: 'score' },
  { key: 'rating', label: 'rating' },
  { key: 'submittedAt', label: 'submittedAt' },
];

interface Filters {
  q: string;
  status: string;
  rating: string;
  sector: string;
  schedule: string;
  sort: ZoneFirmSortKey;
  order: 'asc' | 'desc';
}

const noFilters: Filters = {
  q: '',
  status: '',
  rating: '',
  sector: '',
  schedule: '',
  sort: 'name',
  order: 'asc',
};

/** Every firm of the zone, whatever its schedule: search, filters, sorting by any column and paging, on the server. */
function ZoneFirms(props: { zid: string; period: string }) {
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [text, setText] = useState('');
  const [items, setItems] = useState<ZoneRosterFirm[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const searchId = useId();
  const base = `/zones/${encodeURIComponent(props.zid)}/firms`;
  const pathOf = (after: string | null) =>
    `${base}${query({
      q: filters.q || undefined,
      status: filters.status || undefined,
      rating: filters.rating || undefined,
      sector: filters.sector || undefined,
      schedule: filters.schedule || undefined,
      period: props.period || undefined,
      sort: filters.sort,
      order: filters.order,
      limit: FIRMS_PAGE,
      cursor: after,
    })}`;

  const load = async (after: string | null, replace: boolean, signal?: { cancelled: boolean }) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.get<ZoneRosterPage>(pathOf(after));
      if (signal?.cancelled) return;
      setItems((current) => (replace ? page.items : [...current, ...page.items]));
      setCursor(page.nextCursor);
      setTotal(page.total);
    } catch (caught) {
      if (!signal?.cancelled) setError(caught);
    } finally {
      if (!signal?.cancelled) setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first page is reloaded when the query changes.
  useEffect(() => {
    const signal = { cancelled: false };
    void load(null, true, signal);
    return () => {
      signal.cancelled = true;
    };
  }, [base, props.period, filters]);

  const set = (change: Partial<Filters>) => setFilters((current) => ({ ...current, ...change }));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    set({ q: text.trim() });
  };
  const sortBy = (key: ZoneFirmSortKey) =>
    set({ sort: key, order: filters.sort === key && filters.order === 'asc' ? 'desc' : 'asc' });
  const unknown = t('zvUnknown');

  return (
    <Card title={t('zvZoneFirms')}>
      <search>
        <form className="zv-search" onSubmit={onSearch}>
          <label htmlFor={searchId}>{t('zvSearchFirms')}</label>
          <div className="zv-search-row">
            <input
              id={searchId}
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              maxLength={100}
              data-testid="firm-search"
            />
            <button type="submit" data-testid="firm-search-submit">
              {t('zvSearch')}
            </button>
          </div>
        </form>
      </search>
      <div className="zv-filters">
        <label>
          {t('zvFilterStatus')}
          <select
            value={filters.status}
            onChange={(event) => set({ status: event.target.value })}
            data-testid="filter-status"
          >
            <option value="">{t('zvAllStatuses')}</option>
            {(['submitted', 'draft', 'not_started'] as const).map((status) => (
              <option key={status} value={status}>
                {t(firmStatus[status].label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('zvFilterRating')}
          <select
            value={filters.rating}
            onChange={(event) => set({ rating: event.target.value })}
            data-testid="filter-rating"
          >
            <option value="">{t('zvAllRatings')}</option>
            {RATINGS.map((rating) => (
              <option key={rating} value={rating}>
                {rating} — {l(ratingTexts[rating])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('zvFilterSectorGroup')}
          <select
            value={filters.sector}
            onChange={(event) => set({ sector: event.target.value })}
            data-testid="filter-sector"
          >
            <option value="">{t('zvAllSectors')}</option>
            {Object.entries(vsicSections).map(([code, name]) => (
              <option key={code} value={code}>
                {code} — {l(name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('zvSchedule')}
          <select
            value={filters.schedule}
            onChange={(event) => set({ schedule: event.target.value })}
            data-testid="filter-schedule"
          >
            <option value="">{t('zvAllSchedules')}</option>
            <option value="half">{t('zvScheduleHalf')}</option>
            <option value="year">{t('zvScheduleYear')}</option>
          </select>
        </label>
        <label>
          {t('zvSortBy')}
          <select
            value={filters.sort}
            onChange={(event) => set({ sort: event.target.value as ZoneFirmSortKey })}
            data-testid="sort-select"
          >
            {columns.map((column) => (
              <option key={column.key} value={column.key}>
                {t(column.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('zvOrder')}
          <select
            value={filters.order}
            onChange={(event) => set({ order: event.target.value as 'asc' | 'desc' })}
            data-testid="order-select"
          >
            <option value="asc">{t('zvOrderAsc')}</option>
            <option value="desc">{t('zvOrderDesc')}</option>
          </select>
        </label>
        {(filters.q || filters.status || filters.rating || filters.sector || filters.schedule) && (
          <button
            type="button"
            className="button-ghost"
            onClick={() => {
              setText('');
              setFilters({ ...noFilters, sort: filters.sort, order: filters.order });
            }}
          >
            {t('zvClearFilters')}
          </button>
        )}
      </div>
      <p className="muted small" aria-live="polite" data-testid="firm-count">
        {total === null
          ? ''
          : `${t('zvShowing')} ${items.length} ${t('zvOf')} ${total} — ${t('zvFirmsFound').toLowerCase()}`}
      </p>
      {error !== null && <ErrorBox error={error} onRetry={() => void load(null, true)} />}
      <table className="table zv-table" data-testid="zone-firms">
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = filters.sort === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sorted ? (filters.order === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button
                    type="button"
                    className="zv-sort"
                    onClick={() => sortBy(column.key)}
                    data-testid={`sort-${column.key}`}
                  >
                    {t(column.label)}
                    <span aria-hidden="true">{sorted ? (filters.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {items.map((firm) => {
            const status = firmStatus[firm.status];
            const section = sectorName(firm.sectorCode);
            return (
              <tr key={firm.enterpriseId} data-testid={`firm-${firm.enterpriseId}`}>
                <td data-label={t('enterprise')} className="zv-name">
                  <Link to={`/enterprises/${encodeURIComponent(firm.enterpriseId)}`}>{firm.name}</Link>
                </td>
                <td data-label={t('taxCode')} className="zv-nowrap">
                  {firm.taxCode}
                </td>
                <td data-label={t('sector')}>
                  <span>{firm.sectorCode}</span>
                  {section && <span className="zv-sub">{l(section)}</span>}
                </td>
                <td data-label={t('zvSchedule')}>
                  <span>{t(firm.schedule === 'half' ? 'zvScheduleHalfShort' : 'zvScheduleYearShort')}</span>
                  <span className="zv-sub">{l(periodText(firm.period))}</span>
                </td>
                <td data-label={t('status')}>
                  <Badge tone={status.tone}>{t(status.label)}</Badge>
                </td>
                <td data-label={t('score')} className="zv-nowrap">
                  {firm.score === null ? (
                    <span className="muted">{unknown}</span>
                  ) : (
                    formatScore(firm.score, lang)
                  )}
                </td>
                <td data-label={t('rating')} className="zv-nowrap">
                  {firm.rating ?? <span className="muted">{unknown}</span>}
                </td>
                <td data-label={t('submittedAt')} className="zv-nowrap">
                  {firm.submittedAt ? dayText(firm.submittedAt, lang) : <span className="muted">—</span>}
                </td>
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
          {t('loadMore')} ({items.length}/{total ?? '?'})
        </button>
      )}
    </Card>
  );
}
