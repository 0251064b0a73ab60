import { vietnamDate } from '@antoan/domain';

/** The years a report may be asked for: from 2000 to next year (a plan may be drafted ahead). */
export function reportYearError(year: number, now: Date): { vi: string; en: string } | undefined {
  const next = Number(vietnamDate(now).slice(0, 4)) + 1;
  if (year < 2000 || year > next)
    return { vi: `Năm phải từ 2000 đến ${next}`, en: `year is from 2000 to ${next}` };
  return undefined;
}
