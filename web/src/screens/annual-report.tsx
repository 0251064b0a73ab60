import type { AnnualDataResponse, EnterpriseAnnualReport } from '@antoan/schemas';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { ApiError, query } from '../api';
import { useResource } from '../hooks';
import { type LabelKey, useI18n } from '../i18n';
import { chosenYear, downloadReport, formatDay, formatNumber, reportYears } from '../reports';
import { navigate, useLocation } from '../router';
import { useSignedIn } from '../session-context';
import { Badge, Card, ErrorBox, Link, Loading } from '../ui';
import '../styles/reports.css';

/** One field of the annual form: its path in `data`, and the Appendix II figure it fills. */
interface FormField {
  path: string;
  figure: string;
  kind?: 'boolean' | 'date';
}
/** A group of the form: all of its fields are entered together, or none (the API's strict objects). */
interface FormGroup {
  key: string;
  title: LabelKey;
  fields: FormField[];
  /** A part of its own (`medicalStaff`): each field may be entered alone. */
  loose?: true;
}

/**
 * A group whose fields are `group.<name>`, each filling the figure `<figures>.<name>` (the group's own name by
 * default), or for a record of names the figure it names.
 */
function groupOf(
  key: string,
  title: LabelKey,
  names: readonly string[] | Readonly<Record<string, string>>,
  figures = key,
): FormGroup {
  const pairs: [string, string][] = Array.isArray(names)
    ? (names as readonly string[]).map((name) => [name, `${figures}.${name}`])
    : Object.entries(names);
  return { key, title, fields: pairs.map(([name, figure]) => ({ path: `${key}.${name}`, figure })) };
}

/** The form's groups in the order of Appendix II. */
export const FORM_GROUPS: readonly FormGroup[] = [
  groupOf('workforce', 'groupWorkforce', ['total', 'women', 'hazardous', 'minors', 'disabled', 'elderly']),
  groupOf('oshStaff', 'groupOshStaff', { fullTime: 'osh.staffFullTime', partTime: 'osh.staffPartTime' }),
  {
    key: 'medical',
    title: 'groupMedical',
    loose: true,
    fields: [
      { path: 'medicalStaff', figure: 'osh.medicalStaff' },
      { path: 'oshCouncil', figure: 'osh.council', kind: 'boolean' },
    ],
  },
  groupOf('accidentCosts', 'groupAccidentCosts', ['cost', 'propertyDamage', 'daysLost'], 'accidents'),
  groupOf('occupationalDisease', 'groupOccupationalDisease', [
    'totalCases',
    'newCases',
    'daysLost',
    'earlyRetirement',
    'cost',
  ]),
  groupOf('healthExams', 'groupHealthExams', ['examined', 'odExamined'], 'health'),
  groupOf('healthClasses', 'groupHealthClasses', ['I', 'II', 'III', 'IV', 'V'], 'health.classes'),
  groupOf('training', 'groupTraining', ['group1', 'group2', 'group3', 'group4', 'group5', 'group6']),
  groupOf('equipment', 'groupEquipment', {
    inUse: 'equipment.strict.total',
    declared: 'equipment.strict.declared',
  }),
  groupOf('overtime', 'groupOvertime', ['workers', 'totalHours', 'maxHoursPerMonth']),
  groupOf('inKindAllowance', 'groupInKind', ['workers', 'cost']),
  groupOf('monitoring', 'groupMonitoring', ['samples', 'failing']),
  groupOf('spending', 'groupSpending', [
    'technical',
    'hygiene',
    'ppe',
    'healthCare',
    'training',
    'monitoring',
    'riskAssessment',
    'other',
  ]),
  {
    key: 'riskAssessment',
    title: 'groupRiskAssessment',
    loose: true,
    fields: [{ path: 'riskAssessmentOn', figure: 'riskAssessmentOn', kind: 'date' }],
  },
];

