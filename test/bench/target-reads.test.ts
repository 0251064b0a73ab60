import { DEFAULT_TARGETING_POLICY, listTargets, rankedEntry } from '@antoan/api';
import { createZone, type DbContext, putTargetEntry } from '@antoan/db';
import { createTestDb, type DynamoLocal, startDynamoLocal } from '@antoan/db/local';
import { seededRandom, type TargetSnapshot } from '@antoan/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundCounter } from './routes';

/**
 * How many items DynamoDB reads for one `GET /v1/targets`, against a priority index of `TARGET_BENCH_FIRMS`
 * firms (1,000 by default; `TARGET_BENCH_FIRMS=10000 pnpm exec vitest run bench/target-reads` for the city).
 * The firms are written straight into the index with `putTargetEntry`, the function every refresh uses.
 */
const FIRMS = Number(process.env.TARGET_BENCH_FIRMS ?? 1000);
const ZONES = 8;
const TODAY = '2026-11-23';
const SECTORS = [
  'F4100',
  'F4312',
  'C2410',
  'C2511',
  'C1020',
  'C1410',
  'C2220',
  'D3510',
  'H5210',
  'G4663',
  'M6920',
  'J6201',
];

let dynamo: DynamoLocal;
let db: DbContext;

/** A synthetic firm's snapshot: a spread of sectors, sizes and scores, a fatal accident at about 0.5 % of them. */
function snapshotOf(index: number): TargetSnapshot {
  const random = seededRandom(`bench:${index}`);
  const sectorCode = SECTORS[Math.floor(random() * SECTORS.length)] as string;
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

beforeAll(async () => {
  dynamo = await startDynamoLocal();
  db = await createTestDb(dynamo.endpoint);
  for (let z = 0; z < ZONES; z++) {
    await createZone(db, { id: `zone-${z}`, code: `Z${z}`, name: `Zone ${z}`, createdAt: TODAY }, 'bench');
  }
  const indexes = Array.from({ length: FIRMS }, (_, index) => index);
  for (let start = 0; start < FIRMS; start += 50) {
    await Promise.all(
      indexes.slice(start, start + 50).map((index) => {
        const snapshot = snapshotOf(index);
        const enterpriseId = `ent-${String(index).padStart(5, '0')}`;
        return putTargetEntry(
          db,
          rankedEntry(
            {
              enterpriseId,
              name: `Firm ${index}`,
              zoneId: `zone-${index % ZONES}`,
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
}, 600_000);

afterAll(async () => {
  await dynamo?.stop();
});

const REQUESTS: Array<{ label: string; query: { zoneId?: string; sectorCode?: string; limit: number } }> = [
  { label: 'city, limit 20', query: { limit: 20 } },
  { label: 'city, limit 50', query: { limit: 50 } },
  { label: 'city, limit 200', query: { limit: 200 } },
  { label: 'one zone, limit 20', query: { zoneId: 'zone-3', limit: 20 } },
  { label: 'city, division F41, limit 20', query: { sectorCode: 'F41', limit: 20 } },
  { label: 'city, code C2410, limit 20', query: { sectorCode: 'C2410', limit: 20 } },
  { label: 'one zone, division C24, limit 20', query: { zoneId: 'zone-3', sectorCode: 'C24', limit: 20 } },
];

describe(`items read per targets request, ${FIRMS} firms in ${ZONES} zones`, () => {
  it('reads about what it returns, whatever the number of firms, in few rounds', async () => {
    const rounds = roundCounter(db);
    const lines = [`firms: ${FIRMS}`, 'request                              returned  items read  rounds'];
    for (const { label, query } of REQUESTS) {
      const { value: list, rounds: depth } = await rounds.of(() => listTargets(db, query, TODAY));
      if (!list) throw new Error(`no list for ${label}`);
      lines.push(
        `${label.padEnd(36)} ${String(list.items.length).padStart(8)}  ${String(list.itemsRead).padStart(10)}  ${String(depth).padStart(6)}`,
      );
      // The list, one page of look-ahead per zone, the zone list and a few items per random pick.
      const bound = 2 * query.limit + (query.zoneId ? 1 : ZONES) * 12;
      expect(list.itemsRead, label).toBeLessThanOrEqual(bound);
      // One zone: its check, the priority page and the sample walk together, and at most one more read (a finer
      // code's filter can leave a page short). Every zone: the zone list first. (Before the reads overlapped: 3 and 7.)
      expect(depth, label).toBeLessThanOrEqual(query.zoneId ? 2 : 3);
      expect(list.items.length).toBeGreaterThan(0);
    }
    console.log(lines.join('\n'));
  });
});
