import type { EvidenceKind } from '@antoan/domain';
import type { EvidenceListItem as Evidence, EvidenceUploadTicket, EvidenceView, Page } from '@antoan/schemas';
import { useId, useState } from 'react';
import { type ApiClient, ApiError } from '../api';
import { expiryState, formatDate, formatTimestamp } from '../dates';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { vietnamToday } from '../period';
import { evidenceKindTexts, rejectionText } from '../reasons';
import { useSignedIn } from '../session-context';
import { sha256Hex } from '../sha256';
import { Badge, Card, ErrorBox, Link, Loading, ProgressBar, usePageTitle } from '../ui';
import { uploadWithProgress } from '../upload';

/** The largest evidence file the API takes (20 MB). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** The content type to declare: the browser's, or one guessed from the extension when the browser gives none. */
export function declaredContentType(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  return CONTENT_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** Every kind of evidence, in the order the upload form offers them. */
const ALL_KINDS = Object.keys(evidenceKindTexts) as EvidenceKind[];

const evidencePath = (eid: string) => `/enterprises/${encodeURIComponent(eid)}/evidence`;

/**
 * The firm's evidence, newest first, with expired and soon-expiring files highlighted and every rejection's reason
 * written out. On the enterprise's home (`limit`) it shows the newest few and links to the library; in the library
 * the firm's own officer can also replace and delete files. A table on a desk, stacked cards on a phone.
 */
export function EvidenceCard(props: { eid: string; editable: boolean; limit?: number; library?: boolean }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const path = evidencePath(props.eid);
  const list = useResource(path, () => api.get<Page<Evidence>>(`${path}?limit=200`));
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.data?.items ?? [];
  const shown = props.limit === undefined ? items : items.slice(0, props.limit);
  const libraryLink =
    !props.library && list.data ? (
      <Link to={path} className="button button-small button-ghost" testId="open-evidence-library">
        {items.length > shown.length
          ? `${t('showAllEvidence')} (${items.length} ${t('fileCount')})`
          : t('openEvidenceLibrary')}
      </Link>
    ) : null;
  return (
    <Card
      title={props.library ? `${t('evidenceList')} (${items.length})` : t('evidenceList')}
      actions={libraryLink}
    >
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <Loading />}
      {notice && (
        <p className="notice notice-ok" role="status" data-testid="evidence-notice">
          {notice}
        </p>
      )}
      {list.data && items.length === 0 && <p className="muted">{t('none')}</p>}
      {shown.length > 0 && (
        <table className="table table-stack" data-testid="evidence-list">
          <thead>
            <tr>
              <th scope="col">{t('evidenceKind')}</th>
              <th scope="col">{t('fileName')}</th>
              <th scope="col">{t('issuedOn')}</th>
              <th scope="col">{t('expiresOn')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((evidence) => (
              <EvidenceRow
                key={evidence.id}
                evidence={evidence}
                path={path}
                eid={props.eid}
                editable={props.editable && props.library === true}
                onChanged={(message) => {
                  setNotice(message);
                  list.reload();
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function EvidenceRow(props: {
  evidence: Evidence;
  path: string;
  eid: string;
  editable: boolean;
  onChanged(message: string): void;
}) {
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const { evidence } = props;
  const today = vietnamToday();
  const expiry = expiryState(evidence.expiresOn, today);
  const [mode, setMode] = useState<'idle' | 'confirm-delete' | 'replace'>('idle');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fileLabel = `${l(evidenceKindTexts[evidence.kind])}: ${evidence.fileName}`;

  const remove = async (quiet = false) => {
    setBusy(true);
    setError(null);
    try {
      await api.send('DELETE', `${props.path}/${encodeURIComponent(evidence.id)}`);
      if (!quiet) props.onChanged(`${t('evidenceDeleted')}: ${evidence.fileName}`);
      return true;
    } catch (caught) {
      if (!quiet) setError(caught);
      return false;
    } finally {
      setBusy(false);
      setMode('idle');
    }
  };

  return (
    <tr className={`expiry-${expiry}`} data-expiry={expiry} data-testid={`evidence-${evidence.id}`}>
      <td data-label={t('evidenceKind')}>{l(evidenceKindTexts[evidence.kind])}</td>
      <td data-label={t('fileName')} className="file-name">
        {evidence.fileName}
      </td>
      <td data-label={t('issuedOn')} className="nowrap" data-testid="issued-on">
        {formatDate(evidence.issuedOn, lang)}
      </td>
      <td data-label={t('expiresOn')} className="nowrap">
        <span>{evidence.expiresOn ? formatDate(evidence.expiresOn, lang) : t('noExpiry')}</span>
        {expiry === 'expired' && <Badge tone="bad">{t('expired')}</Badge>}
        {expiry === 'expiring' && <Badge tone="warn">{t('expiringSoon')}</Badge>}
      </td>
      <td data-label={t('status')}>
        <EvidenceStatus evidence={evidence} />
      </td>
      <td className="evidence-actions">
        <div className="row-actions">
          {evidence.status === 'verified' && (
            <DownloadButton api={api} path={`${props.path}/${evidence.id}`} />
          )}
          {props.editable && mode === 'idle' && (
            <>
              <button
                type="button"
                className="button-small button-ghost"
                onClick={() => setMode('replace')}
                aria-label={`${t('replaceFile')}: ${fileLabel}`}
              >
                {t('replaceFile')}
              </button>
              <button
                type="button"
                className="button-small button-danger"
                onClick={() => setMode('confirm-delete')}
                aria-label={`${t('deleteEvidence')}: ${fileLabel}`}
              >
                {t('deleteEvidence')}
              </button>
            </>
          )}
        </div>
        {mode === 'confirm-delete' && (
          <div className="notice notice-warn" role="alertdialog" aria-label={t('deleteEvidence')}>
            <p>{t('confirmDeleteEvidence')}</p>
            <div className="row-actions">
              <button
                type="button"
                className="button-small button-danger"
                disabled={busy}
                onClick={() => void remove()}
                data-testid="confirm-delete"
              >
                {t('deleteEvidence')}
              </button>
              <button type="button" className="button-small button-ghost" onClick={() => setMode('idle')}>
                {t('cancel')}
              </button>
            </div>
          </div>
        )}
        {mode === 'replace' && (
          <div className="replace-box">
            <p className="small muted">
              {t('replacing')}: {evidence.fileName}. {t('replaceHint')}
            </p>
            <EvidenceUpload
              eid={props.eid}
              kinds={[evidence.kind]}
              onVerified={async (fresh) => {
                // The old file goes if it may (rejected, or not linked); a linked one stays, and says why on delete.
                const removed = await remove(true);
                props.onChanged(
                  removed
                    ? `${t('verified')}: ${fresh.fileName} · ${t('evidenceDeleted')}: ${evidence.fileName}`
                    : `${t('verified')}: ${fresh.fileName}`,
                );
              }}
            />
            <button type="button" className="button-small button-ghost" onClick={() => setMode('idle')}>
              {t('cancel')}
            </button>
          </div>
        )}
        {error !== null && <ErrorBox error={error} />}
      </td>
    </tr>
  );
}

/** The file's status, with the reason of a rejection written out in full (never only on hover). */
function EvidenceStatus(props: { evidence: Evidence }) {
  const { t, l, lang } = useI18n();
  const { evidence } = props;
  if (evidence.status === 'rejected')
    return (
      <div className="status-cell">
        <Badge tone="bad">{t('rejected')}</Badge>
        {evidence.reason && (
          <p className="reason small" data-testid="rejection-reason">
            <span className="muted">{t('rejectionReason')}: </span>
            {l(rejectionText(evidence.reason))}
          </p>
        )}
      </div>
    );
  if (evidence.status === 'verified' && evidence.review?.decision === 'rejected')
    return (
      <div className="status-cell">
        <Badge tone="bad">{t('reviewRejected')}</Badge>
        <p className="reason small" data-testid="rejection-reason">
          <span className="muted">{t('rejectionReason')}: </span>
          {evidence.review.reason ?? '—'}{' '}
          <span className="muted">({formatTimestamp(evidence.review.at, lang)})</span>
        </p>
      </div>
    );
  if (evidence.status === 'verified')
    return (
      <Badge tone="ok">
        {evidence.review?.decision === 'accepted' ? t('reviewAccepted') : t('verified')}
      </Badge>
    );
  return <Badge tone="muted">{t('pendingUpload')}</Badge>;
}

/** The evidence library: upload outside the checklist, the whole list, replace and delete. */
export function EvidenceLibraryPage(props: { eid: string }) {
  const { t } = useI18n();
  const { session } = useSignedIn();
  usePageTitle(t('evidenceLibrary'));
  const editable = session.user.role === 'enterprise' && session.user.enterpriseId === props.eid;
  const [generation, setGeneration] = useState(0);
  return (
    <div className="stack">
      <Link to={`/enterprises/${encodeURIComponent(props.eid)}`}>{t('back')}</Link>
      <div className="page-title">
        <h1>{t('evidenceLibrary')}</h1>
        <p className="muted small">{editable ? t('evidenceLibraryIntro') : t('readOnlyNote')}</p>
      </div>
      {editable && (
        <Card title={t('uploadNewEvidence')}>
          <EvidenceUpload
            eid={props.eid}
            kinds={ALL_KINDS}
            onVerified={() => setGeneration((n) => n + 1)}
            onRejected={() => setGeneration((n) => n + 1)}
          />
        </Card>
      )}
      <EvidenceCard key={generation} eid={props.eid} editable={editable} library />
    </div>
  );
}

function DownloadButton(props: { api: ApiClient; path: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setError(null);
    try {
      const { url } = await props.api.get<{ url: string }>(`${props.path}/download`);
      window.location.assign(url);
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      <button type="button" className="button-small button-ghost" onClick={() => void download()}>
        {t('download')}
      </button>
      {error !== null && <ErrorBox error={error} />}
    </>
  );
}

type UploadPhase =
  | { step: 'idle' }
  | { step: 'hashing' }
  | { step: 'uploading'; progress: number }
  | { step: 'checking' }
  | { step: 'verified'; evidence: Evidence }
  | { step: 'rejected'; reason: string }
  | { step: 'failed'; error: unknown };

/**
 * Uploads one evidence file for a checklist item: hashes it in the browser, asks the API for a presigned form,
 * sends the file straight to storage with a progress bar, then asks the API to check what arrived.
 */
export function EvidenceUpload(props: {
  eid: string;
  kinds: readonly EvidenceKind[];
  onVerified(evidence: Evidence): void;
  /** Called when the server rejected what arrived (the rejected record joins the firm's evidence). */
  onRejected?(): void;
}) {
  const { t, l } = useI18n();
  const { api } = useSignedIn();
  const formId = useId();
  const today = vietnamToday();
  const [kind, setKind] = useState<EvidenceKind>(props.kinds[0] ?? 'other');
  const [issuedOn, setIssuedOn] = useState(today);
  const [expiresOn, setExpiresOn] = useState('');
  const [trainingGroup, setTrainingGroup] = useState(1);
  const [file, setFile] = useState<File | null>(null);
  // Changing the key empties the file input once its file is settled, so it cannot be sent twice by mistake.
  const [inputKey, setInputKey] = useState(0);
  const [phase, setPhase] = useState<UploadPhase>({ step: 'idle' });
  const busy = phase.step === 'hashing' || phase.step === 'uploading' || phase.step === 'checking';

  const upload = async () => {
    if (!file) return;
    const path = `/enterprises/${encodeURIComponent(props.eid)}/evidence`;
    try {
      setPhase({ step: 'hashing' });
      const sha256 = await sha256Hex(file);
      const { body: ticket } = await api.send<EvidenceUploadTicket>('POST', path, {
        kind,
        fileName: file.name,
        contentType: declaredContentType(file),
        size: file.size,
        sha256,
        issuedOn,
        ...(expiresOn ? { expiresOn } : {}),
        ...(kind === 'training_certificate' ? { trainingGroup } : {}),
      });
      setPhase({ step: 'uploading', progress: 0 });
      await uploadWithProgress(ticket.upload, file, (progress) => setPhase({ step: 'uploading', progress }));
      setPhase({ step: 'checking' });
      try {
        const { body: confirmed } = await api.send<EvidenceView>('POST', `${path}/${ticket.id}/confirm`);
        // The list computes `expired`; the confirmation does not carry it.
        const evidence: Evidence = {
          ...confirmed,
          expired: expiryState(confirmed.expiresOn, vietnamToday()) === 'expired',
        };
        setPhase({ step: 'verified', evidence });
        setFile(null);
        setInputKey((key) => key + 1);
        props.onVerified(evidence);
      } catch (caught) {
        if (
          caught instanceof ApiError &&
          caught.status === 422 &&
          typeof caught.problem.reason === 'string'
        ) {
          setPhase({ step: 'rejected', reason: caught.problem.reason });
          props.onRejected?.();
          setFile(null);
          setInputKey((key) => key + 1);
        } else throw caught;
      }
    } catch (caught) {
      setPhase({ step: 'failed', error: caught });
    }
  };

  const tooBig = file !== null && file.size > MAX_EVIDENCE_BYTES;
  return (
    <div className="upload" data-testid="evidence-upload">
      <div className="upload-fields">
        {props.kinds.length > 1 ? (
          <label>
            {t('evidenceKind')}
            <select value={kind} onChange={(event) => setKind(event.target.value as EvidenceKind)}>
              {props.kinds.map((option) => (
                <option key={option} value={option}>
                  {l(evidenceKindTexts[option])}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="upload-kind">{l(evidenceKindTexts[kind])}</span>
        )}
        <label>
          {t('issuedOn')}
          <input
            type="date"
            value={issuedOn}
            max={today}
            onChange={(event) => setIssuedOn(event.target.value)}
          />
        </label>
        <label>
          {t('expiresOn')}
          <input
            type="date"
            value={expiresOn}
            min={issuedOn}
            onChange={(event) => setExpiresOn(event.target.value)}
          />
        </label>
        {kind === 'training_certificate' && (
          <label>
            {t('trainingGroup')}
            <select value={trainingGroup} onChange={(event) => setTrainingGroup(Number(event.target.value))}>
              {[1, 2, 3, 4, 5, 6].map((group) => (
                <option key={group} value={group}>
                  {group}
                </option>
              ))}
            </select>
          </label>
        )}
        <label htmlFor={`${formId}-file`}>
          {t('evidenceFile')}
          <input
            key={inputKey}
            id={`${formId}-file`}
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setPhase({ step: 'idle' });
            }}
            data-testid="evidence-file"
          />
        </label>
        <button
          type="button"
          onClick={() => void upload()}
          disabled={!file || busy || tooBig || !issuedOn}
          data-testid="evidence-upload-button"
        >
          {t('upload')}
        </button>
      </div>
      <UploadStatus phase={phase} />
    </div>
  );
}

function UploadStatus(props: { phase: UploadPhase }) {
  const { t, l } = useI18n();
  const { phase } = props;
  if (phase.step === 'idle') return null;
  if (phase.step === 'hashing') return <p className="muted small">{t('hashing')}</p>;
  if (phase.step === 'failed') return <ErrorBox error={phase.error} />;
  // Once the file is sent, the bar stays full: the verdict below it is about what arrived.
  const progress = phase.step === 'uploading' ? phase.progress : 1;
  return (
    <div className="upload-status">
      <div className="upload-progress">
        <ProgressBar value={progress} label={t('uploading')} testId="upload-progress" />
        <span className="small" data-testid="upload-percent">
          {Math.round(progress * 100)} %
        </span>
      </div>
      {phase.step === 'uploading' && <p className="muted small">{t('uploading')}…</p>}
      {phase.step === 'checking' && <p className="muted small">{t('checking')}</p>}
      {phase.step === 'verified' && (
        <p
          className="notice notice-ok"
          data-testid="evidence-result"
          data-status="verified"
          data-evidence-id={phase.evidence.id}
        >
          ✓ {t('verified')}: {phase.evidence.fileName}
        </p>
      )}
      {phase.step === 'rejected' && (
        <p className="notice notice-error" data-testid="evidence-result" data-status="rejected">
          {t('rejected')}: {l(rejectionText(phase.reason))}
        </p>
      )}
    </div>
  );
}
