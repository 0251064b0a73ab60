import { type Enterprise, type Evidence, listEvidence } from '@antoan/db';
import { addDays, vietnamDate } from '@antoan/domain';
import type { AppDeps } from '../deps';
import { evidenceView } from '../evidence-view';

/** Evidence of the library as the API lists it: whether it has expired by today in Vietnam put in. */
export type ListedEvidence = Omit<Evidence, 'objectKey'> & { expired: boolean };

/**
 * A page of a firm's evidence library; with `expiringWithinDays`, only the documents that expire from today to
 * that many days ahead (Vietnam's calendar), soonest first.
 */
export async function listEvidenceLibrary(
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: {
    enterprise: Enterprise;
    limit: number;
    cursor?: string | undefined;
    expiringWithinDays?: number | undefined;
  },
): Promise<{ items: ListedEvidence[]; nextCursor: string | null }> {
  const { enterprise, limit, cursor, expiringWithinDays } = input;
  const today = vietnamDate(deps.now());
  const page = await listEvidence(deps.db, {
    enterpriseId: enterprise.id,
    limit,
    cursor,
    ...(expiringWithinDays === undefined
      ? {}
      : { expiring: { from: today, to: addDays(today, expiringWithinDays) } }),
  });
  return {
    items: page.items.map((evidence) => ({
      ...evidenceView(evidence),
      expired: evidence.expiresOn !== undefined && evidence.expiresOn < today,
    })),
    nextCursor: page.nextCursor,
  };
}
