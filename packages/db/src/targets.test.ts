import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DbContext } from './client';
import { createTestDb } from './local';
import {
  getTargetEntry,
  inSampleOrder,
  listTargetEntriesOfZone,
  pageSizeFor,
  putTargetEntry,
  rankKey,
  sampleKey,
  type TargetEntry,
  type TargetReader,
  targetsByPriority,
  targetsInSampleOrder,
} from './targets';

let ctx: DbContext;
const snapshot = {
  sectorCode: 'C1010',
  highRisk: false,
  headcount: 10,
  hazardousWorkers: 0,
  registeredOn: '2026-01-01',
  selfScore: null,
  accidents: [],
  expiredCriticalEvidence: 0,
  credibilityGap: null,
};
const entry = (
  id: string,
  zoneId: string,
  sectorCode: string,
  priority: number,
  mustInclude = false,
): TargetEntry => ({
  enterpriseId: id,
  name: `Firm ${id}`,
  zoneId,
  sectorCode,
  priority,
  mustInclude,
  refreshedOn: '2026-11-28',
  computedAt: '2026-11-28T00:00:00.000Z',
  snapshot: { ...snapshot, sectorCode },
});

// Zone A: 6 firms, zone B: 5 firms; b5 had a fatal accident and must come first whatever its priority.
const entries = [
  entry('a1', 'A', 'C1010', 9),
  entry('a2', 'A', 'C2410', 7.5),
  entry('a3', 'A', 'C2420', 5),
  entry('a4', 'A', 'F4100', 3),
  entry('a5', 'A', 'C2410', 1),
  entry('a6', 'A', 'C1010', 0.4),
  entry('b1', 'B', 'C2410', 8),
  entry('b2', 'B', 'C1010', 6),
  entry('b3', 'B', 'F4100', 4),
  entry('b4', 'B', 'C2410', 2),
  entry('b5', 'B', 'C2420', 0.1, true),
];

beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
  await Promise.all(entries.map((e) => putTargetEntry(ctx, e)));
});

async function take(reader: TargetReader, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = await reader.next();
    if (!next) break;
    ids.push(next.enterpriseId);
  }
  return ids;
}

