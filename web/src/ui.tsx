import type { LocalizedText } from '@antoan/domain';
import { type ReactNode, useEffect } from 'react';
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
  // The message of an unexpected error is in English; the Vietnamese text says what to do instead.
  return {
    vi: 'Đã xảy ra lỗi ngoài dự kiến; hãy tải lại trang rồi thử lại.',
    en: `Something went wrong: ${message}`,
  };
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

/**
 * The loading state: a spinner with "Loading…" for screen readers and sighted people alike, and grey bars where
 * the content will be (`lines`, 3 by default; 0 for the spinner alone), so a card never sits blank.
 */
export function Loading(props: { lines?: number; testId?: string } = {}) {
  const { t } = useI18n();
  const lines = props.lines ?? 3;
  return (
    <div className="loading" aria-busy="true" data-testid={props.testId ?? 'loading'}>
      <p className="loading-line" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>{t('loading')}</span>
      </p>
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the bars are identical placeholders.
        <div key={index} className="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}

/** The app's name, after the page's own title in `document.title`. */
export const APP_TITLE = 'antoan';

/**
 * Names the page in the browser tab and history: `title · antoan` (just `antoan` while the title is unknown).
 * Every screen calls it with its own title, e.g. `usePageTitle(t('users'))` or the firm's name.
 */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_TITLE}` : APP_TITLE;
  }, [title]);
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

/**
 * The foot of a paged list (`usePagedList`): what went wrong with a retry, the loading state, and "load more"
 * while there is a next page.
 */
export function PagedFooter(props: {
  list: { nextCursor: string | null; loading: boolean; error: unknown; more(): void };
  testId?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const { list } = props;
  return (
    <>
      {list.error !== undefined && <ErrorBox error={list.error} onRetry={list.more} />}
      {list.loading && <Loading />}
      {!list.loading && list.nextCursor && (
        <p className={props.className ?? 'load-more no-print'}>
          <button type="button" className="button-ghost" onClick={list.more} data-testid={props.testId}>
            {t('loadMore')}
          </button>
        </p>
      )}
    </>
  );
}
