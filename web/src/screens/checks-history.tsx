import type {
  AssessmentView as Assessment,
  AssessmentSummary,
  AuditEntryView as AuditEntry,
  AuditList,
  EnterpriseDetail as Enterprise,
  Page,
  TemplateSummary,
} from '@antoan/schemas';
import { useEffect, useId, useState } from 'react';
import '../styles/actions.css';
import { query } from '../api';
import { formatDay, formatTimestamp } from '../dates';
import { usePagedList, useResource } from '../hooks';
import { useI18n } from '../i18n';
import { actionFieldTexts, actionStatusTexts, auditText, checkKindTexts } from '../labels/actions';
import { currentSelfInspectionPeriod } from '../period';
import { navigate } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, formatScore, Link, Loading, PagedFooter } from '../ui';

type CheckKind = keyof typeof checkKindTexts;
const EXTRA_KINDS: readonly CheckKind[] = ['thematic', 'after_incident', 'seasonal'];
const AUDIT_PAGE = 20;

/** Opens an amendment of a submitted periodic self-check and goes to its draft. */
async function amend(
  api: ReturnType<typeof useSignedIn>['api'],
  check: { enterpriseId: string; id: string },
) {
  const base = `/enterprises/${encodeURIComponent(check.enterpriseId)}/assessments`;
  const { body } = await api.send<Assessment>(
    'POST',
    `${base}/${encodeURIComponent(check.id)}/amend`,
    undefined,
    { 'Idempotency-Key': `amend-${check.id}-${crypto.randomUUID()}` },
  );
  navigate(`${base}/${encodeURIComponent(body.id)}`);
}

const amendable = (check: { status: string; kind?: string; supersededBy?: string }) =>
  check.status === 'submitted' &&
  (check.kind ?? 'periodic') === 'periodic' &&
  check.supersededBy === undefined;

/**
 * Above a submitted self-check's score: "Amend" for the firm on its current periodic check, and where this version
 * stands (an amendment of another, or replaced by a newer one).
 */
export function CheckVersionBar(props: { assessment: Assessment; editable: boolean }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { assessment } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const base = `/enterprises/${encodeURIComponent(assessment.enterpriseId)}`;
  return (
    <div className="stack" data-testid="check-version">
      {assessment.supersededBy && (
        <p className="notice notice-warn" role="status">
          {t('supersededBy')}{' '}
          <Link to={`${base}/assessments/${encodeURIComponent(assessment.supersededBy)}`}>
            {assessment.supersededBy}
          </Link>
        </p>
      )}
      <div className="action-toolbar">
        {props.editable && amendable(assessment) && (
          <button
            type="button"
            disabled={busy}
            title={t('amendHint')}
            data-testid="amend"
            onClick={() => {
              setBusy(true);
              setError(null);
              amend(api, assessment).catch((caught: unknown) => {
                setError(caught);
                setBusy(false);
              });
            }}
          >
            {t('amendCheck')}
          </button>
        )}
        <Link to={`${base}/actions`}>{t('goToActionPlan')}</Link>
        <Link to={`${base}/checks`}>{t('goToHistory')}</Link>
      </div>
      {error !== null && <ErrorBox error={error} />}
    </div>
  );
}

/** The firm's self-checks with their amendments, extra checks to start, and the log of every change. */
export function ChecksHistoryPage(props: { eid: string }) {
  const { t } = useI18n();
  const { api, session } = useSignedIn();
  const base = `/enterprises/${encodeURIComponent(props.eid)}`;
  const firm = useResource(base, () => api.get<Enterprise>(base));
  const editable = session.user.role === 'enterprise' && session.user.enterpriseId === props.eid;
  useEffect(() => {
    document.title = `${t('checkHistory')} — ${firm.data?.name ?? ''} — antoan`;
  }, [t, firm.data?.name]);

  if (firm.error !== undefined) return <ErrorBox error={firm.error} onRetry={firm.reload} />;
  return (
    <div className="stack">
      <p>
        <Link to={base}>{t('back')}</Link>
      </p>
      <div className="page-title">
        <h1>{t('checkHistory')}</h1>
        {firm.data && <p className="action-firm">{firm.data.name}</p>}
        <p className="muted small">{t('checkHistoryIntro')}</p>
      </div>
      <p className="action-links">
        <Link to={`${base}/actions`}>{t('goToActionPlan')}</Link>
      </p>
      {firm.data && editable && <ExtraCheckCard firm={firm.data} />}
      <ChecksCard eid={props.eid} editable={editable} />
      <AuditCard eid={props.eid} />
    </div>
  );
}

