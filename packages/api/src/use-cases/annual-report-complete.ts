import {
  type Evidence,
  getAnnualData,
  getEnterprise,
  listAccidentsOccurredBetween,
  listVerifiedEvidenceIssuedBetween,
} from '@antoan/db';
import { type AnnualFigures, annualReportFigures } from '@antoan/domain';
import type { AppDeps } from '../deps';

/** The evidence kinds an Appendix II figure is filled from (`annualReportFigures`). */
const REPORTED_KINDS: ReadonlySet<string> = new Set([
  'health_exam_record',
  'occupational_disease_exam',
  'training_certificate',
  'equipment_inspection_certificate',
  'environment_monitoring_report',
]);

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
  if (!REPORTED_KINDS.has(evidence.kind)) return undefined;
  const year = evidence.issuedOn.slice(0, 4);
  const annual = await getAnnualData(deps.db, evidence.enterpriseId, year);
  if (annual.version === 0) return undefined;
  const [enterprise, accidents, verified] = await Promise.all([
    getEnterprise(deps.db, evidence.enterpriseId),
    listAccidentsOccurredBetween(deps.db, evidence.enterpriseId, `${year}-01-01`, `${year}-12-31`),
    listVerifiedEvidenceIssuedBetween(deps.db, evidence.enterpriseId, `${year}-01-01`, `${year}-12-31`),
  ]);
  if (!enterprise) return undefined;
  const documents = [...verified.filter((item) => item.id !== evidence.id), evidence];
  const { missing } = annualReportFigures(
    {
      profile: {
        headcount: enterprise.headcount,
        workforce: enterprise.workforce,
        ...(enterprise.strictEquipmentCount === undefined
          ? {}
          : { strictEquipmentCount: enterprise.strictEquipmentCount }),
      },
      accidents,
      evidence: documents.map((item) => ({
        id: item.id,
        kind: item.kind,
        sha256: item.sha256,
        ...(item.trainingGroup === undefined ? {} : { trainingGroup: item.trainingGroup }),
        ...(item.workersCovered === undefined ? {} : { workersCovered: item.workersCovered }),
      })),
    },
    annual.data as AnnualFigures,
  );
  return missing.length === 0;
}
