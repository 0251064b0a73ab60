import { addDays } from '@antoan/domain';

export { addDays };

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

/** A timestamp as people read it in Vietnam (UTC+7), `YYYY-MM-DD HH:mm`. */
export function formatTimestamp(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/**
 * A day as people read it: `dd/mm/yyyy` in Vietnamese, `YYYY-MM-DD` in English; `—` for none.
 * @example formatDay('2026-12-05', 'vi') // '05/12/2026'
 */
export function formatDay(day: string | undefined | null, lang: 'vi' | 'en'): string {
  if (!day) return '—';
  const [year, month, date] = day.split('-');
  return lang === 'vi' && year && month && date ? `${date}/${month}/${year}` : day;
}
