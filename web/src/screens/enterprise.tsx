import type {
  AssessmentSummary,
  EnterpriseDetail as Enterprise,
  NotificationView as Notification,
  Page,
  TemplateSummary,
} from '@antoan/schemas';
import { useState } from 'react';
import { ApiError } from '../api';
import { formatTimestamp } from '../dates';
import { useResource } from '../hooks';
import { type LabelKey, useI18n } from '../i18n';
import { currentSelfInspectionPeriod } from '../period';
import { notificationTypeTexts, ratingTexts } from '../reasons';
import { navigate } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, formatScore, Link, Loading } from '../ui';
import { FirmActionLinks } from './actions';
import { EvidenceCard } from './evidence';

const statusLabels: Record<Enterprise['selfInspection']['status'], LabelKey> = {
  ok: 'statusOk',
  due: 'statusDue',
  overdue: 'statusOverdue',
};
const statusTones = { ok: 'ok', due: 'warn', overdue: 'bad' } as const;

/** An enterprise: its profile and self-inspection status, self-checks, evidence and reminders. */
export function EnterprisePage(props: { eid: string }) {
  const { t } = useI18n();
  const { api, session } = useSignedIn();
  const base = `/enterprises/${encodeURIComponent(props.eid)}`;
  const enterprise = useResource(base, () => api.get<Enterprise>(base));
  const editable = session.user.role === 'enterprise' && session.user.enterpriseId === props.eid;

  if (enterprise.error !== undefined)
    return <ErrorBox error={enterprise.error} onRetry={enterprise.reload} />;
  if (!enterprise.data) return <Loading />;
  const firm = enterprise.data;
  return (
    <div className="stack">
      {session.user.role !== 'enterprise' && (
        <Link to={`/zones/${encodeURIComponent(firm.zoneId)}`}>{t('back')}</Link>
      )}
      <div className="page-title">
        <h1>{firm.name}</h1>
        {!editable && <p className="muted small">{t('readOnlyNote')}</p>}
      </div>
      <FirmActionLinks eid={firm.id} />
      <div className="grid-2">
        <ProfileCard firm={firm} />
        <SelfInspectionCard firm={firm} />
      </div>
      <AssessmentsCard firm={firm} editable={editable} />
      <EvidenceCard eid={firm.id} editable={editable} />
      <NotificationsCard eid={firm.id} />
    </div>
  );
}

function ProfileCard(props: { firm: Enterprise }) {
  const { t } = useI18n();
  const { firm } = props;
  const rows: Array<[LabelKey, string | number]> = [
    ['taxCode', firm.taxCode],
    ['zone', firm.zoneId],
    ['sector', firm.sectorCode],
    ['headcount', firm.headcount],
    ['women', firm.workforce.women],
    ['minors', firm.workforce.minors],
    ['disabled', firm.workforce.disabled],
    ['elderly', firm.workforce.elderly],
    ['hazardous', firm.workforce.hazardous],
    ['strictEquipment', firm.strictEquipmentCount ?? 0],
    ['lastSubmitted', firm.lastSubmittedOn ?? t('none')],
  ];
  return (
    <Card title={t('profile')} actions={firm.highRisk ? <Badge tone="warn">{t('highRisk')}</Badge> : null}>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function SelfInspectionCard(props: { firm: Enterprise }) {
  const { t, l } = useI18n();
  const { status, dueOn, explanation } = props.firm.selfInspection;
  return (
    <Card title={t('selfInspection')}>
      <p className="status-line" data-testid="self-inspection-status">
        <Badge tone={statusTones[status]}>{t(statusLabels[status])}</Badge>
        <span>
          {t('dueOn')}: <strong>{dueOn}</strong>
        </span>
      </p>
      <p>{l(explanation)}</p>
    </Card>
  );
}

function AssessmentsCard(props: { firm: Enterprise; editable: boolean }) {
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const { firm } = props;
  const path = `/enterprises/${encodeURIComponent(firm.id)}/assessments`;
  const list = useResource(path, () => api.get<Page<AssessmentSummary>>(path));
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const period = currentSelfInspectionPeriod(firm);
  const current = list.data?.items.find((assessment) => assessment.period === period);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      const templates = await api.get<{ items: TemplateSummary[] }>('/templates');
      const template = [...templates.items].sort((a, b) => b.version - a.version)[0];
      if (!template) throw new Error('no checklist template is published');
      const { body } = await api.send<{ id: string }>(
        'POST',
        path,
        { templateId: template.id, templateVersion: template.version, period },
        { 'Idempotency-Key': `start-${firm.id}-${period}-${crypto.randomUUID()}` },
      );
      navigate(`${path}/${encodeURIComponent(body.id)}`);
    } catch (caught) {
      // Someone started this period meanwhile: show it instead.
      if (caught instanceof ApiError && caught.status === 409) list.reload();
      setError(caught);
      setStarting(false);
    }
  };

  return (
    <Card
      title={t('assessments')}
      actions={
        props.editable &&
        (current ? (
          <Link to={`${path}/${encodeURIComponent(current.id)}`} className="button">
            {current.status === 'draft' ? t('continueChecklist') : t('viewScore')} ({period})
          </Link>
        ) : (
          <button type="button" onClick={() => void start()} disabled={starting || list.loading}>
            {starting ? t('loading') : `${t('startSelfCheck')} (${period})`}
          </button>
        ))
      }
    >
      {error !== null && <ErrorBox error={error} />}
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('period')}</th>
              <th>{t('status')}</th>
              <th>{t('score')}</th>
              <th>{t('rating')}</th>
              <th>{t('submittedAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((assessment) => (
              <tr key={assessment.id}>
                <td>{assessment.period}</td>
                <td>
                  {assessment.status === 'draft' ? (
                    <Badge tone="info">{t('draft')}</Badge>
                  ) : (
                    <Badge tone="ok">{t('submitted')}</Badge>
                  )}
                </td>
                <td>{formatScore(assessment.score?.total, lang)}</td>
                <td title={assessment.score ? l(ratingTexts[assessment.score.rating]) : undefined}>
                  {assessment.score?.rating ?? '—'}
                </td>
                <td>{assessment.submittedAt ? formatTimestamp(assessment.submittedAt) : '—'}</td>
                <td>
                  <Link to={`${path}/${encodeURIComponent(assessment.id)}`}>
                    {assessment.status === 'draft' && props.editable ? t('continueChecklist') : t('open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function NotificationsCard(props: { eid: string }) {
  const { t, l } = useI18n();
  const { api } = useSignedIn();
  const path = `/enterprises/${encodeURIComponent(props.eid)}/notifications`;
  const list = useResource(path, () => api.get<Page<Notification>>(path));
  return (
    <Card title={t('notifications')}>
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="plain-list" data-testid="notifications">
        {list.data?.items.map((notification) => (
          <li
            key={`${notification.type}-${notification.day}-${notification.createdAt}`}
            className="notification"
          >
            <Badge
              tone={
                notification.type.endsWith('expired') || notification.type.endsWith('overdue')
                  ? 'bad'
                  : 'warn'
              }
            >
              {l(notificationTypeTexts[notification.type])}
            </Badge>
            <span className="muted small">{notification.day}</span>
            <span>{l(notification.message)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
