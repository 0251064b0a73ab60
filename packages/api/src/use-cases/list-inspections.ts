import { type Enterprise, listInspections } from '@antoan/db';
import type { AppDeps } from '../deps';
import { comparedWithSelfChecks, type InspectionComparison } from './inspection-view';

/** A page of a firm's inspections, latest first, each compared with the self-check of its period as of now. */
export async function listInspectionsCompared(
  deps: Pick<AppDeps, 'db'>,
  input: { enterprise: Enterprise; limit: number; cursor?: string | undefined },
): Promise<{ items: InspectionComparison[]; nextCursor: string | null }> {
  const { enterprise, limit, cursor } = input;
  const page = await listInspections(deps.db, { enterpriseId: enterprise.id, limit, cursor });
  return {
    items: await comparedWithSelfChecks(deps.db, enterprise.id, page.items),
    nextCursor: page.nextCursor,
  };
}
