import type { Page, ZoneView as Zone, ZoneActionView as ZoneAction } from '@antoan/schemas';
import { useEffect } from 'react';
import '../styles/actions.css';
import { query } from '../api';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { navigate, useLocation } from '../router';
import { useSignedIn } from '../session-context';
import { Card, Link } from '../ui';
import { ActionCard, PagedActions, useOverseerOf } from './actions';

const VIEWS = ['overdue', 'pending', 'done'] as const;
type View = (typeof VIEWS)[number];
const viewLabels = { overdue: 'zoneViewOverdue', pending: 'zoneViewPending', done: 'zoneViewDone' } as const;
const viewFilters: Record<View, Record<string, string | undefined>> = {
  overdue: { overdue: 'true' },
  pending: {},
  done: { status: 'done' },
};

/**
 * A zone's corrective actions with their firms: overdue (oldest due first), all pending, or done and awaiting
 * verification. An inspector or a manager of the zone verifies or reopens them; the API enforces who may.
 */
export function ZoneActionsPage(props: { zid: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { search } = useLocation();
  const view: View = VIEWS.find((candidate) => candidate === search.get('view')) ?? 'overdue';
  const zones = useResource('/zones?limit=200', () => api.get<Page<Zone>>('/zones?limit=200'));
  const zone = zones.data?.items.find((candidate) => candidate.id === props.zid);
  const overseer = useOverseerOf(props.zid);
  const base = `/zones/${encodeURIComponent(props.zid)}`;
  const zoneCode = zone?.code;
  useEffect(() => {
    document.title = `${t('zoneActions')}${zoneCode ? ` — ${zoneCode}` : ''} — antoan`;
  }, [t, zoneCode]);

  return (
    <div className="stack">
      <p>
        <Link to={base}>{t('back')}</Link>
      </p>
      <div className="page-title">
        <h1>{t('zoneActions')}</h1>
        <p className="action-firm">{zone ? `${zone.code} — ${zone.name}` : ''}</p>
        <p className="muted small">{t('zoneActionsIntro')}</p>
      </div>
      <Card>
        <div className="action-filters">
          {(zones.data?.items.length ?? 0) > 1 && (
            <label className="inline-field">
              {t('zoneActionsZone')}
              <select
                value={props.zid}
                onChange={(event) =>
                  navigate(`/zones/${encodeURIComponent(event.target.value)}/actions${query({ view })}`)
                }
                data-testid="zone-pick"
              >
                {zones.data?.items.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.code} — {option.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="inline-field">
            {t('zoneViewLabel')}
            <select
              value={view}
              onChange={(event) =>
                navigate(`${base}/actions${query({ view: event.target.value })}`, { replace: true })
              }
              data-testid="zone-view"
            >
              {VIEWS.map((option) => (
                <option key={option} value={option}>
                  {t(viewLabels[option])}
                </option>
              ))}
            </select>
          </label>
        </div>
        <PagedActions<ZoneAction>
          key={`${props.zid}-${view}`}
          path={`${base}/actions`}
          filters={viewFilters[view]}
          render={(actions) => <ZoneActionList actions={actions} overseer={overseer} />}
        />
      </Card>
    </div>
  );
}

/** The page's actions with the names of their firms and evidence files, as the zone's list gives them. */
function ZoneActionList(props: { actions: ZoneAction[]; overseer: boolean }) {
  const { t } = useI18n();
  return (
    <ol className="action-list" data-testid="action-list">
      {props.actions.map((action) => (
        <ActionCard
          key={`${action.id}-${action.version}`}
          action={action}
          editable={false}
          overseer={props.overseer}
          evidence={[]}
          evidenceFiles={action.evidenceFiles}
          onChanged={() => {}}
          firmName={action.enterpriseName ?? t('reviewUnknownFirm')}
        />
      ))}
    </ol>
  );
}
