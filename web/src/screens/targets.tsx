import type { Page, Target, ZoneView as Zone } from '@antoan/schemas';
import { useState } from 'react';
import { query } from '../api';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { targetingReasonTexts } from '../reasons';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, formatDecimal, formatScore, Link, Loading } from '../ui';

/** The inspector's ranked list of firms to visit, each with its reasons. */
export function TargetsPage() {
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const zones = useResource('/zones?limit=200', () => api.get<Page<Zone>>('/zones?limit=200'));
  const [zoneId, setZoneId] = useState('');
  const [sectorInput, setSectorInput] = useState('');
  const [sectorCode, setSectorCode] = useState('');
  const path = `/targets${query({ zoneId, sectorCode, limit: 30 })}`;
  const targets = useResource(path, () => api.get<{ items: Target[] }>(path));
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
      {targets.error !== undefined && <ErrorBox error={targets.error} onRetry={targets.reload} />}
      {targets.loading && !targets.data && <Loading />}
      {targets.data && targets.data.items.length === 0 && <p className="muted">{t('none')}</p>}
      <ol className="targets" data-testid="targets">
        {targets.data?.items.map((target, index) => (
          <li key={target.enterpriseId} className="card target">
            <div className="target-head">
              <span className="target-rank">{index + 1}</span>
              <div className="target-name">
                <Link to={`/enterprises/${encodeURIComponent(target.enterpriseId)}`}>{target.name}</Link>
                <span className="muted small">
                  {zoneNames.get(target.zoneId) ?? target.zoneId} · {target.sectorCode}
                </span>
              </div>
              <div className="target-figures">
                <span className="small muted">{t('priority')}</span>
                <strong>{formatDecimal(target.priority, 2, lang)}</strong>
                <span className="small muted">
                  {t('score')}: {formatScore(target.score, lang)}
                </span>
              </div>
            </div>
            <ul className="reasons">
              {target.reasons.map((reason) => (
                <li key={reason.code}>
                  <Badge tone={reason.code === 'random_sample' ? 'info' : 'warn'}>
                    {l(targetingReasonTexts[reason.code] ?? { vi: reason.code, en: reason.code })}
                  </Badge>
                  <span>{l(reason.detail)}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
