import type { AnswerValue, Template, TemplateItem } from '@antoan/domain';
import type {
  AnswerInput as Answer,
  AssessmentView as Assessment,
  EvidenceListItem as Evidence,
  Page,
} from '@antoan/schemas';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ApiClient, ApiError } from '../api';
import { AutosaveQueue, type SaveState } from '../autosave';
import { formatDay } from '../dates';
import { useResource } from '../hooks';
import { type LabelKey, useI18n } from '../i18n';
import { answerTexts, evidenceKindTexts, severityTexts } from '../reasons';
import { useSignedIn } from '../session-context';
import '../styles/checklist.css';
import { Badge, ErrorBox, Link, Loading, ProgressBar } from '../ui';
import { CheckVersionBar } from './checks-history';
import { EvidenceUpload } from './evidence';
import { ProvisionalScore } from './provisional-score';
import { ScoreView } from './score';

const ANSWER_VALUES: readonly AnswerValue[] = ['compliant', 'partial', 'non_compliant', 'not_applicable'];
/** A whole section can be marked with any answer but "not applicable", which each item must allow and justify. */
const MARKABLE: readonly AnswerValue[] = ['compliant', 'partial', 'non_compliant'];
const severityTones = { critical: 'bad', major: 'warn', minor: 'muted' } as const;

/** One self-check: the checklist while it is a draft, the explained score once submitted. */
export function AssessmentPage(props: { eid: string; aid: string }) {
  const { t } = useI18n();
  const { api, session } = useSignedIn();
  const enterprisePath = `/enterprises/${encodeURIComponent(props.eid)}`;
  const path = `${enterprisePath}/assessments/${encodeURIComponent(props.aid)}`;
  const assessment = useResource(path, () => api.get<Assessment>(path));
  const templatePath = assessment.data
    ? `/templates/${encodeURIComponent(assessment.data.templateId)}/versions/${assessment.data.templateVersion}`
    : null;
  const template = useResource(templatePath, () => api.get<Template>(templatePath ?? ''));
  const editable = session.user.role === 'enterprise' && session.user.enterpriseId === props.eid;

  const error = assessment.error ?? template.error;
  if (error !== undefined) return <ErrorBox error={error} onRetry={assessment.reload} />;
  if (!assessment.data || !template.data) return <Loading />;
  const draft = assessment.data;
  return (
    <div className="stack">
      <Link to={enterprisePath}>{t('back')}</Link>
      {draft.status === 'submitted' && <CheckVersionBar assessment={draft} editable={editable} />}
      {draft.status === 'submitted' && draft.score ? (
        <ScoreView assessment={draft} template={template.data} />
      ) : (
        <Checklist
          key={draft.id}
          path={path}
          enterpriseId={props.eid}
          initial={draft}
          template={template.data}
          editable={editable}
          onSubmitted={assessment.reload}
        />
      )}
    </div>
  );
}

