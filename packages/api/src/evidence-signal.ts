import { type DbContext, type Evidence, listEvidence } from '@antoan/db';
import { criticalEvidenceKinds, expiredCriticalEvidenceCount } from '@antoan/domain';
import { publishedTemplates } from '@antoan/templates';

let criticalKindsOnce: ReadonlySet<string> | undefined;

/** Kinds of proof behind a critical item of any published template (worked out on first use). */
const criticalKinds = (): ReadonlySet<string> => {
  criticalKindsOnce ??= new Set(
    publishedTemplates().flatMap((template) => [...criticalEvidenceKinds(template)]),
  );
  return criticalKindsOnce;
};

/** Whether proof of this kind stands behind a critical item, so that its expiry moves a firm's inspection priority. */
export const isCriticalEvidenceKind = (kind: string): boolean => criticalKinds().has(kind);

/** How many critical kinds of proof the firm has let run out on `today` (it reads only the firm's evidence). */
export async function expiredCriticalEvidenceOf(
  db: DbContext,
  enterpriseId: string,
  today: string,
): Promise<number> {
  const evidence: Evidence[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEvidence(db, { enterpriseId, limit: 200, cursor });
    evidence.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return expiredCriticalEvidenceCount(evidence, criticalKinds(), today);
}
