import {
  createZone,
  getCoverage,
  getDataFormatVersion,
  getEnterpriseActionCounts,
  getFirmYearFacts,
  getZoneActionCounts,
  getZoneReportCounters,
  keys,
  listActionsOfEnterprise,
  listAssessments,
  listEnterprisesInZone,
  setDataFormatVersion,
} from '@antoan/db';
import { DeleteCommand, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDraftThroughApi,
  officerOf,
  registerThroughApi,
  submitThroughApi,
} from '../oversight-test-support';
import { callers, createTestApi, putEvidenceRecord, type TestApi } from '../test-support';
import { DATA_FORMAT_VERSION, ensureDataFormat, type Rebuilder, rebuilders, runBackfill } from './backfill';

let api: TestApi;
const now = '2026-11-28T03:00:00.000Z';
const today = '2026-11-28';

/** Everything the oversight screens show, read through the API. */
async function oversightViews(): Promise<Record<string, unknown>> {
  const views: Record<string, unknown> = {};
  const read = async (path: string, as: Parameters<TestApi['call']>[2] extends infer O ? O : never) => {
    const response = await api.call('GET', path, as);
    expect(response.status, path).toBe(200);
    views[path] = await response.json();
  };
  for (const zone of ['zone-a', 'zone-b']) {
    for (const period of ['2026', '2026-H2', '2025']) {
      await read(`/v1/zones/${zone}/dashboard?period=${period}`, { as: callers.authority });
      await read(`/v1/zones/${zone}/enterprises?period=${period}&order=asc&limit=50`, {
        as: callers.authority,
      });
    }
  }
  // The zone report reads the year counters.
  await read('/v1/reports/annual?year=2026&zoneId=zone-a', { as: callers.authority });
  await read('/v1/targets?limit=50', { as: callers.authority });
  await read('/v1/targets?zoneId=zone-b&limit=50', { as: callers.inspector });
  // The annual report's coverage aggregate (no route reads it yet).
  views.coverage = await getCoverage(api.db, firmWithEvidence, '2026');
  return views;
}