type Draft = Record<string, string>;
/** What is wrong with a field: a label, with the server's words when the server refused it. */
interface FieldProblem {
  label: LabelKey;
  detail?: string;
  /** The server's own message in both languages, shown alone in the page's language. */
  localized?: { vi: string; en: string };
}

/** The value at a dotted path of `data` (`workforce.women`). */
const read = (data: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);

/** Puts `value` at a dotted path of `data`, making the objects on the way. */
function write(data: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = data;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
}

/** The saved data as the form's text fields ('' for what is not entered). */
export function draftOf(data: Record<string, unknown>): Draft {
  const draft: Draft = {};
  for (const group of FORM_GROUPS)
    for (const field of group.fields) {
      const value = read(data, field.path);
      draft[field.path] =
        value === undefined || value === null
          ? ''
          : typeof value === 'boolean'
            ? value
              ? 'yes'
              : 'no'
            : String(value);
    }
  return draft;
}

/**
 * The form's text fields as the API's `data`, or the fields in error: a number must be a whole number, and a
 * group is entered in full or left blank.
 */
export function dataOf(
  draft: Draft,
): { data: Record<string, unknown> } | { errors: Record<string, LabelKey> } {
  const data: Record<string, unknown> = {};
  const errors: Record<string, LabelKey> = {};
  for (const group of FORM_GROUPS) {
    const filled = group.fields.filter((field) => (draft[field.path] ?? '').trim() !== '');
    if (filled.length === 0) continue;
    if (!group.loose && filled.length < group.fields.length) {
      for (const field of group.fields)
        if ((draft[field.path] ?? '').trim() === '') errors[field.path] = 'fieldGroupIncomplete';
    }
    for (const field of filled) {
      const text = (draft[field.path] ?? '').trim();
      let value: unknown = text;
      if (field.kind === 'boolean') value = text === 'yes';
      else if (field.kind !== 'date') {
        if (!/^\d{1,16}$/.test(text)) {
          errors[field.path] = 'fieldWholeNumber';
          continue;
        }
        value = Number(text);
      }
      write(data, field.path, value);
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { data };
}

/** The field a server error names (`data.workforce.women` → `workforce.women`; a group → its first field). */
function fieldOfError(path: string): string {
  const inner = path.replace(/^data\.?/, '');
  const exact = FORM_GROUPS.flatMap((group) => group.fields).find((field) => field.path === inner);
  if (exact) return exact.path;
  const group = FORM_GROUPS.find((g) => g.fields.some((field) => field.path.startsWith(`${inner}.`)));
  return group?.fields[0]?.path ?? '';
}

const sourceLabels: Record<string, LabelKey> = {
  profile: 'sourceProfile',
  accidents: 'sourceAccidents',
  evidence: 'sourceEvidence',
  'annual-data': 'sourceForm',
};

/** The enterprise's statutory annual report: its year, status, downloads, the Appendix II lines and the form. */
export function AnnualReportPage(props: { eid: string }) {
  const { t } = useI18n();
  const { api, session } = useSignedIn();
  const { search } = useLocation();
  const today = new Date();
  const years = reportYears(today);
  // In the last quarter the report being prepared is this year's; before that, last year's (due 10 January).
  const defaultYear = today.getMonth() >= 9 ? today.getFullYear() : today.getFullYear() - 1;
  const year = chosenYear(search.get('year'), years, defaultYear);
  const base = `/enterprises/${encodeURIComponent(props.eid)}`;
  const reportPath = `${base}/reports/annual${query({ year })}`;
  const report = useResource(reportPath, () => api.get<EnterpriseAnnualReport>(reportPath));
  const editable = session.user.role === 'enterprise' && session.user.enterpriseId === props.eid;

  useEffect(() => {
    document.title = `${t('annualReport')} ${year} · antoan`;
  }, [t, year]);

  return (
    <div className="stack report-page">
      <Link to={base}>{t('back')}</Link>
      <div className="page-title">
        <h1>
          {t('annualReport')} {year}
        </h1>
        {report.data && <p className="muted">{report.data.enterpriseName}</p>}
        <p className="muted small">{t('annualReportIntro')}</p>
      </div>
      <YearPicker
        years={years}
        year={year}
        onChange={(next) =>
          navigate(`${window.location.pathname}${query({ year: next })}`, { replace: true })
        }
      />
      {report.error !== undefined && <ErrorBox error={report.error} onRetry={report.reload} />}
      {report.loading && !report.data && <Loading />}
      {report.data && (
        <>
          <StatusCard report={report.data} path={`${base}/reports/annual`} />
          <MissingCard report={report.data} />
          <LinesCard report={report.data} />
          <FormCard
            key={`${props.eid}-${year}`}
            base={base}
            year={year}
            editable={editable}
            report={report.data}
            onSaved={report.reload}
          />
        </>
      )}
    </div>
  );
}

/** A year picker that changes the URL's `?year=`. */
export function YearPicker(props: { years: readonly number[]; year: number; onChange(year: number): void }) {
  const { t } = useI18n();
  return (
    <label className="inline-field year-picker">
      {t('reportYear')}
      <select
        value={props.year}
        onChange={(event) => props.onChange(Number(event.target.value))}
        data-testid="year-picker"
      >
        {props.years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Buttons that download the report as XLSX or PDF in a chosen language. */
export function DownloadButtons(props: {
  path: string;
  params: Record<string, string | number | undefined>;
}) {
  const { t, l, lang } = useI18n();
  const { session } = useSignedIn();
  const [fileLang, setFileLang] = useState<'vi' | 'en'>(lang);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    setError(null);
    try {
      await downloadReport(
        session.token,
        `${props.path}${query({ ...props.params, format, lang: fileLang })}`,
        `report.${format}`,
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="downloads">
      <label className="inline-field">
        {t('downloadLanguage')}
        <select value={fileLang} onChange={(event) => setFileLang(event.target.value as 'vi' | 'en')}>
          <option value="vi">{t('langVi')}</option>
          <option value="en">{t('langEn')}</option>
        </select>
      </label>
      <button
        type="button"
        onClick={() => download('xlsx')}
        disabled={busy !== null}
        data-testid="download-xlsx"
      >
        {busy === 'xlsx' ? t('downloading') : t('downloadXlsx')}
      </button>
      <button
        type="button"
        onClick={() => download('pdf')}
        disabled={busy !== null}
        data-testid="download-pdf"
      >
        {busy === 'pdf' ? t('downloading') : t('downloadPdf')}
      </button>
      {error !== null && (
        <p className="notice notice-error" role="alert">
          {l(error instanceof ApiError ? error.localized : { vi: String(error), en: String(error) })}
        </p>
      )}
    </div>
  );
}

function StatusCard(props: { report: EnterpriseAnnualReport; path: string }) {
  const { t, lang } = useI18n();
  const { report } = props;
  return (
    <Card
      title={t('downloads')}
      actions={
        <span data-testid="report-complete" data-complete={String(report.complete)}>
          <Badge tone={report.complete ? 'ok' : 'warn'}>
            {report.complete ? t('reportComplete') : t('reportIncomplete')}
          </Badge>
        </span>
      }
    >
      <dl className="facts">
        <div>
          <dt>{t('reportDueOn')}</dt>
          <dd>{formatDay(report.dueOn, lang)}</dd>
        </div>
        <div>
          <dt>{t('missingCount')}</dt>
          <dd data-testid="missing-count">{report.missing.length}</dd>
        </div>
      </dl>
      <DownloadButtons path={props.path} params={{ year: report.year }} />
    </Card>
  );
}

/** The Appendix II line of each figure path. */
function linesByFigure(report: EnterpriseAnnualReport) {
  return new Map(report.lines.flatMap((line) => (line.figure ? [[line.figure, line] as const] : [])));
}

function MissingCard(props: { report: EnterpriseAnnualReport }) {
  const { t, l } = useI18n();
  const lines = linesByFigure(props.report);
  return (
    <Card title={t('missingFigures')} id="missing">
      {props.report.missing.length === 0 ? (
        <p className="notice notice-ok">{t('missingNone')}</p>
      ) : (
        <>
          <p className="muted small">{t('missingIntro')}</p>
          <ul className="missing-list" data-testid="missing-list">
            {props.report.missing.map((figure) => {
              const line = lines.get(figure);
              return (
                <li key={figure} data-figure={figure}>
                  {line ? `${line.no}. ${l(line.label)}` : figure}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Card>
  );
}

/** A figure as text: a number grouped, yes or no, a date, or "unknown" (never 0). */
function FigureText(props: { value: unknown }): ReactNode {
  const { t, lang } = useI18n();
  const { value } = props;
  if (value === null || value === undefined) return <span className="unknown">{t('unknownValue')}</span>;
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (typeof value === 'number') return formatNumber(value, lang);
  return formatDay(String(value), lang);
}

function SourceText(props: { report: EnterpriseAnnualReport; figure: string }) {
  const { t } = useI18n();
  const source = props.report.sources[props.figure];
  if (!source) return <Badge tone="warn">{t('sourceMissing')}</Badge>;
  const label = t(sourceLabels[source.from] ?? 'sourceForm');
  const count = source.count === undefined ? '' : ` (${source.count})`;
  return (
    <Badge tone={source.kind === 'record' ? 'info' : 'muted'}>
      {label}
      {count}
    </Badge>
  );
}

function LinesCard(props: { report: EnterpriseAnnualReport }) {
  const { t, l } = useI18n();
  const { report } = props;
  return (
    <Card title={t('appendixTwo')}>
      <table className="table report-lines" data-testid="report-lines">
        <thead>
          <tr>
            <th scope="col">{t('lineNo')}</th>
            <th scope="col">{t('lineLabel')}</th>
            <th scope="col">{t('lineValue')}</th>
            <th scope="col">{t('lineSource')}</th>
          </tr>
        </thead>
        <tbody>
          {report.lines.map((line) =>
            line.figure === undefined ? (
              <tr key={line.no} className="report-heading">
                <td>{line.no}</td>
                <td colSpan={3}>
                  <strong>{l(line.label)}</strong>
                </td>
              </tr>
            ) : (
              <tr key={line.no} data-figure={line.figure}>
                <td className="line-no">{line.no}</td>
                <td className="line-label">
                  {l(line.label)}
                  {line.verify && (
                    <span className="verify" title={t('verifyLabel')}>
                      {' '}
                      *
                    </span>
                  )}
                </td>
                <td className="line-value" data-label={t('lineValue')}>
                  <FigureText value={line.value} />
                  {line.unit && line.value !== null && <span className="muted small"> {l(line.unit)}</span>}
                </td>
                <td
                  className="line-source"
                  data-label={t('lineSource')}
                  data-testid={`source-${line.figure}`}
                >
                  <SourceText report={report} figure={line.figure} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <p className="muted small">* {t('verifyLabel')}</p>
    </Card>
  );
}

function FormCard(props: {
  base: string;
  year: number;
  editable: boolean;
  report: EnterpriseAnnualReport;
  onSaved(): void;
}) {
  const { t, l } = useI18n();
  const { api } = useSignedIn();
  const path = `${props.base}/annual-data/${props.year}`;
  const annual = useResource(path, () => api.get<AnnualDataResponse>(path));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, FieldProblem>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'stale' | 'invalid'>('idle');
  const [failure, setFailure] = useState<unknown>(null);
  const lines = useMemo(() => linesByFigure(props.report), [props.report]);

  useEffect(() => {
    if (annual.data) setDraft(draftOf(annual.data.data as Record<string, unknown>));
  }, [annual.data]);

  if (annual.error !== undefined) return <ErrorBox error={annual.error} onRetry={annual.reload} />;
  if (!annual.data || !draft) return <Loading />;
  // The ETag is the version in quotes (the GET sends it too).
  const etag = `"${annual.data.version}"`;

  const save = async () => {
    setFailure(null);
    const built = dataOf(draft);
    if ('errors' in built) {
      setErrors(Object.fromEntries(Object.entries(built.errors).map(([k, label]) => [k, { label }])));
      setStatus('invalid');
      return;
    }
    setErrors({});
    setStatus('saving');
    try {
      const saved = await api.send<AnnualDataResponse>(
        'PUT',
        path,
        { data: built.data },
        { 'If-Match': etag },
      );
      annual.set(saved.body);
      setStatus('saved');
      props.onSaved();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) {
        setStatus('stale');
        annual.reload();
        return;
      }
      if (caught instanceof ApiError && caught.status === 400 && caught.problem.errors?.length) {
        const next: Record<string, FieldProblem> = {};
        for (const error of caught.problem.errors)
          next[fieldOfError(String(error.path))] = {
            label: 'fieldRefused',
            detail: String(error.message),
            ...(error.localized ? { localized: error.localized } : {}),
          };
        setErrors(next);
        setStatus('invalid');
        return;
      }
      setStatus('idle');
      setFailure(caught);
    }
  };

  return (
    <Card title={t('annualForm')} id="annual-form">
      <p className="muted small">{props.editable ? t('annualFormIntro') : t('readOnlyForm')}</p>
      <form
        className="annual-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        data-testid="annual-form"
      >
        {FORM_GROUPS.map((group) => (
          <fieldset key={group.key} disabled={!props.editable}>
            <legend>{t(group.title)}</legend>
            <div className="annual-fields">
              {group.fields.map((field) => {
                const line = lines.get(field.figure);
                const id = `field-${field.path.replace('.', '-')}`;
                const error = errors[field.path];
                const label = line ? `${line.no}. ${l(line.label)}` : field.path;
                const value = draft[field.path] ?? '';
                const change = (next: string) => setDraft({ ...draft, [field.path]: next });
                const common = {
                  id,
                  'aria-invalid': error !== undefined,
                  'aria-describedby': error ? `${id}-error` : undefined,
                  'data-field': field.path,
                };
                return (
                  <div key={field.path} className={`annual-field ${error ? 'has-error' : ''}`}>
                    <label htmlFor={id}>
                      {label}
                      {line?.unit && <span className="muted"> ({l(line.unit)})</span>}
                    </label>
                    {field.kind === 'boolean' ? (
                      <select {...common} value={value} onChange={(event) => change(event.target.value)}>
                        <option value="">{t('councilUnknown')}</option>
                        <option value="yes">{t('yes')}</option>
                        <option value="no">{t('no')}</option>
                      </select>
                    ) : field.kind === 'date' ? (
                      <input
                        {...common}
                        type="date"
                        value={value}
                        onChange={(event) => change(event.target.value)}
                      />
                    ) : (
                      <input
                        {...common}
                        inputMode="numeric"
                        autoComplete="off"
                        value={value}
                        onChange={(event) => change(event.target.value)}
                      />
                    )}
                    {error && (
                      <span className="field-error" id={`${id}-error`} role="alert">
                        {error.localized
                          ? l(error.localized)
                          : `${t(error.label)}${error.detail === undefined ? '' : ` ${error.detail}`}`}
                      </span>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
        {props.editable && (
          <div className="form-actions">
            <button type="submit" disabled={status === 'saving'} data-testid="save-annual">
              {status === 'saving' ? t('savingForm') : t('saveForm')}
            </button>
            <span className="small" role="status" data-testid="annual-status" data-state={status}>
              {status === 'saved' && t('formSaved')}
              {status === 'stale' && t('formStale')}
              {status === 'invalid' && t('formHasErrors')}
            </span>
          </div>
        )}
        {failure !== null && <ErrorBox error={failure} />}
      </form>
    </Card>
  );
}
