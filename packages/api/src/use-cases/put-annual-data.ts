import { type AnnualData, ConflictError, type Enterprise, putAnnualData } from '@antoan/db';
import { type AnnualFigureError, type AnnualFigures, annualFigureErrors } from '@antoan/domain';
import type { AnnualFiguresInput } from '@antoan/schemas';
import type { AppDeps } from '../deps';
import { buildEnterpriseAnnualReport } from './enterprise-reports';

/** Why the annual figures were not saved. */
export type PutAnnualDataError = { kind: 'invalid'; errors: AnnualFigureError[] } | { kind: 'stale' };

/**
 * Saves an enterprise's annual figures for a year if `expectedVersion` is the current one, after the rules
 * across fields (no group of workers above the headcount, and so on). The year's headcount and hazardous-job
 * workers it declares move the zone's report counters in the same transaction.
 */
export async function saveAnnualData(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: {
    enterprise: Enterprise;
    year: number;
    expectedVersion: number;
    figures: AnnualFiguresInput;
    actor: string;
  },
): Promise<{ ok: true; value: AnnualData } | { ok: false; error: PutAnnualDataError }> {
  // The schema refuses `undefined` values (JSON has none), so its output is the domain's shape.
  const figures = input.figures as AnnualFigures;
  const errors = annualFigureErrors(figures, input.enterprise.headcount);
  if (errors.length > 0) return { ok: false, error: { kind: 'invalid', errors } };
  // Whether the report is complete with these figures, so the deadline reminders and the zone dashboard can
  // count complete reports without reading every firm's records.
  const report = await buildEnterpriseAnnualReport(deps, {
    enterprise: input.enterprise,
    year: input.year,
    figures,
  });
  try {
    const saved = await putAnnualData(deps.db, {
      enterpriseId: input.enterprise.id,
      year: String(input.year),
      expectedVersion: input.expectedVersion,
      data: figures as Record<string, unknown>,
      headcount: figures.workforce?.total ?? null,
      hazardous: figures.workforce?.hazardous ?? null,
      reportComplete: report.complete,
      actor: input.actor,
      at: deps.now().toISOString(),
    });
    return { ok: true, value: saved };
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'stale_version')
      return { ok: false, error: { kind: 'stale' } };
    throw error;
  }
}
