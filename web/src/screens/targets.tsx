import { PRIORITY_BANDS, type PriorityBand, priorityBand } from '@antoan/domain';
import type { Page, TargetList, ZoneView as Zone } from '@antoan/schemas';
import { useEffect, useState } from 'react';
import { query } from '../api';
import { usePagedList, useResource } from '../hooks';
import { useI18n } from '../i18n';
import { priorityBandTexts, reasonSentence } from '../labels/inspector';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, formatDecimal, formatScore, Link, Loading } from '../ui';
import '../styles/inspector.css';
import { sectorText } from '../vsic';

const PAGE_SIZE = 30;
const bandTone: Record<PriorityBand, 'bad' | 'warn' | 'info' | 'muted'> = {
  very_high: 'bad',
  high: 'warn',
  medium: 'info',
  low: 'muted',
};

/** The inspector's ranked list of firms to visit, page after page, each with its priority band and reasons. */
export function TargetsPage() {
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  useEffect(() => {
    document.title = `${t('targets')} — antoan`;
  }, [t]);
  const zones = useResource('/zones?limit=200', () => api.get<Page<Zone>>('/zones?limit=200'));
  const [zoneId, setZoneId] = useState('');
  const [sectorInput, setSectorInput] = useState('');
  const [sectorCode, setSectorCode] = useState('');
  const path = `/targets${query({ zoneId, sectorCode, limit: PAGE_SIZE })}`;
  const list = usePagedList(path, (cursor) =>
    api.get<TargetList>(`${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
  );
  const { items, nextCursor } = list;
  const zoneNames = new Map(zones.data?.items.map((zone) => [zone.id, zone.code]));

  return (
    <div className="stack">
      <div className="page-title">
        <h1>{t('targets')}</h1>
        <p className="muted">{t('targetsIntro')}</p>
      </div>
      <Card>
        <form
          className="filters"
          onSubmit={(event) => {
            event.preventDefault();
            setSectorCode(sectorInput.trim().toUpperCase());
          }}
        >
          <label className="inline-field">
            {t('filterZone')}
            <select value={zoneId} onChange={(event) => setZoneId(event.target.value)}>
              <option value="">{t('allZones')}</option>
              {zones.data?.items.map((zone) => (
                <option key={zone.id} value={zone.id}>
                  {zone.code} — {zone.name}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            {t('filterSector')}
            <input
              value={sectorInput}
              onChange={(event) => setSectorInput(event.target.value)}
              placeholder="C24"
              size={8}
            />
          </label>
          <button type="submit">{t('apply')}</button>
        </form>
      </Card>
      <section className="card priority-scale" aria-labelledby="priority-scale-title">
        <h2 id="priority-scale-title" className="small-heading">
          {t('inspPriorityScale')}
        </h2>
        <ul className="band-list">
          {PRIORITY_BANDS.map(({ band }) => (
            <li key={band}>
              <Badge tone={bandTone[band]}>{l(priorityBandTexts[band].name)}</Badge>{' '}
              <span className="small">{l(priorityBandTexts[band].meaning)}</span>
            </li>
          ))}
        </ul>
      </section>
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.more} />}
      {list.loading && items.length === 0 && <Loading />}
      {list.done && items.length === 0 && <p className="muted">{t('none')}</p>}
      <ol className="targets" data-testid="targets">
        {items.map((target, index) => {
          const band = priorityBand(target.priority);
          const eid = encodeURIComponent(target.enterpriseId);
          return (
            <li key={target.enterpriseId} className="card target" data-testid="target">
              <div className="target-head">
                <span className="target-rank" data-testid="target-rank">
                  {index + 1}
                </span>
                <div className="target-name">
                  <Link to={`/enterprises/${eid}`}>{target.name}</Link>
                  <span className="muted small">
                    {zoneNames.get(target.zoneId) ?? ''} · {sectorText(target.sectorCode, lang)}
                  </span>
                </div>
                <div className="target-figures">
                  <span className="small muted">{t('inspPriorityOfTarget')}</span>
                  <strong>{formatDecimal(target.priority, 2, lang)}</strong>
                  <Badge tone={bandTone[band]}>{l(priorityBandTexts[band].name)}</Badge>
                </div>
              </div>
              <p className="small target-score">
                {t('inspSelfScoreOf')}:{' '}
                {target.score === null ? t('inspSelfScoreNone') : `${formatScore(target.score, lang)}/100`}
                {target.sampled && (
                  <>
                    {' · '}
                    <Badge tone="info">{t('inspRandomPick')}</Badge>
                  </>
                )}
              </p>
              <ul className="reasons reason-sentences">
                {target.reasons.map((reason) => (
                  <li key={reason.code}>{l(reasonSentence(reason))}</li>
                ))}
              </ul>
              <div className="target-actions">
                <Link className="button button-small" to={`/enterprises/${eid}/inspections/new`}>
                  {t('inspRecordInspection')}
                </Link>
                <Link className="button-ghost button-small" to={`/enterprises/${eid}/history`}>
                  {t('inspFirmHistory')}
                </Link>
              </div>
            </li>
          );
        })}
      </ol>
      {items.length > 0 && (
        <div className="more-row">
          <span className="small muted" data-testid="targets-count">
            {t('inspShownCount')}: {items.length}
          </span>
          {nextCursor ? (
            <button type="button" onClick={list.more} disabled={list.loading} data-testid="targets-more">
              {list.loading ? t('loading') : t('inspShowMoreTargets')}
            </button>
          ) : (
            list.done && <span className="small muted">{t('inspEndOfTargets')}</span>
          )}
        </div>
      )}
    </div>
  );
}
