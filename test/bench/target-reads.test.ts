import { listTargets } from '@antoan/api';
import type { DbContext } from '@antoan/db';
import { createTestDb, type DynamoLocal, startDynamoLocal } from '@antoan/db/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundCounter } from './routes';
import { growCity, TODAY, ZONES } from './scale';

/**
 * How many items DynamoDB reads for one `GET /v1/targets`, against a priority index of `TARGET_BENCH_FIRMS`
 * firms (1,000 by default; `TARGET_BENCH_FIRMS=10000 pnpm exec vitest run bench/target-reads` for the city).
 * The firms are written straight into the index by `growCity` (scale.ts), as P3 of `pnpm bench` writes them.
 */
const FIRMS = Number(process.env.TARGET_BENCH_FIRMS ?? 1000);
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

beforeAll(async () => {
  dynamo = await startDynamoLocal();
  db = await createTestDb(dynamo.endpoint);
  await growCity(db, 0, FIRMS, { prefix: 'zone', sectors: SECTORS, batch: 50 });
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
