import type { CityOverview } from '@antoan/schemas';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { percentText, periodText } from '../labels/zone';
import { useSignedIn } from '../session-context';
import { Card, ErrorBox, formatScore, Link, Loading } from '../ui';
import { usePageTitle } from './zone';
import '../styles/zone.css';

type ZoneRow = CityOverview['zones'][number];

/** The authority's city overview: every zone's current figures side by side, the weakest zones, this year's accidents. */
export function CityPage() {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  usePageTitle(t('zvCityOverview'));
  const overview = useResource('/city/overview', () => api.get<CityOverview>('/city/overview'));
  const unknown = t('zvUnknown');
  const score = (value: number | null) => (value === null ? unknown : formatScore(value, lang));
  const rate = (value: number | null) => percentText(value, lang) ?? unknown;

  return (
    <div className="stack">
      <div className="page-title zv-head">
        <h1>{t('zvCityOverview')}</h1>
      </div>
      <p className="muted">{t('zvCityExplain')}</p>
      <p className="zv-links">
        <Link to="/reports/city" testId="city-report-link">
          {t('zvCityReport')}
        </Link>
      </p>
      {overview.error !== undefined && <ErrorBox error={overview.error} onRetry={overview.reload} />}
      {!overview.data && overview.error === undefined && <Loading />}
      {overview.data && <Overview data={overview.data} score={score} rate={rate} />}
    </div>
  );
}

