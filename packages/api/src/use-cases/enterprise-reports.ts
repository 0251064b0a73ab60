import { type Enterprise, getAnnualData, listAccidentsOccurredBetween } from '@antoan/db';
import {
  type AnnualFigures,
  annualReportFigures,
  appendixTwoLines,
  type FigureSource,
  nestFigures,
} from '@antoan/domain';
import type { AccidentReport, EnterpriseAnnualReport } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { appendixTwoRecords, reportEvidenceOfYear } from './annual-report-complete';

/**
 * The enterprise's statutory annual OSH report (Circular 07/2016, Appendix II) for a year: its figures from the
 * records first (profile, accidents of the year, verified evidence issued in the year), then from its annual
 * form; what neither holds is null and listed in `missing`. Due on 10 January of the next year.
 */
export async function buildEnterpriseAnnualReport(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: {
    enterprise: Enterprise;
    year: number;
    /** The annual figures to fill from; read from the table when not given (a save checks its own). */
    figures?: AnnualFigures;
  },
): Promise<EnterpriseAnnualReport> {
  const { enterprise, year } = input;
  const [accidents, evidence, figures] = await Promise.all([
    listAccidentsOccurredBetween(deps.db, enterprise.id, `${year}-01-01`, `${year}-12-31`),
    reportEvidenceOfYear(deps.db, enterprise.id, String(year)),
    input.figures ??
      getAnnualData(deps.db, enterprise.id, String(year)).then((annual) => annual.data as AnnualFigures),
  ]);
  const filled = annualReportFigures(appendixTwoRecords(enterprise, accidents, evidence), figures);
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    taxCode: enterprise.taxCode,
    year,
    generatedAt: deps.now().toISOString(),
    dueOn: `${year + 1}-01-10`,
    complete: filled.missing.length === 0,
    missing: filled.missing,
    figures: nestFigures(filled.values),
    sources: filled.sources as Record<string, FigureSource>,
    lines: appendixTwoLines.map((line) => ({
      ...line,
      ...(line.figure === undefined ? {} : { value: filled.values[line.figure] ?? null }),
    })),
  };
}

/** The first and last day of `YYYY`, `YYYY-H1` or `YYYY-H2`, and when its statistics are due. */
function accidentPeriod(period: string): { from: string; to: string; dueOn: string } {
  const year = Number(period.slice(0, 4));
  if (period.endsWith('-H1')) return { from: `${year}-01-01`, to: `${year}-06-30`, dueOn: `${year}-07-05` };
  return {
    from: period.endsWith('-H2') ? `${year}-07-01` : `${year}-01-01`,
    to: `${year}-12-31`,
    dueOn: `${year + 1}-01-10`,
  };
}

/**
 * The enterprise's accident report for a half-year or a year: each accident of the period (by its day in
 * Vietnam) with victims, severity and cause, and their totals. Days lost are known only per year, from the
 * annual form; per accident they are not recorded yet (null, listed in `missing`).
 */
export async function buildAccidentReport(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: { enterprise: Enterprise; period: string },
): Promise<AccidentReport> {
  const { enterprise, period } = input;
  const { from, to, dueOn } = accidentPeriod(period);
  const wholeYear = /^\d{4}$/.test(period);
  const [accidents, annual] = await Promise.all([
    listAccidentsOccurredBetween(deps.db, enterprise.id, from, to),
    wholeYear ? getAnnualData(deps.db, enterprise.id, period) : undefined,
  ]);
  const daysLost = (annual?.data as AnnualFigures | undefined)?.accidentCosts?.daysLost ?? null;
  const count = (severity: string) => accidents.filter((accident) => accident.severity === severity).length;
  const sum = (field: 'victims' | 'fatalities') => accidents.reduce((total, a) => total + a[field], 0);
  const ids = accidents.map((accident) => accident.id);
  const record = { kind: 'record' as const, from: 'accidents', count: accidents.length, ids };
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    period,
    from,
    to,
    generatedAt: deps.now().toISOString(),
    dueOn,
    accidents: accidents.map((accident) => ({
      id: accident.id,
      occurredOn: accident.occurredOn,
      severity: accident.severity,
      victims: accident.victims,
      fatalities: accident.fatalities,
      cause: accident.cause,
      daysLost: null,
    })),
    totals: {
      accidents: accidents.length,
      fatal: count('fatal'),
      serious: count('serious'),
      minor: count('minor'),
      victims: sum('victims'),
      fatalities: sum('fatalities'),
      daysLost,
    },
    missing: [
      ...accidents.map((_, index) => `accidents.${index}.daysLost`),
      ...(daysLost === null ? ['totals.daysLost'] : []),
    ],
    sources: {
      'totals.accidents': record,
      'totals.victims': record,
      'totals.fatalities': record,
      ...(daysLost === null ? {} : { 'totals.daysLost': { kind: 'form' as const, from: 'annual-data' } }),
    },
  };
}
