import type {
  ActionView as Action,
  EnterpriseDetail as Enterprise,
  Page,
  ZoneView as Zone,
} from '@antoan/schemas';
import { useEffect, useState } from 'react';
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
  useEffect(() => {
    document.title = `${t('zoneActions')} — ${zone?.code ?? props.zid} — antoan`;
  }, [t, zone?.code, props.zid]);

  return (
    <div className="stack">
      <p>
        <Link to={base}>{t('back')}</Link>
      </p>
      <div className="page-title">
        <h1>{t('zoneActions')}</h1>
        <p className="action-firm">{zone ? `${zone.code} — ${zone.name}` : props.zid}</p>
        <p className="muted small">{t('zoneActionsIntro')}</p>
      </div>
      <Card>
        <div className="action-filters">
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
        <PagedActions
          key={view}
          path={`${base}/actions`}
          filters={viewFilters[view]}
          render={(actions) => <ZoneActionList actions={actions} overseer={overseer} />}
        />
      </Card>
    </div>
  );
}

/** The page's actions with the names of their firms (each firm read once). */
function ZoneActionList(props: { actions: Action[]; overseer: boolean }) {
  const { api } = useSignedIn();
  const [names, setNames] = useState<Record<string, string>>({});
  const wanted = [...new Set(props.actions.map((action) => action.enterpriseId))].filter(
    (id) => names[id] === undefined,
  );
  const key = wanted.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` lists the firms whose names are still unknown.
  useEffect(() => {
    if (!key) return;
    let current = true;
    Promise.all(
      wanted.map((id) =>
        api
          .get<Enterprise>(`/enterprises/${encodeURIComponent(id)}`)
          .then((firm) => [id, firm.name] as const)
          .catch(() => [id, id] as const),
      ),
    ).then((found) => {
      if (current) setNames((previous) => ({ ...previous, ...Object.fromEntries(found) }));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return (
    <ol className="action-list" data-testid="action-list">
      {props.actions.map((action) => (
        <ActionCard
          key={`${action.id}-${action.version}`}
          action={action}
          editable={false}
          overseer={props.overseer}
          evidence={[]}
          onChanged={() => {}}
          firmName={names[action.enterpriseId] ?? action.enterpriseId}
        />
      ))}
    </ol>
  );
}
