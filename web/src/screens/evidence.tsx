import type { EvidenceKind } from '@antoan/domain';
import type { EvidenceListItem as Evidence, EvidenceUploadTicket, EvidenceView, Page } from '@antoan/schemas';
import { useId, useState } from 'react';
import { type ApiClient, ApiError } from '../api';
import { expiryState } from '../dates';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { vietnamToday } from '../period';
import { evidenceKindTexts, rejectionText } from '../reasons';
import { useSignedIn } from '../session-context';
import { sha256Hex } from '../sha256';
import { Badge, Card, ErrorBox, ProgressBar } from '../ui';
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

/** The firm's evidence, newest first, with expired and soon-expiring files highlighted. */
export function EvidenceCard(props: { eid: string; editable: boolean }) {
  const { t, l } = useI18n();
  const { api } = useSignedIn();
  const path = `/enterprises/${encodeURIComponent(props.eid)}/evidence`;
  const list = useResource(path, () => api.get<Page<Evidence>>(`${path}?limit=200`));
  const today = vietnamToday();
  return (
    <Card title={t('evidenceList')}>
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="table" data-testid="evidence-list">
          <thead>
            <tr>
              <th>{t('evidenceKind')}</th>
              <th>{t('fileName')}</th>
              <th>{t('issuedOn')}</th>
              <th>{t('expiresOn')}</th>
              <th>{t('status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((evidence) => {
              const expiry = expiryState(evidence.expiresOn, today);
              return (
                <tr key={evidence.id} className={`expiry-${expiry}`} data-expiry={expiry}>
                  <td>{l(evidenceKindTexts[evidence.kind])}</td>
                  <td className="file-name">{evidence.fileName}</td>
                  <td className="nowrap">{evidence.issuedOn}</td>
                  <td className="nowrap">
                    {evidence.expiresOn ?? t('noExpiry')}
                    {expiry === 'expired' && <Badge tone="bad">{t('expired')}</Badge>}
                    {expiry === 'expiring' && <Badge tone="warn">{t('expiringSoon')}</Badge>}
                  </td>
                  <td>
                    <EvidenceStatus evidence={evidence} />
                  </td>
                  <td>
                    {evidence.status === 'verified' && (
                      <DownloadButton api={api} path={`${path}/${evidence.id}`} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function EvidenceStatus(props: { evidence: Evidence }) {
  const { t, l } = useI18n();
  const { evidence } = props;
  if (evidence.status === 'verified') return <Badge tone="ok">{t('verified')}</Badge>;
  if (evidence.status === 'rejected')
    return (
      <span title={evidence.reason ? l(rejectionText(evidence.reason)) : undefined}>
        <Badge tone="bad">{t('rejected')}</Badge>
      </span>
    );
  return <Badge tone="muted">{t('pendingUpload')}</Badge>;
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