function Overview(props: {
  data: CityOverview;
  score: (value: number | null) => string;
  rate: (value: number | null) => string;
}) {
  const { t, l, lang } = useI18n();
  const unknown = t('zvUnknown');
  const { data } = props;
  const byId = new Map(data.zones.map((zone) => [zone.zoneId, zone]));
  const totals = data.totals;
  const periods = `${l(periodText(data.periods.half))}: ${t('zvScheduleHalf')}; ${l(periodText(data.periods.year))}: ${t('zvScheduleYear').toLowerCase()}`;
  const tiles = [
    {
      key: 'enterprises',
      label: t('zvFirms'),
      value: String(totals.enterprises),
      explain: periods,
    },
    {
      key: 'submissionRate',
      label: t('zvSubmissionRate'),
      value: props.rate(totals.submissionRate),
      explain: `${totals.submitted}/${totals.enterprises} — ${t('zvSubmissionRateExplain')}`,
    },
    {
      key: 'average',
      label: t('averageScore'),
      value: props.score(totals.averageScore),
      explain:
        lang === 'vi'
          ? 'Trên mọi bản đã nộp của kỳ hiện tại'
          : 'Over every submission of the current periods',
    },
    {
      key: 'overdue',
      label: t('statusOverdue'),
      value: String(totals.overdue),
      explain:
        lang === 'vi'
          ? 'Bỏ lỡ kỳ trước và chưa nộp kỳ này (cận trên, từ bộ đếm)'
          : 'Missed the previous period and not submitted this one (upper bound, from counters)',
    },
    {
      key: 'accidents',
      label: `${t('zvAccidentsThisYear')} (${data.year})`,
      value: String(totals.accidents.fatal + totals.accidents.serious + totals.accidents.minor),
      explain: `${t('zvFatal')} ${totals.accidents.fatal}, ${t('zvSerious').toLowerCase()} ${totals.accidents.serious}, ${t('zvMinor').toLowerCase()} ${totals.accidents.minor}; ${lang === 'vi' ? 'số người chết' : 'deaths'} ${totals.accidents.fatalities}`,
    },
    {
      key: 'actions',
      label: t('zvOpenActions'),
      value: String(totals.actions.open),
      explain: `${totals.actions.overdue} ${t('zvOverdueActions')}`,
    },
  ];
  const chart = data.zones.map((zone) => ({
    label: zone.code,
    [t('zvSubmissionRate')]: zone.submissionRate,
    [t('averageScore')]: zone.averageScore,
  }));
  const weakList = (ids: string[], value: (zone: ZoneRow) => string, testId: string) =>
    ids.length === 0 ? (
      <p className="muted">{unknown}</p>
    ) : (
      <ol data-testid={testId}>
        {ids.map((id) => {
          const zone = byId.get(id);
          return zone ? (
            <li key={id}>
              <Link to={`/zones/${encodeURIComponent(id)}`}>
                {zone.code} — {zone.name}
              </Link>
              : <strong>{value(zone)}</strong>
            </li>
          ) : null;
        })}
      </ol>
    );

  return (
    <>
      <Card title={t('zvCityTotals')}>
        <ul className="tiles" data-testid="city-totals">
          {tiles.map((tile) => (
            <li key={tile.key} className="tile" data-testid={`city-${tile.key}`}>
              <span className="tile-label">{tile.label}</span>
              <strong className="tile-value">{tile.value}</strong>
              <span className="tile-explain">{tile.explain}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('zvWeakestZones')}>
        <div className="zv-grid zv-weakest">
          <div>
            <h3>{t('zvLowestAverage')}</h3>
            {weakList(data.weakest.byAverageScore, (zone) => props.score(zone.averageScore), 'weakest-score')}
          </div>
          <div>
            <h3>{t('zvLowestSubmission')}</h3>
            {weakList(
              data.weakest.bySubmissionRate,
              (zone) => props.rate(zone.submissionRate),
              'weakest-rate',
            )}
          </div>
        </div>
        <p className="muted small">{l(data.explain.weakest)}</p>
      </Card>
      <Card title={t('zvZonesSideBySide')}>
        <div className="zv-chart" role="img" aria-label={t('zvChartZones')}>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart
              data={chart}
              margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
              accessibilityLayer={false}
            >
              <CartesianGrid stroke="#dde3ea" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#5d6b7a' }} interval={0} />
              <YAxis domain={[0, 100]} tick={{ fontSize: 12, fill: '#5d6b7a' }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey={t('zvSubmissionRate')} fill="#7fb8a4" isAnimationActive={false} />
              <Bar dataKey={t('averageScore')} fill="#1f5fa8" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <p className="muted small">{t('zvSubmissionRateExplain')}</p>
        <table className="table zv-city-table" data-testid="city-zones">
          <thead>
            <tr>
              <th scope="col">{t('zvZone')}</th>
              <th scope="col">{t('zvFirms')}</th>
              <th scope="col">{t('zvSubmissionRate')}</th>
              <th scope="col">{t('averageScore')}</th>
              <th scope="col">{t('statusOverdue')}</th>
              <th scope="col">{t('zvAccidentsThisYear')}</th>
              <th scope="col">{t('zvOpenActions')}</th>
              <th scope="col">{t('zvReports')}</th>
            </tr>
          </thead>
          <tbody>
            {data.zones.map((zone) => (
              <tr key={zone.zoneId} data-testid={`city-zone-${zone.zoneId}`}>
                <th scope="row">
                  <Link to={`/zones/${encodeURIComponent(zone.zoneId)}`}>
                    {zone.code} — {zone.name}
                  </Link>
                </th>
                <td data-label={t('zvFirms')}>{zone.enterprises}</td>
                <td data-label={t('zvSubmissionRate')}>
                  {props.rate(zone.submissionRate)}
                  <span className="zv-sub">
                    {zone.submitted}/{zone.enterprises}
                  </span>
                </td>
                <td data-label={t('averageScore')}>{props.score(zone.averageScore)}</td>
                <td data-label={t('statusOverdue')}>{zone.overdue}</td>
                <td data-label={t('zvAccidentsThisYear')}>
                  {zone.accidents.fatal + zone.accidents.serious + zone.accidents.minor}
                  <span className="zv-sub">
                    {t('zvFatal')} {zone.accidents.fatal}
                  </span>
                </td>
                <td data-label={t('zvOpenActions')}>
                  {zone.actions.open}
                  <span className="zv-sub">
                    {zone.actions.overdue} {t('zvOverdueActions')}
                  </span>
                </td>
                <td data-label={t('zvReports')}>
                  <Link to={`/zones/${encodeURIComponent(zone.zoneId)}/report`}>{t('zvZoneReport')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
