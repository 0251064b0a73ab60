import type { LocalizedText } from './template';

/** A zone's kept counters for a report (see `@antoan/db` `getZoneReportCounters`). */
export interface AreaCounters {
  firms: number;
  highRisk: number;
  headcount: number;
  hazardous: number;
  years: Record<
    string,
    {
      headcountAdjust: number;
      hazardousAdjust: number;
      odExamined: number;
      monitored: number;
      submitted: number;
      ratings: Record<'A' | 'B' | 'C' | 'D', number>;
      fatalities: number;
    }
  >;
}

export type IndicatorCode = 'fatal_accident_rate' | 'od_examined_workers' | 'monitored_facilities';

/** One of the plan's three indicators for a year, against its target. */
export interface Indicator {
  code: IndicatorCode;
  value: number | null;
  previous: number | null;
  /** `value / previous − 1`, to 4 decimals; null when there is no previous value to compare with. */
  change: number | null;
  target: { change: number; direction: 'at_most' | 'at_least' };
  met: boolean | null;
  numerator: number;
  denominator: number;
  unit: LocalizedText;
  label: LocalizedText;
}

const definitions: Record<
  IndicatorCode,
  { target: Indicator['target']; unit: LocalizedText; label: LocalizedText }
> = {
  fatal_accident_rate: {
    target: { change: -0.04, direction: 'at_most' },
    unit: { vi: 'người chết / 100.000 lao động', en: 'deaths per 100,000 workers' },
    label: { vi: 'Tần suất tai nạn lao động chết người', en: 'Fatal-accident rate' },
  },
  od_examined_workers: {
    target: { change: 0.05, direction: 'at_least' },
    unit: { vi: 'người', en: 'workers' },
    label: {
      vi: 'Số người lao động được khám phát hiện bệnh nghề nghiệp',
      en: 'Workers examined for occupational disease',
    },
  },
  monitored_facilities: {
    target: { change: 0.05, direction: 'at_least' },
    unit: { vi: 'cơ sở', en: 'facilities' },
    label: {
      vi: 'Số cơ sở được quan trắc môi trường lao động',
      en: 'Facilities with work-environment monitoring',
    },
  },
};

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** The three figures of an area (a zone, or zones summed) for one year, before comparison. */
interface YearFigures {
  fatalities: number;
  workers: number;
  odExamined: number;
  hazardous: number;
  monitored: number;
  firms: number;
}

function yearFigures(areas: readonly AreaCounters[], year: string): YearFigures {
  const figures: YearFigures = {
    fatalities: 0,
    workers: 0,
    odExamined: 0,
    hazardous: 0,
    monitored: 0,
    firms: 0,
  };
  for (const area of areas) {
    const counters = area.years[year];
    figures.firms += area.firms;
    figures.workers += area.headcount + (counters?.headcountAdjust ?? 0);
    figures.hazardous += area.hazardous + (counters?.hazardousAdjust ?? 0);
    figures.fatalities += counters?.fatalities ?? 0;
    figures.odExamined += counters?.odExamined ?? 0;
    figures.monitored += counters?.monitored ?? 0;
  }
  return figures;
}

function indicator(
  code: IndicatorCode,
  value: number | null,
  previous: number | null,
  numerator: number,
  denominator: number,
): Indicator {
  const { target, unit, label } = definitions[code];
  // Compared unrounded, shown to 2 decimals.
  let change: number | null = null;
  let met: boolean | null = null;
  if (value !== null && previous !== null) {
    if (previous === 0) {
      // No base to compare with: a fall to zero fatalities is met only at zero; a rise from zero is met by any.
      met = target.direction === 'at_most' ? value === 0 : value > 0;
    } else {
      change = round(value / previous - 1, 4);
      met = target.direction === 'at_most' ? change <= target.change : change >= target.change;
    }
  }
  const shown = (figure: number | null) => (figure === null ? null : round(figure, 2));
  return {
    code,
    value: shown(value),
    previous: shown(previous),
    change,
    target,
    met,
    numerator,
    denominator,
    unit,
    label,
  };
}

/**
 * The plan's three indicators for `year` against `year − 1`, from the kept counters of the areas in scope:
 * - fatal-accident rate: fatalities per 100,000 workers (the firms' headcounts, each firm's annual figure for
 *   the year where its form gives one), shown to 2 decimals; target a change of at most −4 %;
 * - workers examined for occupational disease (each firm capped at its hazardous-job workers), against the
 *   hazardous-job workers in scope; target at least +5 %;
 * - monitored facilities against the firms in scope; target at least +5 %.
 */
export function areaIndicators(areas: readonly AreaCounters[], year: number): Indicator[] {
  const current = yearFigures(areas, String(year));
  const previous = yearFigures(areas, String(year - 1));
  const rate = (figures: YearFigures) =>
    figures.workers === 0 ? null : (figures.fatalities / figures.workers) * 100_000;
  return [
    indicator('fatal_accident_rate', rate(current), rate(previous), current.fatalities, current.workers),
    indicator(
      'od_examined_workers',
      current.odExamined,
      previous.odExamined,
      current.odExamined,
      current.hazardous,
    ),
    indicator(
      'monitored_facilities',
      current.monitored,
      previous.monitored,
      current.monitored,
      current.firms,
    ),
  ];
}

/** The firm counts of an area for a year: registered, high-risk, submitted a self-check, by latest rating. */
export function areaFirms(areas: readonly AreaCounters[], year: number) {
  const firms = { total: 0, highRisk: 0, submitted: 0, ratingCounts: { A: 0, B: 0, C: 0, D: 0 } };
  for (const area of areas) {
    const counters = area.years[String(year)];
    firms.total += area.firms;
    firms.highRisk += area.highRisk;
    firms.submitted += counters?.submitted ?? 0;
    for (const rating of ['A', 'B', 'C', 'D'] as const)
      firms.ratingCounts[rating] += counters?.ratings[rating] ?? 0;
  }
  return firms;
}
