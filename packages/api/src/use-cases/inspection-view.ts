import { type DbContext, getSelfChecks, type Inspection, type SelfCheckItems } from '@antoan/db';
import { compareWithSelfCheck, credibilityGap } from '@antoan/domain';

/**
 * An inspection as the API shows it, compared with the self-check of its period as of now: `credibilityGap` is
 * the item-by-item gap over the items both scored, `disagreements` the items that differ, and `totalsGap` the old
 * difference of the two totals (over different item sets, kept for history). No self-check for the period: every
 * comparison is unknown (`null`), none is zero.
 */
export function inspectionView(inspection: Inspection, selfCheck: SelfCheckItems | undefined) {
  const selfScore = selfCheck?.total ?? null;
  const compared = selfCheck
    ? compareWithSelfCheck(inspection.score.items ?? [], selfCheck.items)
    : undefined;
  return {
    ...inspection,
    selfScore,
    credibilityGap: compared?.itemGap ?? null,
    comparedItems: compared?.comparedItems ?? 0,
    disagreements: compared?.disagreements ?? [],
    totalsGap: credibilityGap(selfScore, inspection.score.total),
  };
}
export type InspectionComparison = ReturnType<typeof inspectionView>;

/** Inspections of one firm, each beside the submitted self-check of its period (read in one pass for all of them). */
export async function comparedWithSelfChecks(
  db: DbContext,
  enterpriseId: string,
  inspections: readonly Inspection[],
): Promise<InspectionComparison[]> {
  const selfChecks = await getSelfChecks(
    db,
    enterpriseId,
    inspections.map((inspection) => inspection.period),
  );
  return inspections.map((inspection) => inspectionView(inspection, selfChecks.get(inspection.period)));
}