/** Every item of the table, in key order: what "changes nothing" is checked against. */
async function tableItems(): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await api.db.doc.send(
      new ScanCommand({ TableName: api.db.tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const key = (item: Record<string, unknown>) => `${item.pk}\u0000${item.sk}`;
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The items the live path keeps beside the records, which data written before that code lacks. */
const derived = (item: Record<string, unknown>) => {
  const sk = String(item.sk);
  return (
    sk === 'ENTERPRISES' ||
    sk.startsWith('STATS#') ||
    sk.startsWith('ACCIDENTS#') ||
    sk.startsWith('SCORE#') ||
    sk.startsWith('TARGET') ||
    sk.startsWith('COVERAGE#') ||
    sk.startsWith('YEAR#') ||
    sk === 'ACTION_COUNTS' ||
    String(item.pk).startsWith('MARKER#')
  );
};

/**
 * Turns the table into what an older version left: the records without their counters and index entries, and the
 * firm records without the zone name registration now copies onto them.
 */
async function dropDerivedItems(): Promise<number> {
  const items = await tableItems();
  const doomed = items.filter(derived);
  for (const item of doomed) {
    await api.db.doc.send(
      new DeleteCommand({ TableName: api.db.tableName, Key: { pk: item.pk, sk: item.sk } }),
    );
  }
  for (const item of items.filter((item) => item.type === 'enterprise' && 'zoneName' in item)) {
    await api.db.doc.send(
      new UpdateCommand({
        TableName: api.db.tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'REMOVE zoneName',
      }),
    );
  }
  return doomed.length;
}

let live: Record<string, unknown>;
let firmWithEvidence = '';

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(now) });
  for (const [id, code] of [
    ['zone-a', 'ZA'],
    ['zone-b', 'ZB'],
  ] as const) {
    await createZone(api.db, { id, code, name: `Zone ${code}`, createdAt: now }, 'seed');
  }
  const firm = (n: number, name: string, sectorCode: string, zoneId: string, hazardous = 0) =>
    registerThroughApi(api, { taxCode: `18000002${n}`, name, zoneId, sectorCode, headcount: 30, hazardous });
  const a1 = await firm(10, 'Anh Dương', 'C1010', 'zone-a');
  const a2 = await firm(11, 'Bình Minh', 'J6201', 'zone-a');
  const a3 = await firm(12, 'Cửu Long', 'G4663', 'zone-a');
  const high = await firm(13, 'Xây dựng Tây Đô', 'F4100', 'zone-a', 12);
  const b1 = await firm(14, 'Zone B firm', 'C1010', 'zone-b');
  const pattern = (every: number, value: 'partial' | 'non_compliant') => (_id: string, index: number) =>
    index % every === 0 ? value : 'compliant';
  await submitThroughApi(api, officerOf(a1), a1, '2026', () => 'compliant');
  await submitThroughApi(api, officerOf(a2), a2, '2026', pattern(2, 'partial'));
  await createDraftThroughApi(api, officerOf(a3), a3, '2026');
  await submitThroughApi(api, officerOf(high), high, '2026-H2', pattern(3, 'non_compliant'));
  await submitThroughApi(api, officerOf(b1), b1, '2026', pattern(4, 'non_compliant'));
  for (const [eid, severity, occurredAt] of [
    [a1, 'fatal', '2026-03-02T08:00:00+07:00'],
    [a2, 'serious', '2026-05-02T08:00:00+07:00'],
    [a2, 'minor', '2025-12-31T08:00:00+07:00'],
    [b1, 'fatal', '2026-06-02T08:00:00+07:00'],
  ] as const) {
    const response = await api.call('POST', `/v1/enterprises/${eid}/accidents`, {
      as: officerOf(eid),
      body: {
        occurredAt,
        severity,
        victims: 2,
        fatalities: severity === 'fatal' ? 1 : 0,
        cause: 'Máy cuốn',
        description: 'Tai nạn khi vận hành máy.',
      },
    });
    expect(response.status).toBe(201);
  }
  firmWithEvidence = a1;
  for (const [id, kind] of [
    ['ev-env', 'environment_monitoring_report'],
    ['ev-equipment', 'equipment_inspection_certificate'],
  ] as const) {
    await putEvidenceRecord(api.db, { enterpriseId: a1, zoneId: 'zone-a', id, kind, issuedOn: '2026-02-01' });
  }
  await putEvidenceRecord(
    api.db,
    {
      enterpriseId: a1,
      zoneId: 'zone-a',
      id: 'ev-pending',
      kind: 'environment_monitoring_report',
      issuedOn: '2026-03-01',
    },
    { verify: false },
  );
  live = await oversightViews();
  expect(live.coverage).toMatchObject({ environmentMonitored: true, equipmentInspected: 1 });
});

