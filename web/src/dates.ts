import { addDays } from '@antoan/domain';

export { addDays };

/** The languages dates are written in. */
type Lang = 'vi' | 'en';

/** How much life a piece of evidence has left on `today`. */
export type ExpiryState = 'none' | 'valid' | 'expiring' | 'expired';

/** Evidence expiring within this many days is flagged, as the reminder job's first notice is. */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * Whether evidence is expired (its last valid day is before today), expiring within 30 days, still valid, or
 * without an expiry date.
 * @example expiryState('2026-12-20', '2026-11-28') // 'expiring'
 */
export function expiryState(expiresOn: string | undefined, today: string): ExpiryState {
  if (expiresOn === undefined) return 'none';
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, EXPIRY_WARNING_DAYS) ? 'expiring' : 'valid';
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar day (`YYYY-MM-DD`) as people read it: `dd/mm/yyyy` in Vietnamese, `30 Nov 2026` in English (a
 * month name cannot be mistaken for a day). Anything that is not such a day is returned as it came.
 * @example formatDate('2026-03-04', 'vi') // '04/03/2026'
 * @example formatDate('2026-03-04', 'en') // '4 Mar 2026'
 */
export function formatDate(day: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const [, year, month, date] = match as unknown as [string, string, string, string];
  return lang === 'vi'
    ? `${date}/${month}/${year}`
    : `${Number(date)} ${MONTHS_EN[Number(month) - 1] ?? month} ${year}`;
}

/**
 * A timestamp as people read it in Vietnam (UTC+7): `29/11/2026 01:05` in Vietnamese, `29 Nov 2026, 01:05` in
 * English.
 */
export function formatTimestamp(iso: string, lang: Lang = 'vi'): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const shifted = new Date(ms + 7 * 3_600_000).toISOString();
  const day = formatDate(shifted.slice(0, 10), lang);
  return lang === 'vi' ? `${day} ${shifted.slice(11, 16)}` : `${day}, ${shifted.slice(11, 16)}`;
}

/**
 * A period code in words: `2026-H2` → `6 tháng cuối năm 2026` / `second half of 2026`; `2026` → `năm 2026` /
 * `2026`; `2026-Q1` → `quý 1/2026` / `Q1 2026`. Unknown shapes come back as they are.
 */
export function formatPeriodLabel(period: string, lang: Lang): string {
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) {
    const [, year, which] = half;
    if (lang === 'vi') return `${which === '1' ? '6 tháng đầu' : '6 tháng cuối'} năm ${year}`;
    return `${which === '1' ? 'first' : 'second'} half of ${year}`;
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return lang === 'vi' ? `quý ${quarter[2]}/${quarter[1]}` : `Q${quarter[2]} ${quarter[1]}`;
  if (/^\d{4}$/.test(period)) return lang === 'vi' ? `năm ${period}` : period;
  return period;
}

/**
 * Rewrites the `YYYY-MM-DD` days inside a text that came from the server (an explanation) as `formatDate` does,
 * and its period codes (`2026-H2`) as `formatPeriodLabel` does.
 * @example localizeDates('due by 2026-12-31', 'vi') // 'due by 31/12/2026'
 */
export function localizeDates(text: string, lang: Lang): string {
  return text
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => formatDate(day, lang))
    .replace(/\b\d{4}-(H[12]|Q[1-4])\b/g, (period) => formatPeriodLabel(period, lang));
}

/**
 * A day that may be missing, as `formatDate` writes it (`dd/mm/yyyy` in Vietnamese, `5 Dec 2026` in English); `—`
 * for none.
 * @example formatDay('2026-12-05', 'vi') // '05/12/2026'
 */
export function formatDay(day: string | undefined | null, lang: Lang): string {
  return day ? formatDate(day, lang) : '—';
}
