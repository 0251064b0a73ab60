import {
  type Accident,
  type AnnualData,
  type DbContext,
  type Enterprise,
  type Evidence,
  evidenceYearFacts,
  type FirmYearFacts,
  firmYearWrites,
  getAnnualData,
  getEnterprise,
  listAccidentsOccurredBetween,
  listVerifiedEvidenceIssuedBetween,
  type TransactItem,
} from '@antoan/db';
import { type AnnualFigures, type AnnualReportRecords, annualReportFigures } from '@antoan/domain';
import type { AppDeps } from '../deps';

/** The evidence kinds an Appendix II figure is filled from (`annualReportFigures`). */
const REPORTED_KINDS: ReadonlySet<string> = new Set([
  'health_exam_record',
  'occupational_disease_exam',
  'training_certificate',
  'equipment_inspection_certificate',
  'environment_monitoring_report',
]);

/** Whether an Appendix II figure reads documents of this kind. */
export const isReportedKind = (kind: string) => REPORTED_KINDS.has(kind);

/**
 * Whether a document counts in the firm's annual report and its zone's year counters: verified, not deleted, and
 * not rejected by a reviewer (a rejected document scores 0 in self-checks, so it fills no figure either).
 */
export const countsInReport = (evidence: Evidence) =>
  evidence.status === 'verified' &&
  evidence.deletedAt === undefined &&
  evidence.review?.decision !== 'rejected';

/** The documents of a firm's year that the report reads (issued in the year and counting), oldest verified first. */
export async function reportEvidenceOfYear(
  db: DbContext,
  enterpriseId: string,
  year: string,
): Promise<Evidence[]> {
  const verified = await listVerifiedEvidenceIssuedBetween(
    db,
    enterpriseId,
    `${year}-01-01`,
    `${year}-12-31`,
  );
  return verified
    .filter(countsInReport)
    .sort((a, b) => (a.verifiedAt ?? '').localeCompare(b.verifiedAt ?? '') || a.id.localeCompare(b.id));
}

/** The records an Appendix II report is filled from: the profile, the year's accidents and counting documents. */
export function appendixTwoRecords(
  enterprise: Enterprise,
  accidents: readonly Accident[],
  evidence: readonly Evidence[],
): AnnualReportRecords {
  return {
    profile: {
      headcount: enterprise.headcount,
      workforce: enterprise.workforce,
      ...(enterprise.strictEquipmentCount === undefined
        ? {}
        : { strictEquipmentCount: enterprise.strictEquipmentCount }),
    },
    accidents,
    evidence: evidence.map((item) => ({
      id: item.id,
      kind: item.kind,
      sha256: item.sha256,
      ...(item.trainingGroup === undefined ? {} : { trainingGroup: item.trainingGroup }),
      ...(item.workersCovered === undefined ? {} : { workersCovered: item.workersCovered }),
    })),
  };
}

/**
 * Whether a firm's Appendix II report is complete with these records. False while no annual form was saved: its
 * form-only figures are then missing.
 */
export function appendixTwoComplete(input: {
  enterprise: Enterprise;
  annual: AnnualData;
  accidents: readonly Accident[];
  evidence: readonly Evidence[];
}): boolean {
  if (input.annual.version === 0) return false;
  const records = appendixTwoRecords(input.enterprise, input.accidents, input.evidence);
  return annualReportFigures(records, input.annual.data as AnnualFigures).missing.length === 0;
}

/**
 * Whether the firm's Appendix II report for the year `evidence` was issued in is complete once `evidence` is
 * verified, so its year item (and the zone's `reportsComplete`) can be marked in the same transaction as the
 * evidence. Undefined when nothing can change: a kind no figure reads, or no annual form saved for that year
 * (its form-only figures are then missing, so the report stays incomplete).
 */
export async function annualReportCompleteWith(
  deps: Pick<AppDeps, 'db'>,
  evidence: Evidence,
): Promise<boolean | undefined> {
  if (!isReportedKind(evidence.kind)) return undefined;
  const year = evidence.issuedOn.slice(0, 4);
  const annual = await getAnnualData(deps.db, evidence.enterpriseId, year);
  if (annual.version === 0) return undefined;
  const [enterprise, accidents, counting] = await Promise.all([
    getEnterprise(deps.db, evidence.enterpriseId),
    listAccidentsOccurredBetween(deps.db, evidence.enterpriseId, `${year}-01-01`, `${year}-12-31`),
    reportEvidenceOfYear(deps.db, evidence.enterpriseId, year),
  ]);
  if (!enterprise) return undefined;
  const documents = [...counting.filter((item) => item.id !== evidence.id), evidence];
  return appendixTwoComplete({ enterprise, annual, accidents, evidence: documents });
}

/**
 * The writes that bring a firm's year facts back in line with its records once `evidence` stops counting (a
 * reviewer rejected it): the evidence facts of its year recounted from the documents that still count
 * (occupational-disease exams and monitoring feed the zone's counters) and the Appendix II `complete` flag
 * recomputed without it, with the zone's counters moved by the difference. For the change's own transaction;
 * empty when no figure reads its kind. If they fail their condition, the year moved meanwhile: plan again.
 */
export async function firmYearWritesWithout(
  db: DbContext,
  enterprise: Enterprise,
  evidence: Evidence,
): Promise<TransactItem[]> {
  if (!isReportedKind(evidence.kind)) return [];
  const year = evidence.issuedOn.slice(0, 4);
  const [annual, accidents, counting] = await Promise.all([
    getAnnualData(db, enterprise.id, year),
    listAccidentsOccurredBetween(db, enterprise.id, `${year}-01-01`, `${year}-12-31`),
    reportEvidenceOfYear(db, enterprise.id, year),
  ]);
  const remaining = counting.filter((item) => item.id !== evidence.id);
  const reportComplete = appendixTwoComplete({ enterprise, annual, accidents, evidence: remaining });
  const counted = evidenceYearFacts(remaining);
  return firmYearWrites(
    db,
    { enterpriseId: enterprise.id, year },
    (before): FirmYearFacts => ({ ...before, ...counted, reportComplete }),
  );
}
