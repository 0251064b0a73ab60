import { formatPeriod, type Period, periodOf, shiftPeriod } from './period';
import type { EnterpriseProfile, LocalizedText } from './template';

/** Where an enterprise stands with its company-level periodic self-inspection. */
export type SelfInspectionStatus = 'ok' | 'due' | 'overdue';

/** What {@link selfInspectionStatus} needs to know. Dates are `YYYY-MM-DD` (a UTC timestamp also works). */
export interface SelfInspectionInput {
  highRisk: boolean;
  /** The day the latest self-inspection was submitted; absent when there has never been one. */
  lastSubmittedOn?: string;
  today: string;
  /** The day the enterprise was registered; absent means long ago. */
  registeredOn?: string;
}

/** The schedule status, the day the next submission is due by, and why. */
export interface SelfInspectionSchedule {
  status: SelfInspectionStatus;
  dueOn: string;
  explanation: LocalizedText;
}

/** The company-level self-inspection period (Circular 07/2016): half-yearly for high-risk firms, else yearly. */
export function selfInspectionPeriodKind(profile: Pick<EnterpriseProfile, 'highRisk'>): 'half' | 'year' {
  return profile.highRisk ? 'half' : 'year';
}

/**
 * Whether the self-inspection of the current period (the half-year, or year, that contains `today`) is done.
 *
 * - `ok`: a submission on or after the current period's start; `dueOn` is the end of the next period.
 * - `overdue`: nothing in the current period, and the previous period was owed but got nothing either — that is,
 *   the last submission is before the previous period's start (older than one full interval, 6 or 12 months,
 *   before the current period's start), or there was never one and the firm was registered before the current
 *   period's start (or its registration day is unknown). `dueOn` is the end of the current period.
 * - `due`: otherwise (nothing yet in the current period, but nothing missed before it); `dueOn` is the end of the
 *   current period.
 * @example selfInspectionStatus({ highRisk: true, lastSubmittedOn: '2026-02-10', today: '2026-08-01' }).status // 'due'
 */
export function selfInspectionStatus(input: SelfInspectionInput): SelfInspectionSchedule {
  const current = periodOf(input.today, selfInspectionPeriodKind(input));
  const previous = shiftPeriod(current, -1);
  const { lastSubmittedOn, registeredOn } = input;
  if (lastSubmittedOn !== undefined && lastSubmittedOn >= current.start) {
    const next = shiftPeriod(current, 1);
    return schedule(current, 'ok', next.end, {
      vi: `Đã nộp tự kiểm tra kỳ ${formatPeriod(current)}; kỳ tiếp theo (${formatPeriod(next)}) hạn chót ngày ${next.end}.`,
      en: `The self-inspection for ${formatPeriod(current)} is submitted; the next one (${formatPeriod(next)}) is due by ${next.end}.`,
    });
  }
  const missedPrevious =
    lastSubmittedOn === undefined
      ? registeredOn === undefined || registeredOn < current.start
      : lastSubmittedOn < previous.start;
  if (missedPrevious) {
    return schedule(current, 'overdue', current.end, {
      vi: `Quá hạn: không có tự kiểm tra kỳ ${formatPeriod(previous)}; cần nộp kỳ ${formatPeriod(current)} chậm nhất ngày ${current.end}.`,
      en: `Overdue: no self-inspection for ${formatPeriod(previous)}; submit the one for ${formatPeriod(current)} by ${current.end}.`,
    });
  }
  return schedule(current, 'due', current.end, {
    vi: `Chưa nộp tự kiểm tra kỳ ${formatPeriod(current)}; hạn chót ngày ${current.end}.`,
    en: `The self-inspection for ${formatPeriod(current)} is not submitted yet; it is due by ${current.end}.`,
  });
}

function schedule(
  current: Period,
  status: SelfInspectionStatus,
  dueOn: string,
  text: LocalizedText,
): SelfInspectionSchedule {
  const basis = frequencyBasis(current);
  return { status, dueOn, explanation: { vi: `${text.vi} ${basis.vi}`, en: `${text.en} ${basis.en}` } };
}

/** The legal basis of the frequency, so the explanation says why the period is what it is. */
function frequencyBasis(period: Period): LocalizedText {
  return period.kind === 'half'
    ? {
        vi: 'Ngành nghề có nguy cơ cao tự kiểm tra cấp công ty ít nhất 6 tháng một lần (Thông tư 07/2016/TT-BLĐTBXH).',
        en: 'High-risk sectors self-inspect at company level at least every 6 months (Circular 07/2016/TT-BLĐTBXH).',
      }
    : {
        vi: 'Doanh nghiệp tự kiểm tra cấp công ty ít nhất mỗi năm một lần (Thông tư 07/2016/TT-BLĐTBXH).',
        en: 'Enterprises self-inspect at company level at least once a year (Circular 07/2016/TT-BLĐTBXH).',
      };
}
