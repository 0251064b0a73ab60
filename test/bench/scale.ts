import { DEFAULT_TARGETING_POLICY, listTargets, rankedEntry } from '@antoan/api';
import { createZone, type DbContext, putTargetEntry } from '@antoan/db';
import { seededRandom, type TargetSnapshot } from '@antoan/domain';

/** P3's city: firms written straight into the priority index, as every refresh writes them. */
export const ZONES = 8;
export const TODAY = '2026-11-23';
const SECTORS = ['F4100', 'F4312', 'C2410', 'C2511', 'C1020', 'C1410', 'C2220', 'D3510', 'H5210', 'G4663'];

/** A synthetic firm's snapshot: a spread of sectors, sizes and scores, a fatal accident at about 0.5 % of them. */
function snapshotOf(index: number, sectors: readonly string[]): TargetSnapshot {
  const random = seededRandom(`bench:${index}`);
  const sectorCode = sectors[Math.floor(random() * sectors.length)] as string;
  const headcount = 5 + Math.floor(random() ** 2 * 2000);
  const submitted = random() < 0.8;
  const snapshot: TargetSnapshot = {
    sectorCode,
    highRisk: /^(F|C24|C25|D35)/.test(sectorCode),
    headcount,
    hazardousWorkers: Math.floor(headcount * random() * 0.5),
    registeredOn: '2025-01-10',
    selfScore: submitted ? Math.round(300 + random() * 700) / 10 : null,
    accidents: random() < 0.005 ? [{ severity: 'fatal', occurredOn: '2026-06-01' }] : [],
    expiredCriticalEvidence: random() < 0.1 ? 1 : 0,
    credibilityGap: random() < 0.05 ? Math.round(random() * 400) / 10 : null,
  };
  if (submitted) snapshot.lastSubmittedOn = random() < 0.8 ? '2026-10-01' : '2025-05-01';
  return snapshot;
}

/** How a city is seeded: the prefix of its zone and firm ids, the sectors drawn from, firms written at once. */
export interface CityShape {
  prefix?: string;
  sectors?: readonly string[];
  batch?: number;
}

/**
 * Grows the index of `db` from `from` to `to` firms (the zones are made with the first firms), written straight
 * into the priority index with `putTargetEntry`, the function every refresh uses. Zones are `<prefix>-<n>`,
 * firms `<prefix>-<000123>`.
 */
export async function growCity(
  db: DbContext,
  from: number,
  to: number,
  { prefix = 'city', sectors = SECTORS, batch = 25 }: CityShape = {},
): Promise<void> {
  if (from === 0) {
    for (let z = 0; z < ZONES; z++)
      await createZone(
        db,
        { id: `${prefix}-${z}`, code: `C${z}`, name: `City zone ${z}`, createdAt: TODAY },
        'bench',
      );
  }
  for (let start = from; start < to; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, to - start) }, (_, i) => start + i).map((index) => {
        const snapshot = snapshotOf(index, sectors);
        return putTargetEntry(
          db,
          rankedEntry(
            {
              enterpriseId: `${prefix}-${String(index).padStart(6, '0')}`,
              name: `Firm ${index}`,
              zoneId: `${prefix}-${index % ZONES}`,
              sectorCode: snapshot.sectorCode,
              computedAt: '2026-11-23T00:00:00.000Z',
              snapshot,
            },
            TODAY,
            DEFAULT_TARGETING_POLICY,
          ),
        );
      }),
    );
  }
}

/** One target list as the route reads it: items returned, items read, milliseconds. */
export async function targetList(db: DbContext, zoneId?: string) {
  const started = performance.now();
  const list = await listTargets(db, { limit: 50, ...(zoneId ? { zoneId } : {}) }, TODAY);
  const ms = performance.now() - started;
  if (!list) throw new Error('no list');
  return { returned: list.items.length, read: list.itemsRead, ms };
}
