import { listEvidenceExpiringOn, listZones } from '@antoan/db';
import { addDays } from '@antoan/domain';
import type { AppDeps } from '../deps';
import { expiredCriticalEvidenceOf } from '../evidence-signal';
import { refreshAfterWrite, rerankZoneTargets } from '../targeting';
import { type ActionRun, runActionReminders } from './action-reminders';
import { type NotificationDelivery, type ReminderRun, runReminders } from './reminders';

/** What one run of the daily jobs did. */
export interface DailyRun {
  reminders: ReminderRun;
  /** Corrective actions: outboxes drained, actions due today and newly overdue (counted and notified). */
  actions: ActionRun;
  /** Firms whose proof expired yesterday and whose target priority was refreshed. */
  refreshedForExpiry: number;
  /** Target entries read and rewritten by the re-rank of every zone. */
  reranked: { zones: number; read: number; rewritten: number };
}

/**
 * The daily work: reminders; a fresh priority for every firm whose evidence ran out yesterday (its expired
 * critical proof now counts, read from the gsi3 day partition, never a scan); and a re-rank of each zone's
 * target index, so time-driven facts (overdue self-checks, ageing inspections and accidents) move the order.
 */
export async function runDailyJobs(
  deps: AppDeps,
  today: string,
  deliver?: NotificationDelivery,
): Promise<DailyRun> {
  const reminders = await runReminders(deps, today, deliver);
  const actions = await runActionReminders(deps, today, deliver);
  const expired = await listEvidenceExpiringOn(deps.db, addDays(today, -1));
  const firms = [...new Set(expired.map((evidence) => evidence.enterpriseId))];
  for (const enterpriseId of firms) {
    const expiredCriticalEvidence = await expiredCriticalEvidenceOf(deps.db, enterpriseId, today);
    await refreshAfterWrite(deps.db, enterpriseId, today, { expiredCriticalEvidence });
  }
  const reranked = { zones: 0, read: 0, rewritten: 0 };
  let cursor: string | undefined;
  do {
    const page = await listZones(deps.db, { limit: 100, cursor });
    for (const zone of page.items) {
      const run = await rerankZoneTargets(deps.db, zone.id, today);
      reranked.zones++;
      reranked.read += run.read;
      reranked.rewritten += run.rewritten;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { reminders, actions, refreshedForExpiry: firms.length, reranked };
}
