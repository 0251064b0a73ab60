import type { AreaIndicator, AreaReport } from '@antoan/schemas';
import { useEffect } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { query } from '../api';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { indicatorParts } from '../labels/reports';
import { chosenYear, formatChange, formatDay, formatNumber, reportYears } from '../reports';
import { navigate, useLocation } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, Link, Loading } from '../ui';
import { DownloadButtons, YearPicker } from './annual-report';
import '../styles/reports.css';

/**
 * The level a year must reach to meet the target: the previous value moved by the target's change
 * (−4 % → at most 96 % of last year; +5 % → at least 105 %). Null without a previous value.
 * @example targetLevel({ previous: 10, target: { change: -0.04 } }) // 9.6
 */
export function targetLevel(indicator: Pick<AreaIndicator, 'previous' | 'target'>): number | null {
  if (indicator.previous === null || indicator.previous === 0) return null;
  return Math.round(indicator.previous * (1 + indicator.target.change) * 100) / 100;
}

/** The zone report (`zid`) or, without one, the city report: the plan's three indicators against their targets. */
export function AreaReportPage(props: { zid?: string }) {
  const { t, lang } = useI18n();
  const { api } = useSignedIn();
  const { search } = useLocation();
  const years = reportYears(new Date());
  const year = chosenYear(search.get('year'), years, new Date().getFullYear());
  const params = { year, zoneId: props.zid };
  const path = `/reports/annual${query(params)}`;
  const report = useResource(path, () => api.get<AreaReport>(path));
  const title = props.zid ? t('zoneReport') : t('cityReport');

  useEffect(() => {
    document.title = `${title} ${year} · antoan`;
  }, [title, year]);

  const data = report.data;
  return (
    <div className="stack report-page">
      <Link to={props.zid ? `/zones/${encodeURIComponent(props.zid)}` : '/zones'}>{t('back')}</Link>
      <div className="page-title">
        <h1>
          {title} {year}
          {data?.zoneName ? ` — ${data.zoneName}` : ''}
        </h1>
        <p className="muted small">{t('areaReportIntro')}</p>
      </div>
      <YearPicker
        years={years}
        year={year}
        onChange={(next) =>
          navigate(`${window.location.pathname}${query({ year: next })}`, { replace: true })
        }
      />
      {report.error !== undefined && <ErrorBox error={report.error} onRetry={report.reload} />}
      {report.loading && !data && <Loading />}
      {data && (
        <>
          {data.toDate && (
            <p className="notice notice-info">
              {t('toDateNote')} {formatDay(data.asOf.slice(0, 10), lang)}.
            </p>
          )}
          <Card title={t('downloads')}>
            <DownloadButtons path="/reports/annual" params={params} />
          </Card>
          <section className="indicators" aria-label={t('indicatorsTitle')} data-testid="indicators">
            {data.indicators.map((indicator) => (
              <IndicatorCard
                key={indicator.code}
                indicator={indicator}
                year={data.year}
                previousYear={data.previousYear}
              />
            ))}
          </section>
          <FirmsCard firms={data.firms} />
          {data.zones && <ZonesCard report={data} />}
        </>
      )}
    </div>
  );
}

function MetBadge(props: { met: boolean | null }) {
  const { t } = useI18n();
  if (props.met === null) return <Badge tone="muted">{t('indicatorUnknown')}</Badge>;
  return props.met ? (
    <Badge tone="ok">{t('indicatorMet')}</Badge>
  ) : (
    <Badge tone="bad">{t('indicatorMissed')}</Badge>
  );
}

/** A value, or "unknown" (never 0). */
function valueText(value: number | null, lang: 'vi' | 'en', unknown: string): string {
  return value === null ? unknown : formatNumber(value, lang);
}

