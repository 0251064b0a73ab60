import type { EvidenceKind } from '@antoan/domain';
import type { EvidenceReviewQueue, EvidenceReviewQueueItem, Page, ZoneView as Zone } from '@antoan/schemas';
import { useEffect, useId, useState } from 'react';
import { query } from '../api';
import { formatDay, formatTimestamp } from '../dates';
import { usePagedList, useResource } from '../hooks';
import { useI18n } from '../i18n';
import { flagTexts } from '../labels/trust';
import { evidenceKindTexts } from '../reasons';
import { navigate, useLocation } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, ErrorBox, Loading, PagedFooter } from '../ui';
import '../styles/checklist.css';

/** A verdict recorded on this page, shown in place of the entry it closed. */
interface Verdict {
  decision: 'accepted' | 'rejected';
  reason?: string | undefined;
}

const kindText = (kind: string) => evidenceKindTexts[kind as EvidenceKind] ?? { vi: kind, en: kind };

/**
 * The evidence review queue of one zone (zone managers, inspectors, the authority): verified documents nobody has
 * checked, critical ones first, each with the document beside the items it proves and an accept/reject verdict.
 */
export function ReviewQueuePage() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { search } = useLocation();
  useEffect(() => {
    document.title = `${t('reviewQueue')} · antoan`;
  }, [t]);
  const zones = useResource('/zones?limit=100', () => api.get<Page<Zone>>('/zones?limit=100'));
  const zoneId = search.get('zone') ?? zones.data?.items[0]?.id ?? null;
  const selectId = useId();

  if (zones.error !== undefined) return <ErrorBox error={zones.error} onRetry={zones.reload} />;
  if (!zones.data) return <Loading />;
  return (
    <div className="stack">
      <div className="review-head">
        <div>
          <h1>{t('reviewQueue')}</h1>
          <p className="muted small">{t('reviewQueueIntro')}</p>
        </div>
        {zones.data.items.length > 1 && (
          <div>
            <label htmlFor={selectId}>{t('reviewZone')}</label>
            <select
              id={selectId}
              value={zoneId ?? ''}
              onChange={(event) =>
                navigate(`/review${query({ zone: event.target.value })}`, { replace: true })
              }
              data-testid="review-zone"
            >
              {zones.data.items.map((zone) => (
                <option key={zone.id} value={zone.id}>
                  {zone.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {zoneId === null ? (
        <p className="muted">{t('reviewEmpty')}</p>
      ) : (
        <ZoneQueue key={zoneId} zoneId={zoneId} />
      )}
    </div>
  );
}

function ZoneQueue(props: { zoneId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const path = `/zones/${encodeURIComponent(props.zoneId)}/evidence-review`;
  const list = usePagedList(path, (cursor) =>
    api.get<EvidenceReviewQueue>(`${path}${query({ limit: 20, cursor })}`),
  );
  const entries = list.items;
  return (
    <>
      {list.done && entries.length === 0 && <p className="muted">{t('reviewEmpty')}</p>}
      <ul className="review-list" data-testid="review-list">
        {entries.map((entry) => (
          <ReviewEntry key={entry.evidenceId} entry={entry} />
        ))}
      </ul>
      <PagedFooter list={list} testId="review-more" />
    </>
  );
}

function ReviewEntry(props: { entry: EvidenceReviewQueueItem }) {
  const { t, l, lang } = useI18n();
  const { entry } = props;
  const [open, setOpen] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  return (
    <li
      className={`card review-entry ${open && !verdict ? '' : 'review-entry-closed'}`}
      data-testid={`review-${entry.evidenceId}`}
    >
      <div className="review-facts">
        <h2>
          <span className="file-name">{entry.fileName}</span>
        </h2>
        <p className="small" style={{ margin: 0 }}>
          {entry.priority === 'critical' ? (
            <Badge tone="bad">{t('reviewPriorityCritical')}</Badge>
          ) : (
            <Badge tone="muted">{t('reviewPriorityOther')}</Badge>
          )}{' '}
          {entry.flags.map((flag) => (
            <Badge key={flag} tone="warn">
              {l(flagTexts[flag])}
            </Badge>
          ))}
        </p>
        <dl>
          <dt>{t('reviewFirm')}</dt>
          <dd>{entry.enterpriseName ?? t('reviewUnknownFirm')}</dd>
          <dt>{t('evidenceKind')}</dt>
          <dd>{l(kindText(entry.kind))}</dd>
          <dt>{t('issuedOn')}</dt>
          <dd>{formatDay(entry.issuedOn, lang)}</dd>
          <dt>{t('expiresOn')}</dt>
          <dd>{entry.expiresOn ? formatDay(entry.expiresOn, lang) : t('noExpiry')}</dd>
          <dt>{t('reviewProvider')}</dt>
          <dd>
            {entry.provider
              ? `${entry.provider.name} (${t('reviewLicence')} ${entry.provider.licenceNo})`
              : t('reviewProviderUnknown')}
          </dd>
          {entry.certificateNo !== undefined && (
            <>
              <dt>{t('reviewCertificateNo')}</dt>
              <dd>{entry.certificateNo}</dd>
            </>
          )}
          {entry.verifiedAt !== undefined && (
            <>
              <dt>{t('reviewVerifiedAt')}</dt>
              <dd>{formatTimestamp(entry.verifiedAt, lang)}</dd>
            </>
          )}
        </dl>
        {entry.criticalItems.length > 0 && (
          <>
            <p className="small muted" style={{ margin: 0 }}>
              {t('reviewItemsProved')}:
            </p>
            <ul className="review-items">
              {entry.criticalItems.map((item) => (
                <li key={item.id}>
                  <strong>{item.id}</strong> {l(item.text)}
                </li>
              ))}
            </ul>
          </>
        )}
        {verdict ? (
          <p
            className={`notice ${verdict.decision === 'rejected' ? 'notice-error' : 'notice-info'}`}
            data-testid={`review-done-${entry.evidenceId}`}
            role="status"
          >
            {verdict.decision === 'rejected'
              ? `${t('reviewDoneRejected')}: ${verdict.reason ?? ''}`
              : t('reviewDoneAccepted')}
          </p>
        ) : (
          <div>
            <button
              type="button"
              className="button-small"
              aria-expanded={open}
              onClick={() => setOpen((value) => !value)}
              data-testid={`review-open-${entry.evidenceId}`}
            >
              {open ? t('reviewClose') : t('reviewOpen')}
            </button>
          </div>
        )}
        {open && !verdict && <VerdictForm entry={entry} onDone={setVerdict} />}
      </div>
      {open && !verdict && <DocumentViewer entry={entry} />}
    </li>
  );
}

/**
 * The document itself, from its presigned download URL. An image is shown straight from it. The URL makes browsers
 * save a file rather than render it, so a PDF is fetched (the bucket lets the app's origin read it) and framed from a
 * local object URL of its verified bytes; the download link still saves it.
 */
function DocumentViewer(props: { entry: EvidenceReviewQueueItem }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { entry } = props;
  const isPdf = entry.fileName.toLowerCase().endsWith('.pdf');
  const [state, setState] = useState<
    | { kind: 'loading' }
    | { kind: 'failed'; error: unknown }
    | { kind: 'ready'; showUrl: string; downloadUrl: string }
  >({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    let objectUrl: string | null = null;
    (async () => {
      const { url } = await api.get<{ url: string }>(
        `/enterprises/${encodeURIComponent(entry.enterpriseId)}/evidence/${encodeURIComponent(entry.evidenceId)}/download`,
      );
      if (!isPdf) {
        if (live) setState({ kind: 'ready', showUrl: url, downloadUrl: url });
        return;
      }
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const blob = new Blob([await response.arrayBuffer()], { type: 'application/pdf' });
      if (!live) return;
      objectUrl = URL.createObjectURL(blob);
      setState({ kind: 'ready', showUrl: objectUrl, downloadUrl: url });
    })().catch((error: unknown) => live && setState({ kind: 'failed', error }));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [api, entry.enterpriseId, entry.evidenceId, isPdf]);

  return (
    <figure className="review-document" style={{ margin: 0 }}>
      <figcaption className="small muted">
        {t('reviewDocument')}
        {state.kind === 'ready' && (
          <>
            {' · '}
            <a href={state.downloadUrl} rel="noopener">
              {t('download')}
            </a>
          </>
        )}
      </figcaption>
      <div className="review-viewer" data-testid={`review-viewer-${entry.evidenceId}`}>
        {state.kind === 'loading' && <p className="muted">{t('reviewDocumentLoading')}</p>}
        {state.kind === 'failed' && (
          <p className="notice notice-error" role="alert">
            {t('reviewDocumentFailed')}
          </p>
        )}
        {state.kind === 'ready' &&
          (isPdf ? (
            <iframe src={state.showUrl} title={`${t('reviewDocument')}: ${entry.fileName}`} />
          ) : (
            <img
              src={state.showUrl}
              alt={`${t('reviewDocumentOf')}: ${entry.fileName}`}
              data-testid={`review-image-${entry.evidenceId}`}
            />
          ))}
      </div>
    </figure>
  );
}

function VerdictForm(props: { entry: EvidenceReviewQueueItem; onDone(verdict: Verdict): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { entry } = props;
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reasonId = useId();
  const hintId = useId();
  const errorId = useId();

  const send = async (decision: 'accepted' | 'rejected') => {
    const trimmed = reason.trim();
    if (decision === 'rejected' && trimmed.length < 10) {
      setTooShort(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setTooShort(false);
    setSending(true);
    setError(null);
    try {
      const { body } = await api.send<{ review: { decision: 'accepted' | 'rejected'; reason?: string } }>(
        'POST',
        `/enterprises/${encodeURIComponent(entry.enterpriseId)}/evidence/${encodeURIComponent(entry.evidenceId)}/review`,
        trimmed ? { decision, reason: trimmed } : { decision },
      );
      props.onDone({ decision: body.review.decision, reason: body.review.reason });
    } catch (caught) {
      // The API says why in both languages (for example: someone else reviewed it first, and a verdict is final).
      setError(caught);
      setSending(false);
    }
  };

  return (
    <form
      className="review-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send('accepted');
      }}
    >
      <label htmlFor={reasonId}>{t('reviewReason')}</label>
      <textarea
        id={reasonId}
        value={reason}
        maxLength={1000}
        onChange={(event) => setReason(event.target.value)}
        aria-describedby={tooShort ? `${hintId} ${errorId}` : hintId}
        aria-invalid={tooShort}
        data-testid={`review-reason-${entry.evidenceId}`}
      />
      <p id={hintId} className="small muted" style={{ margin: 0 }}>
        {t('reviewReasonHint')}
      </p>
      {tooShort && (
        <p id={errorId} className="small notice notice-error" role="alert">
          {t('reviewReasonTooShort')}
        </p>
      )}
      {error !== null && <ErrorBox error={error} />}
      <div className="review-buttons">
        <button type="submit" disabled={sending} data-testid={`review-accept-${entry.evidenceId}`}>
          {sending ? t('reviewSending') : t('reviewAccept')}
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={sending}
          onClick={() => void send('rejected')}
          data-testid={`review-reject-${entry.evidenceId}`}
        >
          {t('reviewReject')}
        </button>
      </div>
    </form>
  );
}
