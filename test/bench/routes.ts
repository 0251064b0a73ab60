import { DEFAULT_TARGETING_POLICY, rankedEntry } from '@antoan/api';
import { type DbContext, keys, listZones, putTargetEntry } from '@antoan/db';
import { seededRandom } from '@antoan/domain';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Bench } from './harness';
import { authority, expectStatus, officerOf, registerFirm } from './harness';

/** The median of a list. */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Fills zone-p1's priority index to `firms` entries (written as every refresh writes them), so the target list is a
 * full page of 50 drawn from more firms than it shows, not the one firm the other routes use.
 */
async function fillTargetIndex(db: DbContext, firms: number): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  for (let start = 1; start < firms; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, firms - start) }, (_, i) => start + i).map((index) => {
        const random = seededRandom(`p1:${index}`);
        const headcount = 10 + Math.floor(random() * 900);
        const sectorCode = random() < 0.4 ? 'F4100' : 'C1410';
        return putTargetEntry(
          db,
          rankedEntry(
            {
              enterpriseId: `p1-${String(index).padStart(4, '0')}`,
              name: `P1 firm ${index}`,
              zoneId: 'zone-p1',
              sectorCode,
              computedAt: new Date().toISOString(),
              snapshot: {
                sectorCode,
                highRisk: sectorCode === 'F4100',
                headcount,
                hazardousWorkers: Math.floor(headcount * random() * 0.4),
                registeredOn: '2025-01-10',
                selfScore: random() < 0.8 ? Math.round(300 + random() * 700) / 10 : null,
                accidents: [],
                expiredCriticalEvidence: 0,
                credibilityGap: null,
              },
            },
            today,
            DEFAULT_TARGETING_POLICY,
          ),
        );
      }),
    );
  }
}

/**
 * Counts the sequential rounds of DynamoDB calls: a call is one round after the latest round that had finished when
 * it started, so calls made together count once and a call that waits for another counts again.
 */
export function roundCounter(ctx: DbContext) {
  let finished = 0;
  let deepest = 0;
  ctx.doc.middlewareStack.remove('countRounds');
  ctx.doc.middlewareStack.add(
    (next) => async (args) => {
      const round = finished + 1;
      deepest = Math.max(deepest, round);
      try {
        return await next(args);
      } finally {
        finished = Math.max(finished, round);
      }
    },
    { step: 'initialize', name: 'countRounds' },
  );
  return {
    async of<T>(work: () => Promise<T>): Promise<{ value: T; rounds: number }> {
      finished = 0;
      deepest = 0;
      const value = await work();
      return { value, rounds: deepest };
    },
  };
}

interface RouteCase {
  name: string;
  route: () => Promise<unknown>;
  /** The DynamoDB calls the route cannot do without, made straight with the SDK, in as few rounds as the keys allow. */
  raw: () => Promise<unknown>;
}

/**
 * P1: each main route (through Hono, token check, schema, use case, db functions) against the raw SDK calls it
 * needs, taken in turn `runs` times; medians and their ratio.
 */