/** The draft's answers, saved as they change. */
function Checklist(props: {
  path: string;
  enterpriseId: string;
  initial: Assessment;
  template: Template;
  editable: boolean;
  onSubmitted(): void;
}) {
  const { t, l } = useI18n();
  const { api } = useSignedIn();
  const { template, path } = props;
  const [answers, setAnswers] = useState<Record<string, Answer>>(props.initial.answers);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [lostItems, setLostItems] = useState<string[]>([]);
  const [unanswered, setUnanswered] = useState<string[]>([]);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const evidencePath = `/enterprises/${encodeURIComponent(props.enterpriseId)}/evidence`;
  const evidence = useResource(evidencePath, () => api.get<Page<Evidence>>(`${evidencePath}?limit=200`));
  const [uploaded, setUploaded] = useState<Evidence[]>([]);
  const allEvidence = useMemo(
    () => [...uploaded, ...(evidence.data?.items ?? [])],
    [uploaded, evidence.data],
  );
  const addEvidence = useCallback((added: Evidence) => setUploaded((current) => [added, ...current]), []);

  const queueRef = useRef<AutosaveQueue | null>(null);
  if (queueRef.current === null) {
    queueRef.current = new AutosaveQueue({
      version: props.initial.version,
      save: (changed, version) => saveAnswers(api, path, changed, version),
      onState: setSaveState,
      onLost: (itemIds) => {
        setLostItems(itemIds);
        api.get<Assessment>(path).then(
          (fresh) => {
            queueRef.current?.reset(fresh.version);
            setAnswers(fresh.answers);
          },
          // Without the fresh draft the page cannot go on safely: load it all again.
          () => window.location.reload(),
        );
      },
      isRetriable: (error) =>
        !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500,
    });
  }
  const queue = queueRef.current;
  // Leaving the page saves what is still waiting for its pause instead of dropping it.
  useEffect(() => () => void queue.flush(), [queue]);
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (queue.hasUnsaved) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [queue]);

  const setAnswer = useCallback(
    (itemId: string, answer: Answer) => {
      setAnswers((current) => ({ ...current, [itemId]: answer }));
      setUnanswered((current) => current.filter((id) => id !== itemId));
      queue.set(itemId, answer);
    },
    [queue],
  );

  const applicable = useMemo(
    () => new Set(props.initial.applicableItemIds),
    [props.initial.applicableItemIds],
  );
  const sections = useMemo(
    () =>
      template.sections
        .map((section) => ({ ...section, items: section.items.filter((item) => applicable.has(item.id)) }))
        .filter((section) => section.items.length > 0),
    [template, applicable],
  );
  const itemsById = useMemo(
    () => new Map(sections.flatMap((section) => section.items.map((item) => [item.id, item] as const))),
    [sections],
  );
  const answeredCount = props.initial.applicableItemIds.filter((id) => answers[id] !== undefined).length;
  const total = props.initial.applicableItemIds.length;

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    setUnanswered([]);
    try {
      if (!(await queue.flush())) throw new Error(t('notSavedYet'));
      await api.send('POST', `${path}/submit`, undefined, {
        'Idempotency-Key': `submit-${crypto.randomUUID()}`,
      });
      window.scrollTo(0, 0);
      props.onSubmitted();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 422 && caught.problem.errors) {
        setUnanswered(caught.problem.errors.map((entry) => entry.path.replace(/^answers\./, '')));
      } else {
        setSubmitError(caught);
      }
      setSubmitting(false);
    }
  };

  useEffect(() => {
    document.title = `${t('checklist')} ${props.initial.period} · antoan`;
  }, [t, props.initial.period]);
  const [onlyUnanswered, setOnlyUnanswered] = useState(false);
  // Items answered while the filter is on stay in view until it is switched again, so nothing jumps away.
  const [keptInView, setKeptInView] = useState<ReadonlySet<string>>(new Set());
  const toggleUnansweredOnly = (on: boolean) => {
    setOnlyUnanswered(on);
    setKeptInView(new Set());
  };
  const answerAndKeep = useCallback(
    (itemId: string, answer: Answer) => {
      setKeptInView((kept) => (kept.has(itemId) ? kept : new Set([...kept, itemId])));
      setAnswer(itemId, answer);
    },
    [setAnswer],
  );
  const orderedIds = useMemo(
    () => sections.flatMap((section) => section.items.map((item) => item.id)),
    [sections],
  );
  const answersRef = useRef(answers);
  answersRef.current = answers;
  /** The item the keyboard acts on: the one holding the focus, or the last one touched. */
  const currentItem = useRef<string | null>(null);
  const [jumpNote, setJumpNote] = useState('');

  const jumpToNextUnanswered = useCallback(() => {
    const from = currentItem.current === null ? -1 : orderedIds.indexOf(currentItem.current);
    const rotated = [...orderedIds.slice(from + 1), ...orderedIds.slice(0, from + 1)];
    const next = rotated.find((id) => answersRef.current[id] === undefined);
    if (next === undefined) {
      setJumpNote(t('allAnswered'));
      return;
    }
    setJumpNote('');
    currentItem.current = next;
    const element = document.getElementById(`item-${next}`);
    element?.scrollIntoView({ block: 'center' });
    element?.querySelector<HTMLButtonElement>('button.answer')?.focus({ preventScroll: true });
  }, [orderedIds, t]);

  // Desktop shortcuts: 1–4 answer the current item, n goes to the next unanswered one. Typing in a field is left alone.
  useEffect(() => {
    if (!props.editable) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        jumpToNextUnanswered();
        return;
      }
      const index = ['1', '2', '3', '4'].indexOf(event.key);
      const itemId = currentItem.current;
      if (index < 0 || itemId === null) return;
      const item = itemsById.get(itemId);
      const value = ANSWER_VALUES[index];
      if (!item || !value || (value === 'not_applicable' && !item.allowNotApplicable)) return;
      event.preventDefault();
      answerAndKeep(itemId, { ...answersRef.current[itemId], value });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [props.editable, jumpToNextUnanswered, itemsById, answerAndKeep]);

  /**
   * Answers the section's open items, then moves the focus on (the button that was pressed is gone): to the next
   * unanswered item after the section, or when none is left to the section's heading, and says so aloud.
   */
  const markSection = useCallback(
    (sectionId: string, title: string, itemIds: readonly string[], value: AnswerValue) => {
      const marked = itemIds.filter((itemId) => answersRef.current[itemId] === undefined);
      for (const itemId of marked) answerAndKeep(itemId, { value });
      const done = new Set(marked);
      const last = orderedIds.indexOf(itemIds[itemIds.length - 1] ?? '');
      const rotated = [...orderedIds.slice(last + 1), ...orderedIds.slice(0, last + 1)];
      const next = rotated.find((id) => answersRef.current[id] === undefined && !done.has(id));
      const answer = answerTexts[value];
      const head = {
        vi: `Đã trả lời ${marked.length} mục của phần ${title} là "${answer.vi}".`,
        en: `Answered ${marked.length} ${marked.length === 1 ? 'item' : 'items'} of section ${title} "${answer.en}".`,
      };
      setJumpNote(
        next === undefined
          ? `${l(head)} ${t('allAnswered')}`
          : l({
              vi: `${head.vi} Chuyển đến mục chưa trả lời tiếp theo: ${next}.`,
              en: `${head.en} Moved to the next unanswered item: ${next}.`,
            }),
      );
      if (next !== undefined) currentItem.current = next;
      // After the render that removes the section's mark controls.
      requestAnimationFrame(() => {
        const target =
          next === undefined
            ? document.getElementById(`section-title-${sectionId}`)
            : document.getElementById(`item-${next}`)?.querySelector<HTMLButtonElement>('button.answer');
        target?.scrollIntoView({ block: 'center' });
        target?.focus({ preventScroll: true });
      });
    },
    [answerAndKeep, orderedIds, l, t],
  );

  return (
    <div className="checklist-layout">
      <aside className="checklist-nav" aria-label={t('sections')}>
        <h2 className="small-heading">{t('sections')}</h2>
        <ol>
          {sections.map((section) => {
            const done = section.items.filter((item) => answers[item.id] !== undefined).length;
            return (
              <li key={section.id}>
                <a href={`#section-${section.id}`}>
                  <span>{l(section.title)}</span>
                  <span className={`count ${done === section.items.length ? 'count-done' : ''}`}>
                    {done}/{section.items.length}
                  </span>
                </a>
              </li>
            );
          })}
        </ol>
      </aside>
      <div className="stack">
        <div className="checklist-intro">
          <h1>
            {t('checklist')} {props.initial.period}
          </h1>
          <p className="muted small">{l(template.title)}</p>
        </div>
        <div className="checklist-head card" data-testid="checklist-head">
          <div className="checklist-progress">
            <div className="progress-label">
              <span>
                {t('progress')}{' '}
                <strong data-testid="progress-text">
                  {answeredCount}/{total}
                </strong>
              </span>
              {props.editable && <SaveIndicator state={saveState} />}
            </div>
            <ProgressBar
              value={total === 0 ? 1 : answeredCount / total}
              label={t('progress')}
              testId="checklist-progress"
            />
          </div>
          <div className="checklist-head-actions">
            <button
              type="button"
              className="button-small button-ghost"
              onClick={jumpToNextUnanswered}
              data-testid="next-unanswered"
              title={t('nextUnanswered')}
              aria-keyshortcuts={props.editable ? 'n' : undefined}
            >
              {t('nextUnansweredShort')} <span aria-hidden="true">↓</span>
            </button>
            {props.editable && (
              <button
                type="button"
                className="button-small"
                onClick={() => void submit()}
                disabled={submitting}
                data-testid="submit"
              >
                {submitting ? t('submitting') : t('submit')}
              </button>
            )}
          </div>
        </div>
        <p className="visually-hidden" aria-live="polite" data-testid="jump-note">
          {jumpNote}
        </p>
        <div className="checklist-tools">
          <label className="checklist-filter">
            <input
              type="checkbox"
              checked={onlyUnanswered}
              onChange={(event) => toggleUnansweredOnly(event.target.checked)}
              data-testid="unanswered-only"
            />
            {t('unansweredOnly')}
          </label>
          {props.editable && (
            <p className="shortcut-help muted small" data-testid="shortcut-help">
              <strong>{t('shortcutsTitle')}:</strong> {t('shortcutsHelp')}
            </p>
          )}
        </div>
        {!props.editable && <p className="notice notice-info">{t('readOnlyNote')}</p>}
        {lostItems.length > 0 && (
          <div className="notice notice-warn" role="alert" data-testid="save-conflict">
            <p>{t('saveConflict')}</p>
            <ItemLinks ids={lostItems} itemsById={itemsById} />
          </div>
        )}
        {unanswered.length > 0 && (
          <div className="notice notice-error" role="alert" data-testid="unanswered">
            <p>
              {t('unansweredTitle')} ({unanswered.length})
            </p>
            <ItemLinks ids={unanswered} itemsById={itemsById} />
          </div>
        )}
        {submitError !== null && <ErrorBox error={submitError} />}
        {onlyUnanswered && answeredCount === total && (
          <p className="notice notice-info" data-testid="none-unanswered">
            {t('noneUnansweredHere')}
          </p>
        )}
        <ProvisionalScore
          template={template}
          applicableItemIds={props.initial.applicableItemIds}
          answers={answers}
          evidence={allEvidence}
          scoringVersion={props.initial.scoringVersion}
        />
        {sections.map((section) => {
          const shown = onlyUnanswered
            ? section.items.filter((item) => answers[item.id] === undefined || keptInView.has(item.id))
            : section.items;
          if (shown.length === 0) return null;
          const done = section.items.filter((item) => answers[item.id] !== undefined).length;
          const open = section.items.filter((item) => answers[item.id] === undefined).map((item) => item.id);
          const title = `${section.id}. ${l(section.title)}`;
          return (
            <section
              key={section.id}
              className="card checklist-section"
              id={`section-${section.id}`}
              data-testid={`section-${section.id}`}
              aria-labelledby={`section-title-${section.id}`}
            >
              <header className="card-header checklist-section-head">
                <h2 id={`section-title-${section.id}`} tabIndex={-1}>
                  {title}
                </h2>
                <div className="section-progress">
                  <span className="small muted" data-testid={`section-count-${section.id}`}>
                    {done}/{section.items.length}
                  </span>
                  <ProgressBar
                    value={section.items.length === 0 ? 1 : done / section.items.length}
                    label={`${t('sectionProgress')} ${title}`}
                    testId={`section-progress-${section.id}`}
                  />
                </div>
              </header>
              {props.editable && (
                <MarkSection sectionId={section.id} title={title} open={open} onMark={markSection} />
              )}
              <ol className="items">
                {shown.map((item) => (
                  <ChecklistItem
                    key={item.id}
                    item={item}
                    answer={answers[item.id]}
                    missing={unanswered.includes(item.id)}
                    editable={props.editable}
                    enterpriseId={props.enterpriseId}
                    evidence={allEvidence}
                    onAnswer={answerAndKeep}
                    onEvidence={addEvidence}
                    onFocusItem={(id) => {
                      currentItem.current = id;
                    }}
                  />
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </div>
  );
}

/** Answers every unanswered item of a section with one value, after the person confirms how many it will touch. */
function MarkSection(props: {
  sectionId: string;
  title: string;
  open: readonly string[];
  onMark(sectionId: string, title: string, itemIds: readonly string[], value: AnswerValue): void;
}) {
  const { t, l } = useI18n();
  const [value, setValue] = useState<AnswerValue>('compliant');
  const [confirming, setConfirming] = useState(false);
  const id = `mark-${props.sectionId}`;
  if (props.open.length === 0) {
    return null;
  }
  const question = l({
    vi: `Trả lời ${props.open.length} mục chưa trả lời của phần này là "${answerTexts[value].vi}"?`,
    en: `Answer the ${props.open.length} unanswered ${props.open.length === 1 ? 'item' : 'items'} of this section "${answerTexts[value].en}"?`,
  });
  return (
    <div className="mark-section" data-testid={`mark-section-${props.sectionId}`}>
      {confirming ? (
        <fieldset className="mark-confirm">
          <legend className="small" data-testid={`mark-question-${props.sectionId}`}>
            {question}
          </legend>
          <button
            type="button"
            className="button-small"
            onClick={() => {
              props.onMark(props.sectionId, props.title, props.open, value);
              setConfirming(false);
            }}
            data-testid={`mark-confirm-${props.sectionId}`}
          >
            {t('markSectionConfirm')}
          </button>
          <button type="button" className="button-small button-ghost" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </fieldset>
      ) : (
        <>
          <label htmlFor={id} className="small">
            {t('markSectionAs')}
          </label>
          <div className="mark-row">
            <select
              id={id}
              value={value}
              onChange={(event) => setValue(event.target.value as AnswerValue)}
              data-testid={`mark-value-${props.sectionId}`}
            >
              {MARKABLE.map((option) => (
                <option key={option} value={option}>
                  {l(answerTexts[option])}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button-small button-ghost"
              onClick={() => setConfirming(true)}
              data-testid={`mark-button-${props.sectionId}`}
            >
              {t('markSectionButton')} ({props.open.length})
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** PATCHes changed answers with `If-Match`; a 412 is a conflict, anything else that fails throws. */
async function saveAnswers(
  api: ApiClient,
  path: string,
  answers: Record<string, Answer>,
  version: number,
): Promise<{ status: 'saved'; version: number } | { status: 'conflict' }> {
  try {
    const { body } = await api.send<Assessment>('PATCH', path, { answers }, { 'If-Match': `"${version}"` });
    return { status: 'saved', version: body.version };
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) return { status: 'conflict' };
    throw error;
  }
}

const saveLabels: Record<SaveState['kind'], LabelKey> = {
  idle: 'saveIdle',
  pending: 'savePending',
  saving: 'saving',
  saved: 'saved',
  retrying: 'saveFailed',
  lost: 'saveFailed',
};

function SaveIndicator(props: { state: SaveState }) {
  const { t, l } = useI18n();
  const { state } = props;
  const detail =
    (state.kind === 'retrying' || state.kind === 'lost') && state.error instanceof ApiError
      ? ` ${l(state.error.localized)}`
      : '';
  return (
    <p
      className={`save-state save-${state.kind}`}
      data-testid="save-state"
      data-state={state.kind}
      aria-live="polite"
    >
      {state.kind === 'saved' ? '✓ ' : ''}
      {t(saveLabels[state.kind])}
      {detail}
    </p>
  );
}

function ItemLinks(props: { ids: string[]; itemsById: Map<string, TemplateItem> }) {
  const { l } = useI18n();
  const focus = (id: string) => {
    const element = document.getElementById(`item-${id}`);
    element?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    element?.querySelector('button')?.focus({ preventScroll: true });
  };
  return (
    <ul className="item-links">
      {props.ids.map((id) => {
        const item = props.itemsById.get(id);
        return (
          <li key={id}>
            <a
              href={`#item-${id}`}
              onClick={(event) => {
                event.preventDefault();
                focus(id);
              }}
            >
              <strong>{id}</strong> {item ? l(item.text) : ''}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

interface ChecklistItemProps {
  item: TemplateItem;
  answer: Answer | undefined;
  missing: boolean;
  editable: boolean;
  enterpriseId: string;
  evidence: Evidence[];
  onAnswer(itemId: string, answer: Answer): void;
  onEvidence(evidence: Evidence): void;
  onFocusItem(itemId: string): void;
}

/** One checklist item: what the law asks, its weight and severity, the answer buttons, a note and evidence. */
const ChecklistItem = memo(function ChecklistItem(props: ChecklistItemProps) {
  const { t, l, lang } = useI18n();
  const { item, answer } = props;
  const [uploadOpen, setUploadOpen] = useState(false);
  // An upload ends after the person may have changed the answer: linking reads the latest one.
  const latest = useRef(answer);
  latest.current = answer;
  const choose = (value: AnswerValue) => props.onAnswer(item.id, { ...answer, value });
  const values = ANSWER_VALUES.filter((value) => value !== 'not_applicable' || item.allowNotApplicable);
  const linkedIds = answer?.evidenceIds ?? [];
  const link = (evidenceId: string, linked: boolean) => {
    const current = latest.current;
    if (!current) return;
    const ids = current.evidenceIds ?? [];
    const next = linked ? [...new Set([...ids, evidenceId])] : ids.filter((id) => id !== evidenceId);
    const { evidenceIds: _old, ...rest } = current;
    props.onAnswer(item.id, next.length > 0 ? { ...rest, evidenceIds: next } : rest);
  };
  // Valid proof of a kind the item takes: the file verified, not expired, and not rejected by a reviewer.
  const usable = props.evidence.filter(
    (evidence) =>
      evidence.status === 'verified' &&
      !evidence.expired &&
      evidence.review?.decision !== 'rejected' &&
      item.evidenceKinds?.includes(evidence.kind),
  );
  const validity = (evidence: Evidence) =>
    `${l(evidenceKindTexts[evidence.kind])}, ${t('issuedOnShort')} ${formatDay(evidence.issuedOn, lang)}${
      evidence.expiresOn ? `, ${t('validUntil')} ${formatDay(evidence.expiresOn, lang)}` : ''
    }`;

  return (
    <li
      id={`item-${item.id}`}
      className={`item ${answer ? 'item-answered' : ''} ${props.missing ? 'item-missing' : ''}`}
      data-testid={`item-${item.id}`}
      onFocus={() => props.onFocusItem(item.id)}
      onPointerDown={() => props.onFocusItem(item.id)}
    >
      <div className="item-head">
        <span className="item-id">{item.id}</span>
        <Badge tone={severityTones[item.severity]}>{l(severityTexts[item.severity])}</Badge>
        <span className="muted small">
          {t('weight')}: {item.weight}
        </span>
        {item.evidenceKinds && <Badge tone="info">{t('evidenceNeeded')}</Badge>}
        {item.verify && (
          <span className="muted small" title={t('verifyFlag')}>
            ⚑ {t('verifyFlag')}
          </span>
        )}
      </div>
      <p className="item-text">{l(item.text)}</p>
      <p className="legal small">
        <span className="muted">{t('legalBasis')}: </span>
        {item.legalBasis.map((basis) => `${basis.document}, ${basis.article}`).join('; ')}
      </p>
      <fieldset className="answers" aria-label={l(item.text)}>
        {values.map((value) => (
          <button
            key={value}
            type="button"
            className={`answer answer-${value}`}
            aria-pressed={answer?.value === value}
            disabled={!props.editable}
            onClick={() => choose(value)}
            data-value={value}
          >
            {l(answerTexts[value])}
          </button>
        ))}
      </fieldset>
      {answer && (props.editable || answer.note) && (
        <NoteField
          value={answer.note ?? ''}
          disabled={!props.editable}
          onChange={(note) => {
            const { note: _old, ...rest } = answer;
            props.onAnswer(item.id, note ? { ...rest, note } : rest);
          }}
        />
      )}
      {item.evidenceKinds && (
        <div className="evidence-box">
          <div className="evidence-head">
            <span className="small">
              {t('evidence')}: {item.evidenceKinds.map((kind) => l(evidenceKindTexts[kind])).join(', ')}
            </span>
            {props.editable && (
              <button
                type="button"
                className="button-small button-ghost"
                onClick={() => setUploadOpen((open) => !open)}
                aria-expanded={uploadOpen}
              >
                {t('uploadEvidence')}
              </button>
            )}
          </div>
          {props.editable &&
            (answer?.value === 'compliant' || answer?.value === 'partial') &&
            !usable.some((evidence) => linkedIds.includes(evidence.id)) && (
              <div
                className="notice notice-warn evidence-warning"
                role="status"
                data-testid={`evidence-warning-${item.id}`}
              >
                <p className="small">{t('evidenceMissingWarning')}</p>
                {usable.length === 0 ? (
                  <p className="small">{t('noValidEvidence')}</p>
                ) : (
                  <ul className="plain-list quick-links">
                    {usable.slice(0, 3).map((evidence) => (
                      <li key={evidence.id}>
                        <button
                          type="button"
                          className="button-small"
                          onClick={() => link(evidence.id, true)}
                          data-testid={`quick-link-${item.id}-${evidence.id}`}
                        >
                          {t('linkThis')}: <span className="file-name">{evidence.fileName}</span>
                        </button>{' '}
                        <span className="muted small">({validity(evidence)})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          {usable.length > 0 && (
            <ul className="evidence-links" aria-label={t('linkedEvidence')}>
              {usable.map((evidence) => (
                <li key={evidence.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={linkedIds.includes(evidence.id)}
                      disabled={!props.editable || !answer}
                      onChange={(event) => link(evidence.id, event.target.checked)}
                      data-testid={`link-${evidence.id}`}
                    />
                    <span className="file-name">{evidence.fileName}</span>{' '}
                    <span className="muted small">({validity(evidence)})</span>{' '}
                    {evidence.review?.decision === 'accepted' ? (
                      <Badge tone="ok">{t('reviewDoneAccepted')}</Badge>
                    ) : (
                      <Badge tone="info">{t('verified')}</Badge>
                    )}
                    {linkedIds.includes(evidence.id) && <Badge tone="ok">{t('linked')}</Badge>}
                  </label>
                </li>
              ))}
            </ul>
          )}
          {props.editable && !answer && usable.length > 0 && (
            <p className="muted small">{t('answerFirst')}</p>
          )}
          {uploadOpen && (
            <EvidenceUpload
              eid={props.enterpriseId}
              kinds={item.evidenceKinds}
              onVerified={(evidence) => {
                props.onEvidence(evidence);
                link(evidence.id, true);
              }}
            />
          )}
        </div>
      )}
    </li>
  );
});

/** A note that is saved (through the item's answer) once typing pauses. */
function NoteField(props: { value: string; disabled: boolean; onChange(note: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(props.value);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  useEffect(() => {
    if (text === props.value) return;
    const timer = setTimeout(() => onChange.current(text), 400);
    return () => clearTimeout(timer);
  }, [text, props.value]);
  return (
    <textarea
      className="note"
      rows={1}
      maxLength={1000}
      placeholder={t('notePlaceholder')}
      aria-label={t('note')}
      value={text}
      disabled={props.disabled}
      onChange={(event) => setText(event.target.value)}
    />
  );
}
