import { type AnswerValue, applicableItemIds, type Template, type TemplateItem } from '@antoan/domain';
import type {
  AssessmentSummary,
  AssessmentView,
  EnterpriseDetail as Enterprise,
  EvidenceUploadTicket,
  Page,
  TemplateSummary,
} from '@antoan/schemas';
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api';
import { useResource } from '../hooks';
import { useI18n } from '../i18n';
import { vietnamToday } from '../period';
import { answerTexts, rejectionText } from '../reasons';
import { matchPath } from '../router';
import { useSignedIn } from '../session-context';
import { sha256Hex } from '../sha256';
import { Badge, Card, ErrorBox, formatScore, Link, Loading } from '../ui';
import { uploadWithProgress } from '../upload';
import '../styles/inspector.css';

const FINDINGS: AnswerValue[] = ['compliant', 'partial', 'non_compliant', 'not_applicable'];
const PHOTO_TYPES = ['image/jpeg', 'image/png'];

/** A photo stored and verified for one finding. */
interface DraftPhoto {
  id: string;
  fileName: string;
}

/** What the inspector has recorded so far, kept on the device after every change. */
interface InspectionDraft {
  /** Sent as the Idempotency-Key, so a submission retried after a dropped answer records once. */
  key: string;
  templateId: string;
  templateVersion: number;
  conductedOn: string;
  notes: string;
  findings: Record<string, AnswerValue>;
  itemNotes: Record<string, string>;
  photos: Record<string, DraftPhoto[]>;
}

const draftKey = (eid: string) => `antoan.inspection-draft.${eid}`;

function readDraft(eid: string): InspectionDraft | null {
  try {
    const stored = localStorage.getItem(draftKey(eid));
    return stored ? (JSON.parse(stored) as InspectionDraft) : null;
  } catch {
    return null;
  }
}

/** The checklist the firm answered last (its latest self-check, submitted first) with its answers, or none. */
interface Basis {
  template: Template;
  selfCheck: AssessmentView | null;
}

/** Records an inspection on a phone: item by item on the firm's checklist, with its self-answers, notes and photos. */
/** Where the screen lives; it reads the firm's id from the path. */
export const INSPECTION_ROUTE = '/enterprises/:eid/inspections/new';

export function InspectionPage(props: { path: string }) {
  const eid = matchPath(INSPECTION_ROUTE, props.path)?.eid ?? '';
  const { t, l, lang } = useI18n();
  const { api } = useSignedIn();
  const base = `/enterprises/${encodeURIComponent(eid)}`;
  useEffect(() => {
    document.title = `${t('inspInspectionTitle')} — antoan`;
  }, [t]);
  const enterprise = useResource(base, () => api.get<Enterprise>(base));
  const basis = useResource(`${base}/inspection-basis`, async (): Promise<Basis> => {
    const list = await api.get<Page<AssessmentSummary>>(`${base}/assessments?limit=50`);
    const latest =
      list.items.find((assessment) => assessment.status === 'submitted') ?? list.items[0] ?? null;
    if (latest) {
      const [selfCheck, template] = await Promise.all([
        api.get<AssessmentView>(`${base}/assessments/${encodeURIComponent(latest.id)}`),
        api.get<Template>(
          `/templates/${encodeURIComponent(latest.templateId)}/versions/${latest.templateVersion}`,
        ),
      ]);
      return { template, selfCheck };
    }
    const templates = await api.get<{ items: TemplateSummary[] }>('/templates');
    const newest = [...templates.items].sort((a, b) => b.version - a.version)[0];
    if (!newest) throw new Error('no checklist template is published');
    return {
      template: await api.get<Template>(
        `/templates/${encodeURIComponent(newest.id)}/versions/${newest.version}`,
      ),
      selfCheck: null,
    };
  });

  return (
    <div className="stack">
      <div className="page-title">
        <h1>{t('inspInspectionTitle')}</h1>
        {enterprise.data && (
          <p className="muted">
            <Link to={base}>{enterprise.data.name}</Link> · {enterprise.data.taxCode}
          </p>
        )}
        <p className="muted small">{t('inspInspectionIntro')}</p>
      </div>
      {enterprise.error !== undefined && <ErrorBox error={enterprise.error} onRetry={enterprise.reload} />}
      {basis.error !== undefined && <ErrorBox error={basis.error} onRetry={basis.reload} />}
      {(enterprise.loading || basis.loading) && !(enterprise.data && basis.data) && <Loading />}
      {enterprise.data && basis.data && (
        <InspectionForm eid={eid} enterprise={enterprise.data} basis={basis.data} lang={lang} l={l} />
      )}
    </div>
  );
}