describe('the priority index', () => {
  it('orders by must-include, then highest priority, then id', () => {
    expect(rankKey({ priority: 22.16, mustInclude: false, enterpriseId: 'e1' })).toBe('1999999997783#e1');
    expect(
      rankKey({ priority: 0, mustInclude: true, enterpriseId: 'e1' }) <
        rankKey({ priority: 5, mustInclude: false, enterpriseId: 'e0' }),
    ).toBe(true);
    expect(sampleKey('e1')).toMatch(/^[0-9a-f]{16}#e1$/);
  });

  it('sizes each zone’s page to its share and a margin, so a merge seldom reads twice', () => {
    expect(pageSizeFor(46, 1)).toBe(46);
    expect(pageSizeFor(46, 8)).toBe(11);
    expect(pageSizeFor(10, 8)).toBe(4);
    expect(pageSizeFor(0, 3)).toBe(1);
  });

  it('merges the zones lazily: the top 4 of 11 firms read far fewer than 11 items', async () => {
    const reader = targetsByPriority(ctx, { zoneIds: ['A', 'B'] }, 2);
    expect(await take(reader, 4)).toEqual(['b5', 'a1', 'b1', 'a2']);
    expect(reader.itemsRead).toBeLessThanOrEqual(6);
    expect(await take(reader, 20)).toEqual(['b2', 'a3', 'b3', 'a4', 'b4', 'a5', 'a6']);
    expect(reader.itemsRead).toBe(11);
  });

  it('resumes after a rank key, reading only what sorts after it', async () => {
    const after = rankKey(entries.find((e) => e.enterpriseId === 'a2') as TargetEntry);
    const reader = targetsByPriority(ctx, { zoneIds: ['A', 'B'] }, 2, after);
    expect(await take(reader, 20)).toEqual(['b2', 'a3', 'b3', 'a4', 'b4', 'a5', 'a6']);
    expect(reader.itemsRead).toBe(7);
  });

  it('reads a division’s own partitions, and filters a finer code inside them', async () => {
    const division = targetsByPriority(ctx, { zoneIds: ['A', 'B'], division: 'C24' }, 3);
    expect(await take(division, 20)).toEqual(['b5', 'b1', 'a2', 'a3', 'b4', 'a5']);
    expect(division.itemsRead).toBe(6);
    const finer = targetsByPriority(ctx, { zoneIds: ['A'], division: 'C24', sectorPrefix: 'C241' }, 1);
    expect(await take(finer, 20)).toEqual(['a2', 'a5']);
    expect(finer.itemsRead).toBe(3);
  });

  it('walks the sample order from any point, wrapping around once', async () => {
    const ordered = [...entries].sort((x, y) =>
      sampleKey(x.enterpriseId) < sampleKey(y.enterpriseId) ? -1 : 1,
    );
    const from = sampleKey(ordered[4]?.enterpriseId ?? '').slice(0, 16);
    const reader = targetsInSampleOrder(ctx, { zoneIds: ['A', 'B'] }, from);
    const walked = await take(reader, 50);
    expect(walked).toEqual([...ordered.slice(4), ...ordered.slice(0, 4)].map((e) => e.enterpriseId));
    const first = targetsInSampleOrder(ctx, { zoneIds: ['A', 'B'] }, from);
    expect(await take(first, 1)).toEqual([ordered[4]?.enterpriseId]);
    expect(first.itemsRead).toBe(2);
  });

  it('orders entries in memory as the walk reads them, so a scope read whole needs no walk', async () => {
    const ordered = [...entries].sort((x, y) =>
      sampleKey(x.enterpriseId) < sampleKey(y.enterpriseId) ? -1 : 1,
    );
    for (const start of [0, 3, 7]) {
      const from = sampleKey(ordered[start]?.enterpriseId ?? '').slice(0, 16);
      const walked = await take(targetsInSampleOrder(ctx, { zoneIds: ['A', 'B'] }, from, 4), 50);
      expect(inSampleOrder(entries, from).map((e) => e.enterpriseId)).toEqual(walked);
    }
  });

  it('reads every partition’s first page at once, and says when nothing is left to read', async () => {
    const reader = targetsByPriority(ctx, { zoneIds: ['A', 'B'] }, 4);
    await reader.prefetch();
    expect(reader.itemsRead).toBe(8);
    expect(reader.complete).toBe(false);
    expect(await take(reader, 20)).toHaveLength(11);
    expect(reader.itemsRead).toBe(11);
    expect(reader.complete).toBe(true);
    const whole = targetsByPriority(ctx, { zoneIds: ['A', 'B'] }, 10);
    await whole.prefetch();
    expect(whole.complete).toBe(true);
  });

  it('never lets an older computation replace a newer one, and moves the firm when its priority changes', async () => {
    expect(
      await putTargetEntry(ctx, { ...entry('a6', 'A', 'C1010', 50), computedAt: '2026-11-29T00:00:00.000Z' }),
    ).toBe(true);
    expect(
      await putTargetEntry(ctx, {
        ...entry('a6', 'A', 'C1010', 0.2),
        computedAt: '2026-11-28T12:00:00.000Z',
      }),
    ).toBe(false);
    expect(await getTargetEntry(ctx, 'a6')).toMatchObject({ priority: 50 });
    expect((await take(targetsByPriority(ctx, { zoneIds: ['A'] }, 5), 1))[0]).toBe('a6');
    expect((await take(targetsByPriority(ctx, { zoneIds: ['A'], division: 'C10' }, 5), 1))[0]).toBe('a6');
    const page = await listTargetEntriesOfZone(ctx, { zoneId: 'A', limit: 10 });
    expect(page.items.map((e) => e.enterpriseId)).toEqual(['a6', 'a1', 'a2', 'a3', 'a4', 'a5']);
  });
});
