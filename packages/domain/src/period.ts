/** The length of a reporting period. */
export type PeriodKind = 'year' | 'half' | 'quarter';

/** A calendar year, half-year or quarter, with its first and last day (`YYYY-MM-DD`). */
export interface Period {
  year: number;
  kind: PeriodKind;
  /** 1 for a year, 1–2 for a half-year, 1–4 for a quarter. */
  index: number;
  start: string;
  end: string;
}

/** The result of {@link parsePeriod}: a period, or a message saying what is wrong. */
export type ParsePeriodResult = { success: true; period: Period } | { success: false; message: string };

const PERIOD_PATTERN = /^(\d{4})(?:-([HQ])([1-4]))?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3 };
const PERIODS_PER_YEAR: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4 };

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function makePeriod(year: number, kind: PeriodKind, index: number): Period {
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} is outside 0000–9999.`);
  const endMonth = index * MONTHS[kind];
  const startMonth = endMonth - MONTHS[kind] + 1;
  // Periods end in March, June, September or December, so no February or leap-year case arises.
  const lastDay = endMonth === 6 || endMonth === 9 ? 30 : 31;
  return {
    year,
    kind,
    index,
    start: `${pad(year, 4)}-${pad(startMonth, 2)}-01`,
    end: `${pad(year, 4)}-${pad(endMonth, 2)}-${lastDay}`,
  };
}

/**
 * Parses `YYYY`, `YYYY-H1`, `YYYY-H2` or `YYYY-Q1`…`YYYY-Q4`.
 * @example parsePeriod('2026-H2') // { success: true, period: { year: 2026, kind: 'half', index: 2, start: '2026-07-01', end: '2026-12-31' } }
 */
export function parsePeriod(text: string): ParsePeriodResult {
  const match = PERIOD_PATTERN.exec(text);
  if (match) {
    const kind: PeriodKind = match[2] === undefined ? 'year' : match[2] === 'H' ? 'half' : 'quarter';
    const index = Number(match[3] ?? 1);
    if (index <= PERIODS_PER_YEAR[kind]) {
      return { success: true, period: makePeriod(Number(match[1]), kind, index) };
    }
  }
  return {
    success: false,
    message: `"${text}" is not a period; expected YYYY, YYYY-H1, YYYY-H2 or YYYY-Q1…YYYY-Q4, e.g. 2026-H1.`,
  };
}

/** Whether `text` is a valid period such as `2026`, `2026-H1` or `2026-Q3`. */
export function isPeriod(text: string): boolean {
  return parsePeriod(text).success;
}

/** The period's canonical text, e.g. `2026`, `2026-H1`, `2026-Q3`. */
export function formatPeriod(period: Period): string {
  const year = pad(period.year, 4);
  if (period.kind === 'year') return year;
  return `${year}-${period.kind === 'half' ? 'H' : 'Q'}${period.index}`;
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/**
 * The period of the given kind that contains `date` (`YYYY-MM-DD`); throws a RangeError for an invalid date.
 * @example periodOf('2026-07-01', 'half').start // '2026-07-01'
 */
export function periodOf(date: string, kind: PeriodKind): Period {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a calendar date; expected YYYY-MM-DD.`);
  const month = Number(date.slice(5, 7));
  return makePeriod(Number(date.slice(0, 4)), kind, Math.ceil(month / MONTHS[kind]));
}

/**
 * The period `offset` periods of the same kind after (or, when negative, before) `period`.
 * @example formatPeriod(shiftPeriod(periodOf('2026-03-15', 'half'), -1)) // '2025-H2'
 */
export function shiftPeriod(period: Period, offset: number): Period {
  const perYear = PERIODS_PER_YEAR[period.kind];
  const position = period.year * perYear + (period.index - 1) + offset;
  return makePeriod(Math.floor(position / perYear), period.kind, (position % perYear) + 1);
}

/** Vietnam's offset from UTC (no daylight saving): dates on documents and deadlines are Vietnamese dates. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The calendar date in Vietnam (UTC+7) at `instant`, as `YYYY-MM-DD`.
 * @example vietnamDate(new Date('2026-11-28T18:00:00Z')) // '2026-11-29'
 */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The calendar day `days` after `day` (both `YYYY-MM-DD`; negative goes back).
 * @example addDays('2026-12-30', 3) // '2027-01-02'
 */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
