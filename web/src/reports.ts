import { ApiError } from './api';
import type { Session } from './session';

/** The years a report can be asked for: from `first` up to this year, newest first. */
export function reportYears(today: Date, first = 2020): number[] {
  const years: number[] = [];
  for (let year = today.getFullYear(); year >= first; year -= 1) years.push(year);
  return years;
}

/**
 * The year a screen opens on: `?year=` when it is one of `years`, else `fallback`.
 * @example chosenYear('2025', [2026, 2025], 2026) // 2025
 */
export function chosenYear(param: string | null, years: readonly number[], fallback: number): number {
  const year = Number(param);
  return param !== null && years.includes(year) ? year : fallback;
}

/**
 * The file name of a `Content-Disposition` header (`attachment; filename="x.xlsx"`), or null.
 * @example attachmentName('attachment; filename="bao-cao-2026.xlsx"') // 'bao-cao-2026.xlsx'
 */
export function attachmentName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}

/**
 * Downloads a report file the API makes (`/v1…?format=xlsx`): it needs the bearer token, so the file is fetched,
 * then saved under the name the API gives.
 */
export async function downloadReport(token: string, path: string, fallbackName: string): Promise<string> {
  const response = await fetch(`/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as
      | ConstructorParameters<typeof ApiError>[1]
      | null;
    throw new ApiError(response.status, body ?? { title: response.statusText });
  }
  const name = attachmentName(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** A change as a signed percentage (`-0.0412` → `−4,12 %` in Vietnamese). */
export function formatChange(change: number | null, lang: 'vi' | 'en'): string | null {
  if (change === null) return null;
  const percent = Math.round(change * 10_000) / 100;
  const text = Math.abs(percent).toFixed(2);
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '';
  return `${sign}${lang === 'vi' ? text.replace('.', ',') : text} %`;
}

/** A whole or decimal number grouped as people read it (`12.345` in Vietnamese, `12,345` in English). */
export function formatNumber(value: number, lang: 'vi' | 'en'): string {
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 });
}

/** A `YYYY-MM-DD` date as `dd/mm/yyyy` in Vietnamese, unchanged in English. */
export function formatDay(day: string, lang: 'vi' | 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match || lang === 'en') return day;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * Where the header's "Reports" link goes: the city report for the authority and inspectors, the firm's annual
 * report for its officer; none for a zone manager (each zone's view links to its report).
 */
export function reportsPath(session: Session | null | undefined): string | null {
  if (!session) return null;
  const { role, enterpriseId } = session.user;
  if (role === 'authority' || role === 'inspector') return '/reports/city';
  if (role === 'enterprise' && enterpriseId)
    return `/enterprises/${encodeURIComponent(enterpriseId)}/annual-report`;
  return null;
}
