import { accidentCountsOn, type CountedAccident } from './accidents';
import { selfInspectionStatus } from './schedule';
import type { TargetingFacts } from './targeting';

/**
 * What the priority index keeps about a firm: the dated facts behind its `TargetingFacts`, so that the facts of
 * any later day can be derived without reading the firm's records again (accidents age, self-checks fall due,
 * inspections fade).
 */
export interface TargetSnapshot {
  sectorCode: string;
  highRisk: boolean;
  headcount: number;
  hazardousWorkers: number;
  /** `YYYY-MM-DD` the firm was registered. */
  registeredOn: string;
  /** `YYYY-MM-DD` of the latest submitted self-assessment. */
  lastSubmittedOn?: string;
  /** Total of the latest submitted self-assessment, or null when none was ever submitted. */
  selfScore: number | null;
  /** Fatal and serious accidents recent enough to count (see `accidentsCountFrom`). */
  accidents: CountedAccident[];
  expiredCriticalEvidence: number;
  /** Self-score minus the latest inspection's score for the same period; null when not comparable. */
  credibilityGap: number | null;
  /** `YYYY-MM-DD` of the latest inspection. */
  lastInspectedOn?: string;
  /** Corrective actions pending past their due day, from the firm's counter (absent in entries made before). */
  overdueActions?: number;
}

/**
 * The targeting facts of a firm on `today`, from its snapshot. The self-check status is `never` until a
 * self-assessment was submitted, and otherwise follows `selfInspectionStatus`.
 * @example targetingFactsOn('ent-1', snapshot, '2026-11-23').selfCheckStatus // 'overdue'
 */
export function targetingFactsOn(
  enterpriseId: string,
  snapshot: TargetSnapshot,
  today: string,
): TargetingFacts {
  const counts = accidentCountsOn(snapshot.accidents, today);
  const facts: TargetingFacts = {
    enterpriseId,
    sectorCode: snapshot.sectorCode,
    highRisk: snapshot.highRisk,
    headcount: snapshot.headcount,
    hazardousWorkers: snapshot.hazardousWorkers,
    selfScore: snapshot.selfScore,
    selfCheckStatus:
      snapshot.lastSubmittedOn === undefined
        ? 'never'
        : selfInspectionStatus({
            highRisk: snapshot.highRisk,
            lastSubmittedOn: snapshot.lastSubmittedOn,
            registeredOn: snapshot.registeredOn,
            today,
          }).status,
    fatalAccidentsThisYear: counts.fatalThisYear,
    seriousAccidentsLast12Months: counts.seriousLast12Months,
    expiredCriticalEvidence: snapshot.expiredCriticalEvidence,
    credibilityGap: snapshot.credibilityGap,
  };
  if (snapshot.lastInspectedOn !== undefined) facts.lastInspectedOn = snapshot.lastInspectedOn;
  if (snapshot.overdueActions !== undefined) facts.overdueActions = snapshot.overdueActions;
  return facts;
}