export async function routeRatios(bench: Bench, runs: number) {
  const db: DbContext = bench.db;
  const eid = await registerFirm(bench, 'zone-p1', 9001);
  await fillTargetIndex(db, 120);
  const as = officerOf(eid);
  const manager = { sub: 'zm-p1', role: 'zone_manager', zoneIds: ['zone-p1'] } as const;
  const draft = await expectStatus<{ id: string; applicableItemIds: string[] }>(
    await bench.call('POST', `/v1/enterprises/${eid}/assessments`, as, {
      templateId: 'osh-self-inspection',
      period: '2026-H2',
    }),
    201,
    'create',
  );
  let version = 1;
  const itemId = draft.applicableItemIds[0] as string;
  const table = db.tableName;
  const get = (key: Record<string, string>) =>
    db.doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
  const saves = () =>
    db.doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': `ENT#${eid}`, ':p': keys.assessmentAnswersPrefix(draft.id) },
        ConsistentRead: true,
      }),
    );
  let rawVersion = 1_000_000;
  const cases: RouteCase[] = [
    {
      name: 'GET enterprise',
      route: async () =>
        expectStatus(await bench.call('GET', `/v1/enterprises/${eid}`, as), 200, 'get enterprise'),
      raw: () => get(keys.enterprise(eid)),
    },
    {
      name: 'GET assessment',
      route: async () =>
        expectStatus(
          await bench.call('GET', `/v1/enterprises/${eid}/assessments/${draft.id}`, as),
          200,
          'get',
        ),
      raw: () => Promise.all([get(keys.enterprise(eid)), get(keys.assessment(eid, draft.id)), saves()]),
    },
    {
      name: 'PATCH assessment (1 answer)',
      route: async () => {
        await expectStatus(
          await bench.call(
            'PATCH',
            `/v1/enterprises/${eid}/assessments/${draft.id}`,
            as,
            { answers: { [itemId]: { value: 'compliant' } } },
            { 'If-Match': `"${version}"` },
          ),
          200,
          'patch',
        );
        version++;
      },
      raw: async () => {
        await Promise.all([get(keys.enterprise(eid)), get(keys.assessment(eid, draft.id)), saves()]);
        rawVersion++;
        await db.doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.assessmentAnswers(eid, `raw-${draft.id}`, rawVersion),
              answers: { [itemId]: { value: 'compliant' } },
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      },
    },
    {
      name: 'GET zone dashboard',
      route: async () =>
        expectStatus(
          await bench.call('GET', '/v1/zones/zone-p1/dashboard?period=2026', manager),
          200,
          'dashboard',
        ),
      raw: () =>
        db.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [table]: {
                Keys: [
                  keys.zone('zone-p1'),
                  keys.zoneEnterpriseCounts('zone-p1'),
                  keys.zoneStats('zone-p1', '2026'),
                  keys.zoneStats('zone-p1', '2025'),
                  keys.zoneAccidents('zone-p1', '2026'),
                  keys.zoneActionCounts('zone-p1'),
                  keys.zoneYear('zone-p1', '2026'),
                ],
                ConsistentRead: true,
              },
            },
          }),
        ),
    },
    {
      name: 'GET targets?limit=50 (one zone)',
      route: async () =>
        expectStatus(
          await bench.call('GET', '/v1/targets?limit=50&zoneId=zone-p1', authority),
          200,
          'targets',
        ),
      raw: () =>
        Promise.all([
          get(keys.zone('zone-p1')),
          db.doc.send(
            new QueryCommand({
              TableName: table,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk',
              ExpressionAttributeValues: { ':pk': keys.targetsOfZone('zone-p1') },
              Limit: 50,
            }),
          ),
        ]),
    },
    {
      name: 'GET targets?limit=50 (all zones)',
      route: async () =>
        expectStatus(await bench.call('GET', '/v1/targets?limit=50', authority), 200, 'targets'),
      // The zone list, then each zone's share of the 50 from its partition of the index, all at once.
      raw: async () => {
        const zones = (await listZones(db, { limit: 200 })).items;
        await Promise.all(
          zones.map((zone) =>
            db.doc.send(
              new QueryCommand({
                TableName: table,
                IndexName: 'gsi1',
                KeyConditionExpression: 'gsi1pk = :pk',
                ExpressionAttributeValues: { ':pk': keys.targetsOfZone(zone.id) },
                Limit: Math.ceil(50 / zones.length),
              }),
            ),
          ),
        );
      },
    },
  ];
  const rows = [];
  const rounds = roundCounter(db);
  for (const c of cases) {
    await c.route();
    await c.raw();
    const routeRounds = (await rounds.of(c.route)).rounds;
    const rawRounds = (await rounds.of(c.raw)).rounds;
    const route: number[] = [];
    const raw: number[] = [];
    for (let run = 0; run < runs; run++) {
      let t = performance.now();
      await c.route();
      route.push(performance.now() - t);
      t = performance.now();
      await c.raw();
      raw.push(performance.now() - t);
    }
    rows.push({
      name: c.name,
      routeMs: median(route),
      rawMs: median(raw),
      ratio: median(route) / median(raw),
      routeRounds,
      rawRounds,
    });
  }
  return rows;
}