function IndicatorCard(props: { indicator: AreaIndicator; year: number; previousYear: number }) {
  const { t, l, lang } = useI18n();
  const { indicator } = props;
  const parts = indicatorParts[indicator.code];
  const level = targetLevel(indicator);
  const unknown = t('unknownValue');
  const target = `${indicator.target.change > 0 ? '+' : '−'}${Math.abs(indicator.target.change * 100)} %`;
  const chartData = [
    { name: String(props.previousYear), value: indicator.previous ?? 0, known: indicator.previous !== null },
    { name: String(props.year), value: indicator.value ?? 0, known: indicator.value !== null },
  ];
  const describe = `${l(indicator.label)}: ${props.previousYear} ${valueText(indicator.previous, lang, unknown)}, ${props.year} ${valueText(indicator.value, lang, unknown)}${level === null ? '' : `, ${t('indicatorTargetValue')} ${formatNumber(level, lang)}`}`;
  return (
    <article
      className="card indicator"
      data-testid={`indicator-${indicator.code}`}
      data-met={String(indicator.met)}
    >
      <header className="card-header">
        <h2>{l(indicator.label)}</h2>
        <MetBadge met={indicator.met} />
      </header>
      <p className="muted small">{l(indicator.unit)}</p>
      <div className="indicator-chart" role="img" aria-label={describe} data-testid="indicator-chart">
        <ResponsiveContainer width="100%" height={170}>
          <BarChart data={chartData} margin={{ top: 12, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fill: '#1c2430' }} />
            <YAxis width={48} tick={{ fill: '#1c2430' }} allowDecimals />
            <Bar dataKey="value" isAnimationActive={false}>
              {chartData.map((entry, index) => (
                <Cell
                  key={entry.name}
                  fill={
                    !entry.known
                      ? '#c8d0d8'
                      : index === 0
                        ? '#5d6b7a'
                        : indicator.met === false
                          ? '#b3261e'
                          : '#0b6e4f'
                  }
                />
              ))}
            </Bar>
            {level !== null && (
              <ReferenceLine y={level} stroke="#9a6100" strokeWidth={2} strokeDasharray="6 3" />
            )}
          </BarChart>
        </ResponsiveContainer>
        {level !== null && (
          <p className="chart-legend small">
            <span className="legend-target" aria-hidden="true" /> {t('indicatorTargetValue')} ({target}):{' '}
            {indicator.target.direction === 'at_most' ? '≤' : '≥'} {formatNumber(level, lang)}
          </p>
        )}
      </div>
      <dl className="facts indicator-facts">
        <div>
          <dt>
            {t('indicatorValue')} ({props.year})
          </dt>
          <dd data-testid="indicator-value">{valueText(indicator.value, lang, unknown)}</dd>
        </div>
        <div>
          <dt>
            {t('indicatorPrevious')} ({props.previousYear})
          </dt>
          <dd data-testid="indicator-previous">{valueText(indicator.previous, lang, unknown)}</dd>
        </div>
        <div>
          <dt>{t('indicatorChange')}</dt>
          <dd data-testid="indicator-change">
            {formatChange(indicator.change, lang) ?? t('indicatorNoChange')}
          </dd>
        </div>
        <div>
          <dt>{t('indicatorTarget')}</dt>
          <dd>
            {target}
            {level !== null && (
              <span className="muted small">
                {' '}
                ({indicator.target.direction === 'at_most' ? '≤' : '≥'} {formatNumber(level, lang)})
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('numerator')}</dt>
          <dd data-testid="indicator-numerator">
            {formatNumber(indicator.numerator, lang)}{' '}
            <span className="muted small">{parts ? l(parts.numerator) : ''}</span>
          </dd>
        </div>
        <div>
          <dt>{t('denominator')}</dt>
          <dd data-testid="indicator-denominator">
            {formatNumber(indicator.denominator, lang)}{' '}
            <span className="muted small">{parts ? l(parts.denominator) : ''}</span>
          </dd>
        </div>
      </dl>
      {parts && <p className="small explain">{l(parts.how)}</p>}
    </article>
  );
}

function FirmsCard(props: { firms: AreaReport['firms'] }) {
  const { t, lang } = useI18n();
  const { firms } = props;
  const rows: Array<[string, number, string]> = [
    [t('firmsTotal'), firms.total, 'total'],
    [t('firmsHighRisk'), firms.highRisk, 'highRisk'],
    [t('firmsSubmitted'), firms.submitted, 'submitted'],
    [t('firmsNotSubmitted'), Math.max(0, firms.total - firms.submitted), 'notSubmitted'],
  ];
  return (
    <div className="grid-2">
      <Card title={t('firmsTitle')}>
        <dl className="facts" data-testid="firm-counts">
          {rows.map(([label, value, key]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd data-testid={`firms-${key}`}>{formatNumber(value, lang)}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t('ratingCountsTitle')}>
        <dl className="facts" data-testid="rating-counts">
          {(['A', 'B', 'C', 'D'] as const).map((rating) => (
            <div key={rating}>
              <dt>
                <span className={`rating rating-small rating-${rating}`}>{rating}</span>
              </dt>
              <dd>{formatNumber(firms.ratingCounts[rating], lang)}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}

function ZonesCard(props: { report: AreaReport }) {
  const { t, l, lang } = useI18n();
  const zones = props.report.zones ?? [];
  const unknown = t('unknownValue');
  const codes = ['fatal_accident_rate', 'od_examined_workers', 'monitored_facilities'] as const;
  const first = props.report.indicators;
  return (
    <Card title={t('zonesTitle')}>
      <table className="table zone-report-table" data-testid="zone-rows">
        <thead>
          <tr>
            <th scope="col">{t('zoneColumn')}</th>
            {codes.map((code) => (
              <th scope="col" key={code}>
                {l(first.find((indicator) => indicator.code === code)?.label ?? { vi: code, en: code })}
              </th>
            ))}
            <th scope="col">{t('firmsSubmitted')}</th>
          </tr>
        </thead>
        <tbody>
          {zones.map((zone) => (
            <tr key={zone.zoneId} data-zone={zone.zoneId}>
              <th scope="row">
                <Link
                  to={`/zones/${encodeURIComponent(zone.zoneId)}/report${query({ year: props.report.year })}`}
                >
                  {zone.code} — {zone.name}
                </Link>
              </th>
              {codes.map((code) => {
                const indicator = zone.indicators.find((item) => item.code === code);
                return (
                  <td key={code} data-label={indicator ? l(indicator.label) : code}>
                    {indicator ? (
                      <span className="zone-cell">
                        <strong>{valueText(indicator.value, lang, unknown)}</strong>
                        <span className="muted small">
                          {' '}
                          ({t('indicatorPrevious').toLowerCase()}{' '}
                          {valueText(indicator.previous, lang, unknown)};{' '}
                          {formatChange(indicator.change, lang) ?? '—'})
                        </span>{' '}
                        <MetBadge met={indicator.met} />
                      </span>
                    ) : (
                      unknown
                    )}
                  </td>
                );
              })}
              <td data-label={t('firmsSubmitted')}>
                {formatNumber(zone.firms.submitted, lang)} / {formatNumber(zone.firms.total, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
