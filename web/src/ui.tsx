import type { LocalizedText } from '@antoan/domain';
import type { ReactNode } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';
import { linkHandler } from './router';

/** An in-app link. */
export function Link(props: { to: string; children: ReactNode; className?: string; testId?: string }) {
  return (
    <a href={props.to} onClick={linkHandler(props.to)} className={props.className} data-testid={props.testId}>
      {props.children}
    </a>
  );
}

/** What went wrong, in the chosen language. */
export function errorText(error: unknown): LocalizedText {
  if (error instanceof ApiError) return error.localized;
  const message = error instanceof Error ? error.message : String(error);
  return { vi: `Đã xảy ra lỗi: ${message}`, en: `Something went wrong: ${message}` };
}

export function ErrorBox(props: { error: unknown; onRetry?: () => void }) {
  const { t, l } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <span>{l(errorText(props.error))}</span>
      {props.onRetry && (
        <button type="button" className="button-small" onClick={props.onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" aria-busy="true">
      {t('loading')}
    </p>
  );
}

/** A horizontal bar from 0 to 1, announced to screen readers as a percentage. */
export function ProgressBar(props: { value: number; label: string; testId?: string; tone?: 'ok' | 'warn' }) {
  const percent = Math.round(Math.min(1, Math.max(0, props.value)) * 100);
  return (
    <div
      className={`progress ${props.tone === 'warn' ? 'progress-warn' : ''}`}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid={props.testId}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** A small coloured label. */
export function Badge(props: { tone: 'ok' | 'warn' | 'bad' | 'info' | 'muted'; children: ReactNode }) {
  return <span className={`badge badge-${props.tone}`}>{props.children}</span>;
}

/** A titled card. */
export function Card(props: { title?: ReactNode; children: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <section className="card" id={props.id}>
      {(props.title || props.actions) && (
        <header className="card-header">
          {props.title && <h2>{props.title}</h2>}
          {props.actions && <div className="card-actions">{props.actions}</div>}
        </header>
      )}
      {props.children}
    </section>
  );
}

/** A number with `digits` decimals in the chosen language's style (`82,5` in Vietnamese); `—` for none. */
export function formatDecimal(value: number | null | undefined, digits: number, lang: 'vi' | 'en'): string {
  if (value === null || value === undefined) return '—';
  const text = Number.isInteger(value) ? String(value) : value.toFixed(digits);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** A score, to one decimal. */
export const formatScore = (value: number | null | undefined, lang: 'vi' | 'en'): string =>
  formatDecimal(value, 1, lang);
