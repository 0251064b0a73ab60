import type {
  AssessmentSummary,
  EnterpriseDetail as Enterprise,
  NotificationView as Notification,
  Page,
  TemplateSummary,
} from '@antoan/schemas';
import { useState } from 'react';
import { ApiError } from '../api';
import { formatDate, formatPeriodLabel, formatTimestamp, localizeDates } from '../dates';
import { useResource } from '../hooks';
import { type LabelKey, useI18n } from '../i18n';
import { currentSelfInspectionPeriod, vietnamToday } from '../period';
import { notificationTypeTexts, ratingTexts } from '../reasons';
import { navigate } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, formatScore, Link, Loading, usePageTitle } from '../ui';
import { sectorText } from '../vsic';
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
  usePageTitle(enterprise.data?.name ?? t('profile'));

  if (enterprise.error !== undefined)
    return <ErrorBox error={enterprise.error} onRetry={enterprise.reload} />;
  if (!enterprise.data)
    return (
      <div className="stack">
        <h1>{t('profile')}</h1>
        <Loading lines={6} />
      </div>
    );
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
      <EvidenceCard eid={firm.id} editable={editable} limit={5} />
      <NotificationsCard eid={firm.id} />
    </div>
  );
}

function ProfileCard(props: { firm: Enterprise }) {
  const { t, lang } = useI18n();
  const { firm } = props;
  const rows: Array<[LabelKey, string | number]> = [
    ['taxCode', firm.taxCode],
    ['zone', firm.zoneName ?? t('unknownZone')],
    ['sector', sectorText(firm.sectorCode, lang)],
    ['headcount', firm.headcount],
    ['women', firm.workforce.women],
    ['minors', firm.workforce.minors],
    ['disabled', firm.workforce.disabled],
    ['elderly', firm.workforce.elderly],
    ['hazardous', firm.workforce.hazardous],
    ['strictEquipment', firm.strictEquipmentCount ?? 0],
    ['lastSubmitted', firm.lastSubmittedOn ? formatDate(firm.lastSubmittedOn.slice(0, 10), lang) : t('none')],
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
  const { t, l, lang } = useI18n();
  const { status, dueOn, explanation } = props.firm.selfInspection;
  // "Overdue" is about the period that was missed; beside this period's deadline, still ahead, it says so.
  const missedBefore = status === 'overdue' && dueOn >= vietnamToday();
  return (
    <Card title={t('selfInspection')}>
      <p className="status-line" data-testid="self-inspection-status" data-status={status}>
        <Badge tone={statusTones[status]}>
          {missedBefore ? t('previousPeriodMissed') : t(statusLabels[status])}
        </Badge>
        <span>
          {missedBefore ? t('submitThisPeriodBy') : t('dueOn')}:{' '}
          <strong data-testid="due-on">{formatDate(dueOn, lang)}</strong>
        </span>
      </p>
      <p>{localizeDates(l(explanation), lang)}</p>
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
      if (!template)
        throw new ApiError(404, {
          localized: {
            vi: 'Chưa có bảng kiểm nào được ban hành.',
            en: 'No checklist template is published.',
          },
        });
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
            {current.status === 'draft' ? t('continueChecklist') : t('viewScore')} (
            {formatPeriodLabel(period, lang)})
          </Link>
        ) : (
          <button type="button" onClick={() => void start()} disabled={starting || list.loading}>
            {starting ? t('loading') : `${t('startSelfCheck')} (${formatPeriodLabel(period, lang)})`}
          </button>
        ))
      }
    >
      {error !== null && <ErrorBox error={error} />}
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="table table-stack" data-testid="assessments">
          <thead>
            <tr>
              <th scope="col">{t('period')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('score')}</th>
              <th scope="col">{t('rating')}</th>
              <th scope="col">{t('submittedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((assessment) => (
              <tr key={assessment.id}>
                <td data-label={t('period')}>{formatPeriodLabel(assessment.period, lang)}</td>
                <td data-label={t('status')}>
                  {assessment.status === 'draft' ? (
                    <Badge tone="info">{t('draft')}</Badge>
                  ) : (
                    <Badge tone="ok">{t('submitted')}</Badge>
                  )}
                </td>
                <td data-label={t('score')}>{formatScore(assessment.score?.total, lang)}</td>
                <td data-label={t('rating')}>
                  {assessment.score ? (
                    <>
                      <strong>{assessment.score.rating}</strong>{' '}
                      <span className="muted small">{l(ratingTexts[assessment.score.rating])}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t('submittedAt')} data-testid="submitted-at">
                  {assessment.submittedAt ? formatTimestamp(assessment.submittedAt, lang) : '—'}
                </td>
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
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const path = `/enterprises/${encodeURIComponent(props.eid)}/notifications`;
  const list = useResource(path, () => api.get<Page<Notification>>(path));
  return (
    <Card title={t('notifications')}>
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading lines={2} />}
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
            <span className="muted small">{formatDate(notification.day, lang)}</span>
            <span>{localizeDates(l(notification.message), lang)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
