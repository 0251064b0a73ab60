import type { EvidenceKind, Severity } from '@antoan/domain';
import type {
  ActionView as Action,
  DemoUser,
  EnterpriseDetail as Enterprise,
  EvidenceListItem as Evidence,
  Page,
  PatchActionInput,
} from '@antoan/schemas';
import { type ReactNode, useEffect, useId, useState } from 'react';
import '../styles/actions.css';
import { ApiError, query } from '../api';
import { formatDay } from '../dates';
import { usePagedList, useResource } from '../hooks';
import { useI18n } from '../i18n';
import { actionSourceTexts, actionStatusTexts, actionStatusTones } from '../labels/actions';
import { vietnamToday } from '../period';
import { evidenceKindTexts, severityTexts } from '../reasons';
import { navigate, useLocation } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, Link, Loading, PagedFooter, ProgressBar } from '../ui';
import { EvidenceUpload } from './evidence';

const STATUSES: readonly Action['status'][] = ['open', 'in_progress', 'done', 'verified', 'cancelled'];
const PAGE = 20;
const severityTones: Record<Severity, 'bad' | 'warn' | 'muted'> = {
  critical: 'bad',
  major: 'warn',
  minor: 'muted',
};

/** Whether the signed-in person may verify or reopen this firm's actions: an inspector, or a manager of its zone. */
export function useOverseerOf(zoneId: string | undefined): boolean {
  const { session } = useSignedIn();
  const { role, zoneIds } = session.user;
  return (
    role === 'inspector' ||
    (role === 'zone_manager' && zoneId !== undefined && (zoneIds ?? []).includes(zoneId))
  );
}

/** The header's link: an officer to the firm's action plan, a zone manager to their first zone's actions. */
export function ActionsNavLink(props: { user: DemoUser }) {
  const { t } = useI18n();
  const { role, enterpriseId, zoneIds } = props.user;
  const zone = zoneIds?.[0];
  if (role === 'enterprise' && enterpriseId)
    return <Link to={`/enterprises/${encodeURIComponent(enterpriseId)}/actions`}>{t('navActions')}</Link>;
  if (role === 'zone_manager' && zone)
    return <Link to={`/zones/${encodeURIComponent(zone)}/actions`}>{t('navActions')}</Link>;
  return null;
}

/** Links from a firm's page to its action plan and its history of checks. */
export function FirmActionLinks(props: { eid: string }) {
  const { t } = useI18n();
  const base = `/enterprises/${encodeURIComponent(props.eid)}`;
  return (
    <p className="action-links no-print">
      <Link to={`${base}/actions`} testId="link-action-plan">
        {t('goToActionPlan')}
      </Link>
      <Link to={`${base}/checks`} testId="link-history">
        {t('goToHistory')}
      </Link>
    </p>
  );
}

/**
 * The firm's action plan: what to fix from its gaps, who, by when, with what proof, and how far it has got;
 * filtered by status or overdue, paged, printable on A4.
 */
