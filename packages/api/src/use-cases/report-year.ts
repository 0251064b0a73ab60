import { vietnamDate } from '@antoan/domain';

/** The years a report may be asked for: from 2000 to next year (a plan may be drafted ahead). */
export function reportYearError(year: number, now: Date): string | undefined {
  const next = Number(vietnamDate(now).slice(0, 4)) + 1;
  if (year < 2000 || year > next) return `year is from 2000 to ${next}`;
  return undefined;
}