describe('the backfill job', () => {
  it('gives data without counters or index entries the same dashboards, firm lists and targets as the live path', async () => {
    const dropped = await dropDerivedItems();
    expect(dropped).toBeGreaterThan(10);
    // Without the derived items the views are visibly wrong, so the comparison below can fail.
    expect(await oversightViews()).not.toEqual(live);
    expect(await getDataFormatVersion(api.db)).toBe(0);

    const run = await runBackfill({ db: api.db }, { today });
    expect(run).toMatchObject({ zones: 2, enterprises: 5, dataFormatVersion: DATA_FORMAT_VERSION });
    expect(run.rebuilt).toEqual({
      'zone-registrations': { checked: 2, rewritten: 2 },
      // zone-a 2026 (two submitted, one draft), zone-a 2026-H2, zone-b 2026.
      'zone-stats': { checked: 3, rewritten: 3 },
      'score-index': { checked: 4, rewritten: 4 },
      // zone-a 2026 and 2025, zone-b 2026.
      'zone-accidents': { checked: 3, rewritten: 3 },
      // a1's 2026, from its two verified files (not the pending one).
      'evidence-coverage': { checked: 1, rewritten: 1 },
      // The four firms with a submitted 2026 self-check, and zone-a's and zone-b's 2026.
      'year-counters': { checked: 6, rewritten: 6 },
      // Five firms (a3 has no action: its check is a draft) and two zones; every one but a3 has gap actions.
      'action-counts': { checked: 7, rewritten: 6 },
      'target-index': { checked: 5, rewritten: 5 },
      'zone-names': { checked: 5, rewritten: 5 },
    });
    expect(await oversightViews()).toEqual(live);
    // The firm record carries its zone's name again, so its profile reads one item.
    const { Item } = await api.db.doc.send(
      new GetCommand({ TableName: api.db.tableName, Key: keys.enterprise(firmWithEvidence) }),
    );
    expect(Item?.zoneName).toBe('Zone ZA');
    expect(await getDataFormatVersion(api.db)).toBe(DATA_FORMAT_VERSION);
  });

  it('changes nothing when run again', async () => {
    const before = await tableItems();
    const run = await runBackfill({ db: api.db }, { today }, { at: '2026-11-29T00:00:00.000Z' });
    for (const count of Object.values(run.rebuilt)) expect(count.rewritten).toBe(0);
    const after = await tableItems();
    // Only the data-format marker's timestamp may move; no counter, index entry or record changes.
    const withoutMarker = (items: Array<Record<string, unknown>>) =>
      items.filter((item) => !String(item.pk).startsWith('MARKER#'));
    expect(withoutMarker(after)).toEqual(withoutMarker(before));
    expect(await oversightViews()).toEqual(live);
  });

  it('leaves counters the live path kept alone (nothing to rewrite on current data)', async () => {
    const run = await runBackfill({ db: api.db }, { today });
    expect(Object.values(run.rebuilt).reduce((sum, count) => sum + count.rewritten, 0)).toBe(0);
  });

  it('repairs a counter that drifted', async () => {
    const items = await tableItems();
    const stats = items.find((item) => String(item.sk) === 'STATS#2026' && item.zoneId === 'zone-a');
    expect(stats).toBeDefined();
    await api.db.doc.send(
      new DeleteCommand({ TableName: api.db.tableName, Key: { pk: stats?.pk, sk: stats?.sk } }),
    );
    const run = await runBackfill({ db: api.db }, { today });
    expect(run.rebuilt['zone-stats']).toEqual({ checked: 3, rewritten: 1 });
    expect(await oversightViews()).toEqual(live);
  });

  it('brings corrupted year and action counters back to a recount from the records', async () => {
    const put = (Item: Record<string, unknown>) =>
      api.db.doc.send(new PutCommand({ TableName: api.db.tableName, Item }));
    const a1 = firmWithEvidence;
    // Drift of every kind: a sum off, a firm's year item lost, a year no record supports, counters off by hand.
    await put({
      pk: 'ZONE#zone-a',
      sk: 'YEAR#2026',
      type: 'zone_year',
      zoneId: 'zone-a',
      year: '2026',
      submitted: 9,
      reportsComplete: 4,
      'rating#A': 7,
    });
    await api.db.doc.send(
      new DeleteCommand({ TableName: api.db.tableName, Key: { pk: `ENT#${a1}`, sk: 'YEAR#2026' } }),
    );
    await put({
      pk: 'ZONE#zone-b',
      sk: 'YEAR#2019',
      type: 'zone_year',
      zoneId: 'zone-b',
      year: '2019',
      submitted: 3,
    });
    await put({
      pk: `ENT#${a1}`,
      sk: 'ACTION_COUNTS',
      type: 'action_counts',
      enterpriseId: a1,
      open: 42,
      overdue: 5,
    });
    await put({
      pk: 'ZONE#zone-a',
      sk: 'ACTION_COUNTS',
      type: 'action_counts',
      zoneId: 'zone-a',
      open: 0,
      overdue: 7,
    });
    expect(await oversightViews()).not.toEqual(live);

    const run = await runBackfill({ db: api.db }, { today });
    // zone-a 2026, a1's 2026 and zone-b 2019 (back to zeros); a1's and zone-a's action counters.
    expect(run.rebuilt['year-counters']).toEqual({ checked: 7, rewritten: 3 });
    expect(run.rebuilt['action-counts']).toEqual({ checked: 7, rewritten: 2 });

    // The counters equal a recount from the records, made here without the rebuilders.
    for (const zoneId of ['zone-a', 'zone-b']) {
      const firms = (await listEnterprisesInZone(api.db, { zoneId, limit: 100 })).items;
      let pending = 0;
      let submitted = 0;
      for (const firm of firms) {
        const actions = (await listActionsOfEnterprise(api.db, { enterpriseId: firm.id, limit: 200 })).items;
        const open = actions.filter((action) => action.status === 'open' || action.status === 'in_progress');
        expect(await getEnterpriseActionCounts(api.db, firm.id)).toEqual({ open: open.length, overdue: 0 });
        pending += open.length;
        const checks = (await listAssessments(api.db, { enterpriseId: firm.id, limit: 100 })).items;
        if (checks.some((check) => check.status === 'submitted' && check.period.startsWith('2026')))
          submitted++;
      }
      expect(pending).toBeGreaterThan(0);
      expect(await getZoneActionCounts(api.db, zoneId)).toEqual({ open: pending, overdue: 0 });
      const [counters] = await getZoneReportCounters(api.db, [zoneId], ['2026', '2019']);
      expect(counters?.years['2026']).toMatchObject({ submitted, reportsComplete: 0 });
      expect(counters?.years['2019']).toMatchObject({ submitted: 0, reportsComplete: 0, odExamined: 0 });
    }
    const a1Check = (await listAssessments(api.db, { enterpriseId: a1, limit: 10 })).items.find(
      (check) => check.status === 'submitted',
    );
    expect(await getFirmYearFacts(api.db, a1, '2026')).toMatchObject({
      submitted: true,
      rating: a1Check?.score?.rating,
      monitored: true,
    });
    expect(await oversightViews()).toEqual(live);
    // And a second run finds nothing more to do.
    const again = await runBackfill({ db: api.db }, { today });
    for (const count of Object.values(again.rebuilt)) expect(count.rewritten).toBe(0);
  });

  it('runs only for data older than the current format', async () => {
    expect(await ensureDataFormat({ db: api.db }, { today })).toEqual({ from: DATA_FORMAT_VERSION });
    // A lower version never replaces a higher one.
    await setDataFormatVersion(api.db, 1, now);
    expect(await getDataFormatVersion(api.db)).toBe(DATA_FORMAT_VERSION);
  });

  it('takes further rebuilders, which see every zone and enterprise once', async () => {
    const seen: string[] = [];
    const probe: Rebuilder = {
      name: 'probe',
      create: () => ({
        zone: async (zone) => void seen.push(`zone:${zone.id}`),
        enterprise: async ({ enterprise, assessments }) => {
          seen.push(`enterprise:${enterprise.id}:${(await assessments()).length}`);
        },
        finish: async () => ({ checked: seen.length, rewritten: 0 }),
      }),
    };
    const run = await runBackfill({ db: api.db }, { today }, { rebuilders: [...rebuilders, probe] });
    expect(run.rebuilt.probe).toEqual({ checked: 7, rewritten: 0 });
    expect(seen.filter((entry) => entry.startsWith('zone:')).sort()).toEqual(['zone:zone-a', 'zone:zone-b']);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
