import { getEnterprise, getProviders, listEvidenceToReview } from '@antoan/db';
import { appliesTo, type EnterpriseProfile } from '@antoan/domain';
import type { EvidenceReviewQueue } from '@antoan/schemas';
import { publishedTemplates } from '@antoan/templates';
import type { AppDeps } from '../deps';

/** The newest version of each published template: the one whose critical items a reviewer reads beside a document. */
const currentTemplates = [
  ...new Map(
    [...publishedTemplates()]
      .sort((a, b) => a.version - b.version)
      .map((template) => [template.id, template]),
  ).values(),
];

/** The critical items of the current templates that a kind of proof stands behind, for this firm when known. */
function criticalItemsFor(kind: string, profile: EnterpriseProfile | undefined) {
  return currentTemplates.flatMap((template) =>
    template.sections.flatMap((section) =>
      section.items
        .filter(
          (item) =>
            item.severity === 'critical' &&
            (item.evidenceKinds ?? []).some((allowed) => allowed === kind) &&
            (profile === undefined || appliesTo(item.appliesWhen, profile)),
        )
        .map((item) => ({ id: item.id, text: item.text })),
    ),
  );
}

/**
 * One page of a zone's review queue: verified evidence nobody has reviewed, proof behind critical items first, then
 * the oldest first, each with its firm, its provider, its flags and the critical items it stands behind.
 */
export async function listEvidenceReviewQueue(
  deps: Pick<AppDeps, 'db'>,
  query: { zoneId: string; limit: number; cursor?: string | undefined },
): Promise<EvidenceReviewQueue> {
  const page = await listEvidenceToReview(deps.db, query);
  const firmIds = [...new Set(page.items.map((evidence) => evidence.enterpriseId))];
  const firms = new Map(
    (await Promise.all(firmIds.map((id) => getEnterprise(deps.db, id)))).flatMap((firm) =>
      firm ? [[firm.id, firm] as const] : [],
    ),
  );
  const providers = await getProviders(
    deps.db,
    page.items.flatMap((evidence) => (evidence.providerId === undefined ? [] : [evidence.providerId])),
  );
  return {
    zoneId: query.zoneId,
    items: page.items.map((evidence) => {
      const firm = firms.get(evidence.enterpriseId);
      const provider = evidence.providerId === undefined ? undefined : providers.get(evidence.providerId);
      return {
        enterpriseId: evidence.enterpriseId,
        enterpriseName: firm?.name ?? null,
        evidenceId: evidence.id,
        kind: evidence.kind,
        fileName: evidence.fileName,
        issuedOn: evidence.issuedOn,
        ...(evidence.expiresOn === undefined ? {} : { expiresOn: evidence.expiresOn }),
        ...(evidence.verifiedAt === undefined ? {} : { verifiedAt: evidence.verifiedAt }),
        priority: evidence.reviewPriority,
        flags: evidence.flags ?? [],
        provider: provider ? { id: provider.id, name: provider.name, licenceNo: provider.licenceNo } : null,
        ...(evidence.certificateNo === undefined ? {} : { certificateNo: evidence.certificateNo }),
        criticalItems: criticalItemsFor(evidence.kind, firm),
      };
    }),
    nextCursor: page.nextCursor,
  };
}
