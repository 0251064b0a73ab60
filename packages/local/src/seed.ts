import {
  createEnterprise,
  createZone,
  type DbContext,
  getZone,
  hasMarker,
  rebuildZoneEnterpriseCounts,
  setMarker,
} from '@antoan/db';
import { demoEnterprises, demoUsers, demoZones } from './demo-data';
import { seedDemoActions } from './seed-actions';
import { seedDemoOversight } from './seed-oversight';

/** Bump when the demo data changes, so existing local data gets the new demo on next start. */
const SEED_MARKER = 'demo-seed-v2';

/** Runs `task` over `items` with at most `limit` in flight. */
async function inBatches<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < items.length; start += limit) {
    await Promise.all(items.slice(start, start + limit).map(task));
  }
}

const ignoreConflict = (error: unknown) => {
  // A previous start that stopped half-way already wrote this item.
  if (!(error instanceof Error && error.name === 'ConflictError')) throw error;
};

/**
 * Writes the demo zones and enterprises through the same access functions the API uses, then the oversight
 * demo for the current period on `now` (assessments, accidents, inspections, the priority index; see
 * `seed-oversight.ts`). Does nothing when the demo is already there (data kept across restarts).
 */
export async function seedDemoData(
  db: DbContext,
  now: Date = new Date(),
): Promise<{ seeded: boolean; zones: number; enterprises: number }> {
  const enterprises = demoEnterprises();
  const counts = { zones: demoZones.length, enterprises: enterprises.length };
  if (await hasMarker(db, SEED_MARKER)) return { seeded: false, ...counts };
  const createdAt = '2026-01-05T00:00:00.000Z';
  for (const zone of demoZones) {
    if (!(await getZone(db, zone.id)))
      await createZone(db, { ...zone, createdAt }, 'seed').catch(ignoreConflict);
  }
  await inBatches(enterprises, 10, (enterprise) =>
    createEnterprise(db, enterprise, 'seed').catch(ignoreConflict),
  );
  // Data seeded before the zones counted their registrations gets its counters now.
  for (const zone of demoZones) await rebuildZoneEnterpriseCounts(db, zone.id);
  const officers = new Set(demoUsers(enterprises).flatMap((user) => user.enterpriseId ?? []));
  await seedDemoOversight(db, enterprises, officers, now, (items, task) => inBatches(items, 12, task));
  await seedDemoActions(
    db,
    enterprises.filter((enterprise) => !officers.has(enterprise.id)),
    now,
  );
  await setMarker(db, SEED_MARKER, new Date().toISOString());
  return { seeded: true, ...counts };
}