function InspectionForm(props: {
  eid: string;
  enterprise: Enterprise;
  basis: Basis;
  lang: 'vi' | 'en';
  l: ReturnType<typeof useI18n>['l'];
}) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { eid } = props;
  const { template, selfCheck } = props.basis;
  const base = `/enterprises/${encodeURIComponent(eid)}`;
  const [restored] = useState(() => {
    const stored = readDraft(eid);
    return stored && stored.templateId === template.id && stored.templateVersion === template.version
      ? stored
      : null;
  });
  const [draft, setDraft] = useState<InspectionDraft>(
    () =>
      restored ?? {
        key: crypto.randomUUID(),
        templateId: template.id,
        templateVersion: template.version,
        conductedOn: vietnamToday(),
        notes: '',
        findings: {},
        itemNotes: {},
        photos: {},
      },
  );
  // Every change is on the device at once: a dropped connection or a closed tab loses nothing.
  useEffect(() => {
    localStorage.setItem(draftKey(eid), JSON.stringify(draft));
  }, [draft, eid]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<{
    id: string;
    score: { total: number };
    actions?: { created: string[] };
  }>();

  const applicable = new Set(applicableItemIds(template, props.enterprise));
  const sections = template.sections
    .map((section) => ({ ...section, items: section.items.filter((item) => applicable.has(item.id)) }))
    .filter((section) => section.items.length > 0);
  const observed = Object.keys(draft.findings).length;
  // One section at a time: a short page to scroll on a phone, and a light one for old handsets.
  const [sectionIndex, setSectionIndex] = useState(0);
  const shown = sections[Math.min(sectionIndex, sections.length - 1)];

  const update = (change: (previous: InspectionDraft) => InspectionDraft) => setDraft(change);

  const submit = async () => {
    setError(undefined);
    if (observed === 0) {
      setError(new Error(t('inspNeedOneFinding')));
      return;
    }
    setSaving(true);
    const observations: Record<string, { note?: string; photoIds?: string[] }> = {};
    for (const itemId of Object.keys(draft.findings)) {
      const note = draft.itemNotes[itemId]?.trim() ?? '';
      const photoIds = (draft.photos[itemId] ?? []).map((photo) => photo.id);
      if (note === '' && photoIds.length === 0) continue;
      observations[itemId] = {
        ...(note === '' ? {} : { note }),
        ...(photoIds.length === 0 ? {} : { photoIds }),
      };
    }
    try {
      const { body } = await api.send<{
        id: string;
        score: { total: number };
        actions?: { created: string[] };
      }>(
        'POST',
        `${base}/inspections`,
        {
          conductedOn: draft.conductedOn,
          templateId: draft.templateId,
          templateVersion: draft.templateVersion,
          findings: draft.findings,
          ...(draft.notes.trim() === '' ? {} : { notes: draft.notes.trim() }),
          ...(Object.keys(observations).length === 0 ? {} : { observations }),
        },
        { 'Idempotency-Key': draft.key },
      );
      localStorage.removeItem(draftKey(eid));
      setSaved(body);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  if (saved) {
    return (
      <div className="notice notice-ok" role="status" data-testid="inspection-saved">
        <p>
          <strong>{t('inspInspectionSaved')}</strong> · {t('inspInspectionScore')}:{' '}
          {formatScore(saved.score.total, props.lang)}/100
          {saved.actions && saved.actions.created.length > 0 && (
            <>
              {' '}
              · {t('inspActionsRaised')}: {saved.actions.created.length}
            </>
          )}
        </p>
        <Link to={`${base}/history`} className="button button-small" testId="see-history">
          {t('inspSeeHistory')}
        </Link>
      </div>
    );
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {restored && (
        <div className="notice notice-info" role="status">
          <span>{t('inspDraftRestored')}</span>
          <button
            type="button"
            className="button-small button-ghost"
            onClick={() => {
              localStorage.removeItem(draftKey(eid));
              window.location.reload();
            }}
          >
            {t('inspDiscardDraft')}
          </button>
        </div>
      )}
      <Card>
        <div className="inspection-meta">
          <label className="finding-field">
            {t('inspConductedOn')}
            <input
              type="date"
              value={draft.conductedOn}
              max={vietnamToday()}
              required
              onChange={(event) => update((previous) => ({ ...previous, conductedOn: event.target.value }))}
            />
          </label>
          <label className="finding-field">
            {t('inspGeneralNotes')}
            <textarea
              rows={2}
              maxLength={4000}
              value={draft.notes}
              onChange={(event) => update((previous) => ({ ...previous, notes: event.target.value }))}
            />
          </label>
          <p className="small muted">
            {selfCheck
              ? `${t('inspSelfCheckOf')} ${selfCheck.period}${selfCheck.score ? ` · ${formatScore(selfCheck.score.total, props.lang)}/100` : ''}`
              : t('inspNoSelfCheck')}
          </p>
          <p className="small muted">{t('inspDraftSaved')}</p>
        </div>
      </Card>
      <label className="finding-field">
        {t('inspSection')}
        <select
          value={sectionIndex}
          onChange={(event) => setSectionIndex(Number(event.target.value))}
          data-testid="section-picker"
        >
          {sections.map((section, index) => (
            <option key={section.id} value={index}>
              {index + 1}. {props.l(section.title)} (
              {section.items.filter((item) => draft.findings[item.id] !== undefined).length}/
              {section.items.length})
            </option>
          ))}
        </select>
      </label>
      {(shown ? [shown] : []).map((section) => (
        <section key={section.id} className="finding-section" aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{props.l(section.title)}</h2>
          {section.items.map((item) => (
            <FindingCard
              key={item.id}
              eid={eid}
              item={item}
              self={selfCheck?.answers[item.id]?.value}
              finding={draft.findings[item.id]}
              note={draft.itemNotes[item.id] ?? ''}
              photos={draft.photos[item.id] ?? []}
              onFinding={(value) =>
                update((previous) => {
                  const findings = { ...previous.findings };
                  if (value === undefined) delete findings[item.id];
                  else findings[item.id] = value;
                  return { ...previous, findings };
                })
              }
              onNote={(note) =>
                update((previous) => ({ ...previous, itemNotes: { ...previous.itemNotes, [item.id]: note } }))
              }
              onPhoto={(photo) =>
                update((previous) => ({
                  ...previous,
                  photos: { ...previous.photos, [item.id]: [...(previous.photos[item.id] ?? []), photo] },
                }))
              }
            />
          ))}
          {sectionIndex < sections.length - 1 && (
            <button type="button" className="button-ghost" onClick={() => setSectionIndex(sectionIndex + 1)}>
              {t('inspNextSection')}
            </button>
          )}
        </section>
      ))}
      <div className="inspection-submit">
        {error !== undefined && <ErrorBox error={error} />}
        <div className="form-actions">
          <span className="small" data-testid="observed-count">
            {t('inspObservedCount')}: {observed}/{applicable.size}
          </span>
          <button type="submit" disabled={saving} data-testid="submit-inspection">
            {saving ? t('inspSavingInspection') : t('inspSaveInspection')}
          </button>
        </div>
      </div>
    </form>
  );
}

type PhotoState =
  | { step: 'idle' }
  | { step: 'uploading'; progress: number }
  | { step: 'rejected'; reason: string }
  | { step: 'failed'; error: unknown };

function FindingCard(props: {
  eid: string;
  item: TemplateItem;
  self: AnswerValue | undefined;
  finding: AnswerValue | undefined;
  note: string;
  photos: DraftPhoto[];
  onFinding(value: AnswerValue | undefined): void;
  onNote(note: string): void;
  onPhoto(photo: DraftPhoto): void;
}) {
  const { t, l } = useI18n();
  const { api } = useSignedIn();
  const id = useId();
  const { item, eid } = props;
  const [photo, setPhoto] = useState<PhotoState>({ step: 'idle' });
  const [inputKey, setInputKey] = useState(0);
  const choices = FINDINGS.filter((value) => value !== 'not_applicable' || item.allowNotApplicable);

  const upload = async (file: File) => {
    const path = `/enterprises/${encodeURIComponent(eid)}/inspection-photos`;
    if (!PHOTO_TYPES.includes(file.type)) {
      setPhoto({ step: 'failed', error: new Error(t('inspPhotoType')) });
      return;
    }
    try {
      setPhoto({ step: 'uploading', progress: 0 });
      const sha256 = await sha256Hex(file);
      const { body: ticket } = await api.send<EvidenceUploadTicket>('POST', path, {
        fileName: file.name || 'photo.jpg',
        contentType: file.type,
        size: file.size,
        sha256,
      });
      await uploadWithProgress(ticket.upload, file, (progress) => setPhoto({ step: 'uploading', progress }));
      try {
        await api.send('POST', `${path}/${encodeURIComponent(ticket.id)}/confirm`);
        props.onPhoto({ id: ticket.id, fileName: ticket.fileName });
        setPhoto({ step: 'idle' });
      } catch (caught) {
        if (caught instanceof ApiError && caught.status === 422 && typeof caught.problem.reason === 'string')
          setPhoto({ step: 'rejected', reason: caught.problem.reason });
        else throw caught;
      }
    } catch (caught) {
      setPhoto({ step: 'failed', error: caught });
    } finally {
      setInputKey((key) => key + 1);
    }
  };

  return (
    <article
      className={`finding ${props.finding ? 'finding-observed' : ''}`}
      data-testid={`finding-${item.id}`}
      aria-labelledby={`${id}-text`}
    >
      <h3 id={`${id}-text`}>{l(item.text)}</h3>
      <p className="finding-self">
        <span className="muted">{t('inspFirmSaid')}: </span>
        {props.self ? (
          <Badge
            tone={props.self === 'compliant' ? 'ok' : props.self === 'not_applicable' ? 'muted' : 'warn'}
          >
            {l(answerTexts[props.self])}
          </Badge>
        ) : (
          <span className="muted">{t('inspFirmSaidNothing')}</span>
        )}
      </p>
      <fieldset className="finding-choices">
        <legend>{t('inspFinding')}</legend>
        {choices.map((value) => (
          <label key={value} className="finding-choice">
            <input
              type="radio"
              name={`${id}-finding`}
              value={value}
              checked={props.finding === value}
              onChange={() => props.onFinding(value)}
            />
            {l(answerTexts[value])}
          </label>
        ))}
        <label className="finding-choice">
          <input
            type="radio"
            name={`${id}-finding`}
            value=""
            checked={props.finding === undefined}
            onChange={() => props.onFinding(undefined)}
          />
          {t('inspNotObserved')}
        </label>
      </fieldset>
      {props.finding && (
        <>
          <label className="finding-field">
            {t('inspItemNote')}
            <textarea
              rows={2}
              maxLength={2000}
              value={props.note}
              onChange={(event) => props.onNote(event.target.value)}
            />
          </label>
          <label className="photo-input button-ghost">
            {t('inspAddPhoto')}
            <input
              key={inputKey}
              type="file"
              accept="image/*"
              capture="environment"
              disabled={photo.step === 'uploading' || props.photos.length >= 10}
              data-testid={`photo-${item.id}`}
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </label>
          {photo.step === 'uploading' && (
            <p className="small muted" role="status">
              {t('inspPhotoUploading')} {Math.round(photo.progress * 100)}%
            </p>
          )}
          {photo.step === 'rejected' && (
            <p className="small notice notice-error" role="alert">
              {t('inspPhotoRejected')}: {l(rejectionText(photo.reason))}
            </p>
          )}
          {photo.step === 'failed' && <ErrorBox error={photo.error} />}
          {props.photos.length > 0 && (
            <ul className="photo-list" aria-label={t('inspPhotos')} data-testid={`photos-${item.id}`}>
              {props.photos.map((stored) => (
                <li key={stored.id}>
                  <Badge tone="ok">
                    {t('inspPhotoVerified')}: {stored.fileName}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