export function ActionPlanPage(props: { eid: string }) {
  const { t, l, lang } = useI18n();
  const { api, session } = useSignedIn();
  const { search } = useLocation();
  const base = `/enterprises/${encodeURIComponent(props.eid)}`;
  const status = STATUSES.find((candidate) => candidate === search.get('status'));
  const overdue = search.get('overdue') === 'true';
  const item = search.get('item') ?? undefined;
  const firm = useResource(base, () => api.get<Enterprise>(base));
  const editable = session.user.role === 'enterprise' && session.user.enterpriseId === props.eid;
  const overseer = useOverseerOf(firm.data?.zoneId);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    document.title = `${t('actionPlan')} — ${firm.data?.name ?? ''} — antoan`;
  }, [t, firm.data?.name]);

  // Every action of the firm (a firm has at most a few hundred), for the progress and the per-item view.
  const allPath = `${base}/actions`;
  const all = useResource(`${allPath}#${generation}`, () => loadAll<Action>(api, allPath));
  const evidencePath = `${base}/evidence`;
  const evidence = useResource(`${evidencePath}#${generation}`, () =>
    api.get<Page<Evidence>>(`${evidencePath}?limit=200`),
  );

  const setFilter = (next: { status?: string | undefined; overdue?: boolean }) =>
    navigate(
      `${base}/actions${query({
        status: 'status' in next ? next.status : status,
        overdue: (next.overdue ?? overdue) ? 'true' : undefined,
      })}`,
      { replace: true },
    );

  if (firm.error !== undefined) return <ErrorBox error={firm.error} onRetry={firm.reload} />;
  const actions = all.data ?? [];
  const closed = actions.filter((action) => action.status === 'done' || action.status === 'verified').length;
  const counted = actions.filter((action) => action.status !== 'cancelled').length;
  const today = vietnamToday();

  return (
    <div className="stack action-plan">
      <p className="no-print">
        <Link to={base}>{t('back')}</Link>
      </p>
      <div className="page-title">
        <h1>{t('actionPlan')}</h1>
        {firm.data && <p className="action-firm">{firm.data.name}</p>}
        <p className="muted small">{t('actionPlanIntro')}</p>
        <p className="print-only small">
          {t('printedOn')} {formatDay(today, lang)}
        </p>
      </div>
      <div className="action-toolbar no-print">
        <Link to={`${base}/checks`} testId="link-history">
          {t('goToHistory')}
        </Link>
        <button type="button" className="button-ghost" onClick={() => window.print()}>
          {t('printPlan')}
        </button>
      </div>

      <Card title={t('actionProgress')}>
        {all.error !== undefined && <ErrorBox error={all.error} onRetry={all.reload} />}
        {all.data ? (
          <div className="action-progress" data-testid="action-progress">
            <ProgressBar value={counted === 0 ? 0 : closed / counted} label={t('actionProgress')} />
            <p>
              <strong>
                {closed}/{counted}
              </strong>{' '}
              {t('actionProgressText')}
            </p>
            <ul className="action-counts">
              {STATUSES.map((code) => (
                <li key={code}>
                  <Badge tone={actionStatusTones[code]}>{l(actionStatusTexts[code])}</Badge>{' '}
                  <span data-testid={`count-${code}`}>
                    {actions.filter((action) => action.status === code).length}
                  </span>
                </li>
              ))}
              <li>
                <Badge tone="bad">{t('actionOverdue')}</Badge>{' '}
                <span data-testid="count-overdue">{actions.filter((action) => action.overdue).length}</span>
              </li>
            </ul>
          </div>
        ) : (
          all.error === undefined && <Loading />
        )}
      </Card>

      {item ? (
        <Card title={`${t('actionsForItem')} ${item}`}>
          <p className="no-print">
            <Link to={`${base}/actions`}>{t('showAllActions')}</Link>
          </p>
          {all.data && (
            <ActionItems
              actions={actions.filter((action) => action.source.itemId === item)}
              enterpriseId={props.eid}
              editable={editable}
              overseer={overseer}
              evidence={evidence.data?.items ?? []}
              onChanged={() => setGeneration((value) => value + 1)}
            />
          )}
        </Card>
      ) : (
        <Card>
          <div className="filters action-filters no-print">
            <label className="inline-field">
              {t('actionStatusFilter')}
              <select
                value={status ?? ''}
                onChange={(event) => setFilter({ status: event.target.value || undefined })}
                data-testid="status-filter"
              >
                <option value="">{t('allStatuses')}</option>
                {STATUSES.map((code) => (
                  <option key={code} value={code}>
                    {l(actionStatusTexts[code])}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <input
                type="checkbox"
                checked={overdue}
                onChange={(event) => setFilter({ overdue: event.target.checked })}
                data-testid="overdue-filter"
              />
              {t('overdueOnly')}
            </label>
          </div>
          <PagedActions
            key={`${status ?? ''}-${overdue}`}
            path={`${base}/actions`}
            filters={{ status, overdue: overdue ? 'true' : undefined }}
            render={(page) => (
              <ActionItems
                actions={page}
                enterpriseId={props.eid}
                editable={editable}
                overseer={overseer}
                evidence={evidence.data?.items ?? []}
                onChanged={() => setGeneration((value) => value + 1)}
              />
            )}
          />
        </Card>
      )}
    </div>
  );
}

/** Every page of a list (at most ten pages of 200). */
async function loadAll<T>(api: ReturnType<typeof useSignedIn>['api'], path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const body: { items: T[]; nextCursor: string | null } = await api.get(
      `${path}${query({ limit: 200, cursor })}`,
    );
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return items;
}

/**
 * A list read page by page with the API's cursor: the first page, then "load more". A filtered page can be short
 * (the API filters within what it read), so pages keep coming while there is a cursor.
 */
export function PagedActions<T extends Action = Action>(props: {
  path: string;
  filters: Record<string, string | undefined>;
  render(actions: T[]): ReactNode;
}) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const list = usePagedList(`${props.path}${query(props.filters)}`, (cursor) =>
    api.get<Page<T>>(`${props.path}${query({ ...props.filters, limit: PAGE, cursor })}`),
  );
  return (
    <div className="stack">
      {list.items.length === 0 && list.done && <p className="muted">{t('noActions')}</p>}
      {list.items.length > 0 && props.render(list.items)}
      <PagedFooter list={list} />
    </div>
  );
}

function ActionItems(props: {
  actions: Action[];
  enterpriseId: string;
  editable: boolean;
  overseer: boolean;
  evidence: Evidence[];
  onChanged(): void;
}) {
  const { t } = useI18n();
  if (props.actions.length === 0) return <p className="muted">{t('noActions')}</p>;
  return (
    <ol className="action-list" data-testid="action-list">
      {props.actions.map((action) => (
        <ActionCard
          key={`${action.id}-${action.version}`}
          action={action}
          editable={props.editable}
          overseer={props.overseer}
          evidence={props.evidence}
          onChanged={props.onChanged}
        />
      ))}
    </ol>
  );
}

/** One action: what to fix and why, who and by when, its proof; the changes the signed-in person may make. */
export function ActionCard(props: {
  action: Action;
  editable: boolean;
  overseer: boolean;
  evidence: Evidence[];
  onChanged(): void;
  firmName?: string | undefined;
  /** The names of the files the action carries, when the list came with them (a zone's list). */
  evidenceFiles?: ReadonlyArray<{ id: string; fileName: string }> | undefined;
}) {
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const [current, setCurrent] = useState(props.action);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const action = current;
  const pending = action.status === 'open' || action.status === 'in_progress';
  const enterpriseBase = `/enterprises/${encodeURIComponent(action.enterpriseId)}`;
  const itemLink =
    action.source.kind === 'self_check' && action.source.id && action.source.itemId
      ? `${enterpriseBase}/assessments/${encodeURIComponent(action.source.id)}#item-${encodeURIComponent(action.source.itemId)}`
      : null;
  const attached = (action.evidenceIds ?? []).map(
    (id) =>
      props.evidence.find((found) => found.id === id) ??
      props.evidenceFiles?.find((found) => found.id === id) ?? { id, fileName: t('evidenceFileUnknown') },
  );

  const patch = async (body: PatchActionInput) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { body: changed } = await api.send<Action>(
        'PATCH',
        `${enterpriseBase}/actions/${encodeURIComponent(action.id)}`,
        body,
        { 'If-Match': `"${action.version}"` },
      );
      setCurrent(changed);
      setMessage(t('actionSaved'));
      props.onChanged();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        // Changed elsewhere: show the latest version and say so.
        const fresh = await api
          .get<Action>(`${enterpriseBase}/actions/${encodeURIComponent(action.id)}`)
          .catch(() => null);
        if (fresh) setCurrent(fresh);
        setMessage(t('actionChangedElsewhere'));
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`action-card ${action.overdue ? 'action-overdue' : ''}`}
      data-testid={`action-${action.id}`}
      data-status={action.status}
    >
      <div className="action-head">
        <h3 className="action-title">{l(action.title)}</h3>
        <div className="action-badges">
          <Badge tone={actionStatusTones[action.status]}>
            <span data-testid="action-status">{l(actionStatusTexts[action.status])}</span>
          </Badge>
          <Badge tone={severityTones[action.severity]}>{l(severityTexts[action.severity])}</Badge>
          {action.overdue && <Badge tone="bad">{t('actionOverdue')}</Badge>}
        </div>
      </div>
      {props.firmName !== undefined && (
        <p className="action-firm-line">
          <span className="muted">{t('firm')}: </span>
          <Link to={`${enterpriseBase}/actions`}>{props.firmName}</Link>
        </p>
      )}
      <dl className="action-facts">
        <div>
          <dt>{t('actionSource')}</dt>
          <dd>
            {l(actionSourceTexts[action.source.kind])}
            {action.source.itemId && (
              <>
                {' · '}
                {t('checklistItem')} {action.source.itemId}
              </>
            )}
            {itemLink && (
              <>
                {' · '}
                <Link to={itemLink} className="no-print">
                  {t('openChecklistItem')}
                </Link>
              </>
            )}
          </dd>
        </div>
        {action.legalBasis.length > 0 && (
          <div>
            <dt>{t('legalBasis')}</dt>
            <dd>{action.legalBasis.map((basis) => `${basis.document}, ${basis.article}`).join('; ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('owner')}</dt>
          <dd data-testid="action-owner">{action.owner ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('actionDueOn')}</dt>
          <dd data-testid="action-due">{formatDay(action.dueOn, lang)}</dd>
        </div>
        {action.doneOn && (
          <div>
            <dt>{t('doneOn')}</dt>
            <dd>{formatDay(action.doneOn, lang)}</dd>
          </div>
        )}
        {(action.evidenceKinds ?? []).length > 0 && (
          <div>
            <dt>{t('evidenceKindsNeeded')}</dt>
            <dd>
              {(action.evidenceKinds ?? [])
                .map((kind) => l(evidenceKindTexts[kind as EvidenceKind] ?? { vi: kind, en: kind }))
                .join(', ')}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('evidenceOfCompletion')}</dt>
          <dd data-testid="action-evidence">
            {attached.length === 0 ? '—' : attached.map((found) => found.fileName).join(', ')}
          </dd>
        </div>
        {action.note && (
          <div>
            <dt>{t('completionNote')}</dt>
            <dd>{action.note}</dd>
          </div>
        )}
      </dl>
      {error !== null && <ErrorBox error={error} />}
      {error instanceof ApiError && (error.problem.errors ?? []).length > 0 && (
        <ul className="plain-list small" data-testid="action-errors">
          {(error.problem.errors ?? []).map((problem) => (
            <li key={`${problem.path}-${problem.message}`}>{problem.message}</li>
          ))}
        </ul>
      )}
      {message && (
        <p className="notice notice-info" role="status">
          {message}
        </p>
      )}
      {props.editable && pending && (
        <ActionEditor action={action} evidence={props.evidence} busy={busy} onPatch={patch} />
      )}
      {props.overseer && !pending && action.status !== 'cancelled' && (
        <div className="action-buttons no-print">
          {action.status === 'done' && (
            <button type="button" disabled={busy} onClick={() => void patch({ status: 'verified' })}>
              {t('verifyAction')}
            </button>
          )}
          <button
            type="button"
            className="button-ghost"
            disabled={busy}
            onClick={() => void patch({ status: 'open' })}
          >
            {t('reopenAction')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The firm's form for a pending action: owner, an earlier due day, note, evidence, and the status moves. */
function ActionEditor(props: {
  action: Action;
  evidence: Evidence[];
  busy: boolean;
  onPatch(body: PatchActionInput): Promise<void>;
}) {
  const { t, l } = useI18n();
  const { action } = props;
  const id = useId();
  const [owner, setOwner] = useState(action.owner ?? '');
  const [dueOn, setDueOn] = useState(action.dueOn);
  const [note, setNote] = useState(action.note ?? '');
  const [evidenceIds, setEvidenceIds] = useState<string[]>(action.evidenceIds ?? []);
  const [uploaded, setUploaded] = useState<Evidence[]>([]);
  const kinds = (action.evidenceKinds ?? []) as EvidenceKind[];
  const candidates = [...uploaded, ...props.evidence].filter(
    (found, index, list) =>
      found.status === 'verified' &&
      !found.expired &&
      (kinds.length === 0 || kinds.includes(found.kind)) &&
      list.findIndex((other) => other.id === found.id) === index,
  );
  const today = vietnamToday();

  const changes = (): PatchActionInput => ({
    ...(owner.trim() && owner.trim() !== (action.owner ?? '') ? { owner: owner.trim() } : {}),
    ...(dueOn && dueOn !== action.dueOn ? { dueOn } : {}),
    ...(note.trim() !== (action.note ?? '') && note.trim() ? { note: note.trim() } : {}),
    ...(evidenceIds.join() !== (action.evidenceIds ?? []).join() ? { evidenceIds } : {}),
  });

  return (
    <details className="action-editor no-print" open={action.status === 'in_progress' || undefined}>
      <summary>{t('editAction')}</summary>
      <div className="action-form">
        <label htmlFor={`${id}-owner`}>{t('owner')}</label>
        <input
          id={`${id}-owner`}
          value={owner}
          maxLength={200}
          placeholder={t('ownerPlaceholder')}
          onChange={(event) => setOwner(event.target.value)}
          data-testid="owner-input"
        />
        <label htmlFor={`${id}-due`}>{t('actionDueOn')}</label>
        <input
          id={`${id}-due`}
          type="date"
          value={dueOn}
          min={today}
          max={action.dueOn}
          aria-describedby={`${id}-due-hint`}
          onChange={(event) => setDueOn(event.target.value)}
          data-testid="due-input"
        />
        <p id={`${id}-due-hint`} className="muted small">
          {t('dueOnHint')}
        </p>
        <label htmlFor={`${id}-note`}>{t('completionNote')}</label>
        <textarea
          id={`${id}-note`}
          value={note}
          maxLength={2000}
          rows={2}
          aria-describedby={`${id}-note-hint`}
          onChange={(event) => setNote(event.target.value)}
          data-testid="note-input"
        />
        <p id={`${id}-note-hint`} className="muted small">
          {t('completionNoteHint')}
        </p>
        <fieldset className="action-evidence">
          <legend>{t('evidenceOfCompletion')}</legend>
          {candidates.length === 0 && <p className="muted small">{t('noMatchingEvidence')}</p>}
          {candidates.map((found) => (
            <label key={found.id} className="inline-field">
              <input
                type="checkbox"
                checked={evidenceIds.includes(found.id)}
                onChange={(event) =>
                  setEvidenceIds((current) =>
                    event.target.checked
                      ? [...current, found.id]
                      : current.filter((other) => other !== found.id),
                  )
                }
                data-testid={`attach-${found.id}`}
              />
              {found.fileName} ({l(evidenceKindTexts[found.kind])})
            </label>
          ))}
          <details>
            <summary>{t('uploadEvidence')}</summary>
            <EvidenceUpload
              eid={action.enterpriseId}
              kinds={kinds.length > 0 ? kinds : ['other']}
              onVerified={(added) => {
                setUploaded((current) => [added, ...current]);
                setEvidenceIds((current) => [...current, added.id]);
              }}
            />
          </details>
        </fieldset>
        <div className="action-buttons">
          <button
            type="button"
            className="button-ghost"
            disabled={props.busy || Object.keys(changes()).length === 0}
            onClick={() => void props.onPatch(changes())}
            data-testid="save-action"
          >
            {t('saveChanges')}
          </button>
          {action.status === 'open' && (
            <button
              type="button"
              className="button-ghost"
              disabled={props.busy}
              onClick={() => void props.onPatch({ ...changes(), status: 'in_progress' })}
              data-testid="start-action"
            >
              {t('markInProgress')}
            </button>
          )}
          {action.status === 'in_progress' && (
            <button
              type="button"
              className="button-ghost"
              disabled={props.busy}
              onClick={() => void props.onPatch({ ...changes(), status: 'open' })}
            >
              {t('markOpen')}
            </button>
          )}
          <button
            type="button"
            disabled={props.busy}
            onClick={() => void props.onPatch({ ...changes(), status: 'done' })}
            data-testid="done-action"
          >
            {t('markDone')}
          </button>
        </div>
      </div>
    </details>
  );
}