function ExtraCheckCard(props: { firm: Enterprise }) {
  const { t, l } = useI18n();
  const { api } = useSignedIn();
  const id = useId();
  const [kind, setKind] = useState<CheckKind>('thematic');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const templates = await api.get<{ items: TemplateSummary[] }>('/templates');
      const template = [...templates.items].sort((a, b) => b.version - a.version)[0];
      if (!template) throw new Error('no checklist template is published');
      const period = currentSelfInspectionPeriod(props.firm);
      const path = `/enterprises/${encodeURIComponent(props.firm.id)}/assessments`;
      const { body } = await api.send<{ id: string }>(
        'POST',
        path,
        { templateId: template.id, templateVersion: template.version, period, kind },
        { 'Idempotency-Key': `start-${props.firm.id}-${kind}-${crypto.randomUUID()}` },
      );
      navigate(`${path}/${encodeURIComponent(body.id)}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <Card title={t('extraCheckTitle')}>
      <p className="muted small">{t('extraCheckIntro')}</p>
      <div className="extra-check">
        <label className="inline-field" htmlFor={`${id}-kind`}>
          {t('checkKind')}
        </label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => setKind(event.target.value as CheckKind)}
          data-testid="extra-kind"
        >
          {EXTRA_KINDS.map((option) => (
            <option key={option} value={option}>
              {l(checkKindTexts[option])}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={() => void start()} data-testid="start-extra">
          {busy ? t('loading') : kind === 'thematic' ? t('startExtraCheck') : t('startSelfCheck')}
        </button>
      </div>
      {error !== null && <ErrorBox error={error} />}
    </Card>
  );
}

function ChecksCard(props: { eid: string; editable: boolean }) {
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const path = `/enterprises/${encodeURIComponent(props.eid)}/assessments`;
  const list = useResource(path, () => api.get<Page<AssessmentSummary>>(`${path}?limit=200`));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const checks = list.data?.items ?? [];
  const openAmendments = new Set(
    checks.filter((check) => check.status === 'draft' && check.amends).map((check) => check.amends),
  );
  return (
    <Card title={t('selfChecks')}>
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {error !== null && <ErrorBox error={error} />}
      {!list.data && list.error === undefined && <Loading />}
      {list.data && checks.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="plain-list" data-testid="checks">
        {checks.map((check) => (
          <li
            key={check.id}
            className={`check-row ${check.supersededBy ? 'check-superseded' : ''}`}
            data-testid={`check-${check.id}`}
          >
            <strong>{check.period}</strong>
            <Badge tone="info">{l(checkKindTexts[check.kind ?? 'periodic'])}</Badge>
            {check.status === 'draft' ? (
              <Badge tone="warn">{t('draft')}</Badge>
            ) : check.supersededBy ? (
              <Badge tone="muted">{t('superseded')}</Badge>
            ) : (
              <Badge tone="ok">{t('submitted')}</Badge>
            )}
            {check.score && (
              <span>
                {t('score')} {formatScore(check.score.total, lang)} · {check.score.rating}
              </span>
            )}
            {check.submittedAt && <span className="muted small">{formatTimestamp(check.submittedAt)}</span>}
            {check.amends && (
              <span className="small">
                {t('amendmentOf')} {check.amends}
              </span>
            )}
            {check.supersededBy && (
              <span className="small">
                {t('supersededBy')} {check.supersededBy}
              </span>
            )}
            <Link to={`${path}/${encodeURIComponent(check.id)}`}>{t('open')}</Link>
            {props.editable && amendable(check) && !openAmendments.has(check.id) && (
              <button
                type="button"
                className="button-small"
                disabled={busy}
                title={t('amendHint')}
                data-testid={`amend-${check.id}`}
                onClick={() => {
                  setBusy(true);
                  setError(null);
                  amend(api, check).catch((caught: unknown) => {
                    setError(caught);
                    setBusy(false);
                    list.reload();
                  });
                }}
              >
                {t('amendCheck')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function AuditCard(props: { eid: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const path = `/enterprises/${encodeURIComponent(props.eid)}/audit`;
  const list = usePagedList(path, (cursor) =>
    api.get<AuditList>(`${path}${query({ limit: AUDIT_PAGE, cursor })}`),
  );
  return (
    <Card title={t('changeHistory')}>
      {list.items.length === 0 && list.done && <p className="muted">{t('none')}</p>}
      <ol className="history-list" data-testid="audit">
        {list.items.map((entry) => (
          <AuditRow key={`${entry.at}-${entry.action}-${entry.target.id}`} entry={entry} />
        ))}
      </ol>
      <PagedFooter list={list} className="load-more" />
    </Card>
  );
}

/** One change, in words: what, when, who, on what, and for an action the fields from → to. */
function AuditRow(props: { entry: AuditEntry }) {
  const { t, l, lang } = useI18n();
  const { entry } = props;
  const fieldChanges =
    entry.target.kind === 'action'
      ? Object.entries(entry.changes).filter(
          (change): change is [string, [unknown, unknown]] =>
            Array.isArray(change[1]) && change[1].length === 2 && actionFieldTexts[change[0]] !== undefined,
        )
      : [];
  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return '—';
    if (field === 'status' && typeof raw === 'string' && raw in actionStatusTexts)
      return l(actionStatusTexts[raw as keyof typeof actionStatusTexts]);
    if ((field === 'dueOn' || field === 'doneOn') && typeof raw === 'string') return formatDay(raw, lang);
    if (Array.isArray(raw)) return raw.join(', ');
    return String(raw);
  };
  const score = entry.changes.score as { total?: number; rating?: string } | undefined;
  return (
    <li className="history-entry" data-testid={`audit-${entry.action}`}>
      <p>
        <strong>{l(auditText(entry.action))}</strong>{' '}
        <span className="muted small">
          {formatTimestamp(entry.at, lang)} · {t('changedBy')}: {entry.actor}
        </span>
      </p>
      <p className="small muted">{entry.target.id}</p>
      {fieldChanges.length > 0 && (
        <ul className="plain-list small">
          {fieldChanges.map(([field, [before, after]]) => (
            <li key={field}>
              {l(actionFieldTexts[field] ?? { vi: field, en: field })}: {value(field, before)} →{' '}
              {value(field, after)}
            </li>
          ))}
        </ul>
      )}
      {typeof score?.total === 'number' && (
        <p className="small">
          {t('score')} {formatScore(score.total, lang)}
          {score.rating ? ` · ${score.rating}` : ''}
        </p>
      )}
    </li>
  );
}
